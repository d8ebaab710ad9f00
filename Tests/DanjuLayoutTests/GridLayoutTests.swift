import DanjuDatabase
import DanjuLayout
import DanjuTemplate
import Testing

private let labels = """
    title: 标签
    page: {size: A4, margins: 10}
    body:
      - text: 开头
      - grid: tags
        new-page: true
        title: 标签
        columns: 3
        gap: 2
        cell:
          height: 60
          items:
            - {box: true, at: [0, 0, 62, 60]}
            - {text: "{{name}}", at: [2, 2, 58, 6]}
    """

private func rows(_ count: Int) -> [Row] {
    (1...count).map { Row(columns: ["name"], values: [.text("标签\($0)")]) }
}

@Test func aGridFillsRowsAcrossThenFlowsOverPagesAfterANewPage() throws {
    // 277 mm of body: the title and four 62 mm rows fit on a page, so 14 cells in rows of 3 take two pages.
    let document = try layout(labels, tables: ["tags": rows(14)])
    #expect(document.pages.count == 3, "the grid starts a page of its own after the text")
    #expect(document.pages[0].allText == "开头")
    let first = document.pages[1].texts.filter { $0.block.text.hasPrefix("标签") && $0.block.text != "标签" }
    #expect(first.count == 12)
    #expect(Set(first.map(\.at.y)).count == 4, "four rows of cells on the first grid page")
    #expect(Set(first.map(\.at.x)).count == 3, "three cells across")
    #expect(document.pages[2].texts.map(\.block.text) == ["标签13", "标签14"])
    let boxes = document.pages[1].allItems.compactMap { if case .rect(let rect, _, _) = $0 { rect } else { nil } }
    for (index, box) in boxes.enumerated() {
        #expect(!boxes[(index + 1)...].contains { $0.intersects(box) }, "cells never overlap")
    }
}

@Test func aCellItemWiderThanItsCellIsAnError() throws {
    #expect(throws: TemplateError.self) {
        try layout(labels.replacingOccurrences(of: "columns: 3", with: "columns: 4"), tables: ["tags": rows(2)])
    }
}

@Test func aGridWithoutRowsDrawsNothing() throws {
    let document = try layout(labels, tables: ["tags": []])
    #expect(document.pages.count == 1)
}
