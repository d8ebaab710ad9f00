/// A compiled pattern for printing a `ShopTime` on the shop's clock.
///
/// Fields: `yyyy` year, `MM`/`M` month with/without leading zero, `dd`/`d` day, `HH`/`H` hour (0–23),
/// `mm` minute, `ss` second. Any other ASCII letter is an error (so a typo like `YYYY` is caught);
/// quote letters to print them literally (`'T'`, and `''` for a quote). Everything else, such as
/// 年月日, `-`, `:` and spaces, is printed as written.
public struct TimePattern: Sendable, Hashable {
    /// `2026-10-05`
    public static let date = TimePattern(known: "yyyy-MM-dd")
    /// `2026-10-05 08:31`
    public static let dateTime = TimePattern(known: "yyyy-MM-dd HH:mm")
    /// `2026年10月5日`
    public static let chineseDate = TimePattern(known: "yyyy年M月d日")
    /// `2026年10月5日 08:31`
    public static let chineseDateTime = TimePattern(known: "yyyy年M月d日 HH:mm")
    /// `08:31`
    public static let time = TimePattern(known: "HH:mm")

    /// The pattern as written, for error messages.
    public let source: String
    private let pieces: [Piece]

    private enum Piece: Sendable, Hashable {
        case literal(String)
        case field(Field)
    }

    private enum Field: Sendable, Hashable {
        case year, month, paddedMonth, day, paddedDay, hour, paddedHour, minute, second

        var needsTimeOfDay: Bool {
            switch self {
            case .hour, .paddedHour, .minute, .second: true
            case .year, .month, .paddedMonth, .day, .paddedDay: false
            }
        }
    }

    public init(_ pattern: String) throws(ShopTimeError) {
        source = pattern
        pieces = try Self.compile(pattern)
    }

    /// For the built-in patterns above, which are known to compile.
    private init(known pattern: String) {
        source = pattern
        pieces = try! Self.compile(pattern)
    }

    /// `time` as read on `zone`'s clock. Throws `.noTimeOfDay` if the pattern shows hours, minutes
    /// or seconds and `time` is a bare date.
    public func string(from time: ShopTime, in zone: ShopTimeZone) throws(ShopTimeError) -> String {
        let clock = zone.wallClock(time)
        var text = ""
        for piece in pieces {
            switch piece {
            case .literal(let literal):
                text += literal
            case .field(let field):
                if field.needsTimeOfDay, clock.timeOfDay == nil { throw .noTimeOfDay(pattern: source) }
                text += Self.value(of: field, in: clock)
            }
        }
        return text
    }

    private static func value(of field: Field, in clock: WallClock) -> String {
        let time = clock.timeOfDay ?? (0, 0, 0)
        return switch field {
        case .year: padded(clock.year, width: 4)
        case .month: String(clock.month)
        case .paddedMonth: padded(clock.month, width: 2)
        case .day: String(clock.day)
        case .paddedDay: padded(clock.day, width: 2)
        case .hour: String(time.hour)
        case .paddedHour: padded(time.hour, width: 2)
        case .minute: padded(time.minute, width: 2)
        case .second: padded(time.second, width: 2)
        }
    }

    private static func padded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    // MARK: - Compiling

    private static let fields: [String: Field] = [
        "yyyy": .year, "M": .month, "MM": .paddedMonth, "d": .day, "dd": .paddedDay,
        "H": .hour, "HH": .paddedHour, "mm": .minute, "ss": .second,
    ]

    private static func compile(_ pattern: String) throws(ShopTimeError) -> [Piece] {
        var pieces: [Piece] = []
        var literal = ""
        var rest = Substring(pattern)
        while let character = rest.first {
            if character == "'" {
                literal += try quoted(&rest, in: pattern)
            } else if character.isASCII, character.isLetter {
                let run = rest.prefix { $0 == character }
                guard let field = fields[String(run)] else {
                    let reason = "unknown field \"\(run)\"; use yyyy MM M dd d HH H mm ss"
                    throw .badPattern(pattern: pattern, reason: reason)
                }
                if !literal.isEmpty { pieces.append(.literal(literal)) }
                literal = ""
                pieces.append(.field(field))
                rest = rest.dropFirst(run.count)
            } else {
                literal.append(character)
                rest = rest.dropFirst()
            }
        }
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        return pieces
    }

    /// Consumes a quoted literal starting at `rest`'s opening quote; `''` stands for one quote.
    private static func quoted(_ rest: inout Substring, in pattern: String) throws(ShopTimeError) -> String {
        rest = rest.dropFirst()
        if rest.first == "'" {
            rest = rest.dropFirst()
            return "'"
        }
        guard let end = rest.firstIndex(of: "'") else {
            throw .badPattern(pattern: pattern, reason: "unterminated quote")
        }
        let text = String(rest[..<end])
        rest = rest[rest.index(after: end)...]
        return text
    }
}
