import DanjuBinding
import DanjuDatabase
import DanjuFlowchart
import DanjuGeometry
import DanjuTemplate
import DanjuText

/// The `flowchart` element: its three queries made into a graph, drawn as pages of its own (`paper`) or as
/// one band in the document flow.
extension DocumentLayout {
    /// Pages of a `paper` flowchart, which is then the whole body; nil when the template has none.
    func flowchartPages() throws -> [Page]? {
        let charts = template.body.compactMap { item -> FlowchartElement? in
            if case .flowchart(let chart) = item.element, !chart.papers.isEmpty { chart } else { nil }
        }
        guard let element = charts.first else { return nil }
        guard template.body.count == 1 else {
            throw TemplateError("a flowchart with paper takes pages of its own: it must be the only body element", at: element.location)
        }
        return try sheet(element, withPage: true).pages(papers: element.papers)
    }

    func flowchartBands(_ element: FlowchartElement, width: Double) throws -> [Band] {
        let sheet = try sheet(element, withPage: false)
        let setup = template.page
        let height = element.height ?? (setup.height - setup.margins.top - setup.margins.bottom
            - (template.header.map { $0.height + Self.gap } ?? 0) - (template.footer.map { $0.height + Self.gap } ?? 0) - Self.gap)
        let (items, bandHeight, fits, size) = sheet.band(width: width, height: height)
        if !fits {
            overflows.append(OverflowReport(location: element.location, element: "flowchart", record: options.record, text: sheet.name,
                                            problem: .tooTall(overflow: bandHeight - height, box: Rect(x: 0, y: 0, width: width, height: height),
                                                              fontSize: size)))
        }
        var band = Band(height: bandHeight)
        band.items = items
        return [band]
    }

    /// The charts of a template's flowchart elements as they print, for figures (crossings, length).
    public static func flowcharts(_ template: Template, bindings: Bindings, typesetter: Typesetter, options: LayoutOptions) throws -> [Flowchart] {
        let layout = DocumentLayout(template: template, bindings: bindings, typesetter: typesetter, options: options)
        return try template.body.compactMap { item -> Flowchart? in
            guard case .flowchart(let element) = item.element else { return nil }
            let sheet = try layout.sheet(element, withPage: !element.papers.isEmpty)
            return element.papers.isEmpty ? sheet.layout(at: element.fontSize) : sheet.printedChart(papers: element.papers)
        }
    }

    private func sheet(_ element: FlowchartElement, withPage: Bool) throws -> FlowchartSheet {
        func fail(_ problem: String) -> TemplateError { TemplateError("flowchart (\(options.record)): \(problem)", at: element.location) }
        /// Each row of `query`, with a reader of the columns every row must fill.
        func rows<T>(_ query: String, _ make: (Row, (String) throws -> String) throws -> T) throws -> [T] {
            try (bindings.tables[query] ?? []).enumerated().map { index, row in
                try make(row) { column in
                    guard let text = row[column]?.text else { throw fail("query “\(query)”, row \(index + 1): “\(column)” is NULL") }
                    return text
                }
            }
        }
        let lanes = try rows(element.lanes) { _, required in FlowGraph.Lane(code: try required("code"), name: try required("name")) }
        let steps = try rows(element.steps) { row, required in
            (code: try required("code"), lane: try required("lane"), kind: try required("kind"), label: try required("label"),
             timeLimit: row["time_limit"]?.text, form: row["form"]?.text)
        }
        let arrows = try rows(element.arrows) { row, required in
            (from: try required("from_code"), to: try required("to_code"), label: row["label"]?.text, implied: row["implied"]?.integer == 1)
        }
        let graph: FlowGraph
        do {
            graph = try FlowGraph(lanes: lanes, nodes: steps, edges: arrows)
        } catch let error as FlowchartError {
            throw fail(error.description)
        }
        let fields = try element.titleBlock.map { (label: $0.label, value: try bindings.text($0.value)) }
        return FlowchartSheet(graph: graph, name: try element.name.map { try bindings.text($0) } ?? "", fields: fields,
                              options: .init(fontSize: element.fontSize, minFontSize: element.minSize,
                                             lanes: element.lanesAsRows ? .horizontal : .vertical, legend: element.legend, pageNumbers: withPage,
                                             margins: template.page.margins),
                              typesetter: typesetter, family: element.family)
    }
}
