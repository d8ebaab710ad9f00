import DanjuGeometry
import Foundation

/// Reads a template YAML file into a `Template`. Every mistake is reported with file:line:column and
/// what was expected; unknown keys are errors so a misspelt option never silently does nothing.
public enum TemplateLoader {
    public static func load(file path: String) throws -> Template {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw TemplateError("cannot read the template: \(error.localizedDescription)", at: SourceLocation(file: path, line: 1, column: 1))
        }
        return try load(yaml: text, file: path)
    }

    public static func load(yaml: String, file: String) throws -> Template {
        let root = try YAMLNode.parse(yaml, file: file)
        let top = try root.mapping(what: "the template", allowed: [
            "name", "title", "subject", "author", "date", "page", "copies", "styles", "parameters", "definitions", "queries",
            "refuse", "header", "footer", "body",
        ])
        let styles = try StyleSheet(top["styles"])
        let reader = ElementReader(styles: styles)
        let definitions = try SQLDefinitions(top["definitions"])
        let name = try top["name"]?.string(what: "name")
            ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        return Template(
            name: name, file: file,
            title: try interpolation(top.required("title"), what: "title"),
            subject: try top["subject"].map { try interpolation($0, what: "subject") },
            author: try top["author"].map { try interpolation($0, what: "author") },
            date: try top["date"].map { try interpolation($0, what: "date") },
            page: try pageSetup(top.required("page")),
            copies: try top["copies"].map(copies) ?? [""],
            parameters: try top["parameters"].map(parameters) ?? [],
            queries: try top["queries"].map { try queries($0, definitions) } ?? [],
            refusals: try top["refuse"].map { try refusals($0, definitions) } ?? [],
            header: try top["header"].map { try reader.block($0, what: "header") },
            footer: try top["footer"].map { try reader.block($0, what: "footer") },
            body: try top.required("body").sequence(what: "body").map { try reader.bodyItem($0) })
    }

    static func interpolation(_ node: YAMLNode, what: String) throws -> Interpolation {
        try Interpolation(parsing: node.string(what: what), at: node.location)
    }

    private static func pageSetup(_ node: YAMLNode) throws -> PageSetup {
        let map = try node.mapping(what: "page", allowed: ["size", "orientation", "margins"])
        let sizeNode = try map.required("size")
        guard let paper = PaperSize(try sizeNode.string(what: "page size")) else { throw sizeNode.error(PaperSize.expected) }
        var size = (paper.widthMM, paper.heightMM)
        if let orientation = map["orientation"] {
            switch try orientation.string(what: "orientation") {
            case "portrait": size = (min(size.0, size.1), max(size.0, size.1))
            case "landscape": size = (max(size.0, size.1), min(size.0, size.1))
            default: throw orientation.error("expected portrait or landscape for orientation")
            }
        }
        let margins = try map["margins"].map(insets) ?? Insets(top: points(mm: 10), right: points(mm: 10), bottom: points(mm: 10), left: points(mm: 10))
        let setup = PageSetup(width: points(mm: size.0), height: points(mm: size.1), margins: margins)
        guard setup.contentWidth > points(mm: 20), setup.height - margins.top - margins.bottom > points(mm: 20) else {
            throw node.error("the margins leave no room on the page")
        }
        return setup
    }

    /// `10` for all sides, or `[top, right, bottom, left]` in millimetres.
    private static func insets(_ node: YAMLNode) throws -> Insets {
        if node.node.scalar != nil {
            let all = points(mm: try node.number(what: "margins"))
            return Insets(top: all, right: all, bottom: all, left: all)
        }
        let values = try node.sequence(what: "margins").map { points(mm: try $0.number(what: "a margin")) }
        guard values.count == 4 else { throw node.error("expected four margins [top, right, bottom, left] in millimetres") }
        return Insets(top: values[0], right: values[1], bottom: values[2], left: values[3])
    }

    private static func refusals(_ node: YAMLNode, _ definitions: SQLDefinitions) throws -> [Refusal] {
        try node.sequence(what: "refuse").map { entry in
            let map = try entry.mapping(what: "a refusal", allowed: ["sql", "message", "draft"])
            let sql = try map.required("sql")
            var refusal = Refusal(sql: definitions.expand(try sql.string(what: "sql")), message: try interpolation(map.required("message"), what: "message"),
                                  location: sql.location)
            refusal.draftable = try map["draft"]?.bool(what: "draft") ?? true
            return refusal
        }
    }

    private static func copies(_ node: YAMLNode) throws -> [String] {
        let labels = try node.sequence(what: "copies").map { try $0.string(what: "a copy's label") }
        guard (1...9).contains(labels.count), labels.allSatisfy({ !$0.isEmpty }) else {
            throw node.error("expected one to nine copy labels, e.g. [第一联 存根, 第二联 客户, 第三联 财务]")
        }
        return labels
    }

    private static func parameters(_ node: YAMLNode) throws -> [Parameter] {
        let declared = try node.mapping(what: "parameters").entries.map { name, value in
            guard FieldReference.isIdentifier(name) else { throw value.error("parameter name “\(name)” must be a plain identifier") }
            let map = try value.mapping(what: "parameter \(name)", allowed: ["label", "example", "type", "not-before"])
            var parameter = Parameter(name: name, label: try map["label"]?.string(what: "label") ?? name,
                                      example: try map["example"]?.string(what: "example"))
            parameter.kind = try map["type"].map { node in
                guard let kind = Parameter.Kind(rawValue: try node.string(what: "type")) else { throw node.error("expected type date, month or text") }
                return kind
            } ?? Parameter.Kind(example: parameter.example)
            if let example = parameter.example, let problem = parameter.kind.problem(with: example) {
                throw (map["example"] ?? value).error("the example \(problem)")
            }
            parameter.notBefore = try map["not-before"]?.string(what: "not-before")
            return (parameter, map["not-before"])
        }
        for case let (parameter, node?) in declared where !declared.contains(where: { $0.0.name == parameter.notBefore && $0.0.kind == parameter.kind && $0.0.kind != .text }) {
            throw node.error("not-before must name another date or month parameter of the same type as \(parameter.name)")
        }
        return declared.map(\.0)
    }

    private static func queries(_ node: YAMLNode, _ definitions: SQLDefinitions) throws -> [Query] {
        var queries: [Query] = []
        for (name, value) in try node.mapping(what: "queries").entries {
            guard FieldReference.isIdentifier(name), name != "param", !FieldReference.documentFields.contains(name) else {
                throw value.error("query name “\(name)” must be an identifier other than param, \(FieldReference.documentFields.joined(separator: ", "))")
            }
            let map = try value.mapping(what: "query \(name)", allowed: ["sql", "single", "share", "missing"])
            let sql = try map.required("sql")
            var query = Query(name: name, sql: definitions.expand(try sql.string(what: "sql")),
                              single: try map["single"]?.bool(what: "single") ?? false, location: sql.location)
            query.share = try map["share"]?.bool(what: "share") ?? false
            query.missing = try map["missing"].map { try missingMessage($0, of: query, after: queries) }
            queries.append(query)
        }
        return queries
    }

    /// A single query's `missing:` words, which can only use what is known when it finds nothing: the
    /// parameters and the rows of the single queries above it.
    private static func missingMessage(_ node: YAMLNode, of query: Query, after earlier: [Query]) throws -> Interpolation {
        guard query.single else { throw node.error("missing: is for a query with single: true (a list may be empty)") }
        let message = try interpolation(node, what: "missing")
        for reference in message.references where reference.source != "param" && !earlier.contains(where: { $0.single && $0.name == reference.source }) {
            throw node.error("“{{\(reference.description)}}”: missing: may use {{param.…}} and the single queries above “\(query.name)”")
        }
        return message
    }
}

