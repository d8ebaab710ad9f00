import DanjuFormat
import Foundation
import Testing

@Suite struct WorkingCalendarTests {
    static let shanghai = try! ShopTimeZone(identifier: "Asia/Shanghai")

    static func day(_ iso: String) -> Int {
        let parts = iso.split(separator: "-").map { Int($0)! }
        return CivilCalendar.days(year: parts[0], month: parts[1], day: parts[2])
    }

    static func days(_ from: String, through to: String) -> Set<Int> { Set(day(from)...day(to)) }

    static func instant(_ text: String) -> Int64 {
        guard case .instant(let seconds) = try! ShopTime(iso8601: text) else { fatalError(text) }
        return seconds
    }

    /// An office week (Monday to Friday, 08:30–17:30) with the State Council's arrangements around 国庆 2025
    /// (国办发明电〔2024〕12号: 10-01 … 10-08 off, 09-28 and 10-11 worked) and 春节 2026 (notice of 2025-11-04:
    /// 02-15 … 02-23 off, 02-14 and 02-28 worked).
    static let office = try! WorkingCalendar(
        weekdays: [1, 2, 3, 4, 5], opening: 8 * 3_600 + 30 * 60, closing: 17 * 3_600 + 30 * 60,
        daysOff: days("2025-10-01", through: "2025-10-08").union(days("2026-02-15", through: "2026-02-23")),
        workingDays: [day("2025-09-28"), day("2025-10-11"), day("2026-02-14"), day("2026-02-28")], timeZone: shanghai)

    func hours(_ from: String, _ to: String, in calendar: WorkingCalendar = office) -> Double {
        Double(calendar.workingSeconds(from: Self.instant(from), to: Self.instant(to))) / 3_600
    }

    func closing(after text: String, in calendar: WorkingCalendar = office) -> String {
        calendar.timeZone.iso8601(calendar.nextClosing(after: Self.instant(text)))
    }

    @Test func theNationalDayHolidayOf2025CountsNoWorkingTime() {
        // Tuesday 30 September 16:00 to Thursday 9 October 10:00: 1.5 h before the holiday, 1.5 h after it.
        #expect(hours("2025-09-30T16:00:00+08:00", "2025-10-09T10:00:00+08:00") == 3)
        // Inside the holiday nothing counts, also on the weekdays 1–3 and 6–8 October.
        #expect(hours("2025-10-01T09:00:00+08:00", "2025-10-08T17:00:00+08:00") == 0)
        // Sunday 28 September is worked in exchange: Saturday noon to Monday 09:00 is that day and half an hour.
        #expect(hours("2025-09-27T12:00:00+08:00", "2025-09-29T09:00:00+08:00") == 9.5)
        // So is Saturday 11 October: Friday 17:00 to Monday 13 October 09:00 is 0.5 + 9 + 0.5 h.
        #expect(hours("2025-10-10T17:00:00+08:00", "2025-10-13T09:00:00+08:00") == 10)
        // Backwards, the same time negative.
        #expect(hours("2025-10-09T10:00:00+08:00", "2025-09-30T16:00:00+08:00") == -3)
        // Without the exceptions, the weekdays 1–3 and 6–8 October would count 6 × 9 h.
        let weekdaysOnly = try! WorkingCalendar(weekdays: [1, 2, 3, 4, 5], opening: Self.office.opening, closing: Self.office.closing,
                                                timeZone: Self.shanghai)
        #expect(hours("2025-09-30T16:00:00+08:00", "2025-10-09T10:00:00+08:00", in: weekdaysOnly) == 57)
    }

