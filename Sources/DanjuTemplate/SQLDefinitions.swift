/// Named SQL fragments a template's queries share (`definitions:`). A query that names one gets it, and the
/// fragments that one names, as a common table expression, computed once per statement (MATERIALIZED): a
/// figure is defined once, and every table, chart and appendix that prints it reads the same definition.
struct SQLDefinitions {
    private var entries: [(name: String, sql: String, uses: Set<String>)] = []

    init(_ node: YAMLNode?) throws {
        for (name, value) in try node?.mapping(what: "definitions").entries ?? [] {
            guard FieldReference.isIdentifier(name) else { throw value.error("definition name “\(name)” must be an identifier") }
            let sql = try value.string(what: "definition \(name) (SQL)")
            entries.append((name, sql, SQLText.identifiers(in: sql)))
        }
    }

    /// `sql` with the definitions it uses, directly or through other definitions, in file order.
    func expand(_ sql: String) -> String {
        var needed = Set<String>()
        var pending = SQLText.identifiers(in: sql)
        while let name = pending.popFirst() {
            guard let entry = entries.first(where: { $0.name.lowercased() == name }), needed.insert(name).inserted else { continue }
            pending.formUnion(entry.uses)
        }
        let used = entries.filter { needed.contains($0.name.lowercased()) }
        return SQLText.with(used.map { "\($0.name) AS MATERIALIZED (\n\($0.sql)\n)" }, sql)
    }
}
