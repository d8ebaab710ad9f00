import DanjuDatabase
import Foundation
import Testing

// Random 64-bit values in every INTEGER column the money documents multiply or sum (line counts, prices, rates,
// amounts and discounts, the stored settlement figures, payments), on a copy of the demo shop: no document may
// crash, and every figure one prints must be the exact one this file computes in 128-bit arithmetic. A document
// whose figures cannot all be true must be refused or be an error; one whose data is consistent and in range
// must print.

/// SplitMix64, so that a failing case can be run again from its seed.
private struct Random {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// Anything an INTEGER column can hold.
    mutating func any() -> Int64 { Int64(bitPattern: next()) }

    /// 0 ..< 2^bits, at least 1.
    mutating func below(bits: Int) -> Int64 { max(1, Int64(next() >> UInt64(64 - bits))) }

    mutating func chance(_ percent: UInt64) -> Bool { next() % 100 < percent }
}

private struct Case {
    let order: String
    let orderID: Int64
    /// Consistent data whose figures fit their columns: it must print.
    let mustPrint: Bool
    var sql: [String] = []
}

/// A consistent order: every line reads across with prices of up to `bits` bits, discounts below the
/// amounts, the stored settlement row the lines' sums (or, beyond 64 bits, whatever the column can hold) and a
/// payment of 实收, sometimes short.
private func consistentCase(_ order: Row, lines: [Row], bits: Int, _ random: inout Random) -> Case {
    // Prices up to 36 bits make amounts up to ¥90 billion, which the 金额 column still holds (set smaller).
    var change = Case(order: order["order_no"]!.text!, orderID: order["id"]!.integer!, mustPrint: bits <= 36)
    var net: [String: Int128] = [:], byPayer: [String: Int128] = [:], discounts: Int128 = 0
    for line in lines {
        let labour = line["kind"]!.text == "labour"
        // Counts stay below 131.072 (17 bits), so that count and unit print on one line; prices and amounts go as
        // far as `bits`, up to the full 63.
        let count = random.below(bits: min(bits, 17)), price = random.below(bits: bits)
        let amount = (Int128(labour ? count * 10 : count) * Int128(price) + 500) / 1_000
        let stored = Int64(exactly: amount) ?? random.any()
        let discount = random.chance(30) ? Int64(random.next() % UInt64(max(stored, 1))) : 0
        change.sql.append(labour
            ? "UPDATE work_order_lines SET labour_hours_hundredths = \(count), labour_rate_fen = \(price), amount_fen = \(stored), discount_fen = \(discount) WHERE id = \(line["id"]!.integer!)"
            : "UPDATE work_order_lines SET quantity_milli = \(count), unit_price_fen = \(price), amount_fen = \(stored), discount_fen = \(discount) WHERE id = \(line["id"]!.integer!)")
        net[line["kind"]!.text!, default: 0] += Int128(stored) - Int128(discount)
        byPayer[line["payer"]!.text!, default: 0] += Int128(stored) - Int128(discount)
        discounts += Int128(discount)
    }
    let fit = { (value: Int128) in Int64(exactly: value) ?? Int64.max }
    let orderDiscount = random.chance(30) ? random.below(bits: bits) : 0
    let payable = fit((byPayer["customer"] ?? 0) - Int128(orderDiscount))
    let total = net.values.reduce(0, +)
    change.sql.append("""
        UPDATE settlements SET labour_fen = \(fit(net["labour"] ?? 0)), parts_fen = \(fit(net["part"] ?? 0)),
               outsourced_fen = \(fit(net["outsourced"] ?? 0)), transport_fen = \(fit(net["transport"] ?? 0)),
               other_fen = \(fit(net["other"] ?? 0)), total_fen = \(fit(total)), warranty_fen = \(fit(byPayer["warranty"] ?? 0)),
               internal_fen = \(fit(byPayer["internal"] ?? 0)), discount_fen = \(orderDiscount), payable_fen = \(payable),
               discount_authoriser_id = 1, discount_standard = '随机优惠', tax_fen = 0, invoice_type = '不开票'
        WHERE work_order_id = \(change.orderID)
        """)
    let short = random.chance(20) ? Int64(random.next() % 1_000) + 1 : 0
    change.sql.append("DELETE FROM payments WHERE work_order_id = \(change.orderID)")
    if payable > short {
        change.sql.append("""
            INSERT INTO payments (work_order_id, kind, method, amount_fen, paid_at)
            VALUES (\(change.orderID), 'balance', '现金', \(payable - short), '2026-11-30T17:00:00+08:00')
            """)
    }
    change.sql.append("UPDATE quotes SET prepay_percent = \(random.next() % 101) WHERE work_order_id = \(change.orderID)")
    return change
}

