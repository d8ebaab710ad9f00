import DanjuDatabase
import DanjuFormat
import Foundation
import Testing

/// The monthly complaint report's text as physical lines (pdftotext -layout, white space removed), where a table
/// row or a row of the cover's figures stays on one line whatever the reading order; those lines joined; and the
/// text in reading order (white space removed), where a table cell's lines follow each other.
func complaintReport(_ database: String, month: String) throws -> (text: String, lines: [String], reading: String) {
    let path = newPath("complaints-\(month).pdf")
    let result = try danju("render", "complaint-monthly", "--db", database, "--param", "month=\(month)", "-o", path, "--strict")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try run("qpdf", ["--check", path]).status == 0)
    let lines = try run("pdftotext", ["-layout", path, "-"]).stdout.split(separator: "\n").map { $0.filter { !$0.isWhitespace } }
    return (lines.joined(), lines, try compactText(path))
}

/// True when a line starts with the rule's code and shows its figures (measured … P90).
func hasRuleRow(_ lines: [String], _ code: String, _ figures: String) -> Bool {
    lines.contains { $0.hasPrefix(code) && !$0.hasPrefix(code + "2") && $0.contains(figures) }
}

/// True when some occurrence of `start` is followed, within `within` characters, by `figures`: a table row (a page
/// break may put the repeated header between a row's first cell and the rest in reading order).
func hasRow(_ text: String, _ start: String, _ figures: String, within: Int = 130) -> Bool {
    var search = text.startIndex..<text.endIndex
    while let found = text.range(of: start, range: search) {
        let end = text.index(found.upperBound, offsetBy: within, limitedBy: text.endIndex) ?? text.endIndex
        if text[found.upperBound..<end].contains(figures) { return true }
        search = found.upperBound..<text.endIndex
    }
    return false
}

/// Expects the report's text to hold `part`; a failure names the part, not the whole report.
func expect(_ text: String, contains part: String, _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
    let found = text.contains(part)
    #expect(found, "missing \(part) \(comment.map { "(\($0))" } ?? "")", sourceLocation: sourceLocation)
}

/// Expects a table row (see `hasRow`); a failure names the row, not the whole report.
func expectRow(_ text: String, _ start: String, _ figures: String, within: Int = 130, sourceLocation: SourceLocation = #_sourceLocation) {
    let found = hasRow(text, start, figures, within: within)
    #expect(found, "no row \(start) … \(figures)", sourceLocation: sourceLocation)
}

/// Change against a month with complaints; none to compare with is a dash.
private func percent(_ part: Int, of whole: Int) -> String {
    whole == 0 ? "—" : String(format: "%+.1f%%", 100 * Double(part - whole) / Double(whole))
}

/// The demo shop, or a copy of it that works on `weekdays` (setting working_weekdays).
private func demoShop(workingOn weekdays: String?) throws -> String {
    guard let weekdays else { return demoDatabase }
    let path = newPath("weekdays-\(weekdays).sqlite")
    try FileManager.default.copyItem(atPath: demoDatabase, toPath: path)
    try Database(path: path, mode: .readWrite(create: false))
        .execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('working_weekdays', '\(weekdays)')")
    return path
}

/// Complaints received in a month on the shop's clock.
private func received(in month: String, _ shop: String) throws -> Int {
    let hours = try WorkingHours(Database(path: shop, mode: .readOnly))
    let (start, end) = (hours.midnight(of: month + "-01"), hours.midnight(of: ComplaintFigures.nextMonth(month) + "-01"))
    return try Database(path: shop, mode: .readOnly).rows("SELECT received_at FROM complaints")
        .map { Stamp.epoch($0["received_at"]!.text!) }.filter { $0 >= start && $0 < end }.count
}

/// The month's days off and exchanged working days as the appendix names them, from shop_calendar's rows: runs of
/// consecutive dates of one kind and name, "10月1日至8日国庆节、中秋节放假", "10月11日（星期六）国庆节、中秋节调休上班".
private func calendarSentences(_ shop: String, month: String) throws -> [String] {
    let rows = try Database(path: shop, mode: .readOnly)
        .rows("SELECT date, kind, name FROM shop_calendar WHERE date LIKE '\(month)-%' ORDER BY date")
    var runs: [(first: String, last: String, kind: String, name: String)] = []
    for row in rows {
        let (date, kind, name) = (row["date"]!.text!, row["kind"]!.text!, row["name"]!.text!)
        if let last = runs.last, last.kind == kind, last.name == name, Stamp.dayNumber(date) == Stamp.dayNumber(last.last) + 1 {
            runs[runs.count - 1].last = date
        } else {
            runs.append((date, date, kind, name))
        }
    }
    return runs.map { run in
        let day = { (date: String) in Int(date.suffix(2))! }
        let dates = "\(Int(run.first.dropFirst(5).prefix(2))!)月\(day(run.first))日" + (run.last > run.first ? "至\(day(run.last))日" : "")
        let weekday = "日一二三四五六".map(String.init)[(Stamp.dayNumber(run.first) % 7 + 4) % 7]
        return run.kind == "day_off" ? dates + run.name + "放假" : dates + "（星期\(weekday)）" + run.name
    }
}

