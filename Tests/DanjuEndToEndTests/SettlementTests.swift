import DanjuFormat
import Foundation
import Testing

@Test func aSettlementsTotalsEqualTheDatabaseAndItHasThreeCopies() throws {
    let order = try #require(try demoRows("""
        SELECT wo.order_no, s.payable_fen, s.settlement_no FROM settlements s JOIN work_orders wo ON wo.id = s.work_order_id
        WHERE s.discount_authoriser_id IS NOT NULL
           OR s.discount_fen = 0 AND NOT EXISTS (SELECT 1 FROM work_order_lines WHERE work_order_id = wo.id AND discount_fen > 0)
        ORDER BY s.settled_at DESC LIMIT 1
        """).first)
    let number = order["order_no"]!.text!
    let lines = try demoRows("""
        SELECT sum(l.amount_fen - l.discount_fen) AS net FROM work_order_lines l JOIN work_orders wo ON wo.id = l.work_order_id
        WHERE wo.order_no = '\(number)'
        """).first!["net"]!.integer!
    let path = newPath("settlement.pdf")
    let result = try danju("render", "settlement", "--db", demoDatabase, "--param", "order=\(number)", "-o", path)
    #expect(result.status == 0, "\(result.stderr)")
    let pages = Int(try #require(try pdfInfo(path)["Pages"]))!
    #expect(pages % 3 == 0, "three full copies")
    let text = try compactText(path)
    #expect(text.contains("合计：\(Money(fen: lines).formatted(.yuan))"), "the table's total is the SQL sum of its lines")
    let payable = Money(fen: order["payable_fen"]!.integer!)
    #expect(text.contains(try ChineseAmount.words(for: payable)), "实收金额大写")
    for label in ["第一联承修方存根", "第二联客户", "第三联财务"] { #expect(text.contains(label)) }
}

@Test func aDiscountWithoutAnAuthoriserIsRefusedUnlessDrafted() throws {
    let order = try #require(try demoRows("""
        SELECT wo.order_no FROM settlements s JOIN work_orders wo ON wo.id = s.work_order_id
        WHERE s.discount_authoriser_id IS NULL
          AND (s.discount_fen > 0 OR EXISTS (SELECT 1 FROM work_order_lines WHERE work_order_id = wo.id AND discount_fen > 0))
        LIMIT 1
        """).first?["order_no"]?.text)
    let refused = newPath("refused-settlement.pdf")
    let result = try danju("render", "settlement", "--db", demoDatabase, "--param", "order=\(order)", "-o", refused)
    #expect(result.status != 0)
    #expect(result.stderr.contains("工单 \(order) 不能打印结算单") && result.stderr.contains("没有授权人"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: refused))

    let draft = newPath("draft-settlement.pdf")
    #expect(try danju("render", "settlement", "--db", demoDatabase, "--param", "order=\(order)", "--draft", "-o", draft).status == 0)
    #expect(try compactText(draft).contains("草稿DRAFT"))
}

@Test func aDocumentDiscountAndTheTaxAreShownApartFromTheLines() throws {
    let settlement = try #require(try demoRows("""
        SELECT wo.order_no, s.total_fen, s.warranty_fen, s.internal_fen, s.discount_fen, s.payable_fen, s.tax_fen,
               s.tax_rate_percent, s.invoice_type, auth.name AS authoriser
        FROM settlements s JOIN work_orders wo ON wo.id = s.work_order_id JOIN staff auth ON auth.id = s.discount_authoriser_id
        WHERE s.discount_fen > 0 AND s.tax_fen > 0 ORDER BY s.id DESC LIMIT 1
        """).first)
    let fen = { (column: String) in settlement[column]!.integer! }
    let path = newPath("settlement-tax.pdf")
    let result = try danju("render", "settlement", "--db", demoDatabase, "--param", "order=\(settlement["order_no"]!.text!)", "-o", path)
    #expect(result.status == 0, "\(result.stderr)")
    let text = try compactText(path)
    let yuan = { (fen: Int64) in Money(fen: fen).formatted(.yuan) }
    #expect(fen("payable_fen") == fen("total_fen") - fen("warranty_fen") - fen("internal_fen") - fen("discount_fen"))
    #expect(text.contains("优惠\(yuan(fen("discount_fen")))") && text.contains("优惠授权人\(settlement["authoriser"]!.text!)"))
    #expect(text.contains("实收金额\(yuan(fen("payable_fen")))"))
    // The tax is inside the payable amount: payable × rate / (100 + rate), to the fen.
    let rate = fen("tax_rate_percent")
    #expect(abs(fen("tax_fen") * (100 + rate) - fen("payable_fen") * rate) <= (100 + rate) / 2)
    #expect(text.contains("发票\(settlement["invoice_type"]!.text!)") && text.contains("税率\(rate)%") && text.contains("其中税额\(yuan(fen("tax_fen")))"))
}
