import DanjuDatabase
import DanjuFormat
import DanjuTemplate
import Testing

private let template = """
    title: 测试
    page: {size: A4}
    parameters:
      from: {label: 起始日期, example: 2026-11-01}
      to: {label: 截止日期}
    queries:
      shop:
        single: true
        sql: SELECT 'x' AS name
      range:
        single: true
        missing: "{{shop.name}}：{{param.from}} 至 {{param.to}} 没有记录"
        sql: SELECT 1 WHERE 0
      rows:
        sql: SELECT 1
    body:
      - text: x
    """

private func load(_ yaml: String = template) throws -> Template {
    try TemplateLoader.load(yaml: yaml, file: "t.yaml")
}

private func message(_ body: () throws -> Void) -> String {
    do {
        try body()
        return "no error"
    } catch {
        return String(describing: error)
    }
}

@Test func editDistanceCountsASwapAsOneEdit() {
    #expect(Spelling.distance("kitten", "sitting") == 3)
    #expect(Spelling.distance("ordr", "order") == 1)
    #expect(Spelling.distance("form", "from") == 1)
    #expect(Spelling.distance("", "to") == 2)
    #expect(Spelling.distance("工单", "工单号") == 1)
}

@Test func theNearestNameMustBeCloseEnoughToBeTheOneMeant() {
    #expect(Spelling.nearest(to: "ordr", among: ["order", "claim"]) == "order")
    #expect(Spelling.nearest(to: "ORDER", among: ["order"]) == "order")
    #expect(Spelling.nearest(to: "frm", among: ["from", "to"]) == "from")
    #expect(Spelling.nearest(to: "xy", among: ["to"]) == nil, "two edits of a two-letter name is another name")
    #expect(Spelling.nearest(to: "colour", among: ["order", "month"]) == nil)
    #expect(Spelling.nearest(to: "x", among: []) == nil)
}

@Test func parameterErrorsPutTheUnknownNameFirstThenWhatIsMissing() throws {
    let template = try load()
    #expect(message { try RequestError.checkParameters(["from", "to"], of: template) } == "no error")
    #expect(message { try RequestError.checkParameters(["form", "to"], of: template) }
            == "template “t” has no parameter “form”: did you mean --param from=… (起始日期, e.g. 2026-11-01)?")
    #expect(message { try RequestError.checkParameters(["from"], of: template) } == "template “t” needs --param to=… (截止日期)")
    #expect(message { try RequestError.checkParameters(["from", "to", "shop"], of: template) }
            == "template “t” has no parameter “shop”; it takes --param from=… (起始日期, e.g. 2026-11-01), --param to=… (截止日期)")
    #expect(message { try RequestError.checkParameters([], of: template, blank: true) } == "no error", "a blank form takes none")
}

@Test func missingWordsAreReadWithTheirQuery() throws {
    let range = try #require(try load().query(named: "range"))
    #expect(range.missing?.references.map(\.description) == ["shop.name", "param.from", "param.to"])
    var bindings = Bindings(parameters: ["from": "2026-11-01", "to": "2026-11-30"], timeZone: try ShopTimeZone(identifier: "Asia/Shanghai"))
    #expect(message { throw try RequestError(noRowFor: range, of: try load(), bindings: bindings) }
            == "：2026-11-01 至 2026-11-30 没有记录\n  query “range” (t.yaml:13:10) found no row", "a query that found nothing yet prints empty")
    bindings.records["shop"] = Row(columns: ["name"], values: [.text("本店")])
    #expect(message { throw try RequestError(noRowFor: range, of: try load(), bindings: bindings) }.hasPrefix("本店：2026-11-01 至 2026-11-30 没有记录\n"))
}

@Test func missingWordsMayOnlyUseWhatIsKnownWhenNothingIsFound() {
    let onList = template.replacingOccurrences(of: "  rows:\n    sql: SELECT 1", with: "  rows:\n    missing: 无\n    sql: SELECT 1")
    #expect(message { _ = try load(onList) } == "t.yaml:15:14: missing: is for a query with single: true (a list may be empty)")
    let later = template.replacingOccurrences(of: "{{shop.name}}：", with: "{{rows.x}}：")
    #expect(message { _ = try load(later) }.hasSuffix("“{{rows.x}}”: missing: may use {{param.…}} and the single queries above “range”"))
    let page = template.replacingOccurrences(of: "{{shop.name}}：", with: "{{page}}")
    #expect(message { _ = try load(page) }.contains("“{{page}}”: missing: may use"))
}
