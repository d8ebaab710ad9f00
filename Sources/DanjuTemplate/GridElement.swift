import DanjuGeometry

/// One cell per row of a query, laid out `columns` across and flowing over pages: a photo sheet (an image
/// with its caption and time) or a sheet of labels to cut apart (old-part return tags). Each cell is a
/// block whose items bind to the row (`{{column}}`); a row of cells is never split across pages.
public struct GridElement: Sendable {
    public let query: String
    public let title: Interpolation?
    public let columns: Int
    /// Items at positions relative to the cell's top left corner; `cell.height` is the cell's height.
    public let cell: Block
    /// Space between cells, across and down.
    public let gap: Double
    public let titleStyle: TextStyle
    public let location: SourceLocation
}

extension ElementReader {
    func grid(_ node: YAMLNode) throws -> GridElement {
        let map = try node.mapping(what: "grid", allowed: Self.common.union(["grid", "title", "columns", "cell", "gap", "title-style"]))
        var titleStyle = try styles.style(named: map["title-style"], or: "label")
        titleStyle.bold = true
        return GridElement(
            query: try map.required("grid").string(what: "grid (the name of a query)"),
            title: try map["title"].map { try TemplateLoader.interpolation($0, what: "title") },
            columns: try map["columns"]?.integer(what: "columns", range: 1...6) ?? 2,
            cell: try block(map.required("cell"), what: "cell"),
            gap: points(mm: try map["gap"]?.number(what: "gap") ?? 3),
            titleStyle: titleStyle,
            location: node.location)
    }
}
