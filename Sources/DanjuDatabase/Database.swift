import CSQLite

/// A connection to one SQLite file. Reports open it read-only, so rendering can never change the shop's data.
public final class Database {
    public enum Mode: Sendable {
        case readOnly
        case readWrite(create: Bool)
    }

    let handle: OpaquePointer
    public let path: String

    public init(path: String, mode: Mode) throws {
        var flags = SQLITE_OPEN_NOMUTEX
        switch mode {
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        case .readWrite(let create): flags |= SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0)
        }
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(rc))
            sqlite3_close(db)
            throw DatabaseError("cannot open database \(path): \(message)")
        }
        handle = db
        self.path = path
        sqlite3_busy_timeout(db, 5_000)
        if case .readOnly = mode { try execute("PRAGMA query_only = ON") }
    }

    deinit { sqlite3_close_v2(handle) }

    /// Runs one or more statements that return no rows.
    public func execute(_ sql: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        if sqlite3_exec(handle, sql, nil, nil, &error) != SQLITE_OK {
            let message = error.map { String(cString: $0) } ?? lastError
            sqlite3_free(error)
            throw DatabaseError(message, sql: sql)
        }
    }

    public func prepare(_ sql: String) throws -> Statement {
        try Statement(database: self, sql: sql)
    }

    /// All rows of one query with named parameters (keys without the leading colon).
    public func rows(_ sql: String, _ parameters: [String: SQLValue] = [:]) throws -> [Row] {
        let statement = try prepare(sql)
        try statement.bind(parameters)
        return try statement.allRows()
    }

    /// Runs `body` inside one transaction: a read transaction sees one snapshot from start to end.
    /// Inside a transaction already, `body` simply joins it (a package reads many documents from one snapshot).
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        if sqlite3_get_autocommit(handle) == 0 { return try body() }
        try execute("BEGIN")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    public func userVersion() throws -> Int {
        Int(try rows("PRAGMA user_version").first?.values.first?.integer ?? 0)
    }

    public func setUserVersion(_ version: Int) throws {
        try execute("PRAGMA user_version = \(version)")
    }

    var lastError: String { String(cString: sqlite3_errmsg(handle)) }
}
