import DanjuBinding
import DanjuDatabase
import DanjuFormat
import DanjuLayout
import DanjuTemplate
import Foundation
import Testing

private let listTemplate = pagedTemplate(body: """
      - table: items
        columns:
          - {title: 项目, width: 20, value: "{{item}}"}
          - {title: 说明, value: "{{note}}"}
    """)

private func listRows(_ count: Int, note: (Int) -> String = { "说明\($0)" }) -> [Row] {
    (0..<count).map { Row(columns: ["item", "note"], values: [.text("项目\($0)"), .text(note($0))]) }
}

/// Lays a list out with pages held for documents of up to 16 pages, so that a few thousand rows stream.
private func layoutStreaming(_ yaml: String, rows: TableRows, emit: @escaping (Page) throws -> Void) throws -> [OverflowReport] {
    let template = try TemplateLoader.load(yaml: yaml, file: "test.yaml")
    var bindings = Bindings(timeZone: try ShopTimeZone(identifier: "Asia/Shanghai"))
    bindings.streamed["items"] = rows
    return try DocumentLayout.layout(template, bindings: bindings, typesetter: try makeTypesetter(),
                                     options: LayoutOptions(record: "test", imageRoot: NSTemporaryDirectory(), heldPages: 16), emit: emit)
}

@Test func aLongListIsHandedOverPageByPageAndNoPageIsKept() throws {
    let rows = listRows(3_000)
    var earlier: [() -> Page?] = []
    var numbers: [String] = []
    _ = try layoutStreaming(listTemplate, rows: TableRows(rows)) { page in
        #expect(earlier.allSatisfy { $0() == nil }, "pages handed over before are gone when page \(earlier.count + 1) comes")
        numbers += page.texts.map(\.block.text).filter { $0.hasPrefix("第 ") }
        weak let handed = page
        earlier.append { handed }
    }
    #expect(earlier.count > 50)
    #expect(numbers == (1...earlier.count).map { "第 \($0) 页 / 共 \(earlier.count) 页" }, "page N of M known while streaming")
}

@Test func streamedRowsAreReadAgainOnlyWhenATableGoesBack() throws {
    let source = listRows(50)
    var starts = 0
    let query = try #require(try TemplateLoader.load(yaml: listTemplate, file: "test.yaml").query(named: "items"))
    let rows = TableRows(count: source.count, query: query) {
        starts += 1
        var next = 0
        return {
            defer { next += 1 }
            return next < source.count ? source[next] : nil
        }
    }
    #expect(try (0..<50).map { try rows.row($0) } == source)
    #expect(try rows.row(47) == source[47] && starts == 1, "a few rows back are kept")
    #expect(try rows.row(3) == source[3] && starts == 2, "further back reads again from the start")
    var printed: [String] = []
    _ = try layoutStreaming(listTemplate, rows: rows) { printed += $0.texts.map(\.block.text).filter { $0.hasPrefix("说明") && $0 != "说明" } }
    #expect(printed == source.map { $0["note"]!.text! }, "every row once, in order")
}

@Test func aRowTallerThanAPageIsCutBetweenLinesWithTheHeaderOnEachPage() throws {
    // Numbered sentences, so every piece can be told apart and the pieces joined back.
    let long = (1...260).map { "第\($0)句：发动机冒黑烟，动力不足，油耗高。" }.joined()
    let rows = listRows(6) { $0 == 2 ? long : "说明\($0)" }
    var pages: [Page] = []
    let overflows = try layoutStreaming(listTemplate, rows: TableRows(rows)) { pages.append($0) }
    #expect(overflows.isEmpty, "no row is reported taller than a page: \(overflows)")
    let pieces = pages.map { page in
        page.texts.map(\.block.text).filter { !$0.hasPrefix("项目") && !$0.hasPrefix("说明") && !$0.hasPrefix("第 ") }
    }
    #expect(pieces.filter { !$0.isEmpty }.count >= 3, "the long cell runs over several pages")
    #expect(pieces.flatMap { $0 }.joined() == long, "cut between lines: nothing lost, nothing repeated")
    for (index, page) in pages.enumerated() {
        #expect(page.texts.filter { $0.block.text == "项目" }.count == 1, "header on page \(index + 1)")
        expectNothingBelowTheBody(page, number: index + 1)
    }
    let printed = pages.flatMap(\.texts).map(\.block.text).filter { $0.hasPrefix("项目") && $0 != "项目" }
    #expect(printed.first == "项目0" && printed.last == "项目5" && Set(printed).count == 6)
}
