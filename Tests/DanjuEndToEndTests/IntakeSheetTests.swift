import DanjuDatabase
import Foundation
import Testing

/// The order a service advisor would print: the latest with photos and inspection results.
private func latestOrder() throws -> Row {
    try #require(try demoRows("""
        SELECT wo.order_no, c.name AS customer, m.serial_no, wo.complaint
        FROM work_orders wo JOIN customers c ON c.id = wo.customer_id JOIN machines m ON m.id = wo.machine_id
        WHERE wo.id IN (SELECT work_order_id FROM work_order_photos) ORDER BY wo.arrived_at DESC LIMIT 1
        """).first)
}

private func render(_ order: String, _ extra: String...) throws -> (path: String, output: Output) {
    let path = newPath("\(order).pdf")
    let output = try run(danjuExecutable, ["render", "intake-sheet", "--db", demoDatabase, "--param", "order=\(order)", "-o", path] + extra)
    return (path, output)
}

@Test func theFilledSheetShowsTheOrdersDataFromTheDatabase() throws {
    let order = try latestOrder()
    let (path, output) = try render(order["order_no"]!.text!)
    #expect(output.status == 0, "\(output.stderr)")
    let text = try compactText(path)
    for column in ["order_no", "customer", "serial_no", "complaint"] {
        let expected = try #require(order[column]?.text).filter { !$0.isWhitespace }
        #expect(text.contains(expected), "\(column) “\(expected)” not in the PDF text")
    }
    let checklist = try demoRows("SELECT item FROM inspection_items WHERE active = 1 ORDER BY seq").compactMap { $0["item"]?.text }
    #expect(checklist.count > 20)
    #expect(checklist.allSatisfy { text.contains($0) })
}

@Test func theSheetIsOneA4PageWithEmbeddedSubsetFonts() throws {
    let (path, output) = try render(try latestOrder()["order_no"]!.text!)
    #expect(output.status == 0)
    let info = try pdfInfo(path)
    #expect(info["Pages"] == "1")
    #expect(info["Page size"] == "595.276 x 841.89 pts (A4)")
    #expect(info["Title"]?.hasPrefix("进厂检查单") == true)

    let fonts = try run("pdffonts", [path]).stdout.split(separator: "\n").dropFirst(2)
    #expect(!fonts.isEmpty)
    for line in fonts {
        let columns = line.split(separator: " ", omittingEmptySubsequences: true)
        // name type encoding emb sub uni object ID: the three flags are yes.
        #expect(columns.suffix(5).prefix(3) == ["yes", "yes", "yes"], "\(line)")
        #expect(line.contains("DanjuHei") || line.contains("Danju"), "only the project's fonts: \(line)")
    }
    let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
    #expect(size <= 120 * 1024, "one sheet is \(size) bytes")
    let check = try run("qpdf", ["--check", path])
    #expect(check.status == 0 && check.stdout.contains("No syntax or stream encoding errors"), "\(check.stdout)")
}

@Test func twoRendersAreByteIdentical() throws {
    let order = try latestOrder()["order_no"]!.text!
    let first = try render(order), second = try render(order)
    #expect(first.output.status == 0 && second.output.status == 0)
    #expect(FileManager.default.contentsEqual(atPath: first.path, andPath: second.path))
}

@Test func theBlankFormHasTheChecklistAndNoOrderData() throws {
    let path = newPath("blank.pdf")
    let output = try danju("render", "intake-sheet", "--db", demoDatabase, "--blank", "-o", path)
    #expect(output.status == 0, "\(output.stderr)")
    let text = try compactText(path)
    #expect(text.contains("客户确认签字") && text.contains("黄油嘴"))
    #expect(!text.contains("WO"), "no order number on a blank form")
    #expect(!text.contains("未拍照"), "no defaults on a blank form")
}

@Test func theLongestComplaintIsPrintedInFull() throws {
    let order = try #require(try demoRows("SELECT order_no, complaint FROM work_orders ORDER BY length(complaint) DESC LIMIT 1").first)
    let complaint = order["complaint"]!.text!
    #expect(complaint.count >= 150)
    let (path, output) = try render(order["order_no"]!.text!, "--strict")
    #expect(output.status == 0, "\(output.stderr)")
    #expect(try compactText(path).contains(complaint.filter { !$0.isWhitespace }))
}

@Test func rareCharactersInNamesSurvive() throws {
    let order = try #require(try demoRows("""
        SELECT wo.order_no, c.name FROM work_orders wo JOIN customers c ON c.id = wo.customer_id
        WHERE c.name LIKE '%㵘%' OR c.name LIKE '%䶮%' OR c.name LIKE '%𠀾%' LIMIT 1
        """).first)
    let (path, output) = try render(order["order_no"]!.text!, "--strict")
    #expect(output.status == 0, "\(output.stderr)")
    #expect(try compactText(path).contains(order["name"]!.text!))
}

@Test func aMissingOrderIsAClearErrorAndWritesNothing() throws {
    let (path, output) = try render("WO-NO-SUCH-ORDER")
    #expect(output.status == 2)
    #expect(output.stderr.hasPrefix("danju: error: 工单 WO-NO-SUCH-ORDER 不存在\n") && output.stderr.contains("intake-sheet.yaml:")
            && output.stderr.contains("found no row"), "\(output.stderr)")
    #expect(!FileManager.default.fileExists(atPath: path))
    // Other tests write into the same folder at the same time: look only for this render's temporary file.
    let name = URL(fileURLWithPath: path).lastPathComponent
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: demoFolder).filter { $0.contains(name) }
    #expect(leftovers.isEmpty)
}

@Test func renderingNeverModifiesTheDatabase() throws {
    let before = try Data(contentsOf: URL(fileURLWithPath: demoDatabase))
    let modified = try FileManager.default.attributesOfItem(atPath: demoDatabase)[.modificationDate] as! Date
    _ = try render(try latestOrder()["order_no"]!.text!)
    _ = try danju("check", "intake-sheet", "--db", demoDatabase)
    #expect(try Data(contentsOf: URL(fileURLWithPath: demoDatabase)) == before)
    #expect(try FileManager.default.attributesOfItem(atPath: demoDatabase)[.modificationDate] as! Date == modified)
}

@Test func theShippedTemplatesCheckCleanAgainstTheDemo() throws {
    let output = try danju("check", "intake-sheet", "--db", demoDatabase)
    #expect(output.status == 0, "\(output.stderr)")
}

@Test func aBatchDrawsOnePagePerOrder() throws {
    let day = try #require(try demoRows("SELECT substr(arrived_at, 1, 10) AS day, count(*) AS n FROM work_orders GROUP BY day ORDER BY n DESC LIMIT 1").first)
    let each = "SELECT order_no AS \"order\" FROM work_orders WHERE substr(arrived_at, 1, 10) = '\(day["day"]!.text!)'"
    let combined = newPath("day.pdf")
    let output = try danju("batch", "intake-sheet", "--db", demoDatabase, "--each", each, "-o", combined)
    #expect(output.status == 0, "\(output.stderr)")
    #expect(try pdfInfo(combined)["Pages"] == String(day["n"]!.integer!))

    let folder = newPath("day") + "/"
    #expect(try danju("batch", "intake-sheet", "--db", demoDatabase, "--each", each, "-o", folder, "--jobs", "2").status == 0)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".pdf") }.count == Int(day["n"]!.integer!))
}
