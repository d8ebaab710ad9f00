import DanjuFlowchart
import DanjuGeometry
import DanjuTemplate
import DanjuText

/// A process chart on paper: the title block (name, code, version, date, page), the chart scaled by
/// laying it out again at smaller font sizes until it fits, and a legend of the symbols. Too big even at
/// the smallest size, it is cut between layers over several pages joined by numbered connectors.
struct FlowchartSheet {
    struct Options {
        var fontSize: Double
        var minFontSize: Double
        var lanes: LaneDirection
        var legend: Bool
        /// A 页次 cell in the title block (pages of its own, not a chart inside another document).
        var pageNumbers: Bool
        /// Margins of pages of its own.
        var margins: Insets
    }

    let drawing: FlowchartDrawing
    let layouter: FlowchartLayouter
    let options: Options
    /// Name of the process (the heading) and label/value pairs of the title block.
    let name: String
    let fields: [(label: String, value: String)]

    init(graph: FlowGraph, name: String, fields: [(label: String, value: String)], options: Options, typesetter: Typesetter, family: String) {
        drawing = FlowchartDrawing(typesetter: typesetter, family: family)
        layouter = FlowchartLayouter(graph)
        self.name = name
        self.fields = fields
        self.options = options
    }

    private var hasTitle: Bool { !name.isEmpty || !fields.isEmpty || options.pageNumbers }
    private var titleHeight: Double { hasTitle ? points(mm: 13) : 0 }
    private static let legendSize = 7.5
    /// The legend's height at `width`; none without a legend.
    private func legendHeight(_ width: Double) -> Double { options.legend ? legend(width: width).height : 0 }
    private static let gap = points(mm: 2)

    func layout(at size: Double, stepWidth: Double = 10) -> Flowchart {
        layouter.layout(style: FlowchartStyle(fontSize: size, lanes: options.lanes, maxStepWidth: stepWidth), measure: drawing.measure)
    }

    /// Step widths tried, in font sizes: wider boxes make fewer lines and a shorter chart.
    private static let stepWidths = [10.0, 8, 12, 14, 16]

    /// The chart at the largest size (in quarter points, down to the minimum) that fits `box`, with the step
    /// width that allows the largest size; nil when none fits. A chart's extent is close to proportional to
    /// its font size, so the size is predicted from `naturals` (one layout per step width at the full size)
    /// and then checked, stepping down until it really fits.
    func fitting(_ box: ChartSize, naturals: [Flowchart]) -> Flowchart? {
        let predicted = naturals.map { natural in
            (natural, min(options.fontSize, options.fontSize * min(box.width / natural.size.width, box.height / natural.size.height)))
        }
        guard let (natural, estimate) = predicted.max(by: { $0.1 < $1.1 }) else { return nil }
        if estimate >= options.fontSize { return natural }
        var size = max(options.minFontSize, (estimate * 4).rounded(.down) / 4)
        while size >= options.minFontSize {
            let chart = layout(at: size, stepWidth: natural.style.maxStepWidth)
            if chart.size.width <= box.width + 0.01, chart.size.height <= box.height + 0.01 { return chart }
            size -= 0.25
        }
        return nil
    }

    private func naturals() -> [Flowchart] { Self.stepWidths.map { layout(at: options.fontSize, stepWidth: $0) } }

    /// Pages on the first paper the chart fits, portrait or landscape as the chart's shape asks; split
    /// over pages of the last paper if it fits none.
    func pages(papers: [PaperSize]) -> [Page] {
        let plan = plan(papers: papers)
        return plan.split ? split(plan.chart, page: plan.page) : [sheet(plan.chart, page: plan.page, range: nil, number: 1, of: 1)]
    }

    /// The chart as `pages(papers:)` prints it.
    func printedChart(papers: [PaperSize]) -> Flowchart { plan(papers: papers).chart }

    private func plan(papers: [PaperSize]) -> (chart: Flowchart, page: (Double, Double), split: Bool) {
        let naturals = naturals()
        let natural = naturals[0]
        for paper in papers {
            let portrait = (min(paper.width, paper.height), max(paper.width, paper.height))
            let orientations = [portrait, (portrait.1, portrait.0)].sorted { a, b in
                scale(natural, page: a) > scale(natural, page: b)
            }
            for page in orientations {
                if let chart = fitting(chartBox(page), naturals: naturals) { return (chart, page, false) }
            }
        }
        let last = papers.last ?? PaperSize("A3")!
        let small = layout(at: options.minFontSize)
        // Split along the flow, on the page whose width (across the lanes) fits best, at the largest size
        // that needs no more pages than the smallest size does.
        let portrait = (min(last.width, last.height), max(last.width, last.height))
        let page = [portrait, (portrait.1, portrait.0)].max { a, b in acrossFit(small, page: a) < acrossFit(small, page: b) }!
        let count = ranges(small, page: page).count
        // The extent across the lanes grows with the size: start from the largest size that can still fit it.
        let box = chartBox(page)
        let across = options.lanes == .vertical ? box.width / small.size.width : box.height / small.size.height
        var size = min(options.fontSize, (options.minFontSize * across * 2).rounded(.down) / 2)
        while size > options.minFontSize {
            let chart = layout(at: size)
            if fitsAcross(chart, page: page), ranges(chart, page: page).count <= count { return (chart, page, true) }
            size -= 0.5
        }
        return (small, page, true)
    }

