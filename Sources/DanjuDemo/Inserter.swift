import DanjuDatabase

/// Inserts rows given as column → value, reusing one prepared statement per table and column set.
final class Inserter {
    private let database: Database
    private var statements: [String: Statement] = [:]

    init(database: Database) { self.database = database }

    func insert(_ table: String, _ row: [String: SQLValue]) throws {
        let columns = row.keys.sorted()
        let key = table + "(" + columns.joined(separator: ",") + ")"
        let statement: Statement
        if let cached = statements[key] {
            statement = cached
        } else {
            let placeholders = columns.map { ":" + $0 }.joined(separator: ", ")
            statement = try database.prepare("INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))")
            statements[key] = statement
        }
        try statement.bind(row)
        while try statement.step() {}
    }
}

/// Short spellings for optional values in row literals.
extension SQLValue {
    static func string(_ value: String?) -> SQLValue { value.map { .text($0) } ?? .null }
    static func int(_ value: Int?) -> SQLValue { value.map { .integer(Int64($0)) } ?? .null }
    static func time(_ value: LocalTime?) -> SQLValue { value.map { .text($0.iso) } ?? .null }
    static func date(_ value: Day?) -> SQLValue { value.map { .text($0.iso) } ?? .null }
    static func flag(_ value: Bool) -> SQLValue { .integer(value ? 1 : 0) }
}
