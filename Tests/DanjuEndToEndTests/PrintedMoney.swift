import DanjuDatabase
import Foundation
import Testing

// Reading money documents the way a cashier checks them: every row, subtotal and total as pdftotext prints it,
// against figures this file computes from the raw tables on its own (never with the templates' SQL).

/// A copy of the demo shop that a test may change: `sql` runs with CHECK constraints off, so a value the schema
/// would refuse can be planted as a damaged or foreign database might hold it.
func demoCopy(_ name: String, _ sql: String = "") throws -> String {
    let path = newPath(name)
    try FileManager.default.copyItem(atPath: demoDatabase, toPath: path)
    if !sql.isEmpty {
        try Database(path: path, mode: .readWrite(create: false)).execute("PRAGMA ignore_check_constraints = ON;\n" + sql)
    }
    return path
}

/// Makes `table` of the database at `path` an ordinary (not STRICT) table, as an older or foreign shop system's
/// may be: its INTEGER columns then keep a REAL or a TEXT that is written into them.
func dropStrictness(of table: String, in path: String) throws {
    try Database(path: path, mode: .readWrite(create: false)).execute("""
        PRAGMA writable_schema = ON;
        UPDATE sqlite_schema SET sql = replace(sql, ') STRICT', ')') WHERE type = 'table' AND name = '\(table)';
        PRAGMA writable_schema = OFF;
        """)
}

// The parsing works on UTF-8 bytes: a batch of every settlement is some 50 MB of text, and character-by-character
// string handling in a debug build would take minutes.

private let yuanSign: [UInt8] = Array("¥".utf8), colonYuan: [UInt8] = Array("：¥".utf8), openParen: [UInt8] = Array("（".utf8)

private func isDigit(_ byte: UInt8) -> Bool { (48...57).contains(byte) }

/// The text split at runs of ASCII spaces (pdftotext -layout separates columns with them).
func tokens(_ line: Substring) -> [Substring] {
    line.utf8.split(separator: 32).map { Substring($0) }
}

/// Where `needle` starts in `text`, by UTF-8 offset.
private func offset(of needle: [UInt8], in text: Substring) -> Int? {
    let bytes = Array(text.utf8)
    guard bytes.count >= needle.count else { return nil }
    return (0...(bytes.count - needle.count)).first { bytes[$0..<$0 + needle.count].elementsEqual(needle) }
}

/// `1,234.56` or `¥1,234.56` (or `-¥3.20`) in fen; nil for anything else.
func fen(_ text: Substring) -> Int64? {
    var bytes = Array(text.utf8)[...]
    let negative = bytes.first == UInt8(ascii: "-")
    if negative { bytes = bytes.dropFirst() }
    if bytes.starts(with: yuanSign) { bytes = bytes.dropFirst(yuanSign.count) }
    var value: Int128 = 0, decimals: Int?, whole = 0
    for byte in bytes {
        if isDigit(byte) {
            value = value * 10 + Int128(byte - 48)
            if let counted = decimals { decimals = counted + 1 } else { whole += 1 }
            guard value <= Int128(Int64.max) + 1 else { return nil }
        } else if byte == UInt8(ascii: ","), decimals == nil, whole > 0 {
            continue
        } else if byte == UInt8(ascii: "."), decimals == nil {
            decimals = 0
        } else {
            return nil
        }
    }
    guard whole > 0, decimals == 2 else { return nil }
    return Int64(exactly: negative ? -value : value)
}

/// A quantity as printed (`2`, `1.5`, `0.125`) in thousandths.
func thousandths(_ text: Substring) -> Int64? {
    var value: Int64 = 0, decimals: Int?, whole = 0
    for byte in text.utf8 {
        if isDigit(byte) {
            guard decimals ?? 0 < 3, value < Int64.max / 100 else { return nil }
            value = value * 10 + Int64(byte - 48)
            if let counted = decimals { decimals = counted + 1 } else { whole += 1 }
        } else if byte == UInt8(ascii: "."), decimals == nil {
            decimals = 0
        } else {
            return nil
        }
    }
    guard whole > 0, decimals != 0 else { return nil }
    for _ in (decimals ?? 0)..<3 { value *= 10 }
    return value
}

