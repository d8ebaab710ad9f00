import CSQLite

/// A prepared statement. Bind, step through rows, reset to run again.
public final class Statement {
    private let database: Database
    private let handle: OpaquePointer
    public let sql: String
    public let columnNames: [String]
    /// Parameter names without their prefix (`:order` → `order`), in index order.
    public let parameterNames: [String]

    init(database: Database, sql: String) throws {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(database.handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw DatabaseError(database.lastError, sql: sql)
        }
        self.database = database
        self.handle = statement
        self.sql = sql
        columnNames = (0..<sqlite3_column_count(statement)).map { String(cString: sqlite3_column_name(statement, $0)) }
        parameterNames = (0..<sqlite3_bind_parameter_count(statement)).map { index in
            sqlite3_bind_parameter_name(statement, index + 1).map { String(String(cString: $0).dropFirst()) } ?? "?\(index + 1)"
        }
    }

    deinit { sqlite3_finalize(handle) }

    /// True when running it cannot write any file (a SELECT); false for INSERT, VACUUM INTO, CREATE TEMP ….
    public var isReadOnly: Bool { sqlite3_stmt_readonly(handle) != 0 }

    /// Binds named parameters; a parameter the statement uses but `values` lacks is an error, not a silent NULL.
    public func bind(_ values: [String: SQLValue]) throws {
        sqlite3_reset(handle)
        for (offset, name) in parameterNames.enumerated() {
            guard let value = values[name] else {
                throw DatabaseError("no value for parameter :\(name)", sql: sql)
            }
            try bind(value, at: Int32(offset + 1))
        }
    }

    /// Binds positional parameters in order.
    public func bind(_ values: [SQLValue]) throws {
        sqlite3_reset(handle)
        guard values.count == parameterNames.count else {
            throw DatabaseError("expected \(parameterNames.count) parameters, got \(values.count)", sql: sql)
        }
        for (offset, value) in values.enumerated() { try bind(value, at: Int32(offset + 1)) }
    }

    private func bind(_ value: SQLValue, at index: Int32) throws {
        let rc: Int32 = switch value {
        case .null: sqlite3_bind_null(handle, index)
        case .integer(let i): sqlite3_bind_int64(handle, index, i)
        case .real(let d): sqlite3_bind_double(handle, index, d)
        case .text(let s): sqlite3_bind_text(handle, index, s, -1, csqlite_transient())
        case .blob(let b): b.withUnsafeBytes { sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), csqlite_transient()) }
        }
        guard rc == SQLITE_OK else { throw DatabaseError(database.lastError, sql: sql) }
    }

    /// Stops reading before the last row (a statement left in the middle keeps its read lock).
    public func reset() {
        sqlite3_reset(handle)
    }

    /// Advances to the next row; false when there are no more.
    public func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw DatabaseError(Self.explained(database.lastError), sql: sql)
        }
    }

    /// SQLite's own words, with what they mean for a shop's data where they alone would puzzle.
    private static func explained(_ message: String) -> String {
        guard message == "integer overflow" else { return message }
        return "integer overflow: a sum() of INTEGER values is beyond 64 bits (±9,223,372,036,854,775,807); "
            + "the rows it adds hold amounts no shop has, so check them"
    }

    /// Runs a statement that returns no rows (INSERT, UPDATE …) with positional values.
    public func run(_ values: [SQLValue]) throws {
        try bind(values)
        while try step() {}
    }

    public func column(_ index: Int) -> SQLValue {
        let i = Int32(index)
        switch sqlite3_column_type(handle, i) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, i))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, i))
        case SQLITE_TEXT: return .text(String(cString: sqlite3_column_text(handle, i)))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(handle, i))
            guard count > 0, let bytes = sqlite3_column_blob(handle, i) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default: return .null
        }
    }

    /// The current row.
    public func row() -> Row {
        Row(columns: columnNames, values: columnNames.indices.map(column))
    }

    public func allRows() throws -> [Row] {
        var rows: [Row] = []
        while try step() { rows.append(row()) }
        return rows
    }
}
