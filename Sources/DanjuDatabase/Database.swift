import CSQLite

/// A connection to one SQLite file. Reports open it read-only, so rendering can never change the shop's data.
public final class Database {
    public enum Mode: Sendable {
        case readOnly
        case readWrite(create: Bool)
    }

    let handle: OpaquePointer
    public let path: String
    /// The file's stamp when it had to be opened immutable (without locks): every read transaction checks that
    /// the file is still the same, so another program's write can never pass as data.
    private let unchanging: DatabaseFile.Stamp?

    /// Opens `path`. Read-only, the file is first examined (`DatabaseFile`), then opened so that nothing is ever
    /// written to it or beside it; a fault of the file is a `DatabaseFault` naming it and what to do.
    public init(path: String, mode: Mode) throws {
        self.path = path
        switch mode {
        case .readOnly:
            (handle, unchanging) = try Self.openReadOnly(try DatabaseFile(inspecting: path))
            try execute("PRAGMA query_only = ON")
        case .readWrite(let create):
            handle = try Self.open(path, flags: SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0), naming: path)
            unchanging = nil
        }
    }

    /// Opens `file` for reading without ever writing it. In WAL mode, an index (-shm) that a writer keeps is read,
    /// never written (`readonly_shm`). Without one, in a folder danju may write, SQLite's own locking serves a
    /// reader among writers (it creates the -shm and an empty -wal, as any SQLite reader does); in a read-only
    /// folder the file is opened immutable and watched (`unchanging`), so another program's save fails the read
    /// instead of passing as data.
    private static func openReadOnly(_ file: DatabaseFile) throws -> (OpaquePointer, DatabaseFile.Stamp?) {
        let hasIndex = file.hasCompanion("-shm")
        let immutable = file.isWAL && !hasIndex && !file.folderIsWritable
        if immutable, file.walHasContent {
            throw DatabaseFault(.walWithoutIndex, path: file.path, "has saved changes in \(file.path)-wal but no index file \(file.path)-shm beside it, and its folder is read-only.",
                                remedy: "Open the database once with the shop system (it rebuilds the index), or copy its three files to a folder this user may write, then run again.")
        }
        let parameters = immutable ? "mode=ro&immutable=1" : hasIndex ? "mode=ro&readonly_shm=1" : "mode=ro"
        let db = try open(file.uri(parameters), flags: SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, naming: file.path)
        // Reading the schema makes SQLite read the header, any journal or log, and the schema's pages.
        var statement: OpaquePointer?
        var code = sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema", -1, &statement, nil)
        if code == SQLITE_OK, sqlite3_step(statement) != SQLITE_ROW { code = sqlite3_extended_errcode(db) }
        sqlite3_finalize(statement)
        guard code == SQLITE_OK else {
            let message = String(cString: sqlite3_errmsg(db))
            sqlite3_close_v2(db)
            throw DatabaseFault.from(code: code, message: message, path: file.path)
                ?? DatabaseFault(.unreadable, path: file.path, "cannot be read (SQLite: \(message)).", remedy: "Check the --db path and the file's permissions.")
        }
        return (db, immutable ? file.stamp : nil)
    }

    /// SQLITE_READONLY_ROLLBACK: a hot journal that a read-only connection may not roll back.
    static let readOnlyRollback = SQLITE_READONLY | 3 << 8

    private static func open(_ name: String, flags: Int32, naming path: String) throws -> OpaquePointer {
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(name, &db, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(rc))
            sqlite3_close(db)
            throw DatabaseFault.from(code: rc, message: message, path: path) ?? DatabaseError("cannot open database \(path): \(message)")
        }
        sqlite3_extended_result_codes(db, 1)
        // A reading connection reads one shop database: no statement may attach another file (ATTACH passes
        // SQLite's read-only test).
        if flags & SQLITE_OPEN_READONLY != 0 { sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0) }
        sqlite3_busy_timeout(db, 5_000)
        return db
    }

    /// The error for a call that failed with `code`: a fault of the file, named with what to do, or else the
    /// statement's own error.
    func failure(_ code: Int32, sql: String? = nil) -> any Error {
        if let changed = changeFault() { return changed }
        return DatabaseFault.from(code: code, message: lastError, path: path) ?? DatabaseError(Self.explained(lastError), sql: sql)
    }

    /// SQLite's own words, with what they mean for a shop's data where they alone would puzzle.
    private static func explained(_ message: String) -> String {
        switch message {
        case "integer overflow":
            "integer overflow: a sum() of INTEGER values is beyond 64 bits (±9,223,372,036,854,775,807); "
                + "the rows it adds hold amounts no shop has, so check them"
        case "too many attached databases - max 0":
            "ATTACH is not allowed: danju reads the shop database only"
        default: message
        }
    }

    /// For an immutable connection whose file is no longer the one it opened: what went wrong.
    private func changeFault() -> DatabaseFault? {
        guard let unchanging, DatabaseFile.stamp(of: path) != unchanging else { return nil }
        return DatabaseFault(.changedWhileReading, path: path, "changed while danju was reading it (another program saved to it; in a read-only folder without a -shm file, danju reads without locks).",
                             remedy: "Run again: nothing was written; the new run reads the database as it is now.")
    }

    deinit { sqlite3_close_v2(handle) }

    /// Runs one or more statements that return no rows.
    public func execute(_ sql: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &error)
        sqlite3_free(error)
        if rc != SQLITE_OK { throw failure(sqlite3_extended_errcode(handle), sql: sql) }
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
    /// On a connection read without locks the result counts only if the file did not change meanwhile.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        if sqlite3_get_autocommit(handle) == 0 { return try body() }
        try execute("BEGIN")
        do {
            let result = try body()
            try execute("COMMIT")
            if let changed = changeFault() { throw changed }
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
