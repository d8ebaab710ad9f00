import DanjuDatabase
import Foundation
import Testing

/// The demo shop's working calendar is the State Council's, and its complaints live by it.
@Suite(.demoShop) struct DemoCalendarTests {
    /// Days since 1970-01-01 of the date a text starts with, by Foundation's Gregorian calendar.
    private func day(_ iso: String) -> Int {
        let parts = iso.prefix(10).split(separator: "-").map { Int($0)! }
        return day(parts[0], parts[1], parts[2])
    }

    private func day(_ year: Int, _ month: Int, _ day: Int) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let date = calendar.date(from: DateComponents(year: year, month: month, day: day))!
        return Int(date.timeIntervalSince1970 / 86_400)
    }

    /// ISO weekday, 1 = Monday (day 0, 1970-01-01, was a Thursday).
    private func weekday(_ day: Int) -> Int { (day % 7 + 3) % 7 + 1 }

    @Test func theOfficialCalendarOf2024To2026() throws {
        let db = try DemoShopFixture.open()
        let rows = try db.rows("SELECT date, kind, name FROM shop_calendar ORDER BY date")
        let worked = rows.filter { $0["kind"]?.text == "working_day" }.map { $0["date"]!.text! }
        let off = Set(rows.filter { $0["kind"]?.text == "day_off" }.map { day($0["date"]!.text!) })
        // Exchanged working days are weekend days; the notices' of 2025 and 2026 (国办发明电〔2024〕12号, 2025-11-04).
        #expect(worked.allSatisfy { weekday(day($0)) >= 6 }, "\(worked)")
        for date in ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11", "2026-01-04", "2026-02-14", "2026-02-28",
                     "2026-05-09", "2026-09-20", "2026-10-10"] {
            #expect(worked.contains(date), "\(date) is worked")
        }
        for (first, last) in [("2025-01-28", "2025-02-04"), ("2025-10-01", "2025-10-08"), ("2026-02-15", "2026-02-23"),
                              ("2026-10-01", "2026-10-07"), ("2024-10-01", "2024-10-07")] {
            #expect((day(first)...day(last)).allSatisfy(off.contains), "\(first) … \(last) off")
            #expect(!off.contains(day(first) - 1) || weekday(day(first) - 1) >= 6, "the day before \(first) is no holiday")
        }
        #expect(try db.rows("SELECT value FROM settings WHERE key = 'working_weekdays'").first?["value"]?.text == "12345")
        // Working days of a Monday-to-Friday office in each year, as the notices make them.
        let exceptions = Dictionary(uniqueKeysWithValues: rows.map { (day($0["date"]!.text!), $0["kind"]!.text! == "working_day") })
        for (year, expected) in [(2024, 251), (2025, 248), (2026, 248)] {
            let days = day(year, 1, 1)..<day(year + 1, 1, 1)
            #expect(days.filter { exceptions[$0] ?? (weekday($0) <= 5) }.count == expected, "\(year)")
        }
    }

    @Test func complaintsAreFollowedUpInTheOfficesWorkingTime() throws {
        let db = try DemoShopFixture.open()
        let exceptions = Dictionary(uniqueKeysWithValues: try db.rows("SELECT date, kind FROM shop_calendar").map {
            (day($0["date"]!.text!), $0["kind"]!.text! == "working_day")
        })
        let events = try db.rows("SELECT at FROM complaint_events WHERE kind IN ('customer_update', 'progress', 'internal_followup')")
        #expect(events.count > 1_000)
        let outside = events.map { $0["at"]!.text! }.filter { at in
            let clock = at.dropFirst(11).prefix(8)
            return !(exceptions[day(at)] ?? (weekday(day(at)) <= 5)) || clock < "08:30:00" || clock > "17:30:00"
        }
        #expect(outside.isEmpty, "\(outside.prefix(5))")
    }

    @Test func eachCauseHasItsOwnCorrectiveActionAndAccountability() throws {
        let db = try DemoShopFixture.open()
        let pairs = try db.rows("""
            SELECT cause, count(DISTINCT corrective_action) AS actions, count(DISTINCT accountability) AS accountabilities
            FROM complaints WHERE cause IS NOT NULL GROUP BY cause
            """)
        #expect(pairs.count >= 15)
        for row in pairs {
            #expect(row["actions"]?.integer == 1 && row["accountabilities"]?.integer == 1, "\(row["cause"]!.text!)")
        }
    }
}
