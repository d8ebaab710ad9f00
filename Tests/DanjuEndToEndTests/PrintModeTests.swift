import Foundation
import Testing

/// The first word box pdftotext finds containing `text`: (xMin, yMin) in points.
private func position(of text: String, in path: String) throws -> (x: Double, y: Double)? {
    let html = try run("pdftotext", ["-bbox", path, "-"]).stdout
    guard let line = html.split(separator: "\n").first(where: { $0.contains(">\(text)<") }) else { return nil }
    func attribute(_ name: String) -> Double? {
        guard let range = line.range(of: "\(name)=\"") else { return nil }
        return Double(line[range.upperBound...].prefix { $0 != "\"" })
    }
    return attribute("xMin").flatMap { x in attribute("yMin").map { (x, $0) } }
}

@Test func preprintedPaperGetsOnlyTheDataShiftedByThePrinterOffset() throws {
    let order = try #require(try demoRows("SELECT order_no FROM work_orders ORDER BY arrived_at DESC LIMIT 1").first?["order_no"]?.text)
    let printers = newPath("printers.yaml")
    try "dot-matrix: {x: 1.5, y: -0.8}\n".write(toFile: printers, atomically: true, encoding: .utf8)
    let plain = newPath("plain.pdf"), preprinted = newPath("preprinted.pdf")
    #expect(try danju("render", "intake-sheet", "--db", demoDatabase, "--param", "order=\(order)", "-o", plain).status == 0)
    let result = try danju("render", "intake-sheet", "--db", demoDatabase, "--param", "order=\(order)", "-o", preprinted,
                           "--preprinted", "dot-matrix", "--printers", printers)
    #expect(result.status == 0, "\(result.stderr)")

    let text = try compactText(preprinted)
    #expect(text.contains(order))
    #expect(!text.contains("客户确认签字") && !text.contains("检查项目"), "the paper carries the labels already")
    let before = try #require(try position(of: order, in: plain))
    let after = try #require(try position(of: order, in: preprinted))
    #expect(abs(after.x - before.x - 1.5 * 72 / 25.4) < 0.05 && abs(after.y - before.y + 0.8 * 72 / 25.4) < 0.05, "\(before) → \(after)")

    let unknown = try danju("render", "intake-sheet", "--db", demoDatabase, "--param", "order=\(order)", "-o", newPath("x.pdf"),
                            "--preprinted", "laser", "--printers", printers)
    #expect(unknown.status == 2 && unknown.stderr.contains("no printer “laser”"), "\(unknown.stderr)")
}

@Test func aRefusedDocumentPrintsOnlyAsAMarkedDraft() throws {
    let order = try #require(try demoRows("""
        SELECT order_no FROM work_orders wo WHERE NOT EXISTS (SELECT 1 FROM settlements WHERE work_order_id = wo.id) LIMIT 1
        """).first?["order_no"]?.text)
    let path = newPath("draft.pdf")
    let result = try danju("render", "gate-pass", "--db", demoDatabase, "--param", "order=\(order)", "--draft", "-o", path)
    #expect(result.status == 0, "\(result.stderr)")
    let text = try compactText(path)
    #expect(text.contains("草稿DRAFT") && text.contains("尚未结算"))
}

@Test func theCalibrationPageHasMillimetreRulers() throws {
    let path = newPath("calibrate.pdf")
    let result = try danju("calibrate", "--paper", "241x279", "-o", path)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try pdfInfo(path)["Page size"] == "683.15 x 790.866 pts")
    let text = try compactText(path)
    #expect(text.contains("校准页") && text.contains("230") && text.contains("270"))
}
