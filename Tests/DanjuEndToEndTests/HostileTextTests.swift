import DanjuDatabase
import DanjuFormat
import Foundation
import Testing

/// Text in the shop's data that would print wrong without a word: after a NUL, around bidi controls, unassigned
/// code points. Each must print what the data says (with visible marks) and be reported.

private func shopCopy() throws -> String {
    let path = newPath("text-shop.sqlite")
    try FileManager.default.copyItem(atPath: demoDatabase, toPath: path)
    return path
}

private func latestOrder(in database: String) throws -> String {
    try #require(try Database(path: database, mode: .readOnly).rows("SELECT order_no FROM work_orders ORDER BY id DESC LIMIT 1").first?["order_no"]?.text)
}

@Test func aNULInAComplaintPrintsWhatFollowsAndIsReported() throws {
    let database = try shopCopy()
    defer { try? FileManager.default.removeItem(atPath: database) }
    let order = try latestOrder(in: database)
    try Database(path: database, mode: .readWrite(create: false)).prepare("UPDATE work_orders SET complaint = ? WHERE order_no = ?")
        .run([.text("左侧履带\u{0}张紧油缸漏油"), .text(order)])
    let output = newPath("nul.pdf")
    defer { try? FileManager.default.removeItem(atPath: output) }
    let result = try danju("render", "intake-sheet", "--db", database, "--param", "order=\(order)", "-o", output)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try compactText(output).contains("左侧履带[NUL]张紧油缸漏油"), "the text after the NUL is printed")
    #expect(result.stderr.contains("column “complaint” of query “order” (order=\(order))") && result.stderr.contains("a NUL as [NUL]"), "\(result.stderr)")

    let strict = newPath("strict.pdf")
    let refused = try danju("render", "intake-sheet", "--db", database, "--param", "order=\(order)", "-o", strict, "--strict")
    #expect(refused.status == 1 && !FileManager.default.fileExists(atPath: strict), "--strict refuses it: \(refused.stderr)")
}

/// A cell of the shop database: one TEXT column of one row.
private struct Cell: Hashable {
    let table: String
    let rowid: Int64
    let column: String
}

/// The rows the intake sheet of `order` reads, and every TEXT column of them.
private func cells(of order: String, in database: Database) throws -> [Cell] {
    let orderRow = "(SELECT id FROM work_orders WHERE order_no = '\(order)')"
    let rows: [(String, String)] = [
        ("work_orders", "id = \(orderRow)"),
        ("customers", "id = (SELECT customer_id FROM work_orders WHERE id = \(orderRow))"),
        ("machines", "id = (SELECT machine_id FROM work_orders WHERE id = \(orderRow))"),
        ("manufacturers", "id = (SELECT manufacturer_id FROM machines WHERE id = (SELECT machine_id FROM work_orders WHERE id = \(orderRow)))"),
        ("staff", "id = (SELECT advisor_id FROM work_orders WHERE id = \(orderRow))"),
        ("settings", "key IN ('shop_name', 'shop_address', 'shop_phone')"),
        ("inspection_results", "rowid IN (SELECT rowid FROM inspection_results WHERE work_order_id = \(orderRow) LIMIT 6)"),
        ("work_order_photos", "work_order_id = \(orderRow)"),
    ]
    var cells: [Cell] = []
    for (table, condition) in rows {
        let columns = try database.rows("SELECT name FROM pragma_table_info('\(table)') WHERE type = 'TEXT' AND name NOT IN ('order_no', 'key')")
            .compactMap { $0["name"]?.text }
        for row in try database.rows("SELECT rowid AS r FROM \(table) WHERE \(condition)") {
            cells += columns.map { Cell(table: table, rowid: row["r"]!.integer!, column: $0) }
        }
    }
    return cells
}

/// Stores `value` in `cell`; false when the schema's checks refuse it (a date, a code, an enumerated value).
private func store(_ value: String, in cell: Cell, of database: Database) -> Bool {
    (try? database.prepare("UPDATE \(cell.table) SET \(cell.column) = ? WHERE rowid = ?").run([.text(value), .integer(cell.rowid)])) != nil
}

/// The test's own statement of how a value must print: NUL as [NUL]; other controls, bidi controls, unassigned
/// and private-use code points as [U+XXXX]; everything else as stored.
private func printed(_ value: String) -> String {
    let bidi: Set<UInt32> = [0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]
    return value.unicodeScalars.map { scalar -> String in
        let v = scalar.value
        if v == 0 { return "[NUL]" }
        let odd = v < 0x20 || (0x7F...0x9F).contains(v) || bidi.contains(v)
            || scalar.properties.generalCategory == .unassigned || scalar.properties.generalCategory == .privateUse
        return odd ? String(format: "[U+%04X]", v) : String(scalar)
    }.joined()
}

