/// Putting common table expressions in front of a query.
enum SQLText {
    /// `sql` with `ctes` ("name AS (…)") in a leading WITH clause, merged into the query's own WITH if it has one.
    static func with(_ ctes: [String], _ sql: String) -> String {
        guard !ctes.isEmpty else { return sql }
        let clause = "WITH RECURSIVE " + ctes.joined(separator: ",\n")
        let trimmed = sql.drop { $0.isWhitespace }
        for keyword in ["WITH RECURSIVE", "WITH"] where trimmed.prefix(keyword.count).uppercased() == keyword {
            let rest = trimmed.dropFirst(keyword.count)
            if rest.first?.isWhitespace == true { return clause + ",\n" + rest }
        }
        return clause + "\n" + sql
    }

    /// The lowercased identifiers of `sql` (a superset of the table names it reads).
    static func identifiers(in sql: String) -> Set<String> {
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
