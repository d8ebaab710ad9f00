import DanjuDatabase
import DanjuFormat
import Foundation

/// The complaint report's figures worked out again in Swift from the raw time stamps, without the
/// template's SQL: what a test compares the printed report with.
struct ComplaintFigures {
    /// One rule's figures as the report prints them: measured, met, missed, compliance %, median, P90.
    struct Rule: CustomStringConvertible {
        var code: String
        var took: [Int?] = []
        var met: [Bool] = []
        let divisor: Double

        var measured: Int { met.count }
        var metCount: Int { met.filter { $0 }.count }

        /// Nearest-rank percentile of the times taken.
        func percentile(_ share: Double) -> String {
            let sorted = took.compactMap { $0 }.sorted()
            guard !sorted.isEmpty else { return "—" }
            let rank = Int((share * Double(sorted.count)).rounded(.up))
            return String(format: "%.1f", Double(sorted[rank - 1]) / divisor)
        }

        /// The row's figures as pdftotext shows them with white space removed.
        var description: String {
            let pct = measured == 0 ? "—" : String(format: "%.1f", 100 * Double(metCount) / Double(measured))
            return "\(measured)\(metCount)\(measured - metCount)\(pct)\(percentile(0.5))\(percentile(0.9))"
        }
    }

    let month: String
    var complaints: [Row] = []
    var rules: [String: Rule] = [:]
    /// Complaint numbers of the month with the complaint rules each broke ("T4 T5").
    var broken: [String: String] = [:]
    let cutoff: String