/// Random text from what a shop's data may hold by accident: common hanzi, ASCII, NUL and other controls, bidi
/// controls, unassigned and private-use code points.
private struct TextSource {
    var random: SplitMix
    let pools: [[Unicode.Scalar]]

    init(seed: UInt64) throws {
        random = SplitMix(seed)
        let hanzi = try String(contentsOfFile: packageRoot + "/fonts/common-hanzi.txt", encoding: .utf8).split(separator: "\n")
            .filter { !$0.hasPrefix("#") }.joined().unicodeScalars.prefix(800)
        let ascii = (0x21...0x7E).compactMap(Unicode.Scalar.init)
        let controls = (Array(0x01...0x08) + [0x0B, 0x0C] + Array(0x0E...0x1F) + Array(0x7F...0x9F)).compactMap(Unicode.Scalar.init)
        let bidi = [0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069].compactMap(Unicode.Scalar.init)
        let unassigned = (0x0370...0x1FFF).compactMap(Unicode.Scalar.init).filter { $0.properties.generalCategory == .unassigned }
        let privateUse = (0xE000...0xE0FF).compactMap(Unicode.Scalar.init)
        pools = [Array(hanzi), Array(hanzi), ascii, [Unicode.Scalar(0)], controls, bidi, unassigned, privateUse]
    }

    mutating func next() -> String {
        let length = 1 + Int(random.next() % 8)
        var scalars = String.UnicodeScalarView()
        for _ in 0..<length {
            let pool = pools[Int(random.next() % UInt64(pools.count))]
            scalars.append(pool[Int(random.next() % UInt64(pool.count))])
        }
        return String(scalars)
    }
}

struct SplitMix {
    private var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random text in every text column the intake sheet prints: first each column gets a sentinel, and those whose
/// sentinel shows in the PDF are the printed ones; then round after round fills them all with random text. Each
/// round must draw (no crash), print every value as `printed` says, and report every value that holds a mark.
@Test func randomTextInEveryPrintedColumnPrintsAsStoredOrMarkedAndReported() throws {
    let database = try shopCopy()
    defer { try? FileManager.default.removeItem(atPath: database) }
    let order = try latestOrder(in: database)
    let shop = try Database(path: database, mode: .readWrite(create: false))
    let output = newPath("fuzz.pdf")
    defer { try? FileManager.default.removeItem(atPath: output) }
    func render() throws -> (Output, String) {
        let result = try danju("render", "intake-sheet", "--db", database, "--param", "order=\(order)", "-o", output)
        // In drawing order (-raw), a wrapped value's lines stay together; reading order may put a neighbour between.
        return (result, result.status == 0 ? try run("pdftotext", ["-raw", output, "-"]).stdout.filter { !$0.isWhitespace } : "")
    }

    let candidates = try cells(of: order, in: shop)
    let sentinels = Dictionary(uniqueKeysWithValues: candidates.enumerated().map { ($0.element, "哨\($0.offset)Q") })
    let stored = candidates.filter { store(sentinels[$0]!, in: $0, of: shop) }
    let (first, text) = try render()
    #expect(first.status == 0, "\(first.stderr)")
    let printedCells = stored.filter { text.contains(sentinels[$0]!) }
    #expect(printedCells.count >= 12, "the sheet prints these columns: \(printedCells.map { "\($0.table).\($0.column)" })")

    // bench/fuzz runs more rounds with other seeds (DANJU_FUZZ_ROUNDS, DANJU_FUZZ_SEED).
    let environment = ProcessInfo.processInfo.environment
    var source = try TextSource(seed: 2026 &+ (UInt64(environment["DANJU_FUZZ_SEED"] ?? "") ?? 0))
    var values = 0, marked = 0
    for round in 0..<(Int(environment["DANJU_FUZZ_ROUNDS"] ?? "").map { $0 / 4 } ?? 20) {
        var assigned: [Cell: String] = [:]
        for cell in printedCells {
            // Each value starts with a tag of its own, so it is found whole and cannot match by accident.
            let value = "R\(round)C\(assigned.count)〔" + source.next()
            if store(value, in: cell, of: shop) { assigned[cell] = value }
        }
        let (result, text) = try render()
        try #require(result.status == 0, "round \(round): \(result.stderr)")
        for (cell, value) in assigned {
            values += 1
            let expected = printed(value).filter { !$0.isWhitespace }
            #expect(text.contains(expected), "round \(round), \(cell.table).\(cell.column): “\(expected)” is not in the PDF")
            guard expected != value else { continue }
            marked += 1
            let excerpt = expected.count > 24 ? String(expected.prefix(24)) + "…" : expected
            #expect(result.stderr.contains("“\(excerpt)” holds what would not print"), "round \(round), \(cell.table).\(cell.column): not reported")
        }
    }
    print("random text: \(values) values in \(printedCells.count) printed columns, \(marked) with marks")
    #expect(values >= 200 && marked >= values / 3)
}
