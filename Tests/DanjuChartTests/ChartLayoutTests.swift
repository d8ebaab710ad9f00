import DanjuChart
import DanjuGeometry
import DanjuText
import Foundation
import Testing

private let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
/// One per chart: a typesetter belongs to the task that uses it.
private func makeTypesetter() throws -> Typesetter {
    Typesetter(fonts: try FontLibrary(configFile: packageRoot + "/fonts/fonts.conf", requiredFamilies: ["Danju Hei"]))
}
private let style = TextStyle(family: "Danju Hei", size: 8)

/// Measures as the layout does: Pango's size of the text.
private func measure(with typesetter: Typesetter) -> ChartTextMeasure {
    { text, style, width in
        let block = typesetter.layout(text, style: style, width: width)
        return ChartTextSize(width: block.width, height: block.height, lineCount: block.lineCount)
    }
}

private func chart(_ kind: ChartSpec.Kind, _ categories: [String], _ series: [ChartSpec.Series], highlighted: Set<Int> = [],
                   width: Double = 500, height: Double = 200) throws -> ChartLayout {
    try ChartLayouter.layout(ChartSpec(kind: kind, title: "测试图", unit: "件", categories: categories, series: series,
                                   highlighted: highlighted, style: style), width: width, height: height, measure: measure(with: makeTypesetter()))
}

