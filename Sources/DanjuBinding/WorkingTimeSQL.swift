import DanjuDatabase
import DanjuFormat

/// The shop's working time for templates' SQL, counted by `WorkingCalendar`:
/// - `working_seconds(from, to)`: working seconds between two times, negative if `to` is earlier;
/// - `next_closing_time(at)`: the first closing time after `at` on a working day (`2025-10-09T17:30:00+08:00`), the
///   end of a limit of “the same working day”.
/// A time is ISO 8601 text with its offset, or seconds since 1970 as `unixepoch()` gives them (cheaper for a query
/// that has them already). Both give NULL for a NULL argument. The calendar comes from the settings `workday_start` and `workday_end`
/// (`HH:MM`) and `working_weekdays` (ISO weekday digits, `12345` for Monday to Friday; every day if not set), and from
/// the table `shop_calendar` (public holidays off, weekend days worked in exchange). It is read on first use, in the
/// read transaction of the document that asks, and kept for the connection: a shop sets its calendar once a year.
enum WorkingTimeSQL {
    static func register(on database: Database, timeZone: ShopTimeZone) throws {
        // The connection owns these functions, so they may refer back to it without keeping it alive.
        let calendar = LazyCalendar { [unowned database] in try load(from: database, timeZone: timeZone) }
        try database.defineFunction("working_seconds", arguments: 2) { arguments in
            guard let from = try instant(arguments[0], in: "working_seconds"), let to = try instant(arguments[1], in: "working_seconds")
            else { return .null }
            return .integer(try calendar.value().workingSeconds(from: from, to: to))
        }
        try database.defineFunction("next_closing_time", arguments: 1) { arguments in
            guard let at = try instant(arguments[0], in: "next_closing_time") else { return .null }
            let calendar = try calendar.value()
            return .text(calendar.timeZone.iso8601(calendar.nextClosing(after: at)))
        }
    }

    private static func instant(_ value: SQLValue, in function: String) throws -> Int64? {
        guard case .text(let text) = value else {
            switch value {
            case .null: return nil
            case .integer(let seconds): return seconds
            default: throw DatabaseError("\(function): expected a time like 2026-10-05T08:31:00+08:00, got \(value)")
            }
        }
        do {
            guard case .instant(let seconds) = try ShopTime(iso8601: text) else {
                throw DatabaseError("\(function): \"\(text)\" is a date without a time of day")
            }
            return seconds
        } catch let error as ShopTimeError {
            throw DatabaseError("\(function): \(error.description)")
        }
    }

    /// The calendar as the shop's settings and `shop_calendar` define it; errors name the table and row.
    static func load(from database: Database, timeZone: ShopTimeZone) throws -> WorkingCalendar {
        let settings = Dictionary(try database.rows("""
            SELECT key, value FROM settings WHERE key IN ('workday_start', 'workday_end', 'working_weekdays')
            """).map { ($0["key"]?.text ?? "", $0["value"]?.text ?? "") }, uniquingKeysWith: { first, _ in first })
        func clock(_ key: String) throws -> Int {
            guard let text = settings[key] else { throw DatabaseError("table settings has no row \(key) (HH:MM, e.g. 08:30)") }
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let hour = Int(parts[0]), let minute = Int(parts[1]),
                  (0...23).contains(hour), (0...59).contains(minute)
            else { throw DatabaseError("table settings, row \(key): \"\(text)\" is not a time of day like 08:30") }
            return hour * 3_600 + minute * 60
        }
        let weekdayText = settings["working_weekdays"] ?? "1234567"
        let weekdays = Set(weekdayText.compactMap { $0.wholeNumberValue })
        guard !weekdayText.isEmpty, weekdayText.allSatisfy({ ("1"..."7").contains($0) }) else {
            throw DatabaseError("table settings, row working_weekdays: \"\(weekdayText)\" is not weekday digits 1–7 (1 = Monday), e.g. 12345")
        }
        var daysOff: Set<Int> = [], workingDays: Set<Int> = []
        for row in try database.rows("SELECT date, kind FROM shop_calendar") {
            let date = row["date"]?.text ?? ""
            guard case .date(let year, let month, let day)? = try? ShopTime(iso8601: date) else {
                throw DatabaseError("table shop_calendar, row \(date): not a date like 2025-10-01")
            }
            let number = CivilCalendar.days(year: year, month: month, day: day)
            if row["kind"]?.text == "working_day" { workingDays.insert(number) } else { daysOff.insert(number) }
        }
        do {
            return try WorkingCalendar(weekdays: weekdays, opening: clock("workday_start"), closing: clock("workday_end"),
                                       daysOff: daysOff, workingDays: workingDays, timeZone: timeZone)
        } catch {
            throw DatabaseError("table settings (workday_start, workday_end, working_weekdays) or shop_calendar: \(error)")
        }
    }
}

/// A value made on first use and kept; a failure is not kept, so the next use tries again.
private final class LazyCalendar {
    private let make: () throws -> WorkingCalendar
    private var made: WorkingCalendar?

    init(_ make: @escaping () throws -> WorkingCalendar) { self.make = make }

    func value() throws -> WorkingCalendar {
        if let made { return made }
        let value = try make()
        made = value
        return value
    }
}