/// Any 64-bit values, negative ones too, in a few columns of the order's lines, settlement and payments.
private func arbitraryCase(_ order: Row, lines: [Row], _ random: inout Random) -> Case {
    var change = Case(order: order["order_no"]!.text!, orderID: order["id"]!.integer!, mustPrint: false)
    let lineColumns = ["quantity_milli", "unit_price_fen", "labour_hours_hundredths", "labour_rate_fen", "amount_fen", "discount_fen"]
    for line in lines where random.chance(60) {
        let columns = lineColumns.filter { _ in random.chance(40) }
        guard !columns.isEmpty else { continue }
        let values = columns.map { "\($0) = \(random.any())" }.joined(separator: ", ")
        change.sql.append("UPDATE work_order_lines SET \(values) WHERE id = \(line["id"]!.integer!)")
    }
    let settlementColumns = ["labour_fen", "parts_fen", "total_fen", "discount_fen", "payable_fen", "warranty_fen"]
    let values = settlementColumns.filter { _ in random.chance(30) }.map { "\($0) = \(random.any())" }
    if !values.isEmpty {
        change.sql.append("UPDATE settlements SET \(values.joined(separator: ", ")) WHERE work_order_id = \(change.orderID)")
    }
    change.sql.append("UPDATE payments SET amount_fen = \(random.any()) WHERE work_order_id = \(change.orderID)")
    return change
}

