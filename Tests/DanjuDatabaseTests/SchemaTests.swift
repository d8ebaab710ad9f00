import DanjuDatabase
import Foundation
import Testing

@Suite struct SchemaTests {
    @Test func migrateSetsUserVersion() throws {
        let db = try TemporaryDatabase()
        #expect(try db.database.userVersion() == 0)
        try Schema.migrate(db.database)
        #expect(try db.database.userVersion() == Schema.version)
        #expect(Schema.version >= 1)
    }

    @Test func migrateIsIdempotent() throws {
        let db = try TemporaryDatabase()
        try Schema.migrate(db.database)
        let tables = try db.database.rows("SELECT name, sql FROM sqlite_schema ORDER BY name")
        try Schema.migrate(db.database)
        #expect(try db.database.rows("SELECT name, sql FROM sqlite_schema ORDER BY name") == tables)
        #expect(try db.database.userVersion() == Schema.version)
    }

    @Test func refusesNewerDatabase() throws {
        let db = try TemporaryDatabase()
        try db.database.setUserVersion(Schema.version + 1)
        #expect(throws: DatabaseError.self) { try Schema.migrate(db.database) }
    }

    @Test func intakeTemplateColumnsExist() throws {
        let db = try TemporaryDatabase()
        try Schema.migrate(db.database)
        let required: [String: [String]] = [
            "work_orders": ["order_no", "arrived_at", "advisor_id", "appointment_id", "sender_name", "sender_phone",
                            "hour_meter_in_tenths", "fuel_level", "complaint", "valuables", "promised_at",
                            "customer_id", "machine_id"],
            "customers": ["name", "contact_person", "phone", "address"],
            "machines": ["model", "serial_no", "engine_no", "plate_no", "purchase_date"],
            "staff": ["name"],
            "inspection_items": ["id", "seq", "area", "item", "check_points"],
            "inspection_results": ["work_order_id", "item_id", "result", "note"],
            "work_order_photos": ["work_order_id", "path", "caption", "taken_at"],
            "settings": ["key", "value"],
        ]
        for (table, columns) in required.sorted(by: { $0.key < $1.key }) {
            let present = Set(try db.database.rows("SELECT name FROM pragma_table_info(:t)", ["t": .text(table)])
                .compactMap { $0["name"]?.text })
            for column in columns { #expect(present.contains(column), "\(table).\(column)") }
        }
    }

    @Test func moneyColumnsAreDeclaredInteger() throws {
        let db = try TemporaryDatabase()
        try Schema.migrate(db.database)
        let columns = try db.database.rows("""
            SELECT m.name AS tbl, p.name AS col, p.type AS type
            FROM sqlite_schema m, pragma_table_info(m.name) p
            WHERE m.type = 'table' AND (p.name LIKE '%\\_fen' ESCAPE '\\' OR p.name LIKE '%\\_milli' ESCAPE '\\')
            """)
        #expect(columns.count > 20)
        for column in columns { #expect(column["type"]?.text == "INTEGER", "\(column)") }
        let strict = try db.database.rows("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND strict = 0 AND name NOT LIKE 'sqlite_%'")
        #expect(strict.isEmpty, "non-STRICT tables: \(strict)")
    }

    @Test func rejectsBadValues() throws {
        let db = try TemporaryDatabase()
        try Schema.migrate(db.database)
        #expect(throws: DatabaseError.self) {
            try db.database.execute("INSERT INTO customers (kind, name) VALUES ('robot', 'x')")
        }
        #expect(throws: DatabaseError.self) {
            try db.database.execute("INSERT INTO customers (kind, name, since_date) VALUES ('person', 'x', '2026/10/05')")
        }
        #expect(throws: DatabaseError.self) {
            try db.database.execute("INSERT INTO parts (manufacturer_id, part_no, name, unit, price_fen) VALUES (1, 'a', 'b', '个', 12.5)")
        }
    }
}

/// A fresh database file in its own temporary directory, removed when the value goes away.
final class TemporaryDatabase {
    let directory: URL
    let database: Database

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("danju-db-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = try Database(path: directory.appendingPathComponent("test.sqlite").path, mode: .readWrite(create: true))
    }

    deinit { try? FileManager.default.removeItem(at: directory) }
}