/// Count (thousandths) × price (fen), rounded to the fen half up: what a line's 金额 before its discount must be.
func priced(_ count: Int64, _ price: Int64) -> Int128 {
    (Int128(count) * Int128(price) + 500) / 1_000
}

/// One row of a line table as printed: 数量 (or 工时) and unit, 单价, 优惠 (0 when blank), 金额, and the payer
/// column of a settlement.
struct PrintedRow: Equatable, CustomStringConvertible {
    var count: Int64
    var unit: String
    var price: Int64
    var discount: Int64
    var amount: Int64
    var payer: String?

    var readsAcross: Bool { priced(count, price) - Int128(discount) == Int128(amount) }

    var description: String { "\(count)‰ \(unit) × \(price) − \(discount) = \(amount) \(payer ?? "")" }

    /// The row of a pdftotext -layout line, when the line ends like one: `… 2 个  3,187.00  637.40  5,736.60  客户`
    /// (settlement) or `… 1.5 工时  120.00  180.00` (quote). The 优惠 cell is blank without a discount.
    init?(layoutLine line: Substring, payers: Set<String>?) {
        var tokens = tokens(line)
        if let payers {
            guard let last = tokens.last, payers.contains(String(last)) else { return nil }
            payer = String(tokens.removeLast())
        }
        var money: [Int64] = []
        while money.count < 3, let last = tokens.last, !last.utf8.starts(with: yuanSign), let value = fen(last) {
            money.insert(value, at: 0)
            tokens.removeLast()
        }
        guard money.count >= 2, let last = tokens.popLast() else { return nil }
        // The unit follows the count, sometimes with no gap between them in the text (`1个`).
        let figure = last.utf8.prefix { isDigit($0) || $0 == UInt8(ascii: ".") }
        if let count = thousandths(last) {
            (self.count, unit) = (count, "")
        } else if !figure.isEmpty, let count = thousandths(Substring(figure)) {
            (self.count, unit) = (count, String(Substring(last.utf8[figure.endIndex...])))
        } else if let previous = tokens.popLast(), let count = thousandths(previous) {
            (self.count, unit) = (count, String(last))
        } else {
            return nil
        }
        price = money[0]
        discount = money.count == 3 ? money[1] : 0
        amount = money[money.count - 1]
    }

    init(count: Int64, unit: String, price: Int64, discount: Int64, amount: Int64, payer: String?) {
        (self.count, self.unit, self.price, self.discount, self.amount, self.payer) = (count, unit, price, discount, amount, payer)
    }
}

/// One copy (联) of a document as printed, over as many pages as it takes.
struct PrintedCopy {
    var number: String
    var copy: String
    var rows: [PrintedRow] = []
    /// `label ¥amount` fields (费用合计, 实收金额 …) and table lines (`合计：¥…`, `小计：¥…`), in print order.
    var figures: [(label: String, fen: Int64)] = []
    var text = ""

    func figure(_ label: String) -> Int64? { figures.last { $0.label == label }?.fen }
    func all(_ label: String) -> [Int64] { figures.filter { $0.label == label }.map(\.fen) }
}

