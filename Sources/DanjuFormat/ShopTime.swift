/// A date or time read from the database: either an instant (stored with its UTC offset) or a bare
/// calendar date. Instants are shown on the shop's clock by `TimePattern`; dates are shown as they are.
public enum ShopTime: Sendable, Hashable {
    /// Seconds since 1970-01-01T00:00:00Z. Fractions of a second are dropped: forms show minutes.
    case instant(secondsSince1970: Int64)
    /// A date with no time of day (a purchase date, a deadline): the same date in every time zone.
    case date(year: Int, month: Int, day: Int)
}

/// Why a date or time could not be read, converted or printed.
public enum ShopTimeError: Error, Sendable, Hashable, CustomStringConvertible {
    case malformed(text: String, reason: String)
    case unknownTimeZone(String)
    case badPattern(pattern: String, reason: String)
    /// A pattern with hours or minutes was given a date that has no time of day.
    case noTimeOfDay(pattern: String)

    public var description: String {
        switch self {
        case .malformed(let text, let reason): "\"\(text)\" is not an ISO 8601 date or time: \(reason)"
        case .unknownTimeZone(let identifier): "unknown time zone \"\(identifier)\""
        case .badPattern(let pattern, let reason): "bad time pattern \"\(pattern)\": \(reason)"
        case .noTimeOfDay(let pattern): "pattern \"\(pattern)\" shows a time of day but the value is a date only"
        }
    }
}

extension ShopTime {
    /// Reads `2026-10-05` as a date, and `2026-10-05T08:31:00+08:00` as an instant.
    ///
    /// Instants need a UTC offset (`Z`, `+08:00`, `+0800` or `+08`): without one the instant would
    /// depend on where the text is read. Also accepted: a space instead of `T`, no seconds
    /// (`2026-10-05T08:31+08:00`), and fractional seconds (`08:31:00.250Z`).
    public init(iso8601 text: String) throws(ShopTimeError) {
        var scanner = ISOScanner(text)
        func fail(_ reason: String) -> ShopTimeError { .malformed(text: text, reason: reason) }

        guard let year = scanner.number(digits: 4), scanner.skip("-"),
              let month = scanner.number(digits: 2), scanner.skip("-"),
              let day = scanner.number(digits: 2)
        else { throw fail("expected a date like 2026-10-05") }
        guard (1...12).contains(month), (1...CivilCalendar.daysInMonth(year: year, month: month)).contains(day)
        else { throw fail("no such date") }
        let days = CivilCalendar.days(year: year, month: month, day: day)
        if scanner.isAtEnd {
            self = .date(year: year, month: month, day: day)
            return
        }

        guard scanner.skip("T") || scanner.skip("t") || scanner.skip(" "),
              let hour = scanner.number(digits: 2), scanner.skip(":"),
              let minute = scanner.number(digits: 2)
        else { throw fail("expected a time like T08:31 after the date") }
        var second = 0
        if scanner.skip(":") {
            guard let parsed = scanner.number(digits: 2) else { throw fail("expected two digits of seconds") }
            second = parsed
            if scanner.skip(".") || scanner.skip(",") {
                guard scanner.skipDigits() else { throw fail("expected digits after the decimal point") }
            }
        }
        guard hour < 24, minute < 60, second < 60 else { throw fail("no such time of day") }
        guard let offset = scanner.utcOffset() else { throw fail("expected a UTC offset like Z or +08:00") }
        guard scanner.isAtEnd else { throw fail("unexpected text after the UTC offset") }

        let localSeconds = Int64(days) * 86_400 + Int64(hour * 3_600 + minute * 60 + second)
        self = .instant(secondsSince1970: localSeconds - Int64(offset))
    }
}

/// A cursor over the UTF-8 bytes of an ISO 8601 text.
private struct ISOScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    var isAtEnd: Bool { index == bytes.count }

    /// Consumes `character` if it is next.
    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }

    /// Consumes exactly `digits` ASCII digits and returns their value.
    mutating func number(digits: Int) -> Int? {
        guard index + digits <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index..<index + digits] {
            guard let digit = Self.digit(byte) else { return nil }
            value = value * 10 + digit
        }
        index += digits
        return value
    }

    /// Consumes one or more digits; false if there are none.
    mutating func skipDigits() -> Bool {
        let start = index
        while index < bytes.count, Self.digit(bytes[index]) != nil { index += 1 }
        return index > start
    }

    /// Consumes `Z`, `±HH`, `±HHMM` or `±HH:MM` and returns the offset east of UTC in seconds.
    mutating func utcOffset() -> Int? {
        if skip("Z") || skip("z") { return 0 }
        let sign: Int
        if skip("+") { sign = 1 } else if skip("-") { sign = -1 } else { return nil }
        guard let hours = number(digits: 2), hours <= 18 else { return nil }
        var minutes = 0
        if !isAtEnd {
            _ = skip(":")  // optional: +08:00 and +0800 are both ISO 8601
            guard let parsed = number(digits: 2), parsed < 60 else { return nil }
            minutes = parsed
        }
        return sign * (hours * 3_600 + minutes * 60)
    }

    private static func digit(_ byte: UInt8) -> Int? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int(byte - UInt8(ascii: "0")) : nil
    }
}