/// Every figure of the report recomputed from the raw tables: October 2026 (国庆 and its exchanged Saturday) in the
/// demo's office week and, in a copy, with every day a working day; 国庆 and 中秋 2025; 春节 2026.
@Test(arguments: [("2026-10", nil), ("2026-10", "1234567"), ("2025-10", nil), ("2026-02", nil)] as [(String, String?)])
func theReportPrintsFiguresRecomputedFromTheRawTables(month: String, weekdays: String?) throws {
    let shop = try demoShop(workingOn: weekdays)
    let figures = try ComplaintFigures(database: shop, month: month)
    let (text, lines, reading) = try complaintReport(shop, month: month)
    let previousMonth = String(format: "%04d-%02d", Int(month.prefix(4))! - (month.hasSuffix("01") ? 1 : 0), month.hasSuffix("01") ? 12 : Int(month.suffix(2))! - 1)
    let yearAgo = String(Int(month.prefix(4))! - 1) + month.dropFirst(4)
    let (now, previous, lastYear) = (try received(in: month, shop), try received(in: previousMonth, shop), try received(in: yearAgo, shop))
    #expect(now == figures.complaints.count && now > 0)
    expect(text, contains: "本月受理\(now)件")
    expect(text, contains: "上月受理\(previous)件去年同月受理\(lastYear)件")
    expect(text, contains: "环比\(percent(now, of: previous))同比\(percent(now, of: lastYear))")
    let statuses = figures.cases.map(\.status)
    expect(text, contains: "月末已结案\(statuses.filter { $0 == "已结案" }.count)件")
    expect(text, contains: "已解决待结案\(statuses.filter { $0 == "已解决" }.count)件")
    expect(text, contains: "月末处理中\(statuses.filter { $0 == "处理中" }.count)件")
    expect(text, contains: "超时（违反时限）\(figures.broken.count)件")
    let escalated = figures.cases.filter { $0.gmEscalations > 0 }
    expect(text, contains: "上报总经理\(escalated.count)件（\(escalated.map(\.gmEscalations).reduce(0, +))次）")
    expect(text, contains: "通知上级主管\(figures.cases.filter(\.superiorNotified).count)件")
    expect(text, contains: "投诉处理满意度\(figures.satisfaction)", "\(figures.satisfaction)")
    expect(text, contains: weekdays == nil ? "工作日为星期一至五" : "每天均为工作日")
    for sentence in try calendarSentences(shop, month: month) {
        expect(text, contains: sentence, "the appendix names \(sentence)")
    }

    for code in ["T1", "T2", "T4", "T5", "T6", "T7", "T8a", "T8b", "T9a", "T9b", "T12"] {
        let rule = try #require(figures.rules[code], "the demo month measures \(code)")
        let printed = hasRuleRow(lines, code, rule.description)
        #expect(printed, "\(code): expected \(rule), printed \(lines.filter { $0.hasPrefix(code) })")
    }
    for (number, rules) in figures.broken {
        expectRow(text, number, rules.replacingOccurrences(of: " ", with: ""))
    }
    let status = Dictionary(uniqueKeysWithValues: figures.cases.map { ($0.number, $0.status) })
    for (department, cases) in Dictionary(grouping: figures.complaints, by: { $0["department_id"]!.integer! }) {
        let name = try Database(path: shop, mode: .readOnly).rows("SELECT name FROM departments WHERE id = \(department)")[0]["name"]!.text!
        let numbers = cases.map { $0["complaint_no"]!.text! }
        let closed = numbers.filter { status[$0] == "已结案" }.count, overdue = numbers.filter { figures.broken[$0] != nil }.count
        expect(text, contains: "\(name)\(cases.count)\(closed)\(overdue)", "department \(name)")
    }
    for (channel, cases) in Dictionary(grouping: figures.complaints, by: { $0["channel"]!.text! }) {
        let share = String(format: "%.1f%%", 100 * Double(cases.count) / Double(now))
        expect(text, contains: "\(channel)\(cases.count)（\(share)）", "channel \(channel)")
    }
    for (kind, callbacks) in figures.callbacks where kind != "满意度调查" {
        let coverage = String(format: "%.1f%%", 100 * Double(callbacks.made) / Double(callbacks.due))
        let row = "\(callbacks.due)\(callbacks.made)\(coverage)\(callbacks.onTime)\(callbacks.second)\(callbacks.reached)"
            + ComplaintFigures.rating(callbacks.ratings)
        expectRow(text, kind, row)
    }
    // The 升级最多 case is the one escalated most, and its row says how.
    if let case_ = figures.mostEscalated {
        expectRow(reading, "升级最多", case_.number, within: 20)
        expectRow(reading, case_.number, "上报总经理\(case_.gmEscalations)次通知上级主管\(case_.superiorNotified ? 1 : 0)次", within: 400)
    } else {
        let titled = reading.contains("升级最多")
        #expect(!titled)
    }
    // Every phone of the month is printed masked, never in full.
    for phone in figures.complaints.compactMap({ $0["caller_phone"]?.text }) {
        let printedInFull = text.contains(phone)
        #expect(!printedInFull, "phone \(phone) printed in full")
        expect(text, contains: PhoneMask.masked(phone))
    }
    if weekdays == nil {
        // The official calendar changes the working-time figures of a holiday month: the test would notice a report
        // that ignored it.
        let byWeekdays = try ComplaintFigures(database: shop, month: month, ignoringCalendar: true)
        #expect(["T4", "T5", "T6"].contains { byWeekdays.rules[$0]?.description != figures.rules[$0]?.description })
    }
}

