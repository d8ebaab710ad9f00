import DanjuGeometry

extension ChartLayouter {
    /// Bars (single, stacked or grouped) or a line over categories along the x axis.
    func verticalChart(headroom: Double) -> ChartLayout {
        var chart = ChartLayout(kind: spec.kind, width: width, height: height)
        drawHeader(&chart)
        let stacked = spec.kind == .stacked
        let maximum = spec.categories.indices.map { index in
            let values = spec.series.map { $0.values[safe: index] }
            return stacked ? values.reduce(0, +) : values.max() ?? 0
        }.max() ?? 0
        let scale = NiceScale(maximum: maximum)
        chart.scale = scale
        let tickLabels = scale.ticks.map { text(NiceScale.format($0), smallStyle) }
        let valueHeight = text("0", smallStyle).height
        let left = (tickLabels.map(\.width).max() ?? 0) + 3
        let plotWidth = width - left - 2
        let slot = plotWidth / Double(max(spec.categories.count, 1))
        let (labels, abbreviated) = categoryLabels(width: slot - 1, align: .center)
        chart.abbreviated = abbreviated
        let note = footnote(abbreviated)
        let labelHeight = labels.map(\.height).max() ?? 0
        let top = headerHeight + valueHeight + 2 + headroom
        let bottom = height - labelHeight - 2 - (note.map { $0.height + Self.gap } ?? 0)
        let plot = Rect(x: left, y: top, width: plotWidth, height: max(bottom - top, 1))
        chart.plot = plot
        let y = { (value: Double) in plot.maxY - value / scale.top * plot.height }

        for (tick, label) in zip(scale.ticks, tickLabels) {
            if tick > 0 { chart.add(.line(plot.x, y(tick), plot.maxX, y(tick), width: 0.3, gray: 0.75)) }
            chart.add(label, x: left - 3 - label.width, y: y(tick) - label.height / 2)
        }
        for (index, label) in labels.enumerated() {
            chart.add(label, x: plot.x + slot * Double(index) + 0.5, y: plot.maxY + 2)
        }
        if let note { chart.add(note, x: 0, y: height - note.height) }

        var values: [(text: String, anchor: Rect, bold: Bool)] = []
        if spec.kind == .line {
            drawLine(&chart, slot: slot, y: y, values: &values)
        } else {
            drawBars(&chart, slot: slot, y: y, values: &values)
        }
        chart.add(.line(plot.x, plot.y - 2, plot.x, plot.maxY, width: 0.6))
        chart.add(.line(plot.x, plot.maxY, plot.maxX, plot.maxY, width: 0.6))
        var placer = LabelPlacer(obstacles: chart.marks + [plot.belowAxis])
        for value in values {
            var style = smallStyle
            style.bold = value.bold
            let block = text(value.text, style)
            let box = placer.place(width: block.width, height: block.height, over: value.anchor, segments: chart.segments)
            chart.add(block, x: box.x, y: box.y)
            chart.valueLabels.append(box)
        }
        return chart
    }

    private func drawBars(_ chart: inout ChartLayout, slot: Double, y: (Double) -> Double,
                          values: inout [(text: String, anchor: Rect, bold: Bool)]) {
        let plot = chart.plot
        let grouped = spec.kind == .grouped && spec.series.count > 1
        let barWidth = min(slot * (grouped ? 0.8 : 0.6), grouped ? 18 * Double(spec.series.count) : 30)
        for index in spec.categories.indices {
            let x0 = plot.x + slot * Double(index) + (slot - barWidth) / 2
            if grouped {
                let width = barWidth / Double(spec.series.count)
                for (number, series) in spec.series.enumerated() {
                    let value = series.values[safe: index]
                    let box = Rect(x: x0 + width * Double(number), y: y(value), width: width, height: plot.maxY - y(value))
                    chart.add(.rect(box, fill: fill(series: number, category: index)))
                    chart.marks.append(box)
                    values.append((NiceScale.format(value), box, false))
                }
            } else {
                var base = 0.0
                for (number, series) in spec.series.enumerated() {
                    let value = series.values[safe: index]
                    let box = Rect(x: x0, y: y(base + value), width: barWidth, height: y(base) - y(base + value))
                    if value > 0 { chart.add(.rect(box, fill: fill(series: number, category: index))) }
                    chart.marks.append(box)
                    base += value
                }
                let whole = Rect(x: x0, y: y(base), width: barWidth, height: plot.maxY - y(base))
                values.append((NiceScale.format(base), whole, spec.highlighted.contains(index)))
            }
        }
    }

    /// The trend line: a marker per category, the highlighted ones larger and dark on a shaded band.
    private func drawLine(_ chart: inout ChartLayout, slot: Double, y: (Double) -> Double,
                          values: inout [(text: String, anchor: Rect, bold: Bool)]) {
        let plot = chart.plot
        for index in spec.highlighted.sorted() where spec.categories.indices.contains(index) {
            chart.add(.rect(Rect(x: plot.x + slot * Double(index), y: plot.y, width: slot, height: plot.height), fill: .band, stroke: nil))
        }
        for (number, series) in spec.series.enumerated() {
            let points = spec.categories.indices.map { (x: plot.x + slot * (Double($0) + 0.5), y: y(series.values[safe: $0])) }
            guard let first = points.first else { continue }
            var path: [PathStep] = [.move(first.x, first.y)]
            path += points.dropFirst().map { .line($0.x, $0.y) }
            let style = lineStyle(series: number)
            chart.add(Shape(path: path, stroke: .chart(width: 1.2, gray: style.gray, dash: style.dash)))
            chart.segments += zip(points, points.dropFirst()).map { Segment(x0: $0.x, y0: $0.y, x1: $1.x, y1: $1.y) }
            for (index, point) in points.enumerated() {
                let highlighted = spec.highlighted.contains(index)
                let side = highlighted ? 6.0 : 3.6
                let box = Rect(x: point.x - side / 2, y: point.y - side / 2, width: side, height: side)
                chart.add(.rect(box, fill: highlighted ? Fill(.black) : Fill(.white), stroke: 0.8))
                chart.marks.append(box)
                values.append((NiceScale.format(series.values[safe: index]), box, highlighted))
            }
        }
    }
}

extension Rect {
    /// The strip under a plot's x axis, where category names stand.
    var belowAxis: Rect { Rect(x: x - 1, y: maxY, width: width + 2, height: 1_000) }
}

extension Array where Element == Double {
    /// A missing value reads as 0; negative values as 0 (the charts draw counts and shares).
    subscript(safe index: Int) -> Double { indices.contains(index) ? Swift.max(self[index], 0) : 0 }
}
