import DanjuDatabase
import DanjuFormat
import DanjuGeometry
import DanjuLayout
import DanjuTemplate
import Testing

private func rows(_ count: Int, groups: Int = 5) -> [Row] {
    (0..<count).map { index in
        Row(columns: ["area", "item", "result", "note"],
            values: [.text("部位\(index * groups / count)"), .text("项目\(index)"), .text(index % 3 == 0 ? "ok" : "damaged"), .null])
    }
}

private let tableTemplate = pagedTemplate(body: """
      - table: items
        title: 检查
        group: area
        across: ACROSS
        columns:
          - {title: 部位, width: 14, value: "{{area}}"}
          - {title: 项目, value: "{{item}}"}
          - {title: 正常, width: 9, check: "{{result}}", when: ok}
    """)

@Test(arguments: [1, 2])
func aLongTableFlowsOverPagesWithItsHeaderOnEach(across: Int) throws {
    let document = try layout(tableTemplate.replacingOccurrences(of: "ACROSS", with: String(across)), tables: ["items": rows(150)])
    #expect(document.pages.count > 1)
    for (index, page) in document.pages.enumerated() {
        let texts = page.texts.map(\.block.text)
        #expect(texts.filter { $0 == "项目" }.count == across, "header on page \(index + 1)")
        #expect(texts.contains("第 \(index + 1) 页 / 共 \(document.pages.count) 页"))
        expectNothingBelowTheBody(page, number: index + 1)
    }
    let printed = document.pages.flatMap(\.texts).map(\.block.text).filter { $0.hasPrefix("项目") && $0 != "项目" }
    #expect(printed == (0..<150).map { "项目\($0)" } || across == 2)
    #expect(Set(printed) == Set((0..<150).map { "项目\($0)" }), "every row exactly once")
    #expect(printed.count == 150)
}

@Test func aGroupIsPrintedOncePerRunAndAgainAfterAPageBreak() throws {
    let document = try layout(tableTemplate.replacingOccurrences(of: "ACROSS", with: "1"), tables: ["items": rows(150, groups: 2)])
    for page in document.pages {
        let groups = page.texts.map(\.block.text).filter { $0.hasPrefix("部位") && $0 != "部位" }
        #expect(!groups.isEmpty && groups.count <= 2, "\(groups)")
    }
}

@Test func ticksFollowTheData() throws {
    let document = try layout(tableTemplate.replacingOccurrences(of: "ACROSS", with: "1"), tables: ["items": rows(9)])
    let page = document.pages[0]
    let rowCenters = (0..<9).map { row in page.texts.first { $0.block.text == "项目\(row)" }!.at.y }
    let ticks = page.items.compactMap { if case .tick(let box) = $0 { box.y + box.height / 2 } else { nil } }
    let tickedRows = ticks.map { y in rowCenters.indices.min { abs(rowCenters[$0] - y) < abs(rowCenters[$1] - y) }! }
    #expect(tickedRows == [0, 3, 6], "ticks on the rows whose result is ok")
    let boxes = page.artwork.filter { if case .rect(let box, _, _) = $0 { box.width < 10 && box.width == box.height } else { false } }
    #expect(boxes.count == 9, "an empty box on every row")
}

/// An A4 template with one single-row query `order` and the given body elements.
private func orderTemplate(_ body: String) -> String {
    """
    title: 单
    page: {size: A4}
    queries:
      order: {single: true, sql: SELECT 1}
    body:
    \(body)
    """
}

@Test func aGrowingFieldPushesWhatFollowsAndNothingOverlaps() throws {
    let yaml = orderTemplate("""
          - fields:
              - {label: 客户, value: "{{order.customer}}"}
              - {label: 主诉, value: "{{order.complaint}}", min-height: 20}
            columns: 1
          - text: 以下空白
        """)
    let complaint = String(repeating: "动臂下沉严重，停机两天，要求当天修复并说明原因。", count: 14)
    let record = Row(columns: ["customer", "complaint"], values: [.text("王䶮"), .text(complaint)])
    let page = try layout(yaml, records: ["order": record]).pages[0]
    let texts = page.texts
    #expect(texts.contains { $0.block.text == complaint })
    let complaintBox = texts.first { $0.block.text == complaint }!
    let after = texts.first { $0.block.text == "以下空白" }!
    #expect(after.at.y >= complaintBox.at.y + complaintBox.block.height, "the following text starts below the grown field")
    for (i, a) in texts.enumerated() {
        for b in texts[(i + 1)...] {
            let overlap = Rect(x: a.at.x, y: a.at.y, width: a.block.width, height: a.block.height)
                .intersects(Rect(x: b.at.x, y: b.at.y, width: b.block.width, height: b.block.height))
            #expect(!overlap, "“\(a.block.text.prefix(8))” overlaps “\(b.block.text.prefix(8))”")
        }
    }
}

