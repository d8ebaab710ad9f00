import DanjuChart
import DanjuDatabase
import DanjuGeometry
import DanjuTemplate

/// A chart element as one band: the query's rows become categories and series, laid out by `ChartLayouter`.
/// A query without rows leaves the chart out, like a table.
struct ChartBand {
    let element: ChartElement
    let document: DocumentLayout
    let width: Double

    func bands() throws -> [Band] {
        let rows = document.bindings.tables[element.query] ?? []
        guard !rows.isEmpty else { return [] }
        let categories = try rows.enumerated().map { index, row in try text(row, element.label, index) }
        let series = try element.series.map { series in
            ChartSpec.Series(name: series.name, values: try rows.enumerated().map { index, row in try number(row, series.column, index) })
        }
        let highlighted = try element.highlight.map { column in
            Set(try rows.enumerated().compactMap { index, row in try number(row, column, index) != 0 ? index : nil })
        } ?? []
        let spec = ChartSpec(kind: ChartSpec.Kind(element.kind), title: try document.bindings.text(element.title), unit: element.unit,
                             categories: categories, series: series, highlighted: highlighted, style: element.style)
        let typesetter = document.typesetter
        let chart = ChartLayouter.layout(spec, width: width, height: element.height) { text, style, width in
            let block = typesetter.layout(text, style: style, width: width)
            return ChartTextSize(width: block.width, height: block.height, lineCount: block.lineCount)
        }
        var band = Band(height: element.height)
        for item in chart.items {
            switch item {
            case .text(let text, let x, let y):
                let block = typesetter.layout(text.text, style: text.style, width: text.wrapWidth)
                band.items.append(.text(block, at: Point(x: x, y: y)))
            case .shape(let shape): band.items.append(.shape(shape))
            }
        }
        return [band]
    }

    private func value(_ row: Row, _ column: String) throws -> SQLValue {
        guard let value = row[column] else {
            throw TemplateError("chart “\(element.query)”: the query has no column “\(column)” (it has: \(row.columns.joined(separator: ", ")))",
                                at: element.location)
        }
        return value
    }

    private func text(_ row: Row, _ column: String, _ index: Int) throws -> String {
        switch try value(row, column) {
        case .null: ""
        case .integer(let integer): String(integer)
        case .real(let real): String(real)
        case .text(let text): text
        case .blob: throw TemplateError("chart “\(element.query)”, row \(index + 1): column “\(column)” is a blob", at: element.location)
        }
    }

    private func number(_ row: Row, _ column: String, _ index: Int) throws -> Double {
        switch try value(row, column) {
        case .null: return 0
        case .integer(let integer): return Double(integer)
        case .real(let real): return real
        case .text(let text):
            guard let number = Double(text) else {
                throw TemplateError("chart “\(element.query)”, row \(index + 1): column “\(column)” is “\(text)”, not a number",
                                    at: element.location)
            }
            return number
        case .blob: throw TemplateError("chart “\(element.query)”, row \(index + 1): column “\(column)” is a blob", at: element.location)
        }
    }
}

extension ChartSpec.Kind {
    /// The template's chart kinds, one for one: a kind added to either side does not compile until mapped here.
    init(_ kind: ChartElement.Kind) {
        self = switch kind {
        case .bar: .bar
        case .hbar: .hbar
        case .stacked: .stacked
        case .grouped: .grouped
        case .line: .line
        case .pie: .pie
        case .donut: .donut
        }
    }
}
