import DanjuDatabase
import Foundation
import Synchronization
import Testing

// Every settlement and every quote of the demo shop, each drawn in one batch and read back row by row: each line
// reads across (数量 × 单价 − 优惠 = 金额) and matches its stored line, and the subtotals, totals, discounts and
// 实收 add up on every copy, as this file computes them from the raw tables.

private let settlementCopies = ["第一联 承修方存根", "第二联 客户", "第三联 财务"]

/// Orders whose discounts (a line's or the whole order's) nobody signed for: the settlement refuses them.
private func unsignedDiscountOrders() throws -> Set<String> {
    Set(try demoRows("""
        SELECT wo.order_no FROM settlements s JOIN work_orders wo ON wo.id = s.work_order_id
        WHERE s.discount_authoriser_id IS NULL
          AND (s.discount_fen > 0 OR EXISTS (SELECT 1 FROM work_order_lines WHERE work_order_id = wo.id AND discount_fen > 0))
        """).map { $0["order_no"]!.text! })
}

/// Draws `template` for every order in `orders` into one PDF and returns its text (pdftotext -layout, the two
/// halves of the pages read at once).
private func batchText(_ template: String, _ orders: [String]) throws -> String {
    let list = String(decoding: try JSONEncoder().encode(orders), as: UTF8.self)
    let path = newPath("\(template)-all.pdf")
    let result = try danju("batch", template, "--db", demoDatabase, "-o", path, "--jobs", "2",
                           "--each", "SELECT value AS \"order\" FROM json_each('\(list)') ORDER BY key")
    try #require(result.status == 0, "\(result.stderr)")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let pages = try #require(Int(try pdfInfo(path)["Pages"] ?? ""))
    let halves = [(1, pages / 2), (pages / 2 + 1, pages)].filter { $0.0 <= $0.1 }
    let texts = Mutex([String](repeating: "", count: halves.count))
    DispatchQueue.concurrentPerform(iterations: halves.count) { half in
        let (first, last) = halves[half]
        let text = (try? run("pdftotext", ["-layout", "-f", "\(first)", "-l", "\(last)", path, "-"]).stdout) ?? ""
        texts.withLock { $0[half] = text }
    }
    return texts.withLock { $0.joined() }
}

@Test func everySettlementReadsAcrossAndAddsUpOnEveryCopy() throws {
    let unsigned = try unsignedDiscountOrders()
    #expect(unsigned.count <= 2, "the demo leaves discounts unsigned only to show the refusal: \(unsigned.sorted())")
    let settlements = try demoRows("""
        SELECT s.*, wo.order_no, coalesce(s.discount_standard, s.discount_reason) AS standard
        FROM settlements s JOIN work_orders wo ON wo.id = s.work_order_id ORDER BY s.id
        """).filter { !unsigned.contains($0["order_no"]!.text!) }
    let lines = try StoredLine.byOrder()
    let copies = Dictionary(grouping: printedCopies(try batchText("settlement", settlements.map { $0["order_no"]!.text! }),
                                                    numberLabel: "结算单号", copyLabels: settlementCopies,
                                                    payers: ["客户", "索赔", "内部"]), by: \.number)
    #expect(copies.count == settlements.count)
    var failures = 0
    for settlement in settlements where failures < 10 {
        let expected = SettlementExpectation(stored: settlement, lines: lines[settlement["work_order_id"]!.integer!] ?? [])
        #expect(expected.problems.isEmpty, "\(expected.number): the demo's data is consistent")
        let printed = copies[expected.number] ?? []
        let wrong = (printed.map(\.copy) == settlementCopies ? [] : ["copies \(printed.map(\.copy))"]) + printed.flatMap(expected.check)
        if !wrong.isEmpty {
            failures += 1
            Issue.record("settlement \(expected.number) (\(settlement["order_no"]!.text!)): \(wrong.joined(separator: "; "))")
        }
    }
}

@Test func everyQuoteReadsAcrossAndOnlyCustomerLinesMakeItsTotalAndPrepayment() throws {
    let quotes = try demoRows("""
        SELECT q.id, q.quote_no, q.prepay_percent, wo.order_no FROM quotes q JOIN work_orders wo ON wo.id = q.work_order_id
        WHERE q.id = (SELECT id FROM quotes WHERE work_order_id = wo.id ORDER BY issued_at DESC, id DESC LIMIT 1)
        ORDER BY wo.id
        """)
    var quoteLines: [Int64: [StoredLine]] = [:]
    for (_, order) in try StoredLine.byOrder("quote_id IS NOT NULL") {
        for line in order { quoteLines[line.quoteID!, default: []].append(line) }
    }
    #expect(quoteLines.values.contains { $0.contains { $0.payer == "internal" } }, "the demo has a quote with a line the shop bears")
    let copies = Dictionary(grouping: printedCopies(try batchText("quote", quotes.map { $0["order_no"]!.text! }),
                                                    numberLabel: "报价单号", copyLabels: [], payers: nil), by: \.number)
    #expect(copies.count == quotes.count)
    var failures = 0
    for quote in quotes where failures < 10 {
        let expected = QuoteExpectation(number: quote["quote_no"]!.text!, percent: quote["prepay_percent"]!.integer!,
                                        lines: quoteLines[quote["id"]!.integer!] ?? [])
        #expect(expected.problems.isEmpty, "\(expected.number): the demo's data is consistent")
        let printed = copies[expected.number] ?? []
        let wrong = (printed.count == 1 ? [] : ["\(printed.count) copies"]) + printed.flatMap(expected.check)
        if !wrong.isEmpty {
            failures += 1
            Issue.record("quote \(expected.number) (\(quote["order_no"]!.text!)): \(wrong.joined(separator: "; "))")
        }
    }
}