@Test func aFixedBoxThatCannotHoldItsTextIsReported() throws {
    let yaml = orderTemplate("""
          - fields:
              - {label: 主诉, value: "{{order.complaint}}", height: 8, min-size: 7}
            columns: 1
        """)
    let complaint = String(repeating: "液压泵异响。", count: 60)
    let document = try layout(yaml, records: ["order": Row(columns: ["complaint"], values: [.text(complaint)])])
    #expect(document.overflows.count == 1)
    let report = document.overflows[0].description
    #expect(report.contains("test.yaml:7:") && report.contains("field “主诉”") && report.contains("too tall at 7 pt"), "\(report)")
    #expect(document.pages[0].allText.contains(complaint), "the text is still printed in full, not clipped")
}

@Test func eachCopyIsAFullSetOfPagesWithItsLabel() throws {
    let yaml = tableTemplate.replacingOccurrences(of: "ACROSS", with: "1")
        .replacingOccurrences(of: "page: {size: A5, margins: 10}", with: "page: {size: A5, margins: 10}\ncopies: [第一联 存根, 第二联 客户, 第三联 财务]")
        .replacingOccurrences(of: "第 {{page}} 页 / 共 {{pages}} 页", with: "{{copy}} 第 {{page}} 页 / 共 {{pages}} 页")
    let single = try layout(tableTemplate.replacingOccurrences(of: "ACROSS", with: "1"), tables: ["items": rows(60)])
    let copies = try layout(yaml, tables: ["items": rows(60)])
    let perCopy = single.pages.count
    #expect(perCopy > 1)
    #expect(copies.pages.count == 3 * perCopy)
    for (index, page) in copies.pages.enumerated() {
        let label = ["第一联 存根", "第二联 客户", "第三联 财务"][index / perCopy]
        #expect(page.texts.contains { $0.block.text == "\(label) 第 \(index % perCopy + 1) 页 / 共 \(perCopy) 页" }, "page \(index + 1)")
    }
}

@Test func copyLabelsAreCheckedWhenLoading() {
    #expect(throws: TemplateError.self) {
        try TemplateLoader.load(yaml: "title: x\npage: {size: A4}\ncopies: []\nbody: []\n", file: "c.yaml")
    }
}

@Test func aTableKeptWithItsTotalNeverLeavesTheTotalAlone() throws {
    func page(of text: String, in document: LaidOutDocument) -> Int? {
        document.pages.firstIndex { $0.texts.contains { $0.block.text == text } }
    }
    var orphansPrevented = 0
    for count in 20...60 {
        let base = tableTemplate.replacingOccurrences(of: "ACROSS", with: "1") + "\n  - text: 合计\n"
        let kept = base.replacingOccurrences(of: "    across: 1", with: "    across: 1\n    keep-with-next: true")
        #expect(kept != base)
        let loose = try layout(base, tables: ["items": rows(count)])
        let together = try layout(kept, tables: ["items": rows(count)])
        #expect(page(of: "合计", in: together) == page(of: "项目\(count - 1)", in: together), "\(count) rows")
        if page(of: "合计", in: loose) != page(of: "项目\(count - 1)", in: loose) { orphansPrevented += 1 }
    }
    #expect(orphansPrevented > 0, "some row count would have left the total alone on a page")
}

private let moneyTemplate = """
    title: 结算
    page: {size: A5, margins: 10}
    queries:
      lines: {sql: SELECT 1}
    body:
      - table: lines
        totals: {sum: amount_fen, sections: kind, carry: [过次页, 承前页]}
        columns:
          - {title: 项目, value: "{{item}}"}
          - {title: 金额, width: 25, value: "{{amount_fen | money}}", align: right}
      - text: 以上费用经双方核实
    """

/// 300 lines in four sections with amounts whose sums are easy to state.
private func moneyRows() -> [Row] {
    let kinds = ["工时", "配件", "外协", "其他"]
    return (0..<300).map { index in
        Row(columns: ["kind", "item", "amount_fen"],
            values: [.text(kinds[index * 4 / 300]), .text("项目\(index)"), .integer(Int64(index * 137 % 9_999 + 1))])
    }
}

private func yuan(_ fen: Int64) -> String { Money(fen: fen).formatted(.yuan) }

