import DanjuGeometry

/// A process flowchart drawn from three list queries: lanes (columns code, name), steps (code, lane, kind,
/// label, time_limit, form) and arrows (from_code, to_code, label; optional implied = 1 for an arrow the source
/// only implies, drawn dashed), in the order they are to be read.
/// With `paper` the chart takes pages of its own (the first paper of the list it fits, turned to suit it); without,
/// it flows with the document at the content width and `height`.
public struct FlowchartElement: Sendable {
    public let lanes: String
    public let steps: String
    public let arrows: String
    public let name: Interpolation?
    public let titleBlock: [(label: String, value: Interpolation)]
    /// Lanes as rows with the flow going right, instead of columns with the flow going down.
    public let lanesAsRows: Bool
    public let fontSize: Double
    public let minSize: Double
    public let papers: [PaperSize]
    public let height: Double?
    public let legend: Bool
    public let family: String
    public let location: SourceLocation

    /// The columns each query must return.
    public static let laneColumns = ["code", "name"]
    public static let stepColumns = ["code", "lane", "kind", "label", "time_limit", "form"]
    public static let arrowColumns = ["from_code", "to_code", "label"]
}

extension ElementReader {
    func flowchart(_ node: YAMLNode) throws -> FlowchartElement {
        let map = try node.mapping(what: "flowchart", allowed: Self.common.union(["flowchart", "name", "title-block", "lanes-as",
                                                                                  "font-size", "min-size", "paper", "height", "legend"]))
        let queries = try map.required("flowchart").mapping(what: "flowchart (the queries lanes, steps, arrows)", allowed: ["lanes", "steps", "arrows"])
        let lanesAs = try map["lanes-as"]?.string(what: "lanes-as") ?? "columns"
        guard ["columns", "rows"].contains(lanesAs) else { throw map["lanes-as"]!.error("expected lanes-as: columns or rows") }
        let fontSize = try map["font-size"]?.number(what: "font-size") ?? 9
        let minSize = try map["min-size"]?.number(what: "min-size") ?? 6
        guard (4...24).contains(minSize), minSize <= fontSize, fontSize <= 24 else {
            throw node.error("expected 4 ≤ min-size ≤ font-size ≤ 24 (points)")
        }
        let papers: [PaperSize] = try map["paper"]?.sequence(what: "paper").map { paper in
            guard let size = PaperSize(try paper.string(what: "a paper size")) else { throw paper.error(PaperSize.expected) }
            return size
        } ?? []
        if !papers.isEmpty, map["height"] != nil { throw node.error("a flowchart takes paper (pages of its own) or height (in the document), not both") }
        let fields: [(label: String, value: Interpolation)] = try map["title-block"]?.sequence(what: "title-block").map { field in
            let entry = try field.mapping(what: "a title-block field", allowed: ["label", "value"])
            return (label: try entry.required("label").string(what: "label"),
                    value: try TemplateLoader.interpolation(entry.required("value"), what: "value"))
        } ?? []
        return FlowchartElement(
            lanes: try queries.required("lanes").string(what: "lanes (a query name)"),
            steps: try queries.required("steps").string(what: "steps (a query name)"),
            arrows: try queries.required("arrows").string(what: "arrows (a query name)"),
            name: try map["name"].map { try TemplateLoader.interpolation($0, what: "name") },
            titleBlock: fields, lanesAsRows: lanesAs == "rows", fontSize: fontSize, minSize: minSize, papers: papers,
            height: try map["height"].map { points(mm: try $0.number(what: "height")) },
            legend: try map["legend"]?.bool(what: "legend") ?? true,
            family: try styles.style(named: nil).family,
            location: node.location)
    }
}
