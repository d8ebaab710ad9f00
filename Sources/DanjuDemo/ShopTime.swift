import DanjuFormat

/// A calendar day, as days since 1970-01-01. Civil-date arithmetic is done here by hand so the demo never asks
/// the system clock or time-zone database anything.
struct Day: Hashable, Comparable, Strideable {
    let number: Int

    init(number: Int) { self.number = number }

    init(_ year: Int, _ month: Int, _ day: Int) {
        number = CivilCalendar.days(year: year, month: month, day: day)
    }

    /// Year, month, day.
    var civil: (year: Int, month: Int, day: Int) { CivilCalendar.date(days: number) }

    /// 0 = Monday … 6 = Sunday.
    var weekday: Int { ((number % 7) + 7 + 3) % 7 }
    var isWeekend: Bool { weekday >= 5 }

    /// 'YYYY-MM-DD'
    var iso: String {
        let (y, m, d) = civil
        return "\(digits(y, 4))-\(digits(m, 2))-\(digits(d, 2))"
    }

    /// 'YYYY-MM'
    var month: String {
        let (y, m, _) = civil
        return "\(digits(y, 4))-\(digits(m, 2))"
    }

    /// The same day of month `months` later, clamped to the month's end.
    func adding(months: Int) -> Day {
        let (y, m, d) = civil
        let index = y * 12 + (m - 1) + months
        let year = index / 12, month = index % 12 + 1
        return Day(year, month, min(d, CivilCalendar.daysInMonth(year: year, month: month)))
    }

    static func < (a: Day, b: Day) -> Bool { a.number < b.number }
    func distance(to other: Day) -> Int { other.number - number }
    func advanced(by n: Int) -> Day { Day(number: number + n) }
}

/// A wall-clock instant in the shop's zone, Asia/Shanghai: UTC+8 all year (no daylight saving since 1991),
/// so local seconds map to ISO 8601 text with a fixed '+08:00'.
struct LocalTime: Hashable, Comparable {
    let seconds: Int

    init(seconds: Int) { self.seconds = seconds }

    init(_ day: Day, _ hour: Int, _ minute: Int, _ second: Int = 0) {
        seconds = day.number * 86_400 + hour * 3_600 + minute * 60 + second
    }

    var day: Day { Day(number: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400) }
    var secondOfDay: Int { seconds - day.number * 86_400 }
    var minuteOfDay: Int { secondOfDay / 60 }

    func adding(minutes: Int) -> LocalTime { LocalTime(seconds: seconds + minutes * 60) }
    func adding(seconds extra: Int) -> LocalTime { LocalTime(seconds: seconds + extra) }
    func minutes(since other: LocalTime) -> Int { (seconds - other.seconds) / 60 }

    /// '2026-10-05T08:31:00+08:00'
    var iso: String {
        let s = secondOfDay
        return "\(day.iso)T\(digits(s / 3_600, 2)):\(digits(s / 60 % 60, 2)):\(digits(s % 60, 2))+08:00"
    }

    static func < (a: LocalTime, b: LocalTime) -> Bool { a.seconds < b.seconds }
}

/// Zero-padded decimal.
func digits(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}
