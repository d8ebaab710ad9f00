/// A value handed to `ValueFormat`: the database's storage classes that forms print, without a
/// dependency on the database module.
public enum FormatInput: Sendable, Hashable {
    case null
    case integer(Int64)
    /// A floating-point number: printed as it is, refused where a format needs an exact INTEGER.
    case real(Double)
    case text(String)

    /// `.text`, or `.null` for nil.
    public init(_ text: String?) {
        self = text.map { .text($0) } ?? .null
    }

    /// `.integer`, or `.null` for nil.
    public init(_ integer: Int64?) {
        self = integer.map { .integer($0) } ?? .null
    }

    /// How the input appears in error messages.
    var quoted: String {
        switch self {
        case .null: "NULL"
        case .integer(let value): String(value)
        case .real(let value): "the REAL \(value)"
        case .text(let text): "\"\(text)\""
        }
    }
}

/// A format name used in templates (`format: money`), resolved once when the template is loaded.
///
/// Every format prints NULL as empty text, a blank field on the form. The names:
///
/// | name           | input                                  | output                          |
/// |----------------|----------------------------------------|---------------------------------|
/// | `money`        | INTEGER fen                            | `1,409.50`                      |
/// | `money-yuan`   | same                                   | `¥1,409.50`                     |
/// | `money-plain`  | same                                   | `1409.50`                       |
/// | `daxie`        | same, not negative                     | `人民币壹仟肆佰零玖元伍角`        |
/// | `date`         | TEXT ISO 8601 date or time             | `2026-10-05`                    |
/// | `datetime`     | TEXT ISO 8601 time with offset         | `2026-10-05 08:31`              |
/// | `cn-date`      | TEXT ISO 8601 date or time             | `2026年10月5日`                  |
/// | `cn-datetime`  | TEXT ISO 8601 time with offset         | `2026年10月5日 08:31`            |
/// | `time`         | TEXT ISO 8601 time with offset         | `08:31`                         |
/// | `pattern:…`    | TEXT ISO 8601; `TimePattern` syntax    | e.g. `pattern:M月d日` → `10月5日` |
/// | `phone-masked` | TEXT (or INTEGER) phone number         | `138****1234`, see `PhoneMask`  |
/// | `hours-tenths` | INTEGER tenths of an hour              | `12345` → `1234.5 h`            |
/// | `hours-hundredths` | INTEGER hundredths of an hour      | `250` → `2.5 h`                 |
/// | `thousandths`  | INTEGER thousandths (quantities)       | `1500` → `1.5`, `2000` → `2`    |
///
/// Times are printed on the shop's clock (`ShopTimeZone`); a bare date is printed as it is. The money formats
/// take nothing but INTEGER fen: a REAL (from `total()`, `avg()`, a decimal division, an integer sum or product
/// SQLite continued in floating point, or a non-STRICT column) or a TEXT would print a wrong or 100× figure.
public struct ValueFormat: Sendable, Hashable {
    /// The name as written in the template, for error messages.
    public let name: String
    private let kind: Kind

    private enum Kind: Sendable, Hashable {
        case money(MoneyStyle)
        case daxie
        case time(TimePattern)
        case phoneMasked
        /// Hours stored as an integer count of 1/`scale` hour.
        case hours(scale: UInt64)
        case thousandths
    }

    private static let named: [String: Kind] = [
        "money": .money(.grouped), "money-yuan": .money(.yuan), "money-plain": .money(.plain),
        "daxie": .daxie,
        "date": .time(.date), "datetime": .time(.dateTime), "cn-date": .time(.chineseDate),
        "cn-datetime": .time(.chineseDateTime), "time": .time(.time),
        "phone-masked": .phoneMasked, "hours-tenths": .hours(scale: 10), "hours-hundredths": .hours(scale: 100), "thousandths": .thousandths,
    ]
    private static let patternPrefix = "pattern:"

    /// Resolves a template's format name; throws for unknown names and bad `pattern:` patterns.
    public init(name: String) throws(ValueFormatError) {
        self.name = name
        if let kind = Self.named[name] {
            self.kind = kind
        } else if name.hasPrefix(Self.patternPrefix) {
            do {
                kind = .time(try TimePattern(String(name.dropFirst(Self.patternPrefix.count))))
            } catch {
                throw ValueFormatError(format: name, input: nil, reason: error.description)
            }
        } else {
            let known = Self.named.keys.sorted().joined(separator: ", ")
            throw ValueFormatError(format: name, input: nil, reason: "unknown format; known: \(known), pattern:…")
        }
    }

    /// The text to print for `input`; `zone` is the shop's time zone for time formats.
    public func format(_ input: FormatInput, in zone: ShopTimeZone) throws(ValueFormatError) -> String {
        func fail(_ reason: String) -> ValueFormatError {
            ValueFormatError(format: name, input: input, reason: reason)
        }
        switch (kind, input) {
        case (_, .null):
            return ""
        case (.money(let style), .integer(let fen)):
            return Money(fen: fen).formatted(style)
        case (.daxie, .integer(let fen)):
            do {
                return try ChineseAmount.words(for: Money(fen: fen))
            } catch {
                throw fail(error.description)
            }
        case (.money, .real), (.money, .text), (.daxie, .real), (.daxie, .text):
            throw fail(Self.notFen)
        case (.time(let pattern), .text(let text)):
            do {
                return try pattern.string(from: ShopTime(iso8601: text), in: zone)
            } catch {
                throw fail(error.description)
            }
        case (.phoneMasked, .text(let text)):
            return PhoneMask.masked(text)
        case (.phoneMasked, .integer(let number)):
            return PhoneMask.masked(String(number))
        case (.hours(let scale), .integer(let count)):
            return Self.decimal(count, scale: scale, minimumDecimals: 1) + " h"
        case (.thousandths, .integer(let thousandths)):
            return Self.decimal(thousandths, scale: 1_000, minimumDecimals: 0)
        case (.time, .integer), (.time, .real):
            throw fail("expects ISO 8601 text such as 2026-10-05T08:31:00+08:00")
        case (.phoneMasked, .real):
            throw fail("expects a phone number as TEXT")
        case (.hours, .text), (.hours, .real), (.thousandths, .text), (.thousandths, .real):
            throw fail("expects an INTEGER")
        }
    }

    private static let notFen = "money must be an INTEGER amount of fen; a REAL comes from total(), avg(), a decimal "
        + "division, a sum or product beyond 64 bits or a non-STRICT column"

    /// `value / scale` in decimal, trailing zeros dropped down to `minimumDecimals`.
    private static func decimal(_ value: Int64, scale: UInt64, minimumDecimals: Int) -> String {
        let magnitude = value.magnitude
        let width = String(scale).count - 1
        var fraction = String(magnitude % scale)
        fraction = String(repeating: "0", count: width - fraction.count) + fraction
        while fraction.count > minimumDecimals, fraction.last == "0" { fraction.removeLast() }
        let sign = value < 0 ? "-" : ""
        return sign + String(magnitude / scale) + (fraction.isEmpty ? "" : "." + fraction)
    }
}

/// A value that a format cannot print, or a format name that does not exist.
public struct ValueFormatError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The format name as written in the template.
    public let format: String
    /// The offending value; nil when the format name itself is wrong.
    public let input: FormatInput?
    public let reason: String

    public var description: String {
        guard let input else { return "format \"\(format)\": \(reason)" }
        return "format \"\(format)\" cannot print \(input.quoted): \(reason)"
    }
}