/// Named text styles; every style starts from `default`.
struct StyleSheet {
    private var styles: [String: TextStyle] = [:]
    static let base = TextStyle(family: "Danju Hei", size: 9)

    init(_ node: YAMLNode?) throws {
        let entries = try node?.mapping(what: "styles").entries ?? []
        let base = try entries.first { $0.key == "default" }.map { try Self.style($0.value, from: Self.base) } ?? Self.base
        styles["default"] = base
        for (name, value) in entries where name != "default" {
            styles[name] = try Self.style(value, from: base)
        }
    }

    /// The style a `style:` key names; without the key, `fallback` if the template defines it, else `default`.
    func style(named node: YAMLNode?, or fallback: String = "default") throws -> TextStyle {
        guard let node else { return styles[fallback] ?? styles["default"]! }
        let name = try node.string(what: "style")
        guard let style = styles[name] else {
            throw node.error("unknown style “\(name)”; defined: \(styles.keys.sorted().joined(separator: ", "))")
        }
        return style
    }

    private static func style(_ node: YAMLNode, from base: TextStyle) throws -> TextStyle {
        let map = try node.mapping(what: "a style", allowed: ["font", "size", "bold", "color", "align", "line-spacing"])
        var style = base
        if let font = map["font"] { style.family = try font.string(what: "font") }
        if let size = map["size"] {
            style.size = try size.number(what: "size")
            guard (4...72).contains(style.size) else { throw size.error("expected a font size in points between 4 and 72") }
        }
        if let bold = map["bold"] { style.bold = try bold.bool(what: "bold") }
        if let color = map["color"] {
            guard let parsed = Color(hex: try color.string(what: "color")) else { throw color.error("expected a colour like \"#333333\"") }
            style.color = parsed
        }
        if let align = map["align"] { style.alignment = try alignment(align) }
        if let spacing = map["line-spacing"] { style.lineSpacing = try spacing.number(what: "line-spacing") }
        return style
    }

    static func alignment(_ node: YAMLNode) throws -> TextStyle.Alignment {
        guard let alignment = TextStyle.Alignment(rawValue: try node.string(what: "align")) else {
            throw node.error("expected left, center or right for align")
        }
        return alignment
    }
}
