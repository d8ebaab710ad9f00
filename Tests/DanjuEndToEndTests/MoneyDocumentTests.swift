import DanjuDatabase
import Foundation
import Testing

// One test per promise of the money documents (报价单, 派工单, 结算单, 出门证), each on the demo shop or on a copy of
// it with one value changed, the expected figures computed here from the raw tables.

private let payers: Set<String> = ["客户", "索赔", "内部"]

/// The text of a PDF as pdftotext -layout lays it out.
private func layoutText(_ path: String) throws -> String { try run("pdftotext", ["-layout", path, "-"]).stdout }

/// Renders `template` for `order`; the output path, whether or not it was written.
private func render(_ template: String, _ order: String, db: String = demoDatabase, _ options: String...) throws -> (Output, String) {
    let path = newPath("\(template).pdf")
    return (try danju(["render", template, "--db", db, "--param", "order=\(order)", "-o", path] + options), path)
}

private func danju(_ arguments: [String]) throws -> Output { try run(danjuExecutable, arguments) }

/// A settlement of the demo that `filter` (SQL on `s`, `wo`) selects: its order, ids and stored figures.
private func settlement(_ filter: String) throws -> Row {
    try #require(try demoRows("""
        SELECT wo.order_no, wo.id AS order_id, s.id, s.discount_fen, s.payable_fen, s.total_fen, s.parts_fen, s.warranty_fen,
               s.internal_fen, coalesce(s.discount_standard, s.discount_reason) AS standard, auth.name AS authoriser,
               wo.hour_meter_out_tenths
        FROM settlements s JOIN work_orders wo ON wo.id = s.work_order_id LEFT JOIN staff auth ON auth.id = s.discount_authoriser_id
        WHERE \(filter) ORDER BY s.id LIMIT 1
        """).first, "a demo settlement where \(filter)")
}

@Test func lineDiscountsArePrintedOnTheirRowsAndAddIntoTheDocumentsDiscount() throws {
    let s = try settlement("s.discount_fen > 0 AND EXISTS (SELECT 1 FROM work_order_lines WHERE work_order_id = wo.id AND discount_fen > 0)")
    let lines = try #require(try StoredLine.byOrder("work_order_id = \(s["order_id"]!.integer!)").first?.value)
    let (result, path) = try render("settlement", s["order_no"]!.text!, "--strict")
    #expect(result.status == 0, "\(result.stderr)")
    let copies = printedCopies(try layoutText(path), numberLabel: "结算单号", copyLabels: ["第一联", "第二联", "第三联"], payers: payers)
    #expect(copies.count == 3)
    let lineDiscount = lines.reduce(0) { $0 + $1.discount }, orderDiscount = s["discount_fen"]!.integer!
    #expect(lines.contains { $0.discount > 0 } && lineDiscount > 0)
    for copy in copies {
        #expect(lines.allSatisfy(\.readsAcross) && copy.rows == lines.compactMap(\.printed), "every row: 数量 × 单价 − 优惠 = 金额")
        #expect(copy.rows.filter { $0.discount > 0 }.count == lines.filter { $0.discount > 0 }.count, "each line discount on its row")
        #expect(copy.figure("明细优惠") == lineDiscount && copy.figure("整单优惠") == orderDiscount)
        #expect(copy.figure("优惠合计") == lineDiscount + orderDiscount)
        #expect(copy.figure("实收金额") == s["payable_fen"]!.integer!)
        let compact = copy.text.filter { !$0.isWhitespace }
        #expect(compact.contains("优惠授权人\(s["authoriser"]!.text!)") && compact.contains("优惠标准\(s["standard"]!.text!)"))
    }
}

@Test func aLineDiscountWithoutAnAuthoriserIsRefusedLikeAnOrderDiscount() throws {
    // A settlement whose only discounts are its lines' (the order itself has none), with its authoriser removed.
    let s = try settlement("s.discount_fen = 0 AND s.discount_authoriser_id IS NOT NULL")
    let order = s["order_no"]!.text!
    let lineDiscount = try StoredLine.byOrder("work_order_id = \(s["order_id"]!.integer!)").first!.value.reduce(0) { $0 + $1.discount }
    #expect(lineDiscount > 0)
    let db = try demoCopy("unsigned.sqlite", "UPDATE settlements SET discount_authoriser_id = NULL WHERE id = \(s["id"]!.integer!)")
    let (refused, path) = try render("settlement", order, db: db)
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("工单 \(order) 不能打印结算单：优惠合计 \(yuan(lineDiscount))（明细优惠 \(yuan(lineDiscount))，整单优惠 ¥0.00）没有授权人"),
            "\(refused.stderr)")
    #expect(!FileManager.default.fileExists(atPath: path))

    let (draft, draftPath) = try render("settlement", order, db: db, "--draft")
    #expect(draft.status == 0, "\(draft.stderr)")
    let text = try compactText(draftPath)
    #expect(text.contains("草稿DRAFT") && text.contains("没有授权人"))

    // Without a standard (and without a reason standing for one) it is refused the same way.
    let noStandard = try demoCopy("no-standard.sqlite",
                                  "UPDATE settlements SET discount_standard = NULL, discount_reason = NULL WHERE id = \(s["id"]!.integer!)")
    let (unstated, _) = try render("settlement", order, db: noStandard)
    #expect(unstated.status == 1 && unstated.stderr.contains("没有注明优惠标准"), "\(unstated.stderr)")

    // The demo's one deliberate case, named in the README.
    let (showcase, _) = try render("settlement", "WX20261127901")
    #expect(showcase.status == 1 && showcase.stderr.contains("没有授权人"), "\(showcase.stderr)")
}

@Test func labourPrintsHoursTimesRateOnTheQuoteTheWorkOrderAndTheSettlement() throws {
    let s = try settlement("""
        wo.hour_meter_out_tenths IS NOT NULL AND EXISTS (SELECT 1 FROM quotes WHERE work_order_id = wo.id)
        AND (SELECT count(*) FROM work_order_lines WHERE work_order_id = wo.id AND kind = 'labour' AND labour_hours_hundredths % 100 > 0) > 0
        """)
    let order = s["order_no"]!.text!
    let labour = try #require(try StoredLine.byOrder("work_order_id = \(s["order_id"]!.integer!) AND kind = 'labour'").first?.value)
        .compactMap(\.printed)
    // 1.25 h in thousandths of an hour is 1250: printed 1.25 工时.
    func hours(_ row: PrintedRow) -> String {
        var text = String(row.count / 1_000) + "." + String(row.count % 1_000 + 1_000).dropFirst()
        while text.hasSuffix("0") { text.removeLast() }
        return text.hasSuffix(".") ? String(text.dropLast()) : text
    }
    let money = { (fen: Int64) in String(yuan(fen).dropFirst()) }
    #expect(!labour.isEmpty)
    for template in ["settlement", "quote", "work-order"] {
        let (result, path) = try render(template, order, "--strict")
        #expect(result.status == 0, "\(template): \(result.stderr)")
        let rows = try layoutText(path).split(separator: "\n").map { $0.filter { !$0.isWhitespace } }
        for row in labour {
            // The work order prices the work before any discount, which is the cashier's.
            let (discount, amount) = template == "work-order" ? ("", row.amount + row.discount) : (row.discount > 0 ? money(row.discount) : "", row.amount)
            #expect(rows.contains { $0.contains("\(hours(row))工时\(money(row.price))\(discount)\(money(amount))") },
                    "\(template): \(hours(row)) 工时 × \(money(row.price)) = \(money(amount))")
        }
    }
    let (_, settlementPath) = try render("settlement", order)
    let meter = s["hour_meter_out_tenths"]!.integer!
    #expect(try compactText(settlementPath).contains("出厂工作小时\(meter / 10).\(meter % 10)h"))
}

@Test func aSettlementWhoseStoredTotalsDisagreeWithItsLinesIsNeverPrinted() throws {
    let s = try settlement("""
        s.discount_fen = 0 AND s.parts_fen > 0 AND s.warranty_fen = 0 AND s.internal_fen = 0
        AND EXISTS (SELECT 1 FROM quotes WHERE work_order_id = wo.id)
        """)
    let order = s["order_no"]!.text!, id = s["id"]!.integer!
    // The stored row is consistent in itself (the schema's CHECKs hold) but says ¥1,000.00 more than its lines.
    let db = try demoCopy("stored-total.sqlite", """
        UPDATE settlements SET parts_fen = parts_fen + 100000, total_fen = total_fen + 100000, payable_fen = payable_fen + 100000
        WHERE id = \(id)
        """)
    for options in [[], ["--draft"]] {
        let path = newPath("settlement.pdf")
        let result = try danju(["render", "settlement", "--db", db, "--param", "order=\(order)", "-o", path] + options)
        #expect(result.status == 1, "never printed, not even as a draft")
        for (figure, basis, stored) in [("材料费", "材料明细合计", s["parts_fen"]!), ("费用合计", "各行明细合计", s["total_fen"]!),
                                        ("实收金额", "客户付费明细合计减整单优惠", s["payable_fen"]!)] {
            let lines = stored.integer!
            #expect(result.stderr.contains("工单 \(order) 不能打印结算单：结算记录的\(figure)为 \(yuan(lines + 100_000))，而\(basis)为 \(yuan(lines))"),
                    "\(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    // A line whose stored amount is not its 数量 × 单价.
    let line = try #require(try demoRows("""
        SELECT id, seq, description, amount_fen FROM work_order_lines
        WHERE work_order_id = \(s["order_id"]!.integer!) AND kind = 'part' AND quote_id IS NOT NULL LIMIT 1
        """).first)
    let badLine = try demoCopy("line-amount.sqlite", "UPDATE work_order_lines SET amount_fen = amount_fen + 1 WHERE id = \(line["id"]!.integer!)")
    let (result, _) = try render("settlement", order, db: badLine, "--draft")
    let amount = line["amount_fen"]!.integer!
    let reason = "第 \(line["seq"]!.integer!) 行“\(line["description"]!.text!)”"
    let figures = "= \(String(yuan(amount).dropFirst()))，而金额记为 \(String(yuan(amount + 1).dropFirst()))"
    #expect(result.status == 1)
    #expect(result.stderr.contains("工单 \(order) 不能打印结算单：\(reason)") && result.stderr.contains(figures), "\(result.stderr)")
    let (quote, _) = try render("quote", order, db: badLine, "--draft")
    #expect(quote.status == 1 && quote.stderr.contains("工单 \(order) 不能打印报价单：\(reason)") && quote.stderr.contains(figures),
            "\(quote.stderr)")
}

@Test func aQuotesCustomerTotalAndPrepaymentLeaveOutWarrantyAndTheShopsOwnLines() throws {
    // The demo's quoted warranty repair carries customer, warranty and internal lines.
    let order = "WX20260616901"
    let quote = try #require(try demoRows("""
        SELECT q.id, q.prepay_percent FROM quotes q JOIN work_orders wo ON wo.id = q.work_order_id WHERE wo.order_no = '\(order)'
        """).first)
    let lines = try StoredLine.byOrder("quote_id = \(quote["id"]!.integer!)").first!.value
    func net(_ payer: String) -> Int64 { Int64(lines.filter { $0.payer == payer }.reduce(0) { $0 + $1.net }) }
    #expect(net("customer") > 0 && net("warranty") > 0 && net("internal") > 0)
    let (result, path) = try render("quote", order, "--strict")
    #expect(result.status == 0, "\(result.stderr)")
    let copy = try #require(printedCopies(try layoutText(path), numberLabel: "报价单号", copyLabels: [], payers: nil).first)
    let percent = quote["prepay_percent"]!.integer!
    let prepay = (net("customer") * percent + 50) / 100
    #expect(copy.figure("客户付费合计") == net("customer") && copy.figure("索赔合计") == net("warranty")
            && copy.figure("内部承担合计") == net("internal"))
    #expect(copy.text.contains("\(percent)%，\(yuan(prepay))（") && copy.figure("余款") == net("customer") - prepay)
    let internalName = try #require(try demoRows("""
        SELECT description FROM work_order_lines WHERE quote_id = \(quote["id"]!.integer!) AND payer = 'internal'
        """).first?["description"]?.text)
    let text = copy.text.filter { !$0.isWhitespace }
    let customerTable = try #require(text.range(of: "客户付费项目")), internalTable = try #require(text.range(of: "内部项目"))
    #expect(text[customerTable.upperBound..<internalTable.lowerBound].contains(internalName) == false)
    #expect(text[internalTable.upperBound...].contains(internalName))

    // Moving one customer line to the shop's account takes it out of the customer's total and the prepayment.
    let moved = try #require(lines.first { $0.payer == "customer" && $0.kind == "part" })
    let db = try demoCopy("internal-quote.sqlite", """
        UPDATE work_order_lines SET payer = 'internal' WHERE work_order_id = \(moved.orderID) AND seq = \(moved.seq)
        """)
    let (changed, changedPath) = try render("quote", order, db: db)
    #expect(changed.status == 0, "\(changed.stderr)")
    let after = try #require(printedCopies(try layoutText(changedPath), numberLabel: "报价单号", copyLabels: [], payers: nil).first)
    let customer = net("customer") - Int64(moved.net)
    #expect(after.figure("客户付费合计") == customer && after.figure("内部承担合计") == net("internal") + Int64(moved.net))
    #expect(after.text.contains("\(percent)%，\(yuan((customer * percent + 50) / 100))（"))
}

@Test func aGatePassNeedsTheSettlementsAmountCoveredByPayments() throws {
    let s = try settlement("""
        s.payable_fen > 200000 AND EXISTS (SELECT 1 FROM gate_passes WHERE work_order_id = wo.id AND kind = '维修结算')
        AND EXISTS (SELECT 1 FROM payments WHERE work_order_id = wo.id AND kind = 'deposit')
        AND EXISTS (SELECT 1 FROM payments WHERE work_order_id = wo.id AND kind = 'balance')
        """)
    let order = s["order_no"]!.text!, orderID = s["order_id"]!.integer!, due = s["payable_fen"]!.integer!
    let (paid, _) = try render("gate-pass", order)
    #expect(paid.status == 0, "\(paid.stderr)")

    // No payment at all: the whole amount is owed.
    let unpaid = try demoCopy("unpaid.sqlite", "DELETE FROM payments WHERE work_order_id = \(orderID)")
    let (none, nonePath) = try render("gate-pass", order, db: unpaid)
    #expect(none.status == 1)
    #expect(none.stderr.contains("工单 \(order) 不能开具出门证：未付清，实收金额 \(yuan(due))，已付 ¥0.00，欠款 \(yuan(due))"), "\(none.stderr)")
    #expect(!FileManager.default.fileExists(atPath: nonePath))

    // The balance ¥925.00 short.
    let short = try demoCopy("short.sqlite", "UPDATE payments SET amount_fen = amount_fen - 92500 WHERE work_order_id = \(orderID) AND kind = 'balance'")
    let (partial, _) = try render("gate-pass", order, db: short)
    #expect(partial.status == 1)
    #expect(partial.stderr.contains("实收金额 \(yuan(due))，已付 \(yuan(due - 92_500))，欠款 ¥925.00"), "\(partial.stderr)")

    // A refund counts against what was paid.
    let refunded = try demoCopy("refunded.sqlite", """
        INSERT INTO payments (work_order_id, kind, method, amount_fen, paid_at)
        VALUES (\(orderID), 'refund', '现金', 100, '2026-11-30T17:00:00+08:00')
        """)
    let (refund, _) = try render("gate-pass", order, db: refunded)
    #expect(refund.status == 1 && refund.stderr.contains("欠款 ¥1.00"), "\(refund.stderr)")

    // An order the customer owes nothing for (all warranty) needs no payment.
    let free = try settlement("s.payable_fen = 0 AND EXISTS (SELECT 1 FROM gate_passes WHERE work_order_id = wo.id AND kind = '维修结算')")
    let noPayments = try demoCopy("free.sqlite", "DELETE FROM payments WHERE work_order_id = \(free["order_id"]!.integer!)")
    let (freePass, _) = try render("gate-pass", free["order_no"]!.text!, db: noPayments)
    #expect(freePass.status == 0, "\(freePass.stderr)")

    // The demo's settled but unpaid order, named in the README.
    let (showcase, _) = try render("gate-pass", "WX20261127901")
    #expect(showcase.status == 1 && showcase.stderr.contains("已付 ¥0.00，欠款"), "\(showcase.stderr)")
}

@Test(arguments: [("2019700.5", "the REAL 2019700.5"), ("'2,019,700.50'", "\"2,019,700.50\"")])
func aNonIntegerAmountInTheDatabaseIsRefusedNamingItsQueryColumnAndRow(value: String, shown: String) throws {
    let s = try settlement("EXISTS (SELECT 1 FROM gate_passes WHERE work_order_id = wo.id AND kind = '维修结算')")
    let order = s["order_no"]!.text!
    // A shop database whose settlements table is not STRICT can hold a REAL or a TEXT in an INTEGER column.
    let db = try demoCopy("real-money.sqlite")
    try dropStrictness(of: "settlements", in: db)
    try Database(path: db, mode: .readWrite(create: false)).execute("""
        PRAGMA ignore_check_constraints = ON; UPDATE settlements SET payable_fen = \(value) WHERE id = \(s["id"]!.integer!)
        """)
    for (template, query, row) in [("settlement", "s", "settlement_no=JS"), ("gate-pass", "pass", "pass_no=CM")] {
        let (result, path) = try render(template, order, db: db, "--draft")
        #expect(result.status == 3, "\(template)")
        #expect(result.stderr.contains("templates/\(template).yaml:") && result.stderr.contains("query “\(query)”, column “payable_fen”")
                && result.stderr.contains(row) && result.stderr.contains("cannot print \(shown)")
                && result.stderr.contains("INTEGER amount of fen"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}

@Test func aTemplateWhoseTotalIsARealIsRefusedInFieldsAndTableTotals() throws {
    let order = try settlement("1")["order_id"]!.integer!
    let template = newPath("real-total.yaml")
    let yaml = """
        title: 合计
        page: {size: A5, margins: 10}
        queries:
          sum: {single: true, sql: "SELECT total(amount_fen) AS fen FROM work_order_lines WHERE work_order_id = \(order)"}
          lines: {sql: "SELECT seq, description, amount_fen / 1.0 AS fen FROM work_order_lines WHERE work_order_id = \(order)"}
        body:
          - table: lines
            totals: {sum: fen}
            columns:
              - {title: 项目, value: "{{description}}"}
          - text: "合计 {{sum.fen | money-yuan}}"
        """
    func line(of text: String, in yaml: String) -> Int {
        yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(text) }! + 1
    }
    try yaml.write(toFile: template, atomically: true, encoding: .utf8)
    let path = newPath("real.pdf")
    let table = try danju(["render", template, "--db", demoDatabase, "-o", path])
    #expect(table.status == 3 && table.stderr.contains("real-total.yaml:\(line(of: "table: lines", in: yaml)):")
            && table.stderr.contains("query “lines”, row 1 (seq=1") && table.stderr.contains("column “fen”")
            && table.stderr.contains("not the REAL"), "\(table.stderr)")
    let untotalled = yaml.replacingOccurrences(of: "    totals: {sum: fen}\n", with: "")
    try untotalled.write(toFile: template, atomically: true, encoding: .utf8)
    let field = try danju(["render", template, "--db", demoDatabase, "-o", path])
    #expect(field.status == 3 && field.stderr.contains("real-total.yaml:\(line(of: "money-yuan", in: untotalled)):")
            && field.stderr.contains("query “sum”, column “fen”") && field.stderr.contains("cannot print the REAL"), "\(field.stderr)")
    #expect(!FileManager.default.fileExists(atPath: path))
}

@Test func sumsBeyondSixtyFourBitsAreAClearErrorNotACrash() throws {
    let s = try settlement("""
        EXISTS (SELECT 1 FROM gate_passes WHERE work_order_id = wo.id AND kind = '维修结算')
        AND (SELECT count(*) FROM work_order_lines WHERE work_order_id = wo.id AND payer = 'customer' AND quote_id IS NOT NULL) >= 2
        """)
    let order = s["order_no"]!.text!, orderID = s["order_id"]!.integer!
    // Two customer lines of 5 × 10^18 fen each, every figure of each line consistent: only their sum is beyond
    // 64 bits; and two payments of 9 × 10^18 fen.
    let db = try demoCopy("overflow.sqlite", """
        UPDATE work_order_lines SET kind = 'part', labour_hours_hundredths = NULL, quantity_milli = 1000,
               unit_price_fen = 5000000000000000000, amount_fen = 5000000000000000000, discount_fen = 0
        WHERE id IN (SELECT id FROM work_order_lines WHERE work_order_id = \(orderID) AND payer = 'customer' AND quote_id IS NOT NULL
                     ORDER BY seq LIMIT 2);
        INSERT INTO payments (work_order_id, kind, method, amount_fen, paid_at)
        VALUES (\(orderID), 'balance', '现金', 9000000000000000000, '2026-11-30T17:00:00+08:00'),
               (\(orderID), 'balance', '现金', 9000000000000000000, '2026-11-30T17:00:00+08:00');
        """)
    for template in ["settlement", "quote", "gate-pass"] {
        let (result, path) = try render(template, order, db: db, "--draft")
        #expect(result.status == 3, "\(template): an error exit, not a trap (\(result.status))")
        #expect(result.stderr.contains("templates/\(template).yaml:")
                && result.stderr.contains("integer overflow: a sum() of INTEGER values is beyond 64 bits"), "\(template): \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