/// Value labels never cover each other nor any bar or marker, and stay inside the chart.
private func expectClearLabels(_ layout: ChartLayout, sourceLocation: SourceLocation = #_sourceLocation) {
    let labels = layout.valueLabels
    for (i, a) in labels.enumerated() {
        for b in labels[(i + 1)...] { #expect(!a.intersects(b, tolerance: 0.01), "labels \(a) and \(b) overlap", sourceLocation: sourceLocation) }
        for mark in layout.marks where mark.height > 0 && mark.width > 0 {
            #expect(!a.intersects(mark, tolerance: 0.01), "label \(a) covers mark \(mark)", sourceLocation: sourceLocation)
        }
    }
    if layout.scale != nil, ![.hbar, .pie, .donut].contains(layout.kind) {
        // Category names stand under the axis: a value label never goes there.
        for label in labels { #expect(label.maxY <= layout.plot.maxY + 0.01, "label \(label) below the axis", sourceLocation: sourceLocation) }
    }
    let page = Rect(x: -0.01, y: -0.01, width: layout.width + 0.02, height: layout.height + 0.02)
    for box in layout.textBoxes { #expect(page.contains(box, tolerance: 0.01), "text \(box) leaves the chart", sourceLocation: sourceLocation) }
}

@Test(arguments: [(0.0, 1.0), (3, 3), (7, 8), (18, 20), (23, 25), (186, 200), (0.4, 0.4), (1_234, 1_500)])
func ticksAreOneTwoFiveAndCoverTheData(maximum: Double, expectedTop: Double) {
    let scale = NiceScale(maximum: maximum)
    #expect(scale.top >= maximum)
    #expect(scale.top == expectedTop)
    var mantissa = scale.step
    while mantissa >= 10 { mantissa /= 10 }
    while mantissa < 1 { mantissa *= 10 }
    #expect([1.0, 2, 5].contains { abs($0 - mantissa) < 1e-9 }, "step \(scale.step)")
    #expect(scale.ticks.first == 0 && scale.ticks.last == scale.top)
    #expect(scale.ticks.count <= 11)
}

@Test(arguments: ChartSpec.Kind.allCases)
func everyKindKeepsItsLabelsClear(kind: ChartSpec.Kind) throws {
    let categories = ["电话", "400", "来访", "来信", "网络"]
    let series = [ChartSpec.Series(name: "本月", values: [9, 4, 3, 0, 2]), ChartSpec.Series(name: "上月", values: [10, 6, 4, 1, 1])]
    let layout = try chart(kind, categories, kind == .grouped || kind == .stacked ? series : [series[0]])
    expectClearLabels(layout)
    if let scale = layout.scale {
        let maximum = kind == .stacked ? 16.0 : kind == .grouped ? 10 : 9
        #expect(scale.top >= maximum)
    }
}

@Test func neighbouringEqualValuesInNarrowSlotsDoNotCollide() throws {
    // Twelve grouped pairs of three-digit values in a narrow chart: labels must step aside.
    let categories = (1...12).map { "\($0)月" }
    let a = ChartSpec.Series(name: "交车回访", values: (1...12).map { Double(180 + $0) })
    let b = ChartSpec.Series(name: "投诉回访", values: (1...12).map { Double(178 + $0) })
    let layout = try chart(.grouped, categories, [a, b], width: 260, height: 150)
    expectClearLabels(layout)
    #expect(layout.valueLabels.count == 24)
}

@Test func severalTrendLinesKeepTheirLabelsOffTheAxisAndEachOther() throws {
    let categories = ["接待", "售后", "维修", "配件", "收银", "三包"]
    let layout = try chart(.line, categories, [ChartSpec.Series(name: "本月", values: [3, 12, 1, 6, 5, 0]),
                                               ChartSpec.Series(name: "上月", values: [4, 9, 8, 2, 3, 1])], highlighted: [3], width: 480, height: 140)
    expectClearLabels(layout)
    #expect(layout.valueLabels.count == 12)
}

@Test func trendLineLabelsAvoidMarkersAndEachOther() throws {
    let categories = (1...12).map { "\($0)月" }
    let values: [Double] = [19, 28, 22, 18, 8, 21, 26, 24, 29, 27, 24, 22]
    let layout = try chart(.line, categories, [ChartSpec.Series(name: "件数", values: values)], highlighted: [11], width: 500, height: 170)
    expectClearLabels(layout)
    #expect(layout.valueLabels.count == 12)
    #expect(layout.scale!.top >= 29)
}

@Test func longCategoryNamesAreNumberedWithTheFullNameBelow() throws {
    let long = "三包报修两小时内安排并告知用户以及各部门具体安排"
    let layout = try chart(.bar, ["接待", long, "配件"], [ChartSpec.Series(name: "件数", values: [3, 5, 2])], width: 240, height: 160)
    #expect(layout.abbreviated.count == 1 && layout.abbreviated[0].hasSuffix(long))
    let texts = layout.items.compactMap { if case .text(let block, _, _) = $0 { block.text } else { nil } }
    #expect(texts.contains { $0.contains(long) }, "the full name is printed in the legend")
    expectClearLabels(layout)
}

@Test func horizontalBarsWrapNamesAndKeepValuesRightOfBars() throws {
    let names = ["服务接待部", "售后服务部（含区域服务中心）", "维修中心", "配件中心", "财务部"]
    let layout = try chart(.hbar, names, [ChartSpec.Series(name: "件数", values: [6, 5, 3, 3, 1])], width: 300, height: 150)
    expectClearLabels(layout)
    for (label, bar) in zip(layout.valueLabels, layout.marks) { #expect(label.x >= bar.maxX) }
}

@Test func pieLegendSharesAddUpAndNeverOverlap() throws {
    let layout = try chart(.donut, ["电话", "400", "来访", "来信", "网络"], [ChartSpec.Series(name: "件数", values: [9, 4, 3, 0, 2])],
                       width: 300, height: 140)
    expectClearLabels(layout)
    #expect(layout.valueLabels.count == 5)
    let texts = layout.items.compactMap { if case .text(let block, _, _) = $0 { block.text } else { nil } }
    let shares = texts.compactMap { text -> Double? in
        guard let open = text.firstIndex(of: "（"), let close = text.firstIndex(of: "%") else { return nil }
        return Double(text[text.index(after: open)..<close])
    }
    #expect(shares.count == 5 && abs(shares.reduce(0, +) - 100) < 0.25)
}
