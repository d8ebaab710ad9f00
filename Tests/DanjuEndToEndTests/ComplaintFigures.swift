import DanjuDatabase
import DanjuFormat
import Foundation

/// The complaint report's figures worked out again in Swift from the raw tables, without the template's SQL or the
/// program's working calendar: what a test compares the printed report with. The month is closed at its end on the
/// shop's clock: a record made later does not exist for these figures.
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
            return Self.tenths(Double(sorted[rank - 1]) / divisor)
        }

        /// One decimal, rounded half up (四舍五入) as a reader rounds: 4.25 h is 4.3 h.
        static func tenths(_ value: Double) -> String {
            String(format: "%.1f", (value * 10).rounded(.toNearestOrAwayFromZero) / 10)
        }

        /// The row's figures as pdftotext shows them with white space removed.
        var description: String {
            let pct = measured == 0 ? "—" : Self.tenths(100 * Double(metCount) / Double(measured))
            return "\(measured)\(metCount)\(measured - metCount)\(pct)\(percentile(0.5))\(percentile(0.9))"
        }
    }

    /// What the report says of one of the month's cases at the month's end.
    struct Case {
        let number: String
        let received: Int
        let status: String
        let openSeconds: Int
        let gmEscalations: Int
        let superiorNotified: Bool
        let satisfaction: Int?
    }

    let month: String
    let hours: WorkingHours
    /// The month's first instant and the next month's (the cut-off), seconds since 1970.
    let start: Int, cutoff: Int
    var complaints: [Row] = []
    var cases: [Case] = []
    var rules: [String: Rule] = [:]
    /// Complaint numbers of the month with the complaint rules each broke ("T4 T5").
    var broken: [String: String] = [:]
    /// Callbacks due in the month by kind: due, made, on time, second attempts, reached, ratings.
    var callbacks: [String: (due: Int, made: Int, onTime: Int, second: Int, reached: Int, ratings: [Int])] = [:]

    /// `ignoringCalendar`: count working time by the weekdays alone, as if shop_calendar were empty.
    init(database path: String, month: String, ignoringCalendar: Bool = false) throws {
        self.month = month
        let db = try Database(path: path, mode: .readOnly)
        hours = try WorkingHours(db, ignoringCalendar: ignoringCalendar)
        start = hours.midnight(of: month + "-01")
        cutoff = hours.midnight(of: Self.nextMonth(month) + "-01")
        let (start, cutoff) = (self.start, self.cutoff)
        /// A time stamp as an instant if it was recorded before the month's end; later ones are not known yet.
        func known(_ value: SQLValue?) -> Int? { value?.text.map(Stamp.epoch).flatMap { $0 < cutoff ? $0 : nil } }
        func inMonth(_ value: SQLValue?) -> Bool { value?.text.map(Stamp.epoch).map { $0 >= start && $0 < cutoff } ?? false }
        func add(_ code: String, _ divisor: Double, _ took: Int?, _ met: Bool) {
            rules[code, default: Rule(code: code, divisor: divisor)].took.append(took)
            rules[code, default: Rule(code: code, divisor: divisor)].met.append(met)
        }

        complaints = try db.rows("SELECT * FROM complaints ORDER BY received_at").filter { inMonth($0["received_at"]) }
        for c in complaints {
            let received = Stamp.epoch(c["received_at"]!.text!)
            var failed: [String] = []
            /// A limit ending at `deadline`: measured unless it runs out after the month's end with its stop not yet reached.
            func check(_ code: String, _ divisor: Double, stop: Int?, from: Int, deadline: Int) {
                guard stop != nil || deadline < cutoff else { return }
                let met = stop.map { $0 <= deadline } ?? false
                add(code, divisor, stop.map { $0 - from }, met)
                if !met { failed.append(code) }
            }
            check("T1", 60, stop: known(c["handed_at"]), from: received, deadline: received + 300)
            if let cannot = known(c["cannot_handle_at"]) {
                check("T2", 60, stop: known(c["superior_notified_at"]), from: cannot, deadline: cannot + 180)
            }
            let resolved = known(c["resolved_at"])
            let end = resolved ?? cutoff
            let events = try db.rows("SELECT kind, at FROM complaint_events WHERE complaint_id = \(c["id"]!.integer!)")
                .compactMap { row in known(row["at"]).flatMap { $0 <= end ? (kind: row["kind"]!.text!, at: $0) : nil } }
            let escalations = events.filter { $0.kind == "escalation" }.map(\.at)
            if let assigned = known(c["assigned_at"]) {
                func longestGap(_ kind: String) -> (gap: Int, from: Int, silences: [(from: Int, gap: Int)]) {
                    let stamps = ([assigned, end] + events.filter { $0.kind == kind }.map(\.at)).sorted()
                    let gaps = zip(stamps, stamps.dropFirst()).map { (from: $0, gap: hours.seconds(from: $0, to: $1)) }
                    let longest = gaps.max { $0.gap < $1.gap }!
                    return (longest.gap, longest.from, gaps)
                }
                let updates = longestGap("customer_update")
                add("T4", 3_600, updates.gap, updates.gap <= 7_200)
                if updates.gap > 7_200 { failed.append("T4") }
                let progress = longestGap("progress")
                let kept = progress.silences.allSatisfy { silence in
                    silence.gap <= 14_400 || escalations.contains {
                        let into = hours.seconds(from: silence.from, to: $0)
                        return into > 0 && into <= 14_400
                    }
                }
                add("T5", 3_600, progress.gap, kept)
                if !kept { failed.append("T5") }
            }
            check("T6", 3_600, stop: known(c["first_reply_at"]), from: received, deadline: hours.nextClosing(after: received))
            if let shortage = known(c["parts_shortage_at"]) {
                let ordered = known(c["parts_ordered_at"])
                let sameDay = ordered.map { hours.day($0) == hours.day(shortage) } ?? false
                add("T7", 3_600, ordered.map { $0 - shortage }, sameDay)
                if !sameDay { failed.append("T7") }
            }
            if !failed.isEmpty { broken[c["complaint_no"]!.text!] = failed.joined(separator: " ") }
            let closed = known(c["closed_at"]) != nil
            cases.append(Case(number: c["complaint_no"]!.text!, received: received,
                              status: closed ? "已结案" : resolved != nil ? "已解决" : "处理中", openSeconds: end - received,
                              gmEscalations: escalations.count, superiorNotified: known(c["superior_notified_at"]) != nil,
                              satisfaction: closed ? c["satisfaction"]?.integer.map(Int.init) : nil))
        }

        for cb in try db.rows("SELECT * FROM callbacks").filter({ inMonth($0["due_at"]) }) {
            let kind = cb["kind"]!.text!
            let attempts = try db.rows("SELECT at, reached FROM callback_attempts WHERE callback_id = \(cb["id"]!.integer!)")
                .compactMap { row in known(row["at"]).map { (at: $0, reached: row["reached"]!.integer! == 1) } }
            let first = attempts.map(\.at).min()
            let onTime = first.map { hours.day($0) <= hours.day(Stamp.epoch(cb["due_at"]!.text!)) } ?? false
            let reached = attempts.contains { $0.reached }
            var figures = callbacks[kind] ?? (0, 0, 0, 0, 0, [])
            figures.due += 1
            figures.made += attempts.isEmpty ? 0 : 1
            figures.onTime += onTime ? 1 : 0
            figures.second += attempts.count >= 2 ? 1 : 0
            figures.reached += reached ? 1 : 0
            if reached, let rating = cb["satisfaction"]?.integer { figures.ratings.append(Int(rating)) }
            callbacks[kind] = figures
            if kind == "交车回访" || kind == "投诉回访" {
                add(kind == "投诉回访" ? "T8b" : "T8a", 86_400, first.map { $0 - Stamp.epoch(cb["basis_at"]!.text!) }, onTime)
            }
        }
        for request in try db.rows("SELECT * FROM three_guarantee_requests").filter({ inMonth($0["received_at"]) }) {
            let received = Stamp.epoch(request["received_at"]!.text!)
            for (code, column, limit) in [("T9a", "arranged_at", 7_200), ("T9b", "checked_at", 14_400)] {
                let stop = known(request[column])
                guard stop != nil || received + limit < cutoff else { continue }
                add(code, 60, stop.map { $0 - received }, stop.map { $0 - received <= limit } ?? false)
            }
        }
        for order in try db.rows("SELECT promised_at, delivered_at FROM work_orders WHERE status <> 'cancelled'")
            .filter({ inMonth($0["promised_at"]) }) {
            let promised = Stamp.epoch(order["promised_at"]!.text!)
            let delivered = known(order["delivered_at"])
            add("T12", 3_600, max((delivered ?? cutoff) - promised, 0), delivered.map { $0 <= promised } ?? false)
        }
    }

    /// The case printed as 升级最多: the most GM escalations, then a superior told, then the longest open, then the
    /// earliest; nil when no case was escalated at all.
    var mostEscalated: Case? {
        cases.filter { $0.gmEscalations > 0 || $0.superiorNotified }.min {
            ($1.gmEscalations, $1.superiorNotified ? 1 : 0, $1.openSeconds, $0.received)
                < ($0.gmEscalations, $0.superiorNotified ? 1 : 0, $0.openSeconds, $1.received)
        }
    }

    /// The rating of the month's cases closed by its end, as printed: "3.83/5分（12件）" without spaces.
    var satisfaction: String { Self.rating(cases.compactMap(\.satisfaction)) }

    static func rating(_ scores: [Int]) -> String {
        let average = scores.isEmpty ? "—" : String(format: "%.2f/5分", Double(scores.reduce(0, +)) / Double(scores.count))
        return "\(average)（\(scores.count)件）"
    }

    static func nextMonth(_ month: String) -> String {
        let (year, number) = (Int(month.prefix(4))!, Int(month.suffix(2))!)
        return String(format: "%04d-%02d", number == 12 ? year + 1 : year, number == 12 ? 1 : number + 1)
    }
}