@Test func carriedTotalsAddUpAcrossPages() throws {
    let rows = moneyRows()
    let document = try layout(moneyTemplate, tables: ["lines": rows])
    #expect(document.pages.count > 3)
    var printedSoFar: Int64 = 0
    for (index, page) in document.pages.enumerated() {
        let texts = page.texts.map(\.block.text)
        if index > 0 { #expect(texts.contains("承前页：\(yuan(printedSoFar))"), "page \(index + 1) opens with the total so far") }
        printedSoFar += rows.filter { row in texts.contains(row["item"]!.text!) }.map { $0["amount_fen"]!.integer! }.reduce(0, +)
        if index < document.pages.count - 1 {
            #expect(texts.contains("过次页：\(yuan(printedSoFar))"), "page \(index + 1) closes with the total so far")
        }
    }
    let all = document.pages.flatMap(\.texts).map(\.block.text)
    let total = rows.map { $0["amount_fen"]!.integer! }.reduce(0, +)
    #expect(all.contains("合计：\(yuan(total))"))
    for kind in ["工时", "配件", "外协", "其他"] {
        let sum = rows.filter { $0["kind"]!.text == kind }.map { $0["amount_fen"]!.integer! }.reduce(0, +)
        #expect(all.contains(kind) && all.contains("小计：\(yuan(sum))"), "\(kind)")
    }
    let last = document.pages.last!.texts.map(\.block.text)
    #expect(last.contains("合计：\(yuan(total))") && last.contains("以上费用经双方核实"))
}

@Test(arguments: [SQLValue.real(12.5), .real(1_250), .text("12.50"), .null])
func aNonIntegerAmountIsAnErrorNamingTheQueryRowAndColumn(value: SQLValue) throws {
    var rows = moneyRows()
    rows[4] = Row(columns: rows[4].columns, values: [.text("工时"), .text("项目4"), value])
    #expect {
        try layout(moneyTemplate, tables: ["lines": rows])
    } throws: { error in
        let message = "\(error)"
        return message.hasPrefix("test.yaml:6:") && message.contains("query “lines”, row 5 (kind=工时, item=项目4, amount_fen=")
            && message.contains("column “amount_fen”: a table total sums INTEGER amounts of fen")
    }
}

/// Amounts near the 64-bit limit: a running total beyond it is an error naming the row, never a trap.
@Test func aTotalBeyondSixtyFourBitsIsAnErrorNamingTheRow() throws {
    let rows = (0..<3).map { index in
        Row(columns: ["kind", "item", "amount_fen"], values: [.text("配件"), .text("项目\(index)"), .integer(Int64.max / 2 + 1)])
    }
    #expect {
        try layout(moneyTemplate, tables: ["lines": rows])
    } throws: { error in
        "\(error)".contains("the total up to row 2 (kind=配件, item=项目1") && "\(error)".contains("beyond the range of an amount")
    }
    // The same amounts one fen smaller add up to exactly Int64.max.
    let fitting = [Int64.max / 2, Int64.max / 2, 1].enumerated().map { index, fen in
        Row(columns: ["kind", "item", "amount_fen"], values: [.text("配件"), .text("项目\(index)"), .integer(fen)])
    }
    let texts = try layout(moneyTemplate, tables: ["lines": fitting]).pages.flatMap(\.texts).map(\.block.text)
    #expect(texts.contains("合计：¥92,233,720,368,547,758.07"))
}

/// A money cell too narrow for its figure sets it smaller rather than split it over two lines, where
/// `2,157,588.21` would read as `2,157,588` and `.21`.
@Test func aFigureIsShrunkRatherThanSplitOverLines() throws {
    let rows = [Int64(215_758_821), 21_575_882_100_000, 92_233_720_368_547_758].enumerated().map { index, fen in
        Row(columns: ["kind", "item", "amount_fen"], values: [.text("配件"), .text("项目\(index)"), .integer(fen)])
    }
    let narrow = moneyTemplate.replacingOccurrences(of: "width: 25", with: "width: 19")
    let document = try layout(narrow, tables: ["lines": rows])
    let cells = document.pages.flatMap(\.texts).filter { $0.block.text.first?.isNumber == true }
    #expect(cells.count == 3)
    for cell in cells.map(\.block) {
        #expect(cell.lineCount == 1, "\(cell.text) on one line")
        #expect(cell.style.size < 9 && cell.style.size >= 5, "\(cell.text) at \(cell.style.size) pt")
    }
    let reports = document.overflows.map(\.description)
    #expect(reports.count == 1 && reports[0].contains("“922,337,203,685,477.58”") && reports[0].contains("wider than its"), "\(reports)")
}

@Test func anElementTallerThanAPageIsReportedAtItsLine() throws {
    let yaml = pagedTemplate(body: """
          - text: 说明
          - text: \(String(repeating: "发动机冒黑烟，动力不足，怠速不稳。", count: 400))
        """)
    let document = try layout(yaml)
    let line = try #require(yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("发动机冒黑烟") }) + 1
    let reports = document.overflows.map(\.description).filter { $0.contains("taller than a page") }
    #expect(reports.count == 1)
    #expect(reports.allSatisfy { $0.contains("test.yaml:\(line):") && $0.contains("text") }, "\(reports)")
}
