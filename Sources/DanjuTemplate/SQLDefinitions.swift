/// Named SQL fragments a template's queries share (`definitions:`). A query that names one gets it, and the
/// fragments that one names, as a common table expression: a figure is defined once, and every table, chart
/// and appendix that prints it reads the same definition.
struct SQLDefinitions {
    private var entries: [(name: String, sql: String, uses: Set<String>)] = []

    init(_ node: YAMLNode?) throws {
        for (name, value) in try node?.mapping(what: "definitions").entries ?? [] {
            guard FieldReference.isIdentifier(name) else { throw value.error("definition name “\(name)” must be an identifier") }
            let sql = try value.string(what: "definition \(name) (SQL)")
            entries.append((name, sql, Self.identifiers(in: sql)))
        }
    }

    /// `sql` with the definitions it uses, directly or through other definitions, in a leading WITH clause
    /// (merged into the query's own WITH, if it has one). Definitions keep their file order.
    func expand(_ sql: String) -> String {
        var needed = Set<String>()
        var pending = Self.identifiers(in: sql)
        while let name = pending.popFirst() {
            guard let entry = entries.first(where: { $0.name.lowercased() == name }), needed.insert(name).inserted else { continue }
            pending.formUnion(entry.uses)
        }
        let used = entries.filter { needed.contains($0.name.lowercased()) }
        guard !used.isEmpty else { return sql }
        let clause = "WITH RECURSIVE " + used.map { "\($0.name) AS (\n\($0.sql)\n)" }.joined(separator: ",\n")
        let trimmed = sql.drop { $0.isWhitespace }
        for keyword in ["WITH RECURSIVE", "WITH"] where trimmed.prefix(keyword.count).uppercased() == keyword {
            let rest = trimmed.dropFirst(keyword.count)
            if rest.first?.isWhitespace == true { return clause + ",\n" + rest }
        }
        return clause + "\n" + sql
    }

    /// The lowercased identifiers of `sql` (a superset of the table names it reads).
    private static func identifiers(in sql: String) -> Set<String> {
        var names = Set<String>(), current = ""
        for character in sql.lowercased() + " " {
            if character == "_" || character.isASCII && (character.isLetter || character.isNumber) {
                current.append(character)
            } else {
                if let first = current.first, !first.isNumber { names.insert(current) }
                current = ""
            }
        }
        return names
    }
}
