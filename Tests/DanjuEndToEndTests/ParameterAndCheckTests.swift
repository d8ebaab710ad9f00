import DanjuDatabase
import DanjuFormat
import Foundation
import Testing

/// Date and month parameters are checked before any query runs; `check` prepares every statement read-only;
/// the order list files a time stored with another UTC offset under the shop's own day.

@Test(arguments: [
    (["from=banana", "to=2026-11-30"], "--param from=banana is not a date: expected YYYY-MM-DD"),
    (["from=2026-11-01", "to=2026-11-31"], "--param to=2026-11-31 is not a date of the calendar"),
    (["from=2026/11/01", "to=2026-11-30"], "--param from=2026/11/01 is not a date"),
    (["from=2026-11", "to=2026-11-30"], "--param from=2026-11 is not a date"),
    (["from=2026-11-30", "to=2026-11-01"], "--param to=2026-11-01 is before --param from=2026-11-30: the range is reversed"),
])
func aBadDateOrAReversedRangeIsRefused(parameters: [String], says: String) throws {
    let output = newPath("bad-range.pdf")
    let result = try danju(["render", "order-list", "--db", demoDatabase, "-o", output] + parameters.flatMap { ["--param", $0] })
    #expect(result.status == 2)
    #expect(result.stderr.contains("order-list.yaml: " + says), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: output))
}

@Test func everyMonthParameterIsChecked() throws {
    // The complaint report's month and the claim package's, though neither template declares a type: their
    // examples (2026-10, 2026-11) make them months.
    let report = try danju("render", "complaint-monthly", "--db", demoDatabase, "--param", "month=2026-13", "-o", newPath("m.pdf"))
    #expect(report.status == 2 && report.stderr.contains("--param month=2026-13 is not a month of the calendar"), "\(report.stderr)")
    let package = try danju("render", "warranty-package", "--db", demoDatabase, "--param", "maker=SANY", "--param", "month=banana", "-o", newPath("p.pdf"))
    #expect(package.status == 2 && package.stderr.contains("warranty-package.yaml: --param month=banana is not a month: expected YYYY-MM"), "\(package.stderr)")
}

@Test func aTemplateExampleMustFitItsType() throws {
    let template = newPath("typed.yaml")
    try """
        title: t
        page: {size: A5}
        parameters:
          day: {label: 日期, type: date, example: 2026-13-01}
        body:
          - text: x
        """.write(toFile: template, atomically: true, encoding: .utf8)
    let result = try danju("check", template, "--db", demoDatabase)
    #expect(result.status == 3 && result.stderr.contains("typed.yaml:4:") && result.stderr.contains("the example is not a date of the calendar"), "\(result.stderr)")
}

private func danju(_ arguments: [String]) throws -> Output { try run(danjuExecutable, arguments) }

