import CSQLite

/// A Swift closure SQLite calls as a scalar SQL function; owned by the connection, released when it closes.
private final class SQLFunction {
    let body: ([SQLValue]) -> SQLValue
    init(_ body: @escaping ([SQLValue]) -> SQLValue) { self.body = body }
}

extension Database {
    /// Makes `body` callable from this connection's SQL as `name(…)` with `arguments` arguments. Declared
    /// deterministic: the same arguments always give the same value, so SQLite may use it anywhere.
    public func defineFunction(_ name: String, arguments: Int, _ body: @escaping ([SQLValue]) -> SQLValue) throws {
        let function = Unmanaged.passRetained(SQLFunction(body)).toOpaque()
        let rc = sqlite3_create_function_v2(
            handle, name, Int32(arguments), SQLITE_UTF8 | SQLITE_DETERMINISTIC, function,
            { context, count, values in
                let function = Unmanaged<SQLFunction>.fromOpaque(sqlite3_user_data(context)!).takeUnretainedValue()
                let arguments = (0..<Int(count)).map { SQLValue(sqlite: values![$0]) }
                switch function.body(arguments) {
                case .null: sqlite3_result_null(context)
                case .integer(let value): sqlite3_result_int64(context, value)
                case .real(let value): sqlite3_result_double(context, value)
                case .text(let value): sqlite3_result_text(context, value, -1, csqlite_transient())
                case .blob(let bytes): bytes.withUnsafeBytes { sqlite3_result_blob(context, $0.baseAddress, Int32($0.count), csqlite_transient()) }
                }
            },
            nil, nil,
            { Unmanaged<SQLFunction>.fromOpaque($0!).release() })
        // On failure SQLite has already called the destructor above, so nothing leaks.
        guard rc == SQLITE_OK else { throw DatabaseError("cannot define SQL function \(name): \(lastError)") }
    }
}

extension SQLValue {
    /// The value of a SQL function argument.
    init(sqlite value: OpaquePointer?) {
        switch sqlite3_value_type(value) {
        case SQLITE_INTEGER: self = .integer(sqlite3_value_int64(value))
        case SQLITE_FLOAT: self = .real(sqlite3_value_double(value))
        case SQLITE_TEXT: self = .text(String(cString: sqlite3_value_text(value)))
        case SQLITE_BLOB:
            let count = Int(sqlite3_value_bytes(value))
            guard count > 0, let bytes = sqlite3_value_blob(value) else { self = .blob([]); return }
            self = .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default: self = .null
        }
    }
}
