import DanjuFormat

/// A calendar date without time of day (a purchase, failure or repair date), counted in days since 1970-01-01.
public struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let number: Int

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

    /// The same day `months` later; the 31st becomes the month's last day when the month is shorter.
    public func adding(months: Int) -> CalendarDay {
        let (year, month, day) = CivilCalendar.date(days: number)
        let index = year * 12 + (month - 1) + months
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

/// The limits of a warranty policy: months from the start date and hours or kilometres, whichever runs out first.
public struct WarrantyLimits: Sendable, Hashable {
    public let months: Int
    public let hours: Int?
    public let km: Int?

    public init(months: Int, hours: Int?, km: Int?) {
        self.months = months
        self.hours = hours
        self.km = km
    }
}

/// What a claim states about the machine and the failure.
public struct ClaimFacts: Sendable, Hashable {
    /// Warranty start: the registration, invoice or delivery date, as the policy says; nil when the machine has none.
    public let start: CalendarDay?
    public let failure: CalendarDay
    /// Hour meter at the failure, in tenths of an hour (the meter shows one decimal).
    public let hoursAtFailureTenths: Int?
    public let kmAtFailure: Int?
    /// The date of the repair being claimed (S000 保修索赔 一.2: 上次维修日期是否在保修期内).
    public let repair: CalendarDay?

    public init(start: CalendarDay?, failure: CalendarDay, hoursAtFailureTenths: Int?, kmAtFailure: Int?, repair: CalendarDay?) {
        self.start = start
        self.failure = failure
        self.hoursAtFailureTenths = hoursAtFailureTenths
        self.kmAtFailure = kmAtFailure
        self.repair = repair
    }
}

/// Whether a claim is covered, and the sentence that says why, as printed on the technical report.
///
/// Every limit is a half-open interval, the way the manufacturers count it: a 36-month warranty from
/// 2023-03-15 covers up to 2026-03-14, and 2026-03-15 is the first day out; a 5,000 h warranty covers
/// meter readings below 5000.0 h, and 5000.0 h is the first reading out.
public struct WarrantyEligibility: Sendable, Hashable {
    public let eligible: Bool
    public let reason: String
    /// The last day the warranty covers; nil without a start date.
    public let lastCoveredDay: CalendarDay?

    public init(limits: WarrantyLimits, facts: ClaimFacts) {
        guard let start = facts.start else {
            eligible = false
            reason = "不在保：整机无保修起始日（未登记或无发票日期）"
            lastCoveredDay = nil
            return
        }
        let lastDay = start.adding(months: limits.months).advanced(by: -1)
        lastCoveredDay = lastDay
        var problems: [String] = []
        if facts.failure < start { problems.append("故障日期\(facts.failure)早于保修起始日\(start)") }
        if facts.failure > lastDay { problems.append("故障日期\(facts.failure)已过保修截止日\(lastDay)（\(limits.months)个月）") }
        if let hours = limits.hours {
            if let tenths = facts.hoursAtFailureTenths {
                if tenths >= hours * 10 { problems.append("故障时工作小时\(Self.hours(tenths))已达保修限额\(hours) h") }
            } else {
                problems.append("无故障时工作小时读数，无法核对\(hours) h限额")
            }
        }
        if let km = limits.km {
            if let reading = facts.kmAtFailure {
                if reading >= km { problems.append("故障时行驶里程\(reading) km已达保修限额\(km) km") }
            } else {
                problems.append("无故障时里程读数，无法核对\(km) km限额")
            }
        }
        if let repair = facts.repair, repair < start || repair > lastDay {
            problems.append("维修日期\(repair)不在保修期内")
        }
        eligible = problems.isEmpty
        if eligible {
            var usage: [String] = []
            if let hours = limits.hours, let tenths = facts.hoursAtFailureTenths { usage.append("故障时\(Self.hours(tenths))，限额\(hours) h") }
            if let km = limits.km, let reading = facts.kmAtFailure { usage.append("故障时\(reading) km，限额\(km) km") }
            reason = (["在保：保修期\(start)至\(lastDay)（\(limits.months)个月）"] + usage).joined(separator: "；")
        } else {
            reason = "不在保：" + problems.joined(separator: "；")
        }
    }

    /// Tenths of an hour as the meter shows them: 12345 → "1234.5 h".
    static func hours(_ tenths: Int) -> String { "\(tenths / 10).\(tenths % 10) h" }
}
