import DanjuDatabase

/// A query marked `share: true` runs once per document; the queries below it that name it read its rows as a
/// table of that name. The rows travel as one JSON parameter (`:share_NAME`) unpacked by `json_each`, because
/// the database is opened read-only and query-only: no temporary table can hold them. A report whose figures
/// all derive from one costly computation (the complaint rules) so computes it once, not once per table.
public enum SharedRows {
    /// The parameter that carries a shared query's rows.
    public static func parameter(_ name: String) -> String { "share_" + name }

    /// The common table expression that unpacks `name`'s rows with `columns` (those `unpacked` says), once per
    /// statement (a query that joins it would otherwise unpack it again for every row of the other side).
    /// Without any column (count(*)), each row is just its number.
    private static func table(_ name: String, columns: [String], unpacked: (String) -> Bool) -> String {
        let list = columns.enumerated().filter { unpacked($0.element) }.map { index, column in
            "json_extract(value, '$[\(index)]') AS \"\(column)\""
        }
        return "\(name) AS MATERIALIZED (SELECT \(list.isEmpty ? "key" : list.joined(separator: ", ")) FROM json_each(:\(parameter(name))))"
    }

    /// `sql` reading the shared queries `tables` (name and columns). Only the columns `sql` names are unpacked
    /// (each costs a JSON parse per row, per query), all of them when it selects `*`; a column it names
    /// without reading (the same name in another table) merely costs its unpacking.
    public static func expand(_ sql: String, tables: [(name: String, columns: [String])]) -> String {
        let named = SQLText.selectsAll(sql) ? nil : SQLText.identifiers(in: sql)
        return SQLText.with(tables.map { shared in
            table(shared.name, columns: shared.columns) { column in
                // A column named otherwise than as a plain identifier ("金额", "count(*)") is always kept.
                named.map { $0.contains(column.lowercased()) || SQLText.identifiers(in: column) != [column.lowercased()] } ?? true
            }
        }, sql)
    }

    /// Rows as a JSON array of arrays; integers and texts keep their type through json_extract.
    public static func json(_ rows: [Row]) -> String {
        var out = "["
        for (index, row) in rows.enumerated() {
            out += index == 0 ? "[" : ",["
            for (column, value) in row.values.enumerated() {
                if column > 0 { out += "," }
                switch value {
                case .null, .blob: out += "null"
                case .integer(let integer): out += String(integer)
                case .real(let real): out += real.isFinite ? String(real) : "null"
                case .text(let text): out += quoted(text)
                }
            }
            out += "]"
        }
        return out + "]"
    }

    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += "\\u00" + String(scalar.value, radix: 16).leftPadded(to: 2)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

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

    /// Whether `sql` selects every column of a table somewhere (`SELECT *`, `t.*`, `…, *`): a `*` after `.`,
    /// `,` or the word SELECT, DISTINCT or ALL, not after an operand (a product) or `(` (count(*)).
    static func selectsAll(_ sql: String) -> Bool {
        sql.indices.contains { index in
            guard sql[index] == "*" else { return false }
            let before = sql[..<index].reversed().drop { $0.isWhitespace }
            if let last = before.first, last == "." || last == "," { return true }
            let word = String(before.prefix { $0.isLetter }.reversed()).uppercased()
            return ["SELECT", "DISTINCT", "ALL"].contains(word)
        }
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

extension String {
    fileprivate func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
