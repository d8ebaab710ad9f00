import DanjuDatabase
import DanjuFormat
import Foundation
import Testing

/// The monthly complaint report's text as physical lines (pdftotext -layout, white space removed), where a table
/// row or a row of the cover's figures stays on one line whatever the reading order; and those lines joined.
func complaintReport(_ database: String, month: String) throws -> (text: String, lines: [String]) {
    let path = newPath("complaints-\(month).pdf")
    let result = try danju("render", "complaint-monthly", "--db", database, "--param", "month=\(month)", "-o", path, "--strict")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try run("qpdf", ["--check", path]).status == 0)
    let lines = try run("pdftotext", ["-layout", path, "-"]).stdout.split(separator: "\n").map { $0.filter { !$0.isWhitespace } }
    return (lines.joined(), lines)
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

private func percent(_ part: Int, of whole: Int) -> String {
    String(format: "%+.1f%%", 100 * Double(part - whole) / Double(whole))
}

/// The demo shop, or a copy of it that works only on `weekdays` (setting working_weekdays).
private func demoShop(workingOn weekdays: String?) throws -> String {
    guard let weekdays else { return demoDatabase }
    let path = newPath("weekdays-\(weekdays).sqlite")
    try FileManager.default.copyItem(atPath: demoDatabase, toPath: path)
    try Database(path: path, mode: .readWrite(create: false))
        .execute("INSERT INTO settings (key, value) VALUES ('working_weekdays', '\(weekdays)')")
    return path
}

@Test(arguments: [nil, "12345"])
func theOctoberReportPrintsFiguresRecomputedFromTheTimeStamps(weekdays: String?) throws {
    let month = "2026-10"
    let shop = try demoShop(workingOn: weekdays)
    let figures = try ComplaintFigures(database: shop, month: month)
    let (text, lines) = try complaintReport(shop, month: month)
    let count = { (m: String) in try demoRows("SELECT count(*) AS n FROM complaints WHERE received_at LIKE '\(m)-%'")[0]["n"]!.integer! }
    let (now, previous, yearAgo) = (Int(try count(month)), Int(try count("2026-09")), Int(try count("2025-10")))
    #expect(now == figures.complaints.count && now > 0)
    #expect(text.contains("本月受理\(now)件"))
    #expect(text.contains("上月受理\(previous)件去年同月受理\(yearAgo)件"))
    #expect(text.contains("环比\(percent(now, of: previous))同比\(percent(now, of: yearAgo))"))
    let statuses = figures.complaints.map(figures.monthEndStatus)
    #expect(text.contains("月末已结案\(statuses.filter { $0 == "已结案" }.count)件"))
    #expect(text.contains("已解决待结案\(statuses.filter { $0 == "已解决" }.count)件"))
    #expect(text.contains("月末处理中\(statuses.filter { $0 == "处理中" }.count)件"))
    #expect(text.contains("超时（违反时限）\(figures.broken.count)件"))
    #expect(text.contains(weekdays == nil ? "每天均为工作日" : "工作日为星期一、二、三、四、五"))

    for code in ["T1", "T2", "T4", "T5", "T6", "T7", "T8a", "T8b", "T9a", "T9b", "T12"] {
        let rule = try #require(figures.rules[code], "the demo month measures \(code)")
        #expect(hasRuleRow(lines, code, rule.description), "\(code): \(rule)")
    }
    for (number, rules) in figures.broken {
        #expect(hasRow(text, number, rules.replacingOccurrences(of: " ", with: "")), "overdue \(number) \(rules)")
    }
    let overdueByDepartment = Dictionary(grouping: figures.complaints.filter { figures.broken[$0["complaint_no"]!.text!] != nil }) {
        $0["department_id"]!.integer!
    }
    for row in try demoRows("""
        SELECT d.id, d.name, count(*) AS n FROM complaints c JOIN departments d ON d.id = c.department_id
        WHERE c.received_at LIKE '\(month)-%' GROUP BY d.id
        """) {
        let closed = figures.complaints.filter { $0["department_id"] == row["id"] && figures.monthEndStatus($0) == "已结案" }.count
        let overdue = overdueByDepartment[row["id"]!.integer!]?.count ?? 0
        #expect(text.contains("\(row["name"]!.text!)\(row["n"]!.integer!)\(closed)\(overdue)"), "department \(row["name"]!.text!)")
    }
    for row in try demoRows("SELECT channel, count(*) AS n FROM complaints WHERE received_at LIKE '\(month)-%' GROUP BY channel") {
        let share = String(format: "%.1f%%", 100 * Double(row["n"]!.integer!) / Double(now))
        #expect(text.contains("\(row["channel"]!.text!)\(row["n"]!.integer!)（\(share)）"), "channel \(row["channel"]!.text!)")
    }
    for row in try demoRows("""
        SELECT cb.kind, count(*) AS due, sum(a.n > 0) AS made, sum(a.n >= 2) AS second, sum(a.reached) AS reached,
               sum(substr(a.first_at, 1, 10) <= substr(cb.due_at, 1, 10)) AS on_time, avg(cb.satisfaction) AS score,
               count(cb.satisfaction) AS rated
        FROM callbacks cb JOIN (SELECT c.id, count(t.id) AS n, coalesce(max(t.reached), 0) AS reached, min(t.at) AS first_at
                                FROM callbacks c LEFT JOIN callback_attempts t ON t.callback_id = c.id GROUP BY c.id) a ON a.id = cb.id
        WHERE cb.due_at LIKE '\(month)-%' GROUP BY cb.kind
        """) {
        let (due, made) = (row["due"]!.integer!, row["made"]!.integer!)
        let coverage = String(format: "%.1f%%", 100 * Double(made) / Double(due))
        let score = String(format: "%.2f", row["score"]!.text.flatMap(Double.init) ?? 0)
        let figures = "\(due)\(made)\(coverage)\(row["on_time"]!.integer!)\(row["second"]!.integer!)\(row["reached"]!.integer!)"
            + "\(score)（\(row["rated"]!.integer!)件）"
        #expect(hasRow(text, row["kind"]!.text!, figures), "callbacks \(row["kind"]!.text!): \(figures)")
    }
    // Every phone of the month is printed masked, never in full.
    for phone in figures.complaints.compactMap({ $0["caller_phone"]?.text }) {
        #expect(!text.contains(phone), "phone \(phone) printed in full")
        #expect(text.contains(PhoneMask.masked(phone)))
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