/// Splits pdftotext -layout output into copies: pages with the same document number (`numberLabel`, e.g. 结算单号)
/// and copy label follow each other. Rows are read with `payers` as the settlement's last column (nil: none).
func printedCopies(_ layout: String, numberLabel: String, copyLabels: [String], payers: Set<String>?) -> [PrintedCopy] {
    let label = Array(numberLabel.utf8)
    var copies: [PrintedCopy] = []
    for page in layout.utf8.split(separator: 12).map({ Substring($0) }) {
        let lines = page.utf8.split(separator: 10).map { Substring($0) }
        guard let header = lines.first(where: { offset(of: label, in: $0) != nil }),
              let number = tokens(Substring(header.utf8.dropFirst(offset(of: label, in: header)! + label.count))).first else { continue }
        let top = lines.prefix(3).joined(separator: "\n")
        let copy = copyLabels.first { top.contains($0) } ?? ""
        if copies.last?.number != String(number) || copies.last?.copy != copy {
            copies.append(PrintedCopy(number: String(number), copy: copy))
        }
        copies[copies.count - 1].text += page
        for line in lines where line.utf8.contains(UInt8(ascii: ".")) { // every row and figure has fen
            if let row = PrintedRow(layoutLine: line, payers: payers) {
                copies[copies.count - 1].rows.append(row)
                continue
            }
            let words = tokens(line)
            for (index, word) in words.enumerated() {
                if let colon = offset(of: colonYuan, in: word), let value = fen(Substring(word.utf8.dropFirst(colon + colonYuan.count))) {
                    copies[copies.count - 1].figures.append((String(Substring(word.utf8.prefix(colon))), value))
                } else if index + 1 < words.count {
                    let next = words[index + 1]
                    let amount = offset(of: openParen, in: next).map { Substring(next.utf8.prefix($0)) } ?? next
                    if amount.utf8.starts(with: yuanSign) || amount.utf8.starts(with: [UInt8(ascii: "-")] + yuanSign), let value = fen(amount) {
                        copies[copies.count - 1].figures.append((String(word), value))
                    }
                }
            }
        }
    }
    return copies
}

/// A work order line as stored, its figures kept exact however large (a test may plant any 64-bit value).
struct StoredLine {
    let orderID: Int64
    let quoteID: Int64?
    let kind: String
    let seq: Int64
    /// 数量 in thousandths; for labour the hours (hundredths × 10).
    let count: Int128
    let unit: String
    let price: Int64?
    let amount: Int64
    let discount: Int64
    let payer: String

    var net: Int128 { Int128(amount) - Int128(discount) }
    var payerLabel: String { ["customer": "客户", "warranty": "索赔", "internal": "内部"][payer] ?? payer }

    /// Whether the stored amount is its count × price, so that the line can be printed reading across.
    var readsAcross: Bool {
        guard let price, let count = Int64(exactly: count) else { return false }
        return priced(count, price) == Int128(amount)
    }

    /// The row a settlement prints for this line; nil when it cannot be printed truly.
    var printed: PrintedRow? {
        guard readsAcross, let count = Int64(exactly: count), let price, let net = Int64(exactly: net) else { return nil }
        return PrintedRow(count: count, unit: unit, price: price, discount: discount, amount: net, payer: payerLabel)
    }

    static let kindOrder = ["labour": 1, "part": 2, "outsourced": 3, "transport": 4, "other": 5]

    /// Every line of the orders `filter` (SQL on `l`) selects, grouped by order, in a settlement's print order.
    static func byOrder(_ filter: String = "1", database: String = demoDatabase) throws -> [Int64: [StoredLine]] {
        let rows = try Database(path: database, mode: .readOnly).rows("""
            SELECT work_order_id, quote_id, kind, seq, quantity_milli, unit, unit_price_fen, labour_hours_hundredths,
                   labour_rate_fen, amount_fen, discount_fen, payer
            FROM work_order_lines l WHERE \(filter)
            """)
        var lines: [Int64: [StoredLine]] = [:]
        for row in rows {
            let labour = row["kind"]!.text == "labour"
            let line = StoredLine(
                orderID: row["work_order_id"]!.integer!, quoteID: row["quote_id"]!.integer, kind: row["kind"]!.text!,
                seq: row["seq"]!.integer!,
                count: labour ? Int128(row["labour_hours_hundredths"]!.integer!) * 10 : Int128(row["quantity_milli"]!.integer!),
                unit: labour ? "工时" : row["unit"]!.text ?? "",
                price: (labour ? row["labour_rate_fen"] : row["unit_price_fen"])!.integer,
                amount: row["amount_fen"]!.integer!, discount: row["discount_fen"]!.integer!, payer: row["payer"]!.text!)
            lines[line.orderID, default: []].append(line)
        }
        return lines.mapValues { $0.sorted { (kindOrder[$0.kind] ?? 6, $0.seq) < (kindOrder[$1.kind] ?? 6, $1.seq) } }
    }
}