/// The shop's working time as the test reads it from the settings and shop_calendar, counted day by day.
struct WorkingHours {
    let opening: Int, closing: Int
    let weekdays: String
    /// Dates listed in shop_calendar: whether the shop works on them.
    let listed: [Int: Bool]
    let zone: TimeZone

    init(_ db: Database, ignoringCalendar: Bool = false) throws {
        let settings = Dictionary(uniqueKeysWithValues: try db.rows("SELECT key, value FROM settings").map { ($0["key"]!.text!, $0["value"]!.text!) })
        func clock(_ text: String) -> Int { Int(text.prefix(2))! * 3_600 + Int(text.dropFirst(3).prefix(2))! * 60 }
        opening = clock(settings["workday_start"]!)
        closing = clock(settings["workday_end"]!)
        weekdays = settings["working_weekdays"] ?? "1234567"
        zone = TimeZone(identifier: settings["time_zone"] ?? "Asia/Shanghai")!
        listed = ignoringCalendar ? [:] : Dictionary(uniqueKeysWithValues: try db.rows("SELECT date, kind FROM shop_calendar").map {
            (Stamp.dayNumber($0["date"]!.text!), $0["kind"]!.text! == "working_day")
        })
    }

    func works(_ day: Int) -> Bool {
        listed[day] ?? weekdays.contains(String((day % 7 + 7 + 3) % 7 + 1)) // day 0, 1970-01-01, was a Thursday
    }