    /// The chart inside a document: title block, chart and legend within `width` × `height`, at the
    /// largest size that fits, or at the minimum size (then `fits` is false and the band is taller).
    func band(width: Double, height: Double) -> (items: [PageItem], height: Double, fits: Bool, fontSize: Double) {
        let box = ChartSize(width: width, height: height - titleHeight - legendHeight(width) - (hasTitle ? Self.gap : 0) - (options.legend ? Self.gap : 0))
        let fitted = fitting(box, naturals: naturals())
        let chart = fitted ?? layout(at: options.minFontSize)
        var items: [PageItem] = hasTitle ? titleBlock(width: width, page: 1, of: 1) : []
        let top = hasTitle ? titleHeight + Self.gap : 0
        items += drawing.items(chart, origin: Point(x: max(0, (width - chart.size.width) / 2), y: top))
        var bottom = top + chart.size.height
        if options.legend {
            let legend = legend(width: width)
            items += legend.items.map { $0.offsetBy(dx: 0, dy: bottom + Self.gap) }
            bottom += Self.gap + legend.height
        }
        return (items, bottom, fitted != nil, chart.style.fontSize)
    }

    private func chartBox(_ page: (Double, Double)) -> ChartSize {
        let margins = options.margins
        let width = page.0 - margins.left - margins.right
        return ChartSize(width: width, height: page.1 - margins.top - margins.bottom - titleHeight - legendHeight(width) - 2 * Self.gap)
    }

    private func scale(_ chart: Flowchart, page: (Double, Double)) -> Double {
        let box = chartBox(page)
        return min(box.width / chart.size.width, box.height / chart.size.height)
    }

    private func fitsAcross(_ chart: Flowchart, page: (Double, Double)) -> Bool {
        let box = chartBox(page)
        return chart.direction == .vertical ? chart.size.width <= box.width : chart.size.height <= box.height
    }

    /// How well the chart's extent across the lanes fits the page, preferring the longer side along the flow.
    private func acrossFit(_ chart: Flowchart, page: (Double, Double)) -> Double {
        let box = chartBox(page)
        let across = chart.direction == .vertical ? box.width / chart.size.width : box.height / chart.size.height
        let along = chart.direction == .vertical ? box.height : box.width
        return min(across, 1) * 10_000 + along
    }

    /// Room at a cut end for its connector circle.
    private func connectorRoom(_ chart: Flowchart) -> Double { 1.6 * chart.style.fontSize }

    /// Layers grouped into pages, as even as they can be: the fewest pages at the longest page, then the
    /// shortest limit that still gives that many.
    private func ranges(_ chart: Flowchart, page: (Double, Double)) -> [ClosedRange<Double>] {
        let box = chartBox(page)
        let length = chart.direction == .vertical ? box.height : box.width
        let fewest = ranges(chart, limit: length)
        var low = length / Double(fewest.count), high = length
        for _ in 0..<20 {
            let middle = (low + high) / 2
            if ranges(chart, limit: middle).count <= fewest.count { high = middle } else { low = middle }
        }
        return ranges(chart, limit: high)
    }

    /// Greedy: as many layers per page as fit in `limit`, with room for connectors at the cut ends.
    private func ranges(_ chart: Flowchart, limit: Double) -> [ClosedRange<Double>] {
        let total = chart.direction == .vertical ? chart.size.height : chart.size.width
        let spans = chart.layerSpans
        let cut = 0.4 * chart.style.fontSize, room = connectorRoom(chart)
        var ranges: [ClosedRange<Double>] = []
        var first = 0
        while first < spans.count {
            let start = first == 0 ? 0 : spans[first].lowerBound - cut
            let offset = first == 0 ? 0 : start - chart.headerExtent - room
            var last = first
            while last + 1 < spans.count {
                let end = last + 1 == spans.count - 1 ? total : spans[last + 1].upperBound + cut + room
                if end - offset > limit { break }
                last += 1
            }
            ranges.append(start...(last == spans.count - 1 ? total : spans[last].upperBound + cut))
            first = last + 1
        }
        return ranges
    }

    private func split(_ chart: Flowchart, page: (Double, Double)) -> [Page] {
        let vertical = chart.direction == .vertical
        let ranges = ranges(chart, page: page)
        var numbers: [Int: Int] = [:]
        for edge in chart.edges {
            let values = edge.points.map { vertical ? $0.y : $0.x }
            if !ranges.contains(where: { range in values.allSatisfy { range.contains($0) } }) { numbers[edge.index] = numbers.count + 1 }
        }
        return ranges.enumerated().map { index, range in
            sheet(chart, page: page, range: range, number: index + 1, of: ranges.count, connectors: numbers, room: connectorRoom(chart))
        }
    }

