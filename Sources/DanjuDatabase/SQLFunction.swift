import CSQLite

/// A Swift closure SQLite calls as a scalar SQL function; owned by the connection, released when it closes.
/// A thrown error fails the statement with its description.
private final class SQLFunction {
    let body: ([SQLValue]) throws -> SQLValue
    init(_ body: @escaping ([SQLValue]) throws -> SQLValue) { self.body = body }
}

/// A SQL aggregate written in Swift: one instance per group, fed each row's arguments, then asked for the result.
/// A thrown error fails the statement with its description.
public protocol SQLAggregate: AnyObject {
    func step(_ arguments: [SQLValue]) throws
    func result() throws -> SQLValue
}

/// What makes a group's aggregate, owned by the connection; and the group's aggregate, owned by SQLite's
/// per-group memory from its first row to the final call.
private final class AggregateFactory {
    let make: () -> any SQLAggregate
    init(_ make: @escaping () -> any SQLAggregate) { self.make = make }
}

private final class AggregateBox {
    let aggregate: any SQLAggregate
    init(_ aggregate: any SQLAggregate) { self.aggregate = aggregate }
}

extension Database {
    /// Makes `body` callable from this connection's SQL as `name(…)` with `arguments` arguments. Declared
    /// deterministic: the same arguments always give the same value, so SQLite may use it anywhere. An error
    /// `body` throws fails the statement, with the error's description as its message.
    public func defineFunction(_ name: String, arguments: Int, _ body: @escaping ([SQLValue]) throws -> SQLValue) throws {
        let function = Unmanaged.passRetained(SQLFunction(body)).toOpaque()
        let rc = sqlite3_create_function_v2(
            handle, name, Int32(arguments), SQLITE_UTF8 | SQLITE_DETERMINISTIC, function,
            { context, count, values in
                let function = Unmanaged<SQLFunction>.fromOpaque(sqlite3_user_data(context)!).takeUnretainedValue()
                do { setResult(try function.body(sqlValues(count, values)), of: context) } catch {
                    sqlite3_result_error(context, "\(error)", -1)
                }
            },
            nil, nil,
            { Unmanaged<SQLFunction>.fromOpaque($0!).release() })
        // On failure SQLite has already called the destructor above, so nothing leaks.
        guard rc == SQLITE_OK else { throw DatabaseError("cannot define SQL function \(name): \(lastError)") }
    }

    /// Makes `name(…)` with `arguments` arguments an aggregate of this connection's SQL: `make` gives each
    /// group (each GROUP BY value, or the whole query) a fresh `SQLAggregate`.
    public func defineAggregate(_ name: String, arguments: Int, _ make: @escaping () -> any SQLAggregate) throws {
        let factory = Unmanaged.passRetained(AggregateFactory(make)).toOpaque()
        let rc = sqlite3_create_function_v2(
            handle, name, Int32(arguments), SQLITE_UTF8 | SQLITE_DETERMINISTIC, factory, nil,
            { context, count, values in
                guard let box = groupAggregate(context, create: true) else { return sqlite3_result_error_nomem(context) }
                do { try box.aggregate.step(sqlValues(count, values)) } catch {
                    sqlite3_result_error(context, "\(error)", -1)
                }
            },
            { context in
                // A group without rows never had a step: its aggregate is made here, for the empty result.
                let box = groupAggregate(context, create: false)
                let aggregate = box?.aggregate ?? Unmanaged<AggregateFactory>.fromOpaque(sqlite3_user_data(context)!).takeUnretainedValue().make()
                do { setResult(try aggregate.result(), of: context) } catch {
                    sqlite3_result_error(context, "\(error)", -1)
                }
                if let box { Unmanaged.passUnretained(box).release() }
            },
            { Unmanaged<AggregateFactory>.fromOpaque($0!).release() })
        guard rc == SQLITE_OK else { throw DatabaseError("cannot define SQL aggregate \(name): \(lastError)") }
    }
}

private func sqlValues(_ count: Int32, _ values: UnsafeMutablePointer<OpaquePointer?>?) -> [SQLValue] {
    (0..<Int(count)).map { SQLValue(sqlite: values![$0]) }
}

/// The group's aggregate, kept as a retained pointer in the per-group memory SQLite zeroes on first use; made
/// on the group's first row when `create`. Nil when there is none (or SQLite is out of memory).
private func groupAggregate(_ context: OpaquePointer?, create: Bool) -> AggregateBox? {
    let size = Int32(create ? MemoryLayout<UnsafeMutableRawPointer?>.size : 0)
    guard let slot = sqlite3_aggregate_context(context, size)?.assumingMemoryBound(to: UnsafeMutableRawPointer?.self) else { return nil }
    if slot.pointee == nil, create {
        let factory = Unmanaged<AggregateFactory>.fromOpaque(sqlite3_user_data(context)!).takeUnretainedValue()
        slot.pointee = Unmanaged.passRetained(AggregateBox(factory.make())).toOpaque()
    }
    return slot.pointee.map { Unmanaged<AggregateBox>.fromOpaque($0).takeUnretainedValue() }
}

private func setResult(_ value: SQLValue, of context: OpaquePointer?) {
    switch value {
    case .null: sqlite3_result_null(context)
    case .integer(let value): sqlite3_result_int64(context, value)
    case .real(let value): sqlite3_result_double(context, value)
    case .text(let value): sqlite3_result_text(context, value, Int32(value.utf8.count), csqlite_transient())
    case .blob(let bytes): bytes.withUnsafeBytes { sqlite3_result_blob(context, $0.baseAddress, Int32($0.count), csqlite_transient()) }
    }
}

extension SQLValue {
    /// The value of a SQL function argument.
    init(sqlite value: OpaquePointer?) {
        switch sqlite3_value_type(value) {
        case SQLITE_INTEGER: self = .integer(sqlite3_value_int64(value))
        case SQLITE_FLOAT: self = .real(sqlite3_value_double(value))
        case SQLITE_TEXT:
            let text = sqlite3_value_text(value)
            self = .text(String(decoding: UnsafeBufferPointer(start: text, count: Int(sqlite3_value_bytes(value))), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite3_value_bytes(value))
            guard count > 0, let bytes = sqlite3_value_blob(value) else { self = .blob([]); return }
            self = .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default: self = .null
        }
    }
}
