import DanjuDatabase
import Foundation
import Testing

private func render(_ shop: String, month: String, to path: String) throws {
    let result = try danju("render", "complaint-monthly", "--db", shop, "--param", "month=\(month)", "-o", path, "--strict")
    #expect(result.status == 0, "\(result.stderr)")
}

/// A closed month is closed: a copy of the demo shop is reported on, then given everything a shop records after the
/// month's end (events, steps and results of the month's cases, new complaints, callback calls and ratings, late
/// deliveries), some of it at the very first instant of the next month or written in UTC so that its text still
/// reads the month's last day; the month's report is then the same PDF, byte for byte.
@Test(arguments: ["2025-10", "2026-10"])
func aClosedMonthPrintsTheSameWhateverIsRecordedLater(month: String) throws {
    let shop = newPath("closed-\(month).sqlite")
    try FileManager.default.copyItem(atPath: demoDatabase, toPath: shop)
    let (before, after) = (newPath("before-\(month).pdf"), newPath("after-\(month).pdf"))
    try render(shop, month: month, to: before)

    let next = ComplaintFigures.nextMonth(month)
    let lastDay = String(format: "%02d", Stamp.dayNumber(next + "-01") - Stamp.dayNumber(month + "-01"))
    // The cut-off itself, half an hour after it written in UTC, and the next day.
    let later = ["'\(next)-01T00:00:00+08:00'", "'\(month)-\(lastDay)T16:30:00+00:00'", "'\(next)-02T10:00:00+08:00'"]
    let ofTheMonth = "received_at >= '\(month)-01' AND received_at < '\(next)-01'"
    let db = try Database(path: shop, mode: .readWrite(create: false))
    var changed = 0
    func change(_ sql: String) throws {
        try db.execute(sql)
        changed += Int(try db.rows("SELECT changes() AS n")[0]["n"]!.integer!)
    }
    for at in later {
        try change("""
            INSERT INTO complaint_events (complaint_id, kind, at, staff_id, note)
            SELECT c.id, k.column1, \(at), c.owner_id, '月末后补记' FROM complaints c,
                   (VALUES ('customer_update'), ('progress'), ('escalation'), ('internal_followup')) k WHERE c.\(ofTheMonth)
            """)
        try change("""
            INSERT INTO callback_attempts (callback_id, at, staff_id, reached, note)
            SELECT id, \(at), staff_id, 1, '月末后回访' FROM callbacks WHERE due_at >= '\(month)-01' AND due_at < '\(next)-01'
            """)
    }
    // Every step still open at the month's end is taken afterwards; results and ratings come with it.
    let step = later[1]
    try change("""
        UPDATE complaints SET handed_at = coalesce(handed_at, \(step)), assigned_at = coalesce(assigned_at, \(step)),
            owner_id = coalesce(owner_id, 1), first_reply_at = coalesce(first_reply_at, \(step)),
            cannot_handle_at = coalesce(cannot_handle_at, \(step)), superior_notified_at = coalesce(superior_notified_at, \(step)),
            parts_shortage_at = coalesce(parts_shortage_at, \(step)), parts_ordered_at = coalesce(parts_ordered_at, \(step)),
            resolved_at = coalesce(resolved_at, \(step)), closed_at = coalesce(closed_at, \(step)), status = 'closed',
            cause = coalesce(cause, '月末后查明'), solution = coalesce(solution, '月末后处理'), responsible_id = coalesce(responsible_id, 1),
            corrective_action = coalesce(corrective_action, '月末后整改'), accountability = coalesce(accountability, '月末后追责')
        WHERE \(ofTheMonth)
        """)
    // Ratings given after the month's end: closures and callbacks then.
    try change("UPDATE complaints SET satisfaction = 1 WHERE \(ofTheMonth) AND unixepoch(closed_at) >= unixepoch('\(next)-01T00:00:00+08:00')")
    try change("UPDATE callbacks SET satisfaction = 1, status = 'done' WHERE due_at >= '\(month)-01' AND due_at < '\(next)-01' AND satisfaction IS NULL")
    try change("""
        UPDATE three_guarantee_requests SET arranged_at = coalesce(arranged_at, \(step)), checked_at = coalesce(checked_at, \(step))
        WHERE \(ofTheMonth)
        """)
    try change("""
        UPDATE work_orders SET delivered_at = \(later[2])
        WHERE promised_at >= '\(month)-01' AND promised_at < '\(next)-01' AND status <> 'cancelled'
          AND (delivered_at IS NULL OR unixepoch(delivered_at) >= unixepoch('\(next)-01T00:00:00+08:00'))
        """)
    // New complaints from a customer of the month (repeats, were they counted), received at and after the cut-off.
    for (index, at) in later.enumerated() {
        try change("""
            INSERT INTO complaints (complaint_no, channel, category, status, customer_id, machine_id, caller_name, caller_phone, subject,
                description, department_id, receiver_id, received_at, handed_at)
            SELECT 'TS-LATER-\(index)', '电话', category, 'open', customer_id, machine_id, caller_name, caller_phone, subject, '月末后来电',
                   department_id, receiver_id, \(at), \(at)
            FROM complaints WHERE \(ofTheMonth) AND customer_id IS NOT NULL ORDER BY received_at LIMIT 1
            """)
    }
    #expect(changed > 100, "the later records are real: \(changed) rows")

    try render(shop, month: month, to: after)
    let same = try Data(contentsOf: URL(fileURLWithPath: before)) == Data(contentsOf: URL(fileURLWithPath: after))
    #expect(same, "the \(month) report changed after records were added later")
    // The next month does see them, also the complaint received at the cut-off and the one written in UTC.
    let nextReport = try complaintReport(shop, month: next).reading
    for index in later.indices { expect(nextReport, contains: "TS-LATER-\(index)") }
}

/// The report speaks to people: no column or setting names, no codes of source documents (S000), no limits in
/// seconds, and no space after full-width punctuation (a folded YAML line leaves one), anywhere in the report.
@Test(arguments: ["2025-10", "2026-02"])
func theReportSpeaksChineseToPeople(month: String) throws {
    let path = newPath("words-\(month).pdf")
    try render(demoDatabase, month: month, to: path)
    let text = try run("pdftotext", [path, "-"]).stdout
    for (pattern, what) in [("[A-Za-z]+_[A-Za-z_]+", "a column or setting name"), ("\\bS0[0-9][0-9]\\b", "a source document's code"),
                            ("[0-9]+ ?秒", "a limit in seconds"), ("[，。；：、！？）”」] +[\\p{Han}“（「]", "a space after full-width punctuation")] {
        let found = text.ranges(of: try Regex(pattern)).map { String(text[$0]) }
        #expect(found.isEmpty, "\(what): \(found)")
    }
}