    private func sheet(_ chart: Flowchart, page size: (Double, Double), range: ClosedRange<Double>?, number: Int, of count: Int,
                       connectors: [Int: Int] = [:], room: Double = 0) -> Page {
        let page = Page(width: size.0, height: size.1)
        let box = chartBox(size)
        let margins = options.margins
        let top = margins.top + titleHeight + Self.gap
        if hasTitle {
            page.items += titleBlock(width: box.width, page: number, of: count).map { $0.offsetBy(dx: margins.left, dy: margins.top) }
        }
        let vertical = chart.direction == .vertical
        let shift = range.map { $0.lowerBound == 0 ? 0 : $0.lowerBound - chart.headerExtent - room } ?? 0
        let extent = range.map { $0.upperBound - shift + ($0.upperBound >= (vertical ? chart.size.height : chart.size.width) - 0.01 ? 0 : room) }
        let drawn = vertical ? ChartSize(width: chart.size.width, height: extent ?? chart.size.height)
                             : ChartSize(width: extent ?? chart.size.width, height: chart.size.height)
        let origin = Point(x: margins.left + (box.width - drawn.width) / 2, y: top)
        page.items += drawing.items(chart, origin: origin, range: range, shift: shift, extent: extent, connectors: connectors)
        if options.legend {
            let legend = legend(width: box.width)
            page.items += legend.items.map { $0.offsetBy(dx: margins.left, dy: size.1 - margins.bottom - legend.height) }
        }
        return page
    }

    /// The heading and a ruled row of label/value cells (code, version, date, page).
    func titleBlock(width: Double, page: Int, of count: Int) -> [PageItem] {
        let heading = drawing.typesetter.layout(name, style: TextStyle(family: drawing.family, size: 15, bold: true))
        var items: [PageItem] = [.text(heading, at: Point(x: 0, y: (titleHeight - heading.height) / 2))]
        let cells = fields + (options.pageNumbers ? [("页次", "第 \(page) 页 共 \(count) 页")] : [])
        let labelStyle = TextStyle(family: drawing.family, size: 7.5, color: .gray(0.25))
        let valueStyle = TextStyle(family: drawing.family, size: 9)
        let cellWidth = min(points(mm: 32), (width - heading.width - points(mm: 4)) / Double(max(cells.count, 1)))
        var x = width - cellWidth * Double(cells.count)
        for (label, value) in cells {
            let frame = Rect(x: x, y: 0, width: cellWidth, height: titleHeight)
            items.append(.rect(frame, lineWidth: 0.6, fill: nil))
            let labelBlock = drawing.typesetter.layout(label, style: labelStyle, width: cellWidth - 4)
            let valueBlock = drawing.typesetter.layout(value, style: valueStyle, width: cellWidth - 4)
            items.append(.text(labelBlock, at: Point(x: x + 2, y: 1.5)))
            items.append(.text(valueBlock, at: Point(x: x + 2, y: titleHeight - valueBlock.height - 2)))
            x += cellWidth
        }
        return items
    }

    /// Each symbol drawn small with its meaning, in rows no wider than `width`; the height they take.
    func legend(width: Double) -> (items: [PageItem], height: Double) {
        enum Sample { case symbol(FlowGraph.Kind), connector, arrow(dashed: Bool) }
        let f = Self.legendSize
        let yes = options.lanes == .vertical ? "判断：是 向下，否 向侧" : "判断：是 向右，否 向上下"
        let entries: [(Sample, String)] = [(.symbol(.start), "开始 / 结束"), (.symbol(.task), "处理步骤"), (.symbol(.decision), yes),
                                           (.symbol(.doc), "单据 / 表单"), (.symbol(.subprocess), "子流程"), (.connector, "跨页连接"),
                                           (.arrow(dashed: false), "流向"), (.arrow(dashed: true), "推定的流向(原文未写明)")]
        let style = FlowchartStyle(fontSize: f)
        let sample = ChartSize(width: 3.4 * f, height: 1.8 * f)
        let rowHeight = sample.height + 0.6 * f
        var items: [PageItem] = []
        var x = 0.0, y = 0.0
        for (kind, text) in entries {
            let block = drawing.typesetter.layout(text, style: TextStyle(family: drawing.family, size: f))
            let entryWidth = sample.width + 3 + block.width
            if x > 0, x + entryWidth > width {
                x = 0
                y += rowHeight
            }
            let middle = y + sample.height / 2
            switch kind {
            case .symbol(let kind):
                items += drawing.symbol(kind, frame: Rect(x: x, y: y, width: sample.width, height: sample.height),
                                        origin: Point(x: 0, y: 0), style: style)
            case .connector:
                items += drawing.connector(number: 1, center: Point(x: x + sample.height / 2, y: middle), radius: sample.height / 2, style: style)
            case .arrow(let dashed):
                items += drawing.arrow([Point(x: x, y: middle), Point(x: x + sample.width, y: middle)], style: style, dashed: dashed)
            }
            items.append(.text(block, at: Point(x: x + sample.width + 3, y: middle - block.height / 2)))
            x += entryWidth + 12
        }
        return (items, y + sample.height)
    }
}