    @Test func aComplaintOnTheEveOfTheNationalDayIsAnsweredWhenTheShopReopens() {
        #expect(closing(after: "2025-09-30T16:00:00+08:00") == "2025-09-30T17:30:00+08:00")
        #expect(closing(after: "2025-09-30T17:30:00+08:00") == "2025-10-09T17:30:00+08:00", "at closing time it is closed")
        #expect(closing(after: "2025-10-03T10:00:00+08:00") == "2025-10-09T17:30:00+08:00")
        #expect(closing(after: "2025-10-10T18:00:00+08:00") == "2025-10-11T17:30:00+08:00", "Saturday 11 October is worked")
        #expect(closing(after: "2025-09-27T07:00:00+08:00") == "2025-09-28T17:30:00+08:00", "Sunday 28 September is worked")
        #expect(closing(after: "2025-10-11T08:00:00+08:00") == "2025-10-11T17:30:00+08:00", "before opening: that day's")
    }

    @Test func theSpringFestivalOf2026() {
        // Received on Tuesday 17 February 2026, in the middle of the nine days off: due on Tuesday the 24th.
        #expect(closing(after: "2026-02-17T10:00:00+08:00") == "2026-02-24T17:30:00+08:00")
        // Friday the 13th after closing: Saturday the 14th is worked.
        #expect(closing(after: "2026-02-13T18:00:00+08:00") == "2026-02-14T17:30:00+08:00")
        #expect(closing(after: "2026-02-14T18:00:00+08:00") == "2026-02-24T17:30:00+08:00")
        // Friday 17:00 to Tuesday 24 February 09:00: 0.5 h, Saturday's 9 h, nothing in the holiday, 0.5 h.
        #expect(hours("2026-02-13T17:00:00+08:00", "2026-02-24T09:00:00+08:00") == 10)
        #expect(hours("2026-02-16T08:00:00+08:00", "2026-02-18T20:00:00+08:00") == 0)
        #expect(Self.office.isWorkingDay(Self.day("2026-02-14")) && Self.office.isWorkingDay(Self.day("2026-02-28")))
        #expect(!Self.office.isWorkingDay(Self.day("2026-02-17")) && !Self.office.isWorkingDay(Self.day("2026-02-21")))
    }

