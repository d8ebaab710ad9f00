import CSQLite

/// Something wrong with the shop's database file itself, not with a query: said in two lines, what is wrong with
/// which file and what to do about it, never SQLite's bare words. The README lists every kind.
public struct DatabaseFault: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable, Equatable {
        case missing, unreadable, folder, notAFile(String), empty, notSQLite, truncated, damaged, locked, hotJournal,
             walWithoutIndex, changedWhileReading, diskError, notAShop, olderSchema, newerSchema
    }

    public let kind: Kind
    public let path: String
    /// What is wrong, after the file's name.
    public let problem: String
    /// What to do.
    public let remedy: String

    public init(_ kind: Kind, path: String, _ problem: String, remedy: String) {
        self.kind = kind
        self.path = path
        self.problem = problem
        self.remedy = remedy
    }

    public var description: String { "shop database \(path) \(problem)\n  \(remedy)" }

    public static let restore = "Restore it from the shop's latest backup, or copy it again from the shop system's computer."

    /// The fault behind a SQLite result code, or nil when the code is about a statement rather than the file
    /// (a syntax error, a missing column, a template that tries to write).
    static func from(code: Int32, message: String, path: String) -> DatabaseFault? {
        switch code & 0xFF {
        case SQLITE_CORRUPT:
            DatabaseFault(.damaged, path: path, "is damaged (SQLite: \(message)).", remedy: restore)
        case SQLITE_NOTADB:
            DatabaseFault(.notSQLite, path: path, "is not an SQLite database (SQLite: \(message)).",
                          remedy: "Check the --db path: it must name the shop system's database file.")
        case SQLITE_BUSY, SQLITE_PROTOCOL:
            DatabaseFault(.locked, path: path, "is locked by another program that is writing to it (waited 5 s).",
                          remedy: "Try again when the shop system has finished saving; if it stays locked, close the program holding it.")
        case SQLITE_IOERR, SQLITE_FULL:
            DatabaseFault(.diskError, path: path, "cannot be read: the disk or network share reports an error (SQLite: \(message)).",
                          remedy: "Check the disk or the network connection, then run again; copy the file to a local disk if it persists.")
        case SQLITE_CANTOPEN, SQLITE_PERM:
            DatabaseFault(.unreadable, path: path, "cannot be opened (SQLite: \(message)).",
                          remedy: "Check that the file and its folder can be read by this user.")
        case SQLITE_READONLY where code == Database.readOnlyRollback:
            DatabaseFault(.hotJournal, path: path, "has an unfinished save (\(path)-journal, left by a program that stopped while writing); danju only reads and does not repair it.",
                          remedy: "Open the database once with the shop system (or `sqlite3 \(path) 'PRAGMA quick_check'`), which rolls the unfinished save back, then run again.")
        case SQLITE_READONLY where code != SQLITE_READONLY:
            DatabaseFault(.walWithoutIndex, path: path, "cannot be read without writing beside it (SQLite: \(message)).",
                          remedy: "Open the database once with the shop system, or copy the database and its -wal and -shm files to a folder this user may write, then run again.")
        default: nil
        }
    }
}
