import DanjuBinding
import DanjuDatabase
import DanjuGeometry
import DanjuTemplate
import Foundation
import Testing

private let minimal = """
    title: 测试
    page: {size: A4}
    parameters:
      order: {label: 工单号}
    queries:
      order:
        single: true
        sql: SELECT order_no, complaint FROM work_orders WHERE order_no = :order
      items:
        sql: SELECT area, item FROM items
    body:
      - text: "{{order.complaint}}"
    """

private func load(_ yaml: String) throws -> Template {
    try TemplateLoader.load(yaml: yaml, file: "t.yaml")
}

/// The error a template gives, as the user sees it.
private func error(_ yaml: String) -> String {
    do {
        _ = try load(yaml)
        return "no error"
    } catch {
        return String(describing: error)
    }
}

@Test func aMinimalTemplateLoads() throws {
    let template = try load(minimal)
    #expect(template.page.width == 595.2755905511812)
    #expect(template.queries.map(\.name) == ["order", "items"])
    #expect(template.query(named: "order")?.single == true)
    #expect(template.parameters.map(\.name) == ["order"])
}

@Test func aYAMLSyntaxErrorNamesFileLineAndColumn() {
    let message = error("title: x\npage: {size: A4\nbody: []\n")
    #expect(message.hasPrefix("t.yaml:3:"), "\(message)")
    #expect(message.contains("YAML syntax"))
}

@Test func anUnknownKeyIsAnErrorAtItsPosition() {
    let yaml = minimal.replacingOccurrences(of: "  - text: \"{{order.complaint}}\"", with: "  - text: x\n    colour: red")
    let message = error(yaml)
    #expect(message.hasPrefix("t.yaml:13:5:"), "\(message)")
    #expect(message.contains("unknown key “colour”"))
}

@Test func anUnknownFilterNamesTheKnownFormats() {
    let message = error(minimal.replacingOccurrences(of: "{{order.complaint}}", with: "{{order.complaint | moneyy}}"))
    #expect(message.hasPrefix("t.yaml:12:"), "\(message)")
    #expect(message.contains("moneyy") && message.contains("daxie"))
}

@Test func anUnclosedFieldIsAnError() {
    #expect(error(minimal.replacingOccurrences(of: "{{order.complaint}}", with: "{{order.complaint")).contains("without a closing"))
}

@Test func pageSizesAndOrientation() throws {
    let a5 = try load(minimal.replacingOccurrences(of: "{size: A4}", with: "{size: A5, orientation: landscape}"))
    #expect(abs(a5.page.width - points(mm: 210)) < 0.001 && abs(a5.page.height - points(mm: 148)) < 0.001)
    let continuous = try load(minimal.replacingOccurrences(of: "{size: A4}", with: "{size: 241x279}"))
    #expect(abs(continuous.page.width - points(mm: 241)) < 0.001)
    #expect(error(minimal.replacingOccurrences(of: "{size: A4}", with: "{size: B9}")).contains("WIDTHxHEIGHT"))
}

@Test func interpolationSplitsTextAndFields() throws {
    let text = try Interpolation(parsing: "客户：{{order.customer | default: 无}}，第{{page}}页", at: SourceLocation(file: "t", line: 1, column: 1))
    #expect(text.references.map(\.description) == ["order.customer", "page"])
    #expect(text.segments.count == 5)
}

@Test func checkFindsUnknownColumnsAndParameters() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("danju-check-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("shop.sqlite").path
    let database = try Database(path: path, mode: .readWrite(create: true))
    try database.execute("CREATE TABLE work_orders (order_no TEXT, complaint TEXT); CREATE TABLE items (area TEXT, item TEXT)")

    #expect(TemplateChecker.check(try load(minimal), against: database).isEmpty)

    let typo = try load(minimal.replacingOccurrences(of: "{{order.complaint}}", with: "{{order.complaints}}"))
    let problems = TemplateChecker.check(typo, against: database).map(\.description)
    #expect(problems.count == 1)
    #expect(problems.first?.contains("t.yaml:12:") == true && problems.first?.contains("no column “complaints”") == true)

    let badParameter = try load(minimal.replacingOccurrences(of: "= :order", with: "= :orderno"))
    #expect(TemplateChecker.check(badParameter, against: database).map(\.description).contains { $0.contains(":orderno") })

    let badTable = try load(minimal.replacingOccurrences(of: "FROM items", with: "FROM itemz"))
    #expect(TemplateChecker.check(badTable, against: database).map(\.description).contains { $0.contains("no such table: itemz") })
}

@Test func everyElementTakesKeepWithNextAndNothingUnknown() throws {
    let yaml = minimal.replacingOccurrences(of: "  - text: \"{{order.complaint}}\"", with: """
          - table: items
            keep-with-next: true
            columns: [{title: 项目, value: "{{item}}"}]
          - spacer: 3
            keep-with-next: yes
          - text: 合计
        """)
    let template = try load(yaml)
    #expect(template.body.map(\.keepWithNext) == [true, true, false])
    #expect(error(minimal.replacingOccurrences(of: "  - text: \"{{order.complaint}}\"", with: "  - spacer: 3\n    colour: red"))
        .contains("unknown key “colour” in spacer"))
}

@Test func everyKindOfElementCanStartANewPage() throws {
    let elements = [
        "text: 说明", "fields: [{label: 工单号, value: \"{{order.order_no}}\"}]", "table: items\n    columns: [{title: 项目, value: \"{{item}}\"}]",
        "signatures: [{label: 客户}]", "block: {height: 5, items: [{box: true, at: [0, 0, 5, 5]}]}", "spacer: 3",
        "grid: items\n    cell: {height: 10, items: [{text: \"{{item}}\", at: [0, 0, 20, 5]}]}",
        "chart: items\n    kind: bar\n    title: 图\n    label: area\n    values: item",
        "flowchart: {lanes: items, steps: items, arrows: items}",
    ]
    let body = elements.map { "  - \($0)\n    new-page: true\n    keep-with-next: true" }.joined(separator: "\n")
    let template = try load(minimal.replacingOccurrences(of: "  - text: \"{{order.complaint}}\"", with: body))
    #expect(template.body.count == elements.count)
    #expect(template.body.allSatisfy { $0.newPage && $0.keepWithNext })
}
