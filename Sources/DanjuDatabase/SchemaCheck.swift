extension Schema {
    /// Refuses a database that is not a shop database of exactly the schema version this program reads
    /// (`PRAGMA user_version`), naming both versions: an older one lacks what the templates ask for, a newer one
    /// may mean things this program does not know.
    public static func requireCurrent(_ db: Database) throws {
        let found = try db.userVersion()
        if found == version { return }
        let path = db.path
        if found <= 0 {
            let tables = try db.rows("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name")
                .compactMap { $0["name"]?.text }
            let listed = tables.prefix(5).joined(separator: ", ") + (tables.count > 5 ? ", …" : "")
            throw DatabaseFault(.notAShop, path: path, tables.isEmpty ? "is an empty SQLite database: it has no tables."
                                    : "is an SQLite database but not a shop database: it has no schema version (its tables: \(listed)).",
                                remedy: "Check the --db path: it must name the shop system's database file (schema version \(version)).")
        }
        if found < version {
            throw DatabaseFault(.olderSchema, path: path, "has schema version \(found); this danju reads schema version \(version).",
                                remedy: "Have the shop system apply danju's schema \(found + 1 == version ? "migration \(version)" : "migrations \(found + 1)…\(version)") (Sources/DanjuDatabase/Schema.swift), or use the danju release made for version \(found).")
        }
        throw DatabaseFault(.newerSchema, path: path, "has schema version \(found), newer than this danju knows (version \(version)).",
                            remedy: "Install the danju release made for schema version \(found).")
    }
}
