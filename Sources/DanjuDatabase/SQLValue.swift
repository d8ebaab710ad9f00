/// One SQLite value, as stored: SQLite's five storage classes and nothing else.
public enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    public var isNull: Bool { if case .null = self { true } else { false } }

    /// The value as text for printing; integers without a decimal point, NULL as nil.
    public var text: String? {
        switch self {
        case .null: nil
        case .integer(let i): String(i)
        case .real(let d): String(d)
        case .text(let s): s
        case .blob(let b): "<\(b.count) bytes>"
        }
    }

    public var integer: Int64? {
        switch self {
        case .integer(let i): i
        case .real(let d) where d == d.rounded(): Int64(exactly: d)
        case .text(let s): Int64(s)
        default: nil
        }
    }
}

/// One result row. Column names are shared by all rows of a result.
public struct Row: Sendable, Hashable {
    public let columns: [String]
    public let values: [SQLValue]

    public init(columns: [String], values: [SQLValue]) {
        self.columns = columns
        self.values = values
    }

    /// The value of a named column, or nil when the result has no such column.
    public subscript(column: String) -> SQLValue? {
        columns.firstIndex(of: column).map { values[$0] }
    }
}

public struct DatabaseError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public let sql: String?

    public init(_ message: String, sql: String? = nil) {
        self.message = message
        self.sql = sql
    }

    public var description: String {
        sql.map { "\(message)\n  in SQL: \($0.split(whereSeparator: \.isNewline).joined(separator: " "))" } ?? message
    }
}