/// What a settlement must print, computed from its stored row and its lines; `problems` says why the data cannot
/// make a true sheet (and so must be refused or be an error), `check` what a printed copy gets wrong.
struct SettlementExpectation {
    let number: String
    var problems: [String] = []
    private var rows: [PrintedRow] = []
    private var figures: [(String, Int128)] = []
    private var subtotals: [Int128] = []

    static let kinds = [("labour", "工时费"), ("part", "材料费"), ("outsourced", "外协加工费"), ("transport", "运输费"), ("other", "其他费用")]

    /// `stored`: the settlements row (its *_fen columns, settlement_no, discount_authoriser_id, standard).
    init(stored: Row, lines: [StoredLine]) {
        number = stored["settlement_no"]!.text!
        func fen(_ column: String) -> Int128? { stored[column]!.integer.map { Int128($0) } }
        func net(_ include: (StoredLine) -> Bool) -> Int128 { lines.filter(include).reduce(0) { $0 + $1.net } }
        for line in lines where !line.readsAcross { problems.append("line \(line.seq) does not read across") }
        rows = lines.compactMap(\.printed)
        let total = net { _ in true }, customer = net { $0.payer == "customer" }
        let lineDiscount = lines.reduce(Int128(0)) { $0 + Int128($1.discount) }
        let orderDiscount = fen("discount_fen") ?? 0
        var sums = Self.kinds.map { kind, label in (label, fen("\(kind == "part" ? "parts" : kind)_fen"), net { $0.kind == kind }) }
        sums += [("费用合计", fen("total_fen"), total), ("索赔（厂家）", fen("warranty_fen"), net { $0.payer == "warranty" }),
                 ("内部承担", fen("internal_fen"), net { $0.payer == "internal" }), ("实收金额", fen("payable_fen"), customer - orderDiscount)]
        for (label, stored, lines) in sums where stored != lines { problems.append("stored \(label) \(String(describing: stored)) ≠ lines \(lines)") }
        figures = sums.map { ($0.0, $0.2) } + [("合计", total), ("整单优惠", orderDiscount), ("明细优惠", lineDiscount),
                                               ("优惠合计", lineDiscount + orderDiscount)]
        subtotals = StoredLine.kindOrder.sorted { $0.value < $1.value }.map(\.key).filter { kind in lines.contains { $0.kind == kind } }
            .map { kind in net { $0.kind == kind } }
        for (label, value) in figures where Int64(exactly: value) == nil { problems.append("\(label) beyond 64 bits") }
        if lineDiscount + orderDiscount > 0, stored["discount_authoriser_id"]!.isNull || stored["standard"]!.isNull {
            problems.append("discount without authoriser or standard")
        }
        let payable = customer - orderDiscount
        if payable < 0 || payable >= 100_000_000_000_000 { problems.append("实收 \(payable) has no 大写") }
    }

    /// Where `copy` differs from what it must print.
    func check(_ copy: PrintedCopy) -> [String] {
        var wrong: [String] = []
        if copy.rows != rows { wrong.append("rows \(copy.rows) ≠ \(rows)") }
        if let row = copy.rows.first(where: { !$0.readsAcross }) { wrong.append("row \(row) does not read across") }
        if copy.all("小计").map { Int128($0) } != subtotals { wrong.append("subtotals \(copy.all("小计")) ≠ \(subtotals)") }
        for (label, value) in figures where copy.figure(label).map { Int128($0) } != value {
            wrong.append("\(label) \(String(describing: copy.figure(label))) ≠ \(value)")
        }
        if let total = copy.figure("费用合计"), let warranty = copy.figure("索赔（厂家）"), let shop = copy.figure("内部承担"),
           let discount = copy.figure("整单优惠"), let payable = copy.figure("实收金额"),
           Int128(total) - Int128(warranty) - Int128(shop) - Int128(discount) != Int128(payable) {
            wrong.append("费用合计 − 索赔 − 内部承担 − 整单优惠 ≠ 实收金额")
        }
        return wrong
    }
}

