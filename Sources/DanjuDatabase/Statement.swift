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
        var rest = ""
        let rc = sql.withCString { text in
            var tail: UnsafePointer<CChar>?
            let rc = sqlite3_prepare_v2(database.handle, text, -1, &statement, &tail)
            rest = tail.map { String(cString: $0) } ?? ""
            return rc
        }
        guard rc == SQLITE_OK, let statement else {
            throw rc == SQLITE_OK ? DatabaseError("holds no SQL statement", sql: sql) : database.failure(rc, sql: sql)
        }
        // SQLite compiles the first statement and hands back the rest: a second one would silently never run.
        var next: OpaquePointer?
        if sqlite3_prepare_v2(database.handle, rest, -1, &next, nil) == SQLITE_OK, next == nil {} else {
            sqlite3_finalize(next)
            sqlite3_finalize(statement)
            throw DatabaseError("holds more than one statement; a query is one SELECT", sql: sql)
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
        case .text(let s): sqlite3_bind_text(handle, index, s, Int32(s.utf8.count), csqlite_transient())  // all of it, NULs too
        case .blob(let b): b.withUnsafeBytes { sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), csqlite_transient()) }
        }
        guard rc == SQLITE_OK else { throw database.failure(rc, sql: sql) }
    }

    /// Whether running it leaves the database as it was (SQLite's own judgement: a SELECT, or a WITH that
    /// only selects). A template's queries must be; a DELETE, an INSERT or a VACUUM INTO is not.
    public var isReadOnly: Bool { sqlite3_stmt_readonly(handle) != 0 }

    /// Stops reading before the last row (a statement left in the middle keeps its read lock).
    public func reset() {
        sqlite3_reset(handle)
    }

    /// Advances to the next row; false when there are no more.
    public func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let rc: throw database.failure(rc, sql: sql)
        }
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
        case SQLITE_TEXT:
            // Its length, not the first NUL, ends a text: whatever follows a NUL is still the value.
            let text = sqlite3_column_text(handle, i)
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, i))), as: UTF8.self))
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