@Test func randomSixtyFourBitAmountsNeverCrashNorPrintAWrongFigure() throws {
    var random = Random(state: 0x6D6F_6E65_7931)
    // Orders with a settlement, a quote and a gate pass, each changed by one case only.
    let orders = try demoRows("""
        SELECT wo.id, wo.order_no FROM work_orders wo
        WHERE EXISTS (SELECT 1 FROM settlements WHERE work_order_id = wo.id)
          AND EXISTS (SELECT 1 FROM quotes WHERE work_order_id = wo.id)
          AND EXISTS (SELECT 1 FROM gate_passes WHERE work_order_id = wo.id AND kind = '维修结算')
          AND EXISTS (SELECT 1 FROM work_order_lines WHERE work_order_id = wo.id AND quote_id IS NOT NULL)
        ORDER BY wo.id
        """)
    let picked = stride(from: 0, to: orders.count, by: max(1, orders.count / 60)).prefix(60).map { orders[$0] }
    var cases: [Case] = []
    for (index, order) in picked.enumerated() {
        let lines = try demoRows("SELECT id, kind, payer FROM work_order_lines WHERE work_order_id = \(order["id"]!.integer!) ORDER BY seq")
        // Widths from a few fen to 63 bits: sums fit, some overflow 64 bits, some pass 大写's limit of 10^14 fen.
        cases.append(index % 3 == 2 ? arbitraryCase(order, lines: lines, &random)
                                    : consistentCase(order, lines: lines, bits: [8, 20, 36, 44, 52, 62][index % 6], &random))
    }
    let db = try demoCopy("random-money.sqlite", cases.flatMap(\.sql).joined(separator: ";\n"))
    let planted = cases.reduce(0) { $0 + $1.sql.count }
    #expect(planted >= 200, "a few hundred random values: \(planted) statements")

    let reader = try Database(path: db, mode: .readOnly)
    var printed = 0, refused = 0
    for change in cases {
        let lines = try StoredLine.byOrder("work_order_id = \(change.orderID)", database: db)[change.orderID] ?? []
        let stored = try #require(try reader.rows("""
            SELECT s.*, coalesce(s.discount_standard, s.discount_reason) AS standard FROM settlements s WHERE work_order_id = \(change.orderID)
            """).first)
        let quote = try #require(try reader.rows("""
            SELECT id, quote_no, prepay_percent FROM quotes WHERE work_order_id = \(change.orderID) ORDER BY issued_at DESC, id DESC LIMIT 1
            """).first)
        let paid = try reader.rows("""
            SELECT CASE kind WHEN 'refund' THEN -1 ELSE 1 END AS sign, amount_fen FROM payments WHERE work_order_id = \(change.orderID)
            """).reduce(Int128(0)) { $0 + Int128($1["sign"]!.integer!) * Int128($1["amount_fen"]!.integer!) }
        let settlement = SettlementExpectation(stored: stored, lines: lines)
        let quoteExpected = QuoteExpectation(number: quote["quote_no"]!.text!, percent: quote["prepay_percent"]!.integer!,
                                             lines: lines.filter { $0.quoteID == quote["id"]!.integer! })
        let due = Int128(stored["payable_fen"]!.integer!)
        let customer = lines.filter { $0.payer == "customer" }.reduce(Int128(0)) { $0 + $1.net }
        let passProblems = [(paid < due, "paid \(paid) < due \(due)"), (due < 0, "negative due"),
                            (due != customer - Int128(stored["discount_fen"]!.integer!), "due is not the lines' figure"),
                            (Int64(exactly: customer) == nil, "customer lines beyond 64 bits")].filter(\.0).map(\.1)

        for (template, problems) in [("settlement", settlement.problems), ("quote", quoteExpected.problems), ("gate-pass", passProblems)] {
            let path = newPath("\(template)-random.pdf")
            // --strict: a figure too wide for its column even at the smallest size is an error, not print over its edge.
            let result = try run(danjuExecutable, ["render", template, "--db", db, "--param", "order=\(change.order)", "-o", path, "--strict"])
            let context = "\(template) \(change.order)"
            // 0 printed, 1 refused by a rule, 3 a data error (a figure beyond what its format prints): never a trap.
            #expect([0, 1, 3].contains(result.status), "\(context): exit \(result.status), a crash? \(result.stderr)")
            #expect(!result.stderr.contains("Fatal error"), "\(context): \(result.stderr)")
            guard result.status == 0 else {
                refused += 1
                #expect(result.stderr.contains("danju: error: ") && !FileManager.default.fileExists(atPath: path), "\(context)")
                // Consistent data in range must print (non-negative values: every partial sum is within the total).
                #expect(!change.mustPrint || !problems.isEmpty, "\(context) was refused though its data is consistent: \(result.stderr)")
                continue
            }
            printed += 1
            #expect(problems.isEmpty, "\(context) printed though \(problems)")
            let text = try run("pdftotext", ["-layout", path, "-"]).stdout
            switch template {
            case "settlement":
                let copies = printedCopies(text, numberLabel: "结算单号", copyLabels: ["第一联", "第二联", "第三联"], payers: ["客户", "索赔", "内部"])
                #expect(copies.count == 3 && copies.allSatisfy { settlement.check($0).isEmpty },
                        "\(context): \(copies.flatMap(settlement.check))")
            case "quote":
                let copies = printedCopies(text, numberLabel: "报价单号", copyLabels: [], payers: nil)
                #expect(copies.count == 1 && copies.allSatisfy { quoteExpected.check($0).isEmpty },
                        "\(context): \(copies.flatMap(quoteExpected.check))")
            default:
                #expect(text.filter { !$0.isWhitespace }.contains("实收金额\(yuan(Int64(due)))"), "\(context)")
            }
            try? FileManager.default.removeItem(atPath: path)
        }
    }
    #expect(printed >= 40 && refused >= 40, "both outcomes are exercised: \(printed) printed, \(refused) refused")
}
