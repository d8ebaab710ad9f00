/// The shop database's reference schema, built by ordered migrations.
///
/// Conventions every table follows:
/// - Money is INTEGER fen (分), quantities INTEGER thousandths (`_milli`), hours INTEGER hundredths or tenths;
///   all tables are STRICT, so SQLite itself refuses a REAL or TEXT in those columns.
/// - Times are TEXT ISO 8601 with offset (`2026-10-05T08:31:00+08:00`), dates `YYYY-MM-DD`, months `YYYY-MM`;
///   CHECKs reject any other shape, so text comparison orders values of one offset correctly.
/// - Enum values written in English are codes the program maps to labels; Chinese enum values are the
///   domain's own words and are printed as stored.
public enum Schema {
    /// Each migration moves the database from version `index` to `index + 1`. Never edit a released one: append.
    static let migrations: [String] = [SchemaV1.sql, SchemaV2.sql]

    /// The version a fully migrated database has in `PRAGMA user_version`.
    public static let version: Int = migrations.count

    /// Applies the migrations the database lacks, all in one transaction; a current database is left untouched.
    public static func migrate(_ db: Database) throws {
        let current = try db.userVersion()
        guard current <= version else {
            throw DatabaseError("database \(db.path) has schema version \(current); this program knows only up to \(version)")
        }
        guard current < version else { return }
        try db.transaction {
            for sql in migrations[current...] { try db.execute(sql) }
            try db.setUserVersion(version)
        }
    }
}
