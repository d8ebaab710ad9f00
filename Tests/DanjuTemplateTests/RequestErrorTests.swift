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
    let template = try load()
    #expect(template.query(named: "range")?.missing?.references.map(\.description) == ["shop.name", "param.from", "param.to"])
    #expect(template.query(named: "shop")?.missing == nil)
}

@Test func missingWordsMayOnlyUseWhatIsKnownWhenNothingIsFound() {
    let onList = template.replacingOccurrences(of: "  rows:\n    sql: SELECT 1", with: "  rows:\n    missing: 无\n    sql: SELECT 1")
    #expect(message { _ = try load(onList) } == "t.yaml:15:14: missing: is for a query with single: true (a list may be empty)")
    let later = template.replacingOccurrences(of: "{{shop.name}}：", with: "{{rows.x}}：")
    #expect(message { _ = try load(later) }.hasSuffix("“{{rows.x}}”: missing: may use {{param.…}} and the single queries above “range”"))
    let page = template.replacingOccurrences(of: "{{shop.name}}：", with: "{{page}}")
    #expect(message { _ = try load(page) }.contains("“{{page}}”: missing: may use"))
}