    init(database path: String, month: String) throws {
        self.month = month
        let db = try Database(path: path, mode: .readOnly)
        let settings = Dictionary(uniqueKeysWithValues: try db.rows("SELECT key, value FROM settings").map { ($0["key"]!.text!, $0["value"]!.text!) })
        let dayStart = Self.clock(settings["workday_start"]!), dayEnd = Self.clock(settings["workday_end"]!)
        // Working weekdays, ISO digits (1 = Monday); day 0, 1970-01-01, was a Thursday.
        let weekdays = settings["working_weekdays"] ?? "1234567"
        func works(_ day: Int) -> Bool { weekdays.contains(String((day + 3) % 7 + 1)) }
        func workingDaysBefore(_ day: Int) -> Int {
            day / 7 * (0..<7).filter(works).count + (0..<day % 7).filter(works).count
        }
        let (year, monthNumber) = (Int(month.prefix(4))!, Int(month.suffix(2))!)
        cutoff = String(format: "%04d-%02d-01T00:00:00", monthNumber == 12 ? year + 1 : year, monthNumber == 12 ? 1 : monthNumber + 1)
        /// Working seconds since 1970 up to a shop-local time: only workday_start…workday_end of each working day count.
        func working(_ local: String) -> Int {
            let stamp = Stamp(local)
            return workingDaysBefore(stamp.day) * (dayEnd - dayStart) + (works(stamp.day) ? min(max(stamp.second - dayStart, 0), dayEnd - dayStart) : 0)
        }
        func seconds(_ a: SQLValue?, _ b: SQLValue?) -> Int? {
            guard let a = a?.text, let b = b?.text else { return nil }
            return Stamp(b).epoch - Stamp(a).epoch
        }
        func add(_ code: String, _ divisor: Double, _ took: Int?, _ met: Bool) {
            rules[code, default: Rule(code: code, divisor: divisor)].took.append(took)
            rules[code, default: Rule(code: code, divisor: divisor)].met.append(met)
        }
        complaints = try db.rows("SELECT * FROM complaints WHERE received_at LIKE '\(month)-%' ORDER BY received_at")
        for c in complaints {
            var failed: [String] = []
            func check(_ code: String, _ divisor: Double, _ took: Int?, _ met: Bool) {
                add(code, divisor, took, met)
                if !met { failed.append(code) }
            }
            let t1 = seconds(c["received_at"], c["handed_at"])
            check("T1", 60, t1, t1.map { $0 <= 300 } ?? false)
            if c["cannot_handle_at"]?.text != nil {
                let t2 = seconds(c["cannot_handle_at"], c["superior_notified_at"])
                check("T2", 60, t2, t2.map { $0 <= 180 } ?? false)
            }
            if let assigned = c["assigned_at"]?.text {
                let end = c["resolved_at"]?.text.map { String($0.prefix(19)) } ?? cutoff
                let events = try db.rows("SELECT kind, at FROM complaint_events WHERE complaint_id = \(c["id"]!.integer!)")
                    .filter { String($0["at"]!.text!.prefix(19)) <= end }
                func chain(_ kind: String) -> [Int] {
                    ([working(assigned), working(end)] + events.filter { $0["kind"]!.text! == kind }.map { working($0["at"]!.text!) }).sorted()
                }
                let updates = chain("customer_update")
                let longestUpdateGap = zip(updates, updates.dropFirst()).map { $1 - $0 }.max()!
                check("T4", 3_600, longestUpdateGap, longestUpdateGap <= 7_200)
                let progress = chain("progress")
                let escalations = events.filter { $0["kind"]!.text! == "escalation" }.map { working($0["at"]!.text!) }
                let silences = zip(progress, progress.dropFirst()).map { (from: $0, gap: $1 - $0) }
                let kept = silences.allSatisfy { silence in
                    silence.gap <= 14_400 || escalations.contains { $0 > silence.from && $0 <= silence.from + 14_400 }
                }
                check("T5", 3_600, silences.map(\.gap).max()!, kept)
            }
            // The end of the day of receipt if it is a working day and the complaint came before closing time,
            // otherwise the end of the next working day.
            let received = Stamp(c["received_at"]!.text!)
            let days = (0...7).first { works(received.day + $0) && ($0 > 0 || received.second < dayEnd) }!
            let replyDeadline = received.startOfDay + days * 86_400 + dayEnd
            let reply = c["first_reply_at"]?.text.map { Stamp($0).epoch }
            check("T6", 3_600, seconds(c["received_at"], c["first_reply_at"]), reply.map { $0 <= replyDeadline } ?? false)
            if let shortage = c["parts_shortage_at"]?.text {
                let ordered = c["parts_ordered_at"]?.text
                check("T7", 3_600, seconds(c["parts_shortage_at"], c["parts_ordered_at"]), ordered.map { $0.prefix(10) == shortage.prefix(10) } ?? false)
            }
            if !failed.isEmpty { broken[c["complaint_no"]!.text!] = failed.joined(separator: " ") }
        }
        for cb in try db.rows("""
            SELECT cb.kind, cb.basis_at, cb.due_at, (SELECT min(at) FROM callback_attempts a WHERE a.callback_id = cb.id) AS first_at
            FROM callbacks cb WHERE cb.due_at LIKE '\(month)-%'
            """) {
            let first = cb["first_at"]?.text
            add(cb["kind"]!.text! == "投诉回访" ? "T8b" : "T8a", 86_400, seconds(cb["basis_at"], cb["first_at"]),
                first.map { $0.prefix(10) <= cb["due_at"]!.text!.prefix(10) } ?? false)
        }
        for request in try db.rows("SELECT * FROM three_guarantee_requests WHERE received_at LIKE '\(month)-%'") {
            let arranged = seconds(request["received_at"], request["arranged_at"])
            add("T9a", 60, arranged, arranged.map { $0 <= 7_200 } ?? false)
            let checked = seconds(request["received_at"], request["checked_at"])
            add("T9b", 60, checked, checked.map { $0 <= 14_400 } ?? false)
        }
        for order in try db.rows("SELECT promised_at, delivered_at FROM work_orders WHERE promised_at LIKE '\(month)-%' AND status <> 'cancelled'") {
            let late = seconds(order["promised_at"], order["delivered_at"])
            add("T12", 3_600, late, late.map { $0 <= 0 } ?? false)
        }
    }

    /// Month-end status as the report names it.
    func monthEndStatus(_ c: Row) -> String {
        if let closed = c["closed_at"]?.text, closed.prefix(19) < cutoff { return "已结案" }
        if let resolved = c["resolved_at"]?.text, resolved.prefix(19) < cutoff { return "已解决" }
        return "处理中"
    }

    /// 'HH:MM' as seconds of the day.
    static func clock(_ text: String) -> Int { Int(text.prefix(2))! * 3_600 + Int(text.dropFirst(3).prefix(2))! * 60 }
}

/// An ISO 8601 time with offset: its instant and its shop-local day and second of day.
struct Stamp {
    let day: Int
    let second: Int
    let epoch: Int

    init(_ text: String) {
        let digits = { (from: Int, count: Int) in Int(text.dropFirst(from).prefix(count))! }
        day = CivilCalendar.days(year: digits(0, 4), month: digits(5, 2), day: digits(8, 2))
        second = digits(11, 2) * 3_600 + digits(14, 2) * 60 + digits(17, 2)
        let offset = text.count > 19 ? (text.dropFirst(19).first == "-" ? -1 : 1) * (digits(20, 2) * 3_600 + digits(23, 2) * 60) : 0
        epoch = day * 86_400 + second - offset
    }

    /// The instant of this day's local midnight.
    var startOfDay: Int { epoch - second }
}