    @Test func twoWorkingHoursAfterTheLastHourBeforeTheHolidayEndAfterIt() {
        #expect(Self.office.timeZone.iso8601(Self.office.adding(workingSeconds: 7_200, to: Self.instant("2025-09-30T16:30:00+08:00")))
                == "2025-10-09T09:30:00+08:00")
        #expect(Self.office.timeZone.iso8601(Self.office.adding(workingSeconds: 3_600, to: Self.instant("2026-02-13T20:00:00+08:00")))
                == "2026-02-14T09:30:00+08:00")
    }

    @Test func timesOutsideWorkingHoursCountFromOpeningToClosing() {
        // Monday 2025-10-13: before opening and after closing count nothing; 07:00–19:00 is the working day.
        #expect(hours("2025-10-13T07:00:00+08:00", "2025-10-13T08:30:00+08:00") == 0)
        #expect(hours("2025-10-13T17:30:00+08:00", "2025-10-13T23:59:00+08:00") == 0)
        #expect(hours("2025-10-13T07:00:00+08:00", "2025-10-13T19:00:00+08:00") == 9)
        // A stamp in another offset is the same instant: 00:30Z is 08:30 in Shanghai.
        #expect(hours("2025-10-13T00:30:00Z", "2025-10-13T10:30:00+08:00") == 2)
    }

    @Test func workingTimeIsCountedOnTheWallClockAcrossADaylightSavingChange() throws {
        // Berlin moves its clocks forward in the night of 28 to 29 March 2026: Friday 16:00 to Monday 10:00 is
        // still 1.5 + 1.5 working hours, and Monday's closing time carries the summer offset.
        let berlin = try WorkingCalendar(weekdays: [1, 2, 3, 4, 5], opening: 8 * 3_600 + 30 * 60, closing: 17 * 3_600 + 30 * 60,
                                         timeZone: ShopTimeZone(identifier: "Europe/Berlin"))
        #expect(hours("2026-03-27T16:00:00+01:00", "2026-03-30T10:00:00+02:00", in: berlin) == 3)
        #expect(closing(after: "2026-03-28T12:00:00+01:00", in: berlin) == "2026-03-30T17:30:00+02:00")
    }

    /// Against a day-by-day sum of each working day's overlap with the interval, for random calendars and times.
    @Test func agreesWithADayByDayCount() throws {
        var generator = SplitMix64(seed: 2025)
        func random(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(generator.next() % UInt64(range.count)) }
        let first = Self.day("2023-12-01"), last = Self.day("2027-01-31")
        for _ in 0..<200 {
            var weekdays = Set((1...7).filter { _ in random(0...2) > 0 })
            if weekdays.isEmpty { weekdays = [3] }
            let opening = random(0...40) * 900, closing = opening + random(1...(96 - opening / 900)) * 900
            var daysOff: Set<Int> = [], workingDays: Set<Int> = []
            for _ in 0..<random(0...40) {
                let day = random(first...last)
                if random(0...1) == 0 { daysOff.insert(day) } else if !daysOff.contains(day) { workingDays.insert(day) }
            }
            workingDays.subtract(daysOff)
            let calendar = try WorkingCalendar(weekdays: weekdays, opening: opening, closing: closing, daysOff: daysOff,
                                               workingDays: workingDays, timeZone: Self.shanghai)
            func works(_ day: Int) -> Bool {
                daysOff.contains(day) ? false : workingDays.contains(day) ? true : weekdays.contains(WorkingCalendar.isoWeekday(day))
            }
            for _ in 0..<20 {
                let a = Int64(random(first...(last - 40))) * 86_400 + Int64(random(0...86_399)) - 8 * 3_600
                let b = a + Int64(random(0...(40 * 86_400)))
                var expected: Int64 = 0
                for day in Int((a + 8 * 3_600) / 86_400)...Int((b + 8 * 3_600) / 86_400) where works(day) {
                    let open = Int64(day) * 86_400 + Int64(opening) - 8 * 3_600, close = open + Int64(closing - opening)
                    expected += max(0, min(b, close) - max(a, open))
                }
                #expect(calendar.workingSeconds(from: a, to: b) == expected)
                #expect(calendar.workingSeconds(from: b, to: a) == -expected)
                // The next closing time: the first working day's closing strictly after `a`.
                var day = Int((a + 8 * 3_600) / 86_400)
                while !(works(day) && Int64(day) * 86_400 + Int64(closing) - 8 * 3_600 > a) { day += 1 }
                #expect(calendar.nextClosing(after: a) == Int64(day) * 86_400 + Int64(closing) - 8 * 3_600)
                // Adding working time gives the earliest instant that much working time later.
                let wanted = Int64(random(1...(30 * 3_600)))
                let later = calendar.adding(workingSeconds: wanted, to: a)
                #expect(calendar.workingSeconds(from: a, to: later) == wanted)
                #expect(calendar.workingSeconds(from: a, to: later - 1) < wanted)
            }
        }
    }

    @Test func refusesACalendarWithoutWorkingTime() {
        #expect(throws: WorkingCalendarError.weekdays) {
            try WorkingCalendar(weekdays: [], opening: 0, closing: 3_600, timeZone: Self.shanghai)
        }
        #expect(throws: WorkingCalendarError.weekdays) {
            try WorkingCalendar(weekdays: [0, 1], opening: 0, closing: 3_600, timeZone: Self.shanghai)
        }
        #expect(throws: WorkingCalendarError.hours) {
            try WorkingCalendar(weekdays: [1], opening: 3_600, closing: 3_600, timeZone: Self.shanghai)
        }
        #expect(throws: WorkingCalendarError.contradictoryDay(Self.day("2025-10-01"))) {
            try WorkingCalendar(weekdays: [1], opening: 0, closing: 3_600, daysOff: [Self.day("2025-10-01")],
                                workingDays: [Self.day("2025-10-01")], timeZone: Self.shanghai)
        }
    }
}