/// What a quote must print: its lines by payer (customer, warranty, the shop's own), each table's total, and the
/// prepayment on the customer's total alone.
struct QuoteExpectation {
    let number: String
    var problems: [String] = []
    private var rows: [PrintedRow] = []
    private var subtotals: [Int128] = []
    private var figures: [(String, Int128?)] = []
    private var prepay = ""

    /// Parts first, then labour, outsourced work, transport, other.
    static let kindOrder = ["part": 1, "labour": 2, "outsourced": 3, "transport": 4, "other": 5]

    init(number: String, percent: Int64, lines: [StoredLine]) {
        self.number = number
        let sorted = lines.sorted { (Self.kindOrder[$0.kind] ?? 6, $0.seq) < (Self.kindOrder[$1.kind] ?? 6, $1.seq) }
        let tables = ["customer", "warranty", "internal"].map { payer in sorted.filter { $0.payer == payer } }
        for line in lines where !line.readsAcross { problems.append("line \(line.seq) does not read across") }
        rows = tables.joined().compactMap(\.printed).map { row in
            var row = row
            row.payer = nil
            return row
        }
        func total(_ lines: [StoredLine]) -> Int128 { lines.reduce(0) { $0 + $1.net } }
        let customer = total(tables[0])
        let prepay = (customer * Int128(percent) + 50) / 100
        self.prepay = "\(percent)%，" + (Int64(exactly: prepay).map(yuan) ?? "?") + "（"
        figures = [("客户付费合计", tables[0].isEmpty ? nil : customer), ("索赔合计", tables[1].isEmpty ? nil : total(tables[1])),
                   ("内部承担合计", tables[2].isEmpty ? nil : total(tables[2])), ("余款", customer - prepay),
                   ("其中优惠", tables[0].reduce(0) { $0 + Int128($1.discount) })]
        subtotals = Self.kindOrder.sorted { $0.value < $1.value }.map(\.key).filter { kind in tables[0].contains { $0.kind == kind } }
            .map { kind in total(tables[0].filter { $0.kind == kind }) }
        for case (let label, let value?) in figures where Int64(exactly: value) == nil { problems.append("\(label) beyond 64 bits") }
    }

    func check(_ copy: PrintedCopy) -> [String] {
        var wrong: [String] = []
        if copy.rows != rows { wrong.append("rows \(copy.rows) ≠ \(rows)") }
        if let row = copy.rows.first(where: { !$0.readsAcross }) { wrong.append("row \(row) does not read across") }
        if copy.all("小计").map { Int128($0) } != subtotals { wrong.append("subtotals \(copy.all("小计")) ≠ \(subtotals)") }
        for (label, value) in figures where copy.figure(label).map { Int128($0) } != value {
            wrong.append("\(label) \(String(describing: copy.figure(label))) ≠ \(String(describing: value))")
        }
        if !copy.text.contains(prepay) { wrong.append("预付款 is not \(prepay)") }
        return wrong
    }
}

/// `¥1,234.56` as the documents print it (an independent formatter, so a formatting bug cannot hide here).
func yuan(_ fen: Int64) -> String {
    let digits = String(fen.magnitude / 100)
    var grouped = ""
    for (index, digit) in digits.enumerated() {
        if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
        grouped.append(digit)
    }
    let cents = fen.magnitude % 100
    return (fen < 0 ? "-" : "") + "¥" + grouped + (cents < 10 ? ".0" : ".") + String(cents)
}
