import DanjuGeometry

/// Lays a chart out in a `width` × `height` box: title and unit, legend, axes with 1-2-5 ticks, marks, value
/// labels placed so that they cover neither each other nor any mark, and category names wrapped to two lines
/// or, when longer, numbered on the axis with the full names in a legend below. Values are read as ≥ 0.
public struct ChartLayouter {
    let spec: ChartSpec
    let measure: ChartTextMeasure
    let width: Double
    let height: Double

    static let gap = 2.0
    static let swatch = 7.0
    /// Keys for abbreviated category names.
    static let keys = Array("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳").map(String.init)

    public static func layout(_ spec: ChartSpec, width: Double, height: Double, measure: @escaping ChartTextMeasure) -> ChartLayout {
        let layouter = ChartLayouter(spec: spec, measure: measure, width: width, height: height)
        switch spec.kind {
        case .pie, .donut: return layouter.slices()
        case .hbar: return layouter.horizontalBars()
        default:
            // Value labels that need to stand higher than planned get the room on a second pass.
            var headroom = 0.0, chart = layouter.verticalChart(headroom: 0)
            for _ in 0..<3 {
                let top = chart.valueLabels.map(\.y).min() ?? .infinity
                guard top < layouter.headerHeight - 0.01 else { break }
                headroom += layouter.headerHeight - top
                chart = layouter.verticalChart(headroom: headroom)
            }
            return chart
        }
    }

    // MARK: Text

    var labelStyle: TextStyle { spec.style }

    var smallStyle: TextStyle { spec.style.withSize(max(spec.style.size - 1, 5.5)) }

    var titleStyle: TextStyle {
        var style = spec.style.withSize(spec.style.size + 1.5)
        style.bold = true
        return style
    }

    func text(_ string: String, _ style: TextStyle, width: Double? = nil, align: TextStyle.Alignment = .left) -> ChartText {
        var style = style
        style.alignment = align
        return ChartText(text: string, style: style, wrapWidth: width, size: measure(string, style, width))
    }

    /// Height of the title line and, for several series, the series legend.
    var headerHeight: Double {
        let title = text(spec.title, titleStyle).height
        return title + Self.gap + (spec.series.count > 1 ? text("图", labelStyle).height + Self.gap : 0)
    }

    /// Title (left), unit (right) and the series legend under them.
    func drawHeader(_ chart: inout ChartLayout) {
        let title = text(spec.title, titleStyle, width: width * 0.7)
        chart.add(title, x: 0, y: 0)
        if !spec.unit.isEmpty {
            let unit = text("单位：" + spec.unit, smallStyle, width: width * 0.3, align: .right)
            chart.add(unit, x: width * 0.7, y: title.height - unit.height)
        }
        guard spec.series.count > 1 else { return }
        var x = 0.0
        let y = title.height + Self.gap
        for (index, series) in spec.series.enumerated() {
            let name = text(series.name, labelStyle)
            let box = Rect(x: x, y: y + (name.height - Self.swatch) / 2, width: Self.swatch * 1.6, height: Self.swatch)
            if spec.kind == .line {
                let style = lineStyle(series: index)
                chart.add(.line(box.x, box.y + box.height / 2, box.maxX, box.y + box.height / 2, width: 1.2, gray: style.gray, dash: style.dash))
            } else {
                chart.add(.rect(box, fill: fill(series: index, category: nil), stroke: 0.4))
            }
            chart.add(name, x: box.maxX + 2, y: y)
            x = box.maxX + 2 + name.width + 8
        }
    }

    /// The first trend line is solid black, the others dashed grey.
    func lineStyle(series: Int) -> (gray: Double, dash: Double?) {
        series == 0 ? (0, nil) : (min(0.25 + 0.2 * Double(series), 0.65), 1.5 + 1.5 * Double(series))
    }

    /// The fill of a series' mark; a single series uses one grey, highlighted categories a darker one.
    func fill(series: Int, category: Int?) -> Fill {
        if spec.series.count > 1 { return Fill.series(series) }
        if let category, spec.highlighted.contains(category) { return .highlight }
        return .plain
    }

    // MARK: Category names

    /// Category names laid out at `width`: wrapped to at most two lines, else replaced by a numbered key
    /// whose full name goes into the legend under the chart. Pango aligns the lines within `width`, so a
    /// label is placed by the left edge of that width, not of its own.
    func categoryLabels(width: Double, align: TextStyle.Alignment) -> (labels: [ChartText], abbreviated: [String]) {
        var abbreviated: [String] = []
        let labels = spec.categories.map { name -> ChartText in
            let wrapped = text(name, smallStyle, width: max(width, 1), align: align)
            if wrapped.lineCount <= 2, wrapped.width <= width + 0.01 { return wrapped }
            let key = Self.keys[abbreviated.count % Self.keys.count]
            abbreviated.append(key + " " + name)
            return text(key, smallStyle, width: max(width, 1), align: align)
        }
        return (labels, abbreviated)
    }

    /// The legend of abbreviated names, across the full width, at the bottom of the chart.
    func footnote(_ abbreviated: [String]) -> ChartText? {
        abbreviated.isEmpty ? nil : text(abbreviated.joined(separator: "　"), smallStyle, width: width)
    }
}
