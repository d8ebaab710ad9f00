import Foundation
import Testing

@Test func theOrderListHasEveryOrderOfTheRangeWithTheHeaderOnEachPage() throws {
    let range = try #require(try demoRows("""
        SELECT min(substr(arrived_at, 1, 10)) AS first, max(substr(arrived_at, 1, 10)) AS last FROM work_orders
        WHERE arrived_at >= (SELECT date(max(arrived_at), '-75 days') FROM work_orders)
        """).first)
    let from = range["first"]!.text!, to = range["last"]!.text!
    let orders = try demoRows("SELECT order_no FROM work_orders WHERE substr(arrived_at, 1, 10) BETWEEN '\(from)' AND '\(to)' ORDER BY arrived_at, id")
        .map { $0["order_no"]!.text! }
    #expect(orders.count > 100)
    let path = newPath("order-list.pdf")
    let result = try danju("render", "order-list", "--db", demoDatabase, "--param", "from=\(from)", "--param", "to=\(to)", "-o", path)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try run("qpdf", ["--check", path]).status == 0)
    let pages = try #require(Int(try pdfInfo(path)["Pages"] ?? ""))
    #expect(pages > 3)
    var printed: [String] = []
    for page in 1...pages {
        let text = try run("pdftotext", ["-f", "\(page)", "-l", "\(page)", path, "-"]).stdout.filter { !$0.isWhitespace }
        // pdftotext reads the page title in between the header row's cells.
        #expect(text.contains("工单号进厂时间客户厂牌型号") && text.contains("客户主诉状态服务顾问"), "header row on page \(page)")
        #expect(text.contains("第\(page)页/共\(pages)页") && text.contains("共\(orders.count)单"), "page \(page)")
        printed += orders.filter { text.contains($0) }
    }
    #expect(printed == orders, "every order of the range once, in order of arrival")
}

@Test func aBatchPrintsRefusedDocumentsOnlyAsDraftsAndOnPreprintedPaper() throws {
    let refused = try #require(try demoRows("""
        SELECT wo.order_no FROM settlements s JOIN work_orders wo ON wo.id = s.work_order_id
        WHERE s.discount_authoriser_id IS NULL
          AND (s.discount_fen > 0 OR EXISTS (SELECT 1 FROM work_order_lines WHERE work_order_id = wo.id AND discount_fen > 0))
        LIMIT 1
        """).first?["order_no"]?.text)
    let each = "SELECT order_no AS \"order\" FROM work_orders WHERE order_no = '\(refused)'"
    let plain = newPath("batch-refused.pdf")
    let failed = try danju("batch", "settlement", "--db", demoDatabase, "--each", each, "-o", plain)
    #expect(failed.status == 1 && failed.stderr.contains("没有授权人"), "\(failed.stderr)")
    #expect(!FileManager.default.fileExists(atPath: plain))

    let draft = newPath("batch-draft.pdf")
    let drafted = try danju("batch", "settlement", "--db", demoDatabase, "--each", each, "--draft", "-o", draft)
    #expect(drafted.status == 0, "\(drafted.stderr)")
    #expect(try compactText(draft).contains("草稿DRAFT"))

    let printers = newPath("printers.yaml")
    try "counter: {x: 1, y: 1}\n".write(toFile: printers, atomically: true, encoding: .utf8)
    let preprinted = newPath("batch-preprinted.pdf")
    let onPaper = try danju("batch", "settlement", "--db", demoDatabase, "--each", each, "--draft",
                            "--preprinted", "counter", "--printers", printers, "-o", preprinted)
    #expect(onPaper.status == 0, "\(onPaper.stderr)")
    let text = try compactText(preprinted)
    #expect(text.contains(refused) && !text.contains("客户签字"), "only the data: the paper carries the labels")
}