@Test func repeatComplaintsAreCountedWithinTheConfiguredWindow() throws {
    // The month of the demo with the most complaints from a customer or machine seen in the 30 days before.
    let rows = try demoRows("""
        SELECT c.complaint_no, substr(c.received_at, 1, 7) AS month FROM complaints c
        WHERE EXISTS (SELECT 1 FROM complaints p WHERE p.id <> c.id AND p.received_at < c.received_at
                      AND julianday(c.received_at) - julianday(p.received_at) <= 30
                      AND (p.customer_id = c.customer_id OR p.machine_id = c.machine_id))
        """)
    let byMonth = Dictionary(grouping: rows) { $0["month"]!.text! }
    let (month, repeats) = try #require(byMonth.max { ($0.value.count, $1.key) < ($1.value.count, $0.key) })
    let text = try complaintReport(demoDatabase, month: month).text
    #expect(text.contains("重复投诉\(repeats.count)件（30天内）"))
    for row in repeats { #expect(text.contains(row["complaint_no"]!.text!)) }
}

@Test(arguments: ["2026-1", "2026-13", "2026-00", "十月"])
func aRefusedMonthWritesNothing(month: String) throws {
    let path = newPath("bad-month.pdf")
    // Not even as a draft: there is no month to report on, so the message does not suggest --draft.
    for draft in [[], ["--draft"]] {
        let result = try run(danjuExecutable, ["render", "complaint-monthly", "--db", demoDatabase, "--param", "month=\(month)", "-o", path] + draft)
        #expect(result.status != 0)
        #expect(result.stderr.contains("YYYY-MM") && !result.stderr.contains("--draft"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}

@Test func oneProcessDrawsSeveralMonthsEachFromItsOwnSharedRows() throws {
    // One worker, two months: the shared rows (temporary tables) of the first report are dropped before the
    // second makes its own, and each report is the one drawn alone.
    var pages = 0
    for month in ["2026-09", "2026-10"] {
        let single = newPath("complaints-\(month).pdf")
        #expect(try danju("render", "complaint-monthly", "--db", demoDatabase, "--param", "month=\(month)", "-o", single).status == 0)
        pages += Int(try pdfInfo(single)["Pages"] ?? "") ?? 0
    }
    let both = newPath("complaints-both.pdf")
    let result = try danju("batch", "complaint-monthly", "--db", demoDatabase, "--jobs", "1", "-o", both,
                           "--each", "SELECT '2026-09' AS month UNION ALL SELECT '2026-10'")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(Int(try pdfInfo(both)["Pages"] ?? "") == pages)
    let text = try compactText(both)
    #expect(text.contains("客户投诉月报2026年9月") && text.contains("客户投诉月报2026年10月"))
}
