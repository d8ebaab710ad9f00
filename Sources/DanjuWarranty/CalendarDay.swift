import DanjuFormat

/// A calendar date without time of day (a purchase, failure or repair date), counted in days since 1970-01-01.
public struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let number: Int

    /// The last day a record's date can name (dates are stored as YYYY-MM-DD).
    public static let last = CalendarDay(year: 9999, month: 12, day: 31)

    public init(year: Int, month: Int, day: Int) {
        number = CivilCalendar.days(year: year, month: month, day: day)
    }

    init(number: Int) { self.number = number }

    /// Reads the date part of `2026-10-05` or `2026-10-05T08:31:00+08:00`; nil when it is not one.
    public init?(iso text: String) {
        let parts = text.prefix(10).split(separator: "-")
        guard text.count >= 10, parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...CivilCalendar.daysInMonth(year: year, month: month)).contains(day) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The same day `months` later; the 31st becomes the month's last day when the month is shorter. Nil when
    /// that is after `CalendarDay.last` (a policy of 2^63 months ends after any date a record holds).
    public func adding(months: Int) -> CalendarDay? {
        let (year, month, day) = CivilCalendar.date(days: number)
        let (index, overflow) = (year * 12 + (month - 1)).addingReportingOverflow(months)
        guard !overflow, index >= 0, index < 10_000 * 12 else { return nil }
        let newYear = index / 12, newMonth = index % 12 + 1
        return CalendarDay(year: newYear, month: newMonth, day: min(day, CivilCalendar.daysInMonth(year: newYear, month: newMonth)))
    }

    public func advanced(by days: Int) -> CalendarDay { CalendarDay(number: number + days) }

    public var description: String {
        let (year, month, day) = CivilCalendar.date(days: number)
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool { a.number < b.number }
}

/// A date as a record gives it: a day, nothing, or text that names no day (the schema's pattern lets
/// `2026-02-30` through). The rule reads every date this way, so a missing or broken one is named, never skipped.
public enum RecordedDate: Sendable, Hashable {
    case day(CalendarDay)
    case missing
    case invalid(String)

    public init(_ text: String?) {
        guard let text, !text.isEmpty else { self = .missing; return }
        self = CalendarDay(iso: text).map { .day($0) } ?? .invalid(text)
    }

    public var day: CalendarDay? {
        if case .day(let day) = self { day } else { nil }
    }

    /// What is wrong with it, said of `what` (故障日期, 整机登记日 …); nil for a day.
    func problem(_ what: String) -> String? {
        switch self {
        case .day: nil
        case .missing: "缺少\(what)"
        case .invalid(let text): "\(what)“\(text)”不是有效日期"
        }
    }
}
