import DanjuFormat
import Foundation
import Testing

@Test func aQuotesTotalsAndPaymentTermsComeFromItsLines() throws {
    let quote = try #require(try demoRows("""
        SELECT wo.order_no, q.id, q.prepay_percent, q.valid_until FROM quotes q JOIN work_orders wo ON wo.id = q.work_order_id
        WHERE EXISTS (SELECT 1 FROM work_order_lines WHERE quote_id = q.id)
          AND q.id = (SELECT id FROM quotes WHERE work_order_id = wo.id ORDER BY issued_at DESC, id DESC LIMIT 1)
        ORDER BY q.issued_at DESC LIMIT 1
        """).first)
    let customer = try #require(try demoRows("""
        SELECT sum(amount_fen - discount_fen) AS fen FROM work_order_lines WHERE quote_id = \(quote["id"]!.integer!) AND payer = 'customer'
        """).first?["fen"]?.integer)
    let path = newPath("quote.pdf")
    let result = try danju("render", "quote", "--db", demoDatabase, "--param", "order=\(quote["order_no"]!.text!)", "-o", path, "--strict")
    #expect(result.status == 0, "\(result.stderr)")
    let text = try compactText(path)
    #expect(text.contains("客户付费合计：\(Money(fen: customer).formatted(.yuan))"))
    // Prepay rounded to the fen half up, the balance the exact rest.
    let percent = quote["prepay_percent"]!.integer!
    let prepay = Money(fen: (customer * percent + 50) / 100)
    #expect(text.contains("\(percent)%，\(prepay.formatted(.yuan))"))
    #expect(try text.contains((Money(fen: customer) - prepay).formatted(.yuan)))
    let valid = quote["valid_until"]!.text!.split(separator: "-").map { Int($0)! }
    #expect(text.contains("\(valid[0])年\(valid[1])月\(valid[2])日"), "validity date")
}

@Test func aQuoteListsTheWarrantyLinesApartWithTheirOwnTotal() throws {
    let order = try #require(try demoRows("""
        SELECT wo.order_no, wo.id FROM work_orders wo
        WHERE EXISTS (SELECT 1 FROM quotes q JOIN work_order_lines l ON l.quote_id = q.id WHERE q.work_order_id = wo.id)
          AND EXISTS (SELECT 1 FROM work_order_lines WHERE work_order_id = wo.id AND payer = 'warranty')
        LIMIT 1
        """).first, "the demo has a quoted order with warranty lines")
    let id = order["id"]!.integer!
    let sums = try #require(try demoRows("""
        SELECT sum(CASE WHEN payer = 'warranty' THEN amount_fen - discount_fen END) AS warranty,
               sum(CASE WHEN payer = 'customer' THEN amount_fen - discount_fen END) AS customer
        FROM work_order_lines WHERE work_order_id = \(id)
        """).first)
    let path = newPath("quote-warranty.pdf")
    let result = try danju("render", "quote", "--db", demoDatabase, "--param", "order=\(order["order_no"]!.text!)", "-o", path, "--strict")
    #expect(result.status == 0, "\(result.stderr)")
    let text = try compactText(path)
    #expect(text.contains("索赔合计：\(Money(fen: sums["warranty"]!.integer!).formatted(.yuan))"))
    #expect(text.contains("客户付费合计：\(Money(fen: sums["customer"]!.integer!).formatted(.yuan))"))
    let warrantyPart = try #require(try demoRows("""
        SELECT part_no FROM work_order_lines WHERE work_order_id = \(id) AND payer = 'warranty' AND part_no IS NOT NULL LIMIT 1
        """).first?["part_no"]?.text)
    let warrantyTable = try #require(text.range(of: "保修索赔项目"))
    #expect(text[warrantyTable.upperBound...].contains(warrantyPart), "the claimed part is listed under 索赔, not with the customer's lines")
}
