import Yams

/// A YAML node that remembers its file and position, so every reading error names file:line:column.
struct YAMLNode {
    let node: Node
    let file: String

    var location: SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    func error(_ message: String) -> TemplateError { TemplateError(message, at: location) }

    static func parse(_ text: String, file: String) throws -> YAMLNode {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw TemplateError("the template is empty", at: SourceLocation(file: file, line: 1, column: 1))
            }
            return YAMLNode(node: node, file: file)
        } catch let error as YamlError {
            throw TemplateError.yamlSyntax(error, file: file)
        }
    }

    /// The entries of a mapping in file order; keys not in `allowed` are errors (a typo must not pass silently).
    func mapping(what: String, allowed: Set<String>? = nil) throws -> Mapping {
        guard let mapping = node.mapping else { throw error("expected a mapping for \(what)") }
        var entries: [(String, YAMLNode)] = []
        for (key, value) in mapping {
            let keyNode = YAMLNode(node: key, file: file)
            guard let name = key.scalar?.string else { throw keyNode.error("expected a plain key in \(what)") }
            if let allowed, !allowed.contains(name) {
                throw keyNode.error("unknown key “\(name)” in \(what); expected one of: \(allowed.sorted().joined(separator: ", "))")
            }
            entries.append((name, YAMLNode(node: value, file: file)))
        }
        return Mapping(owner: self, what: what, entries: entries)
    }

    func sequence(what: String) throws -> [YAMLNode] {
        guard let sequence = node.sequence else { throw error("expected a list for \(what)") }
        return sequence.map { YAMLNode(node: $0, file: file) }
    }

    func string(what: String) throws -> String {
        guard let scalar = node.scalar else { throw error("expected text for \(what)") }
        return scalar.string
    }

    func number(what: String) throws -> Double {
        guard let scalar = node.scalar, let value = Double(scalar.string), value.isFinite else {
            throw error("expected a number for \(what)")
        }
        return value
    }

    func bool(what: String) throws -> Bool {
        switch node.scalar?.string {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw error("expected true or false for \(what)")
        }
    }

    func integer(what: String, range: ClosedRange<Int>) throws -> Int {
        guard let scalar = node.scalar, let value = Int(scalar.string), range.contains(value) else {
            throw error("expected a whole number in \(range.lowerBound)…\(range.upperBound) for \(what)")
        }
        return value
    }

    /// A mapping's entries with lookup by key.
    struct Mapping {
        let owner: YAMLNode
        let what: String
        let entries: [(key: String, value: YAMLNode)]

        subscript(key: String) -> YAMLNode? { entries.first { $0.key == key }?.value }

        func required(_ key: String) throws -> YAMLNode {
            guard let value = self[key] else { throw owner.error("\(what) needs “\(key)”") }
            return value
        }
    }
}

extension TemplateError {
    /// libyaml reports positions 0-based inside its context; Yams' Mark is 1-based.
    static func yamlSyntax(_ error: YamlError, file: String) -> TemplateError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            TemplateError("YAML syntax: \(problem)", at: SourceLocation(file: file, line: mark.line, column: mark.column))
        default:
            TemplateError("YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }
}
