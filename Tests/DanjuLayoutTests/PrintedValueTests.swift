import DanjuDatabase
import DanjuLayout
import Testing

/// What the data says is what the paper says: characters that would print as nothing (or cut the text, or
/// reverse it) print as visible marks and are reported; a value none of a field's choices prints beside the boxes
/// and is reported.

private let valueTemplate = pagedTemplate(body: """
      - fields:
          - {label: 主诉, value: "{{order.complaint}}"}
          - {label: 油量, choices: [空, 1/4, 1/2, 3/4, 满], value: "{{order.fuel}}"}
        columns: 1
      - table: items
        columns:
          - {title: 编号, width: 20, value: "{{no}}"}
          - {title: 说明, value: "{{note}}"}
    """)

private func document(complaint: String, fuel: String = "1/2", notes: [String] = ["正常"]) throws -> LaidOutDocument {
    let order = Row(columns: ["complaint", "fuel"], values: [.text(complaint), .text(fuel)])
    let items = notes.enumerated().map { Row(columns: ["no", "note"], values: [.text("L\($0.offset + 1)"), .text($0.element)]) }
    return try layout(valueTemplate, records: ["order": order], tables: ["items": items])
}

@Test func textAfterANULIsPrintedWithAVisibleMarkAndReported() throws {
    let laidOut = try document(complaint: "发动机\u{0}漏油严重")
    let texts = laidOut.pages[0].texts.map(\.block.text)
    #expect(texts.contains("发动机[NUL]漏油严重"), "\(texts)")
    let reports = laidOut.overflows.map(\.description)
    #expect(reports.count == 1)
    #expect(reports[0].contains("column “complaint” of query “order”") && reports[0].contains("a NUL as [NUL]") && reports[0].contains("(test)"), "\(reports)")
}

@Test func controlsBidiOverridesAndUnassignedCodePointsPrintAsMarks() throws {
    // U+202E would print the phone number backwards; U+0378 is no character at all; U+0007 rings a bell.
    let laidOut = try document(complaint: "ok", notes: ["电话\u{202E}13812345678", "型号\u{378}X", "铃\u{7}声", "普通"])
    let texts = laidOut.pages[0].texts.map(\.block.text)
    for expected in ["电话[U+202E]13812345678", "型号[U+0378]X", "铃[U+0007]声", "普通"] {
        #expect(texts.contains(expected), "\(expected) in \(texts)")
    }
    let reports = laidOut.overflows.map(\.description)
    #expect(reports.count == 3, "one report per marked value, none for the plain one: \(reports)")
    #expect(reports.contains { $0.contains("of the row no=L1") && $0.contains("a bidi control as [U+202E]") }, "\(reports)")
    #expect(reports.contains { $0.contains("of the row no=L2") && $0.contains("an unassigned code point as [U+0378]") }, "\(reports)")
    #expect(reports.contains { $0.contains("of the row no=L3") && $0.contains("a control character as [U+0007]") }, "\(reports)")
}

@Test func tabsLineBreaksAndOrdinaryTextAreNotMarked() throws {
    let laidOut = try document(complaint: "第一行\n第二行\t完", notes: ["Ünïcödé ✓ 䶮 😀"])
    #expect(laidOut.overflows.allSatisfy { if case .notAsStored = $0.problem { false } else { true } }, "\(laidOut.overflows)")
}

@Test func aValueNoneOfTheChoicesIsPrintedBesideTheBoxesAndReported() throws {
    let laidOut = try document(complaint: "ok", fuel: "7/8")
    let page = laidOut.pages[0]
    #expect(page.texts.map(\.block.text).contains("（7/8）"), "\(page.texts.map(\.block.text))")
    let reports = laidOut.overflows.map(\.description)
    #expect(reports.count == 1 && reports[0].contains("field “油量”") && reports[0].contains("“7/8” is none of its choices (空, 1/4, 1/2, 3/4, 满)"), "\(reports)")
    // No box is ticked: a tick is a data item drawn as a shape, and the only data text is the value.
    let known = try document(complaint: "ok", fuel: "3/4")
    #expect(known.overflows.isEmpty)
    #expect(!known.pages[0].texts.map(\.block.text).contains { $0.hasPrefix("（") })
}

@Test func anEmptyValueTicksNothingAndIsNotReported() throws {
    let laidOut = try document(complaint: "ok", fuel: "")
    #expect(laidOut.overflows.isEmpty)
}