/// A template whose queries would write, or hide a second statement behind the first.
private func writingTemplate(_ sql: String) throws -> String {
    let path = newPath("writing.yaml")
    try """
        title: t
        page: {size: A5}
        queries:
          rows:
            sql: \(sql)
        body:
          - table: rows
            columns:
              - {title: x, value: "{{x}}"}
        """.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

@Test(arguments: [
    ("DELETE FROM work_order_photos RETURNING id AS x", "query “rows” would change the database (DELETE)"),
    ("\"UPDATE settings SET value = 'x' RETURNING value AS x\"", "query “rows” would change the database (UPDATE)"),
    ("\"SELECT 1 AS x; DELETE FROM work_order_photos\"", "query “rows”: holds more than one statement"),
])
func checkAndRenderRefuseAQueryThatWrites(sql: String, checkSays: String) throws {
    let shop = newPath("writing.sqlite")
    try FileManager.default.copyItem(atPath: demoDatabase, toPath: shop)
    defer { try? FileManager.default.removeItem(atPath: shop) }
    let before = try run("sha256sum", [shop]).stdout
    let template = try writingTemplate(sql)
    let checked = try danju(["check", template, "--db", shop])
    #expect(checked.status == 3 && checked.stderr.contains(checkSays), "\(checked.stderr)")
    #expect(!checked.stdout.contains("ok"))
    let output = newPath("writing.pdf")
    let rendered = try danju(["render", template, "--db", shop, "-o", output])
    let renderSays = checkSays.hasSuffix("statement") ? checkSays : "query “rows”: would change the database; danju runs only queries that read"
    #expect(rendered.status == 3 && rendered.stderr.contains(renderSays), "\(rendered.stderr)")
    #expect(!FileManager.default.fileExists(atPath: output))
    #expect(try run("sha256sum", [shop]).stdout == before)
}

/// Orders whose arrival was stored with another UTC offset (a system on UTC, a device set to Tokyo) are listed
/// under the day they fall on by the shop's clock, and printed at the shop's time.
@Test func theOrderListFilesEachTimeUnderTheShopsDay() throws {
    let shop = newPath("offsets.sqlite")
    try FileManager.default.copyItem(atPath: demoDatabase, toPath: shop)
    defer { try? FileManager.default.removeItem(atPath: shop) }
    let database = try Database(path: shop, mode: .readWrite(create: false))
    let moved = [
        "2026-11-30T20:00:00+00:00",  // 2026-12-01 04:00 in Shanghai: December
        "2026-11-01T01:00:00+09:00",  // 2026-11-01 00:00: November, its first minute
        "2026-11-01T00:30:00+09:00",  // 2026-10-31 23:30: October
        "2026-10-31T16:30:00+00:00",  // 2026-11-01 00:30: November
        "2026-12-01T07:59:00+08:00",  // December, as stored
    ]
    let victims = try database.rows("SELECT order_no FROM work_orders ORDER BY id LIMIT \(moved.count)").map { $0["order_no"]!.text! }
    for (order, time) in zip(victims, moved) {
        try database.prepare("UPDATE work_orders SET arrived_at = ? WHERE order_no = ?").run([.text(time), .text(order)])
    }
    let zoneName = try #require(try database.rows("SELECT value FROM settings WHERE key = 'time_zone'").first?["value"]?.text)
    let zone = try #require(TimeZone(identifier: zoneName))
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    // The test's own filing: each stored time as an instant, its date on the shop's clock.
    let november = try database.rows("SELECT order_no, arrived_at FROM work_orders").filter { row in
        guard case .instant(let seconds) = try ShopTime(iso8601: row["arrived_at"]!.text!) else { return false }
        let day = calendar.dateComponents([.year, .month], from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        return day.year == 2026 && day.month == 11
    }.map { $0["order_no"]!.text! }

    let output = newPath("offsets.pdf")
    defer { try? FileManager.default.removeItem(atPath: output) }
    let result = try danju(["render", "order-list", "--db", shop, "--param", "from=2026-11-01", "--param", "to=2026-11-30", "-o", output])
    #expect(result.status == 0, "\(result.stderr)")
    let text = try compactText(output)
    let listed = Set(try database.rows("SELECT order_no FROM work_orders").map { $0["order_no"]!.text! }.filter { text.contains($0) })
    #expect(listed == Set(november), "extra: \(listed.subtracting(november)), missing: \(Set(november).subtracting(listed))")
    #expect(listed.contains(victims[1]) && listed.contains(victims[3]) && !listed.contains(victims[0]) && !listed.contains(victims[2]))
    #expect(text.contains("共\(november.count)单"))
    // The arrival cell wraps its date over its time, on the lines around the order number's.
    let lines = try run("pdftotext", ["-layout", output, "-"]).stdout.split(separator: "\n", omittingEmptySubsequences: false)
    for (order, shown) in [(victims[1], ("2026-11-01", "00:00")), (victims[3], ("2026-11-01", "00:30"))] {
        let at = try #require(lines.firstIndex { $0.contains(order) })
        let around = lines[max(0, at - 2)...min(lines.count - 1, at + 2)].joined(separator: "\n")
        #expect(around.contains(shown.0) && around.contains(shown.1), "\(order) printed at the shop's time: \(around)")
    }
}
