import DanjuFormat

/// Text with fields: `客户：{{order.customer_name}}`, `{{order.arrived_at | datetime}}`,
/// `{{order.plate_no | default: 无}}`. Inside a table row a bare `{{note}}` names a column of the row.
/// `{{page}}` and `{{pages}}` are the page number and count within the copy, `{{copy}}` the copy's label;
/// `{{param.order}}` a parameter.
public struct Interpolation: Sendable, Hashable {
    public enum Segment: Sendable, Hashable {
        case literal(String)
        case field(FieldReference)
    }

    public let segments: [Segment]
    public let location: SourceLocation

    public var references: [FieldReference] {
        segments.compactMap { if case .field(let reference) = $0 { reference } else { nil } }
    }

    /// The fixed text before the first field: "进厂检查单 " of "进厂检查单 {{order.order_no}}".
    public var literalPrefix: String {
        guard case .literal(let text)? = segments.first else { return "" }
        return text
    }

    public init(parsing text: String, at location: SourceLocation) throws {
        self.location = location
        var segments: [Segment] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex { segments.append(.literal(String(rest[..<open.lowerBound]))) }
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw TemplateError("“{{” without a closing “}}” in “\(text)”", at: location)
            }
            segments.append(.field(try FieldReference(parsing: rest[open.upperBound..<close.lowerBound], in: text, at: location)))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { segments.append(.literal(String(rest))) }
        self.segments = segments
    }
}

/// One `{{…}}`: where the value comes from and how it is printed.
public struct FieldReference: Sendable, Hashable {
    /// A single-row query's name, `param`, or nil for the current table row (or `page`/`pages`).
    public let source: String?
    public let name: String
    public let filters: [Filter]

    public var description: String { (source.map { "\($0)." } ?? "") + name }

    /// Bare names that belong to the document, not to a query row.
    public static let documentFields = ["page", "pages", "copy"]

    init(parsing body: Substring, in text: String, at location: SourceLocation) throws {
        let parts = body.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let path = parts[0].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard (1...2).contains(path.count), path.allSatisfy(FieldReference.isIdentifier) else {
            throw TemplateError("“{{\(body)}}” in “\(text)”: expected a name like order.customer_name", at: location)
        }
        source = path.count == 2 ? path[0] : nil
        name = path.last!
        filters = try parts.dropFirst().map { try Filter(parsing: $0, in: text, at: location) }
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return text.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }
}

/// How a field's value is turned into text.
public enum Filter: Sendable, Hashable {
    /// A named format (money, daxie, datetime, pattern:M月d日 …); see `ValueFormat`.
    case format(ValueFormat)
    /// Text printed when the value is NULL or empty.
    case fallback(String)

    init(parsing text: String, in whole: String, at location: SourceLocation) throws {
        if text == "default" || text.hasPrefix("default:") {
            let argument = text.dropFirst("default".count).drop { $0 == ":" }.trimmingCharacters(in: .whitespaces)
            guard !argument.isEmpty else { throw TemplateError("“default” needs a text: “| default: 无” in “\(whole)”", at: location) }
            self = .fallback(argument)
            return
        }
        do {
            self = .format(try ValueFormat(name: text))
        } catch {
            throw TemplateError("filter “\(text)” in “\(whole)”: \(error.reason); or default: TEXT", at: location)
        }
    }
}