    /// The instant's day on the shop's clock.
    func day(_ instant: Int) -> Int { Int((Double(instant + offset(instant)) / 86_400).rounded(.down)) }

    /// The instant at `second` of `day` on the shop's clock.
    func instant(day: Int, second: Int) -> Int {
        let local = day * 86_400 + second
        return local - offset(local - offset(local))
    }

    /// The instant a date ('2026-11-01') starts on the shop's clock.
    func midnight(of date: String) -> Int { instant(day: Stamp.dayNumber(date), second: 0) }

    /// Working seconds from `a` to `b`: each working day's opening hours that lie between them, summed (negative
    /// when `b` is earlier).
    func seconds(from a: Int, to b: Int) -> Int {
        guard a <= b else { return -seconds(from: b, to: a) }
        return (day(a)...day(b)).filter(works).reduce(0) { sum, day in
            sum + max(0, min(b, instant(day: day, second: closing)) - max(a, instant(day: day, second: opening)))
        }
    }

    /// The first closing time after the instant on a working day.
    func nextClosing(after instant: Int) -> Int {
        var day = day(instant)
        while !works(day) || self.instant(day: day, second: closing) <= instant { day += 1 }
        return self.instant(day: day, second: closing)
    }

    private func offset(_ instant: Int) -> Int { zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant))) }
}

/// ISO 8601 texts as the test reads them.
enum Stamp {
    /// '2026-10-05T08:31:00+08:00' as seconds since 1970.
    static func epoch(_ text: String) -> Int {
        let digits = { (from: Int, count: Int) in Int(text.dropFirst(from).prefix(count))! }
        let offset = text.count > 19 && text.dropFirst(19).first != "Z"
            ? (text.dropFirst(19).first == "-" ? -1 : 1) * (digits(20, 2) * 3_600 + digits(23, 2) * 60) : 0
        return dayNumber(text) * 86_400 + digits(11, 2) * 3_600 + digits(14, 2) * 60 + digits(17, 2) - offset
    }

    /// The date at the start of the text as days since 1970-01-01.
    static func dayNumber(_ text: String) -> Int {
        let digits = { (from: Int, count: Int) in Int(text.dropFirst(from).prefix(count))! }
        return CivilCalendar.days(year: digits(0, 4), month: digits(5, 2), day: digits(8, 2))
    }
}
