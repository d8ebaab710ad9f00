import DanjuFormat

/// The demo shop's working calendar: its customer-service office works Monday to Friday, 08:30–17:30, and follows
/// the State Council's annual notices on public holidays (国务院办公厅关于部分节假日安排的通知) for 2024
/// (2023-10-25), 2025 (国办发明电〔2024〕12号) and 2026 (2025-11-04): the days off and the weekend days worked in
/// exchange (调休). The complaint time limits are measured in this working time.
extension DemoBuilder {
    /// One holiday of a notice: its days off (weekend days inside the span included) and its exchanged working days.
    struct Holiday {
        let name: String
        let daysOff: ClosedRange<Day>
        let workingDays: [Day]

        init(_ name: String, _ first: (Int, Int, Int), _ last: (Int, Int, Int), worked: [(Int, Int, Int)] = []) {
            self.name = name
            daysOff = Day(first.0, first.1, first.2)...Day(last.0, last.1, last.2)
            workingDays = worked.map { Day($0.0, $0.1, $0.2) }
        }
    }

    static let officialHolidays = [
        Holiday("元旦", (2024, 1, 1), (2024, 1, 1)),
        Holiday("春节", (2024, 2, 10), (2024, 2, 17), worked: [(2024, 2, 4), (2024, 2, 18)]),
        Holiday("清明节", (2024, 4, 4), (2024, 4, 6), worked: [(2024, 4, 7)]),
        Holiday("劳动节", (2024, 5, 1), (2024, 5, 5), worked: [(2024, 4, 28), (2024, 5, 11)]),
        Holiday("端午节", (2024, 6, 10), (2024, 6, 10)),
        Holiday("中秋节", (2024, 9, 15), (2024, 9, 17), worked: [(2024, 9, 14)]),
        Holiday("国庆节", (2024, 10, 1), (2024, 10, 7), worked: [(2024, 9, 29), (2024, 10, 12)]),
        Holiday("元旦", (2025, 1, 1), (2025, 1, 1)),
        Holiday("春节", (2025, 1, 28), (2025, 2, 4), worked: [(2025, 1, 26), (2025, 2, 8)]),
        Holiday("清明节", (2025, 4, 4), (2025, 4, 6)),
        Holiday("劳动节", (2025, 5, 1), (2025, 5, 5), worked: [(2025, 4, 27)]),
        Holiday("端午节", (2025, 5, 31), (2025, 6, 2)),
        Holiday("国庆节、中秋节", (2025, 10, 1), (2025, 10, 8), worked: [(2025, 9, 28), (2025, 10, 11)]),
        Holiday("元旦", (2026, 1, 1), (2026, 1, 3), worked: [(2026, 1, 4)]),
        Holiday("春节", (2026, 2, 15), (2026, 2, 23), worked: [(2026, 2, 14), (2026, 2, 28)]),
        Holiday("清明节", (2026, 4, 4), (2026, 4, 6)),
        Holiday("劳动节", (2026, 5, 1), (2026, 5, 5), worked: [(2026, 5, 9)]),
        Holiday("端午节", (2026, 6, 19), (2026, 6, 21)),
        Holiday("中秋节", (2026, 9, 25), (2026, 9, 27)),
        Holiday("国庆节", (2026, 10, 1), (2026, 10, 7), worked: [(2026, 9, 20), (2026, 10, 10)]),
    ]

    static let officeWeekdays = "12345"

    /// The office's working time, as the complaint report counts it.
    static let officeCalendar = try! WorkingCalendar(
        weekdays: Set(officeWeekdays.compactMap(\.wholeNumberValue)), opening: workdayStart * 60, closing: workdayEnd * 60,
        daysOff: Set(officialHolidays.flatMap { $0.daysOff.map(\.number) }),
        workingDays: Set(officialHolidays.flatMap { $0.workingDays.map(\.number) }),
        timeZone: try! ShopTimeZone(identifier: "Asia/Shanghai"))

    /// The setting working_weekdays and the table shop_calendar.
    func writeShopCalendar() throws {
        try insert.insert("settings", ["key": .text("working_weekdays"), "value": .text(Self.officeWeekdays),
                                       "description": .text("工作日（星期，1 为星期一）；节假日与调休上班见 shop_calendar")])
        for holiday in Self.officialHolidays {
            for day in holiday.daysOff {
                try insert.insert("shop_calendar", ["date": .text(day.iso), "kind": .text("day_off"), "name": .text(holiday.name)])
            }
            for day in holiday.workingDays {
                try insert.insert("shop_calendar", ["date": .text(day.iso), "kind": .text("working_day"),
                                                    "name": .text(holiday.name + "调休上班")])
            }
        }
    }

    /// `minutes` of the office's working time after `start` (the earliest such time).
    static func addingOfficeMinutes(_ start: LocalTime, _ minutes: Int) -> LocalTime {
        let offset = 8 * 3_600 // LocalTime is Shanghai's wall clock
        let instant = officeCalendar.adding(workingSeconds: Int64(minutes * 60), to: Int64(start.seconds - offset))
        return LocalTime(seconds: Int(instant) + offset)
    }

    /// Whether the office works on the day.
    static func isOfficeDay(_ day: Day) -> Bool { officeCalendar.isWorkingDay(day.number) }
}
