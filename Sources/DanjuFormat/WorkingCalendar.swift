/// The shop's working time, which time limits such as “reply every two working hours” and “answer before closing
/// time” count in: the working weekdays, the dated exceptions of the official calendar (a public holiday on a working
/// weekday, a weekend day worked in exchange, 调休), and the hours of a working day, all on the shop's wall clock.
///
/// Working time is counted on the wall clock: a daylight-saving change in the night does not shorten a working day.
/// Days are numbered as `CivilCalendar.days` numbers them (0 is 1970-01-01, a Thursday).
public struct WorkingCalendar: Sendable {
    /// ISO weekdays the shop works when no exception says otherwise: 1 = Monday … 7 = Sunday.
    public let weekdays: Set<Int>
    /// Opening and closing time, in seconds after midnight.
    public let opening: Int
    public let closing: Int
    public let timeZone: ShopTimeZone
    /// Whether the shop works on each day that differs from its weekday, by day number.
    private let exceptions: [Int: Bool]
    /// The days that differ from their weekday, in order, each with the working days they add up to and including
    /// it (+1 for a weekend day worked, −1 for a holiday on a working weekday): what a count by weekdays misses.
    private let adjustments: [(day: Int, total: Int)]
    /// For each day of the 7-day cycle that starts on day 0, how many working weekdays come before it in the cycle;
    /// the last entry is the whole week's.
    private let weekdaysBefore: [Int]

    /// `daysOff` and `workingDays` are day numbers; a day listed that its weekday already makes so is allowed.
    public init(weekdays: Set<Int>, opening: Int, closing: Int, daysOff: Set<Int> = [], workingDays: Set<Int> = [],
                timeZone: ShopTimeZone) throws(WorkingCalendarError) {
        guard !weekdays.isEmpty, weekdays.allSatisfy((1...7).contains) else { throw .weekdays }
        guard 0 <= opening, opening < closing, closing <= 86_400 else { throw .hours }
        if let day = daysOff.intersection(workingDays).min() { throw .contradictoryDay(day) }
        self.weekdays = weekdays
        self.opening = opening
        self.closing = closing
        self.timeZone = timeZone
        var before = [0]
        for cycleDay in 0..<7 { before.append(before[cycleDay] + (weekdays.contains(Self.isoWeekday(cycleDay)) ? 1 : 0)) }
        weekdaysBefore = before
        let exceptions = Dictionary(uniqueKeysWithValues: daysOff.map { ($0, false) } + workingDays.map { ($0, true) })
            .filter { day, works in works != weekdays.contains(Self.isoWeekday(day)) }
        var total = 0
        adjustments = exceptions.keys.sorted().map { day in
            total += exceptions[day]! ? 1 : -1
            return (day, total)
        }
        self.exceptions = exceptions
    }

    /// Whether the shop works on the day.
    public func isWorkingDay(_ day: Int) -> Bool {
        exceptions[day] ?? weekdays.contains(Self.isoWeekday(day))
    }

    /// Working seconds from one instant to another (seconds since 1970): the parts of working days between opening
    /// and closing time that lie between them. Negative when `end` comes before `start`.
    public func workingSeconds(from start: Int64, to end: Int64) -> Int64 {
        position(end) - position(start)
    }

    /// The first closing time after `instant`: that day's when the shop works that day and has not yet closed,
    /// otherwise the next working day's. A limit of “the same working day” ends there.
    public func nextClosing(after instant: Int64) -> Int64 {
        let (day, second) = localDay(instant)
        var closingDay = isWorkingDay(day) && second < closing ? day : day + 1
        // Ends: any seven days in a row hold a working weekday, unless exceptions (finitely many) cover them.
        while !isWorkingDay(closingDay) { closingDay += 1 }
        let local = Int64(closingDay) * 86_400 + Int64(closing)
        return local - Int64(timeZone.offset(atWallClock: local))
    }

    /// The earliest instant by which `seconds` (not negative) of working time have passed since `instant`: a limit of
    /// “within two working hours” ends at `adding(workingSeconds: 7_200, to: start)`.
    public func adding(workingSeconds seconds: Int64, to instant: Int64) -> Int64 {
        precondition(seconds >= 0, "working time to add must not be negative")
        guard seconds > 0 else { return instant }
        var (day, second) = localDay(instant)
        var left = seconds
        while true {
            let from = max(second, opening)
            if isWorkingDay(day), from < closing {
                if left <= Int64(closing - from) {
                    let local = Int64(day) * 86_400 + Int64(from) + left
                    return local - Int64(timeZone.offset(atWallClock: local))
                }
                left -= Int64(closing - from)
            }
            (day, second) = (day + 1, 0)
        }
    }

    /// ISO weekday of a day number (day 0, 1970-01-01, was a Thursday).
    public static func isoWeekday(_ day: Int) -> Int {
        (day % 7 + 7 + 3) % 7 + 1
    }

    /// Working seconds from the start of day 0 to the instant: the difference of two positions is working time.
    private func position(_ instant: Int64) -> Int64 {
        let (day, second) = localDay(instant)
        let today = isWorkingDay(day) ? min(max(second - opening, 0), closing - opening) : 0
        return Int64(workingDays(before: day)) * Int64(closing - opening) + Int64(today)
    }

    /// Working days from day 0 up to (not including) `day`; negative before day 0.
    private func workingDays(before day: Int) -> Int {
        let weeks = day >= 0 ? day / 7 : (day - 6) / 7
        let byWeekday = weeks * weekdaysBefore[7] + weekdaysBefore[day - weeks * 7]
        // The last exception before `day`, by binary search.
        var (low, high) = (0, adjustments.count)
        while low < high {
            let middle = (low + high) / 2
            if adjustments[middle].day < day { low = middle + 1 } else { high = middle }
        }
        return byWeekday + (low > 0 ? adjustments[low - 1].total : 0)
    }

    /// The instant's day number and second of the day on the shop's clock.
    private func localDay(_ instant: Int64) -> (day: Int, second: Int) {
        let local = instant + Int64(timeZone.offset(at: instant))
        let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        return (Int(day), Int(local - day * 86_400))
    }
}

/// Why a working calendar cannot be made from the shop's settings.
public enum WorkingCalendarError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No working weekday, or a number outside 1–7.
    case weekdays
    /// Opening time not before closing time, or outside the day.
    case hours
    /// A day listed both as a day off and as a working day.
    case contradictoryDay(Int)

    public var description: String {
        switch self {
        case .weekdays: "the working weekdays must be one or more of 1–7 (1 = Monday)"
        case .hours: "the working day must open before it closes"
        case .contradictoryDay(let day):
            "day \(CivilCalendar.date(days: day)) is listed both as a day off and as a working day"
        }
    }
}
