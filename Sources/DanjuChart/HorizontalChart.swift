import DanjuGeometry
import Foundation

extension ChartLayouter {
    /// Bars to the right, one row per category with its name on the left and its value after the bar.
    func horizontalBars() -> ChartLayout {
        var chart = ChartLayout(kind: spec.kind, width: width, height: height)
        drawHeader(&chart)
        let values = spec.categories.indices.map { spec.series.first?.values[safe: $0] ?? 0 }
        let scale = NiceScale(maximum: values.max() ?? 0)
        chart.scale = scale
        let valueTexts = values.map { text(NiceScale.format($0), smallStyle) }
        let tickLabels = scale.ticks.map { text(NiceScale.format($0), smallStyle) }
        let natural = spec.categories.map { text($0, smallStyle).width }.max() ?? 0
        let labelWidth = min(natural, width * 0.28)
        let (labels, abbreviated) = categoryLabels(width: labelWidth, align: .right)
        chart.abbreviated = abbreviated
        let note = footnote(abbreviated)
        let left = labelWidth + 3
        let right = (valueTexts.map(\.width).max() ?? 0) + 4
        let top = headerHeight + 1
        let bottom = height - (tickLabels.first?.height ?? 0) - 2 - (note.map { $0.height + Self.gap } ?? 0)
        let plot = Rect(x: left, y: top, width: max(width - left - right, 1), height: max(bottom - top, 1))
        chart.plot = plot
        let x = { (value: Double) in plot.x + value / scale.top * plot.width }
        for (tick, label) in zip(scale.ticks, tickLabels) {
            if tick > 0 { chart.add(.line(x(tick), plot.y, x(tick), plot.maxY, width: 0.3, gray: 0.75)) }
            chart.add(label, x: x(tick) - label.width / 2, y: plot.maxY + 2)
        }
        if let note { chart.add(note, x: 0, y: height - note.height) }
        let slot = plot.height / Double(max(values.count, 1))
        let barHeight = min(slot * 0.65, 13)
        for (index, value) in values.enumerated() {
            let rowY = plot.y + slot * Double(index)
            let bar = Rect(x: plot.x, y: rowY + (slot - barHeight) / 2, width: x(value) - plot.x, height: barHeight)
            if value > 0 { chart.add(.rect(bar, fill: fill(series: 0, category: index))) }
            chart.marks.append(bar)
            let label = labels[index]
            chart.add(label, x: 0, y: rowY + (slot - label.height) / 2)
            let valueText = valueTexts[index]
            let box = Rect(x: bar.maxX + 2, y: rowY + (slot - valueText.height) / 2, width: valueText.width, height: valueText.height)
            chart.add(valueText, x: box.x, y: box.y)
            chart.valueLabels.append(box)
        }
        chart.add(.line(plot.x, plot.y, plot.x, plot.maxY, width: 0.6))
        chart.add(.line(plot.x, plot.maxY, plot.maxX, plot.maxY, width: 0.6))
        return chart
    }

    /// A pie or donut of the first series, with a legend that names every slice, its value and its share.
    func slices() -> ChartLayout {
        var chart = ChartLayout(kind: spec.kind, width: width, height: height)
        drawHeader(&chart)
        let values = spec.categories.indices.map { spec.series.first?.values[safe: $0] ?? 0 }
        let total = values.reduce(0, +)
        let top = headerHeight + 1
        let diameter = max(min(height - top - 2, width * 0.42), 4)
        let radius = diameter / 2
        let center = (x: radius + 2, y: top + (height - top) / 2)
        chart.plot = Rect(x: center.x - radius, y: center.y - radius, width: diameter, height: diameter)
        chart.marks.append(chart.plot)
        let inner = spec.kind == .donut ? radius * 0.55 : 0
        var angle = -Double.pi / 2
        for (index, value) in values.enumerated() where value > 0 {
            let sweep = 2 * Double.pi * value / total
            let path: [PathStep] = inner > 0
                ? [.arc(centerX: center.x, centerY: center.y, radius: radius, from: angle, to: angle + sweep),
                   .arcBack(centerX: center.x, centerY: center.y, radius: inner, from: angle + sweep, to: angle), .close]
                : [.move(center.x, center.y), .arc(centerX: center.x, centerY: center.y, radius: radius, from: angle, to: angle + sweep), .close]
            chart.add(Shape(path: path, fill: Fill.series(index), stroke: .chart(width: 0.6), bounds: chart.plot))
            angle += sweep
        }
        if inner > 0 {
            var style = titleStyle
            style.size = spec.style.size + 3
            let sum = text(NiceScale.format(total) + (spec.unit.isEmpty ? "" : " " + spec.unit), style, width: inner * 2, align: .center)
            chart.add(sum, x: center.x - inner, y: center.y - sum.height / 2)
        }
        // The legend: swatch, name, value and share; long names wrap within the legend's width.
        let legendX = diameter + 12
        let legendWidth = width - legendX - Self.swatch * 1.6 - 3
        let rows = values.enumerated().map { index, value in
            let share = total > 0 ? String(format: "%.1f%%", 100 * value / total) : "—"
            return text("\(spec.categories[index])　\(NiceScale.format(value))（\(share)）", labelStyle, width: max(legendWidth, 1))
        }
        let rowsHeight = rows.map { $0.height + 2 }.reduce(0, +)
        var y = max(top, center.y - rowsHeight / 2)
        for (index, row) in rows.enumerated() {
            let swatch = Rect(x: legendX, y: y + 1, width: Self.swatch * 1.6, height: Self.swatch)
            chart.add(.rect(swatch, fill: Fill.series(index), stroke: 0.4))
            chart.add(row, x: swatch.maxX + 3, y: y)
            chart.valueLabels.append(Rect(x: swatch.maxX + 3, y: y, width: row.width, height: row.height))
            y += row.height + 2
        }
        return chart
    }
}
