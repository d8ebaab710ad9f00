import DanjuGeometry

/// A chart drawn from a list query like a table: one category per row (`label` column), one value column
/// per series, optionally a `highlight` column whose non-zero rows are drawn darker (the current month).
public struct ChartElement: Sendable {
    /// What the template may ask for; the layout maps each to the chart module's drawing of it.
    public enum Kind: String, Sendable, CaseIterable {
        /// Vertical bars; horizontal bars; stacked and grouped series; a trend line; slices with a legend.
        case bar, hbar, stacked, grouped, line, pie, donut
    }

    public struct Series: Sendable {
        public let column: String
        public let name: String
    }

    public let query: String
    public let kind: Kind
    public let title: Interpolation
    public let unit: String
    public let label: String
    public let series: [Series]
    public let highlight: String?
    /// Height of the chart; its width is the content width.
    public let height: Double
    public let style: TextStyle
    public let location: SourceLocation

    /// Every column the chart reads, for `danju check`.
    public var columns: [String] { [label] + series.map(\.column) + (highlight.map { [$0] } ?? []) }
}

extension ElementReader {
    /// `chart: QUERY` with `kind`, `title`, `unit`, `label` (category column), `values` (a column, or a list of
    /// `{value: column, name: 系列名}`), `highlight`, `height` (mm), `style`.
    func chart(_ node: YAMLNode) throws -> ChartElement {
        let map = try node.mapping(what: "chart", allowed: Self.common.union([
            "chart", "kind", "title", "unit", "label", "values", "highlight", "height", "style",
        ]))
        let kindNode = try map.required("kind")
        let kindName = try kindNode.string(what: "kind")
        guard let kind = ChartElement.Kind(rawValue: kindName) else {
            throw kindNode.error("unknown chart kind “\(kindName)”; expected one of: \(ChartElement.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let title = try TemplateLoader.interpolation(map.required("title"), what: "title")
        let valuesNode = try map.required("values")
        let series: [ChartElement.Series]
        if valuesNode.node.scalar != nil {
            series = [ChartElement.Series(column: try valuesNode.string(what: "values"), name: "")]
        } else {
            series = try valuesNode.sequence(what: "values").map { entry in
                let item = try entry.mapping(what: "a series", allowed: ["value", "name"])
                return ChartElement.Series(column: try item.required("value").string(what: "value (a column)"),
                                           name: try item.required("name").string(what: "name"))
            }
        }
        guard !series.isEmpty else { throw valuesNode.error("a chart needs at least one value column") }
        if [.pie, .donut, .hbar].contains(kind), series.count > 1 { throw valuesNode.error("a \(kindName) chart shows one value column") }
        return ChartElement(
            query: try map.required("chart").string(what: "chart (the name of a query)"), kind: kind, title: title,
            unit: try map["unit"]?.string(what: "unit") ?? "",
            label: try map.required("label").string(what: "label (the category column)"), series: series,
            highlight: try map["highlight"]?.string(what: "highlight (a column)"),
            height: points(mm: try map["height"]?.number(what: "height") ?? 60),
            style: try styles.style(named: map["style"], or: "chart"), location: node.location)
    }
}
