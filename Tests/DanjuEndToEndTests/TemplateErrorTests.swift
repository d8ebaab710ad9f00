import Foundation
import Testing

/// Writes a variant of the intake sheet template with `change` applied, returning its path.
private func variant(_ name: String, _ change: (String) -> String) throws -> String {
    let original = try String(contentsOfFile: packageRoot + "/templates/intake-sheet.yaml", encoding: .utf8)
    let path = newPath(name)
    try change(original).write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

private func someOrder() throws -> String {
    try #require(try demoRows("SELECT order_no FROM work_orders ORDER BY length(complaint) DESC LIMIT 1").first?["order_no"]?.text)
}

@Test func aTemplateSyntaxErrorNamesFileLineAndColumn() throws {
    let template = try variant("broken.yaml") { $0.replacingOccurrences(of: "  size: A4\n", with: "  size: [A4\n") }
    let output = newPath("never.pdf")
    let result = try danju("render", template, "--db", demoDatabase, "--param", "order=\(try someOrder())", "-o", output)
    #expect(result.status == 3)
    #expect(result.stderr.range(of: #"broken\.yaml:\d+:\d+: YAML syntax"#, options: .regularExpression) != nil, "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: output))
}

@Test func anOverflowingFieldWarnsAndFailsUnderStrict() throws {
    // The complaint box made fixed and small: the longest complaint cannot fit even at 6 pt.
    let template = try variant("tight.yaml") {
        $0.replacingOccurrences(of: "{label: 客户主诉, value: \"{{order.complaint}}\", min-height: 24}",
                                with: "{label: 客户主诉, value: \"{{order.complaint}}\", height: 8, min-size: 6}")
    }
    let order = try someOrder()
    let lenient = newPath("lenient.pdf")
    let warned = try danju("render", template, "--db", demoDatabase, "--param", "order=\(order)", "-o", lenient)
    #expect(warned.status == 0)
    #expect(warned.stderr.contains("warning") && warned.stderr.contains("tight.yaml:") && warned.stderr.contains("客户主诉")
            && warned.stderr.contains("order=\(order)") && warned.stderr.contains("too tall"), "\(warned.stderr)")
    #expect(FileManager.default.fileExists(atPath: lenient))

    let strict = newPath("strict.pdf")
    let failed = try danju("render", template, "--db", demoDatabase, "--param", "order=\(order)", "-o", strict, "--strict")
    #expect(failed.status == 1)
    #expect(failed.stderr.contains("--strict"))
    #expect(!FileManager.default.fileExists(atPath: strict))
}

@Test func checkReportsAnUnknownColumnWithItsPosition() throws {
    let template = try variant("typo.yaml") { $0.replacingOccurrences(of: "{{order.serial_no}}", with: "{{order.serial_number}}") }
    let result = try danju("check", template, "--db", demoDatabase)
    #expect(result.status == 3)
    #expect(result.stderr.range(of: #"typo\.yaml:\d+:\d+: query “order” returns no column “serial_number”"#, options: .regularExpression) != nil, "\(result.stderr)")
}

@Test func pngPreviewIsWritten() throws {
    let path = newPath("preview.png")
    let result = try danju("render", "intake-sheet", "--db", demoDatabase, "--blank", "-o", path, "--format", "png")
    #expect(result.status == 0, "\(result.stderr)")
    let header = try Data(contentsOf: URL(fileURLWithPath: path)).prefix(8)
    #expect(Array(header) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
}

@Test func aListThatFailsAfterItsFirstPagesWereWrittenLeavesNoFile() throws {
    // 3,000 rows (read as they are laid out, pages handed to the writer thread as they fill), the 2,900th of
    // which cannot be printed as money: the error names it, and neither the PDF nor its temporary file remains.
    let template = newPath("late-error.yaml")
    try """
        title: 清单
        page: {size: A4}
        queries:
          lines:
            sql: |
              WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
              SELECT i, CASE WHEN i = 2900 THEN '一百元' ELSE i * 100 END AS fen FROM n
        body:
          - table: lines
            columns:
              - {title: 序号, value: "{{i}}"}
              - {title: 金额, value: "{{fen | money}}", align: right}
        """.write(toFile: template, atomically: true, encoding: .utf8)
    let output = newPath("late-error.pdf")
    let result = try danju("render", template, "--db", demoDatabase, "-o", output)
    #expect(result.status == 3)
    #expect(result.stderr.contains("late-error.yaml:") && result.stderr.contains("一百元"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: output))
    let name = URL(fileURLWithPath: output).lastPathComponent
    #expect(try FileManager.default.contentsOfDirectory(atPath: demoFolder).filter { $0.contains(name) }.isEmpty)
}
