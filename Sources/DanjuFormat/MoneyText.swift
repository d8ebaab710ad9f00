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

// MARK: - Parsing

/// Why a text is not a money amount.
public enum MoneyParseError: Error, Sendable, Hashable, CustomStringConvertible {
    case empty
    /// Not of the form `[-][¥]digits[.d[d]]`, with optional comma groups of three digits.
    case malformed(String)
    /// More than two decimals: fractions of a fen are refused rather than silently rounded.
    case tooManyDecimals(String)
    case outOfRange(String)

    public var description: String {
        switch self {
        case .empty: "empty text is not an amount"
        case .malformed(let text): "\"\(text)\" is not an amount like 1,409.50 or -3.2"
        case .tooManyDecimals(let text): "\"\(text)\" has more than two decimals (fractions of a fen)"
        case .outOfRange(let text): "\"\(text)\" is too large an amount"
        }
    }
}

extension Money {
    /// Reads a decimal yuan amount: `1409.5`, `1,409.50`, `-3.2`, `0.01`, `¥1,409.50`, `-¥3.20`.
    ///
    /// Leading and trailing whitespace is ignored. Commas, when used, must group the integer digits
    /// by three (a misplaced comma is more likely a typo than a separator). Both ¥ (U+00A5) and the
    /// full-width ￥ (U+FFE5) are accepted.
    public init(parsing text: String) throws(MoneyParseError) {
        var rest = Substring(text).drop(while: \.isWhitespace)
        while rest.last?.isWhitespace == true { rest = rest.dropLast() }
        guard !rest.isEmpty else { throw .empty }

        let negative = rest.first == "-"
        if negative { rest = rest.dropFirst() }
        if rest.first == "¥" || rest.first == "￥" { rest = rest.dropFirst() }

        let parts = rest.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let yuanDigits = Self.ungrouped(parts[0]) else { throw .malformed(text) }
        let centDigits = parts.count == 2 ? parts[1] : ""
        guard parts.count == 1 || !centDigits.isEmpty, centDigits.allSatisfy(\.isASCIIDigit) else {
            throw .malformed(text)
        }
        guard centDigits.count <= 2 else { throw .tooManyDecimals(text) }

        let paddedCents = centDigits + String(repeating: "0", count: 2 - centDigits.count)
        guard let magnitude = Int64(yuanDigits + paddedCents) else { throw .outOfRange(text) }
        self.init(fen: negative ? -magnitude : magnitude)
    }

    /// The integer digits with valid comma grouping removed, or nil if the groups are wrong.
    private static func ungrouped(_ integerPart: Substring) -> String? {
        let groups = integerPart.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        guard groups.count == 1 || (groups[0].count <= 3 && groups.dropFirst().allSatisfy { $0.count == 3 }) else {
            return nil
        }
        return groups.joined()
    }
}

extension Character {
    /// 0–9 only; `isNumber` would also accept full-width and other scripts' digits.
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
