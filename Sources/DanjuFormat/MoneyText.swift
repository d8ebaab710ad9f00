/// How `Money.formatted(_:)` writes an amount; every style has exactly two decimals.
public enum MoneyStyle: Sendable, Hashable {
    /// `1,409.50`, `-3.20`: thousands separators, the usual style in 金额 columns.
    case grouped
    /// `¥1,409.50`, `-¥3.20`: with the yuan sign (U+00A5) for totals (小写金额).
    case yuan
    /// `1409.50`, `-3.20`: no separators, for exports and QR payloads.
    case plain
}

extension Money {
    public func formatted(_ style: MoneyStyle = .grouped) -> String {
        // The magnitude is unsigned, so Int64.min fen formats too.
        let magnitude = fen.magnitude
        let yuan = String(magnitude / 100)
        let cents = magnitude % 100
        var text = fen < 0 ? "-" : ""
        if style == .yuan { text += "¥" }
        text += style == .plain ? yuan : Self.grouped(yuan)
        text += cents < 10 ? ".0\(cents)" : ".\(cents)"
        return text
    }

    /// Inserts a comma every three digits from the right.
    private static func grouped(_ digits: String) -> String {
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }
}

extension Money: CustomStringConvertible {
    /// The plain style, `1409.50`.
    public var description: String { formatted(.plain) }
}
