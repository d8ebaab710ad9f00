import DanjuDatabase
import DanjuDemo
import Foundation
import Testing

/// Writes one demo shop for the whole suite (it takes a while in a debug build) and removes it afterwards.
struct DemoShopFixture: SuiteTrait, TestScoping {
    static let fileName = "demo.sqlite"
    @TaskLocal static var folder: URL?

    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        let folder = try Self.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try DemoShop.write(to: folder.appendingPathComponent(Self.fileName).path)
        try await Self.$folder.withValue(folder) { try await function() }
    }

    static func demoFolder() throws -> URL { try #require(folder, "the suite needs the .demoShop trait") }

    static func open() throws -> Database {
        try Database(path: demoFolder().appendingPathComponent(fileName).path, mode: .readOnly)
    }

    static func makeTemporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("danju-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}

extension Trait where Self == DemoShopFixture {
    static var demoShop: Self { Self() }
}

@Suite(.demoShop) struct DemoShopTests {
    private func count(_ db: Database, _ sql: String) throws -> Int {
        Int(try db.rows(sql).first?.values.first?.integer ?? -1)
    }

    @Test func meetsMinimumCounts() throws {
        let db = try DemoShopFixture.open()
        #expect(try db.userVersion() == Schema.version)
        #expect(try count(db, "SELECT count(*) FROM work_orders") >= 4_000)
        #expect(try count(db, "SELECT count(*) FROM complaints") >= 500)
        #expect(try count(db, "SELECT count(*) FROM warranty_claims") >= 200)
        #expect(try count(db, "SELECT count(DISTINCT substr(arrived_at, 1, 7)) FROM work_orders") >= 24)
        #expect(try count(db, "SELECT count(*) FROM work_orders WHERE arrived_at > '2026-11-30T23:59:59+08:00'") == 0)
        #expect(try count(db, "SELECT count(*) FROM work_orders WHERE arrived_at LIKE '2026-11-30%'") > 0)
        for kind in ["repair", "maintenance", "warranty", "comeback"] {
            #expect(try count(db, "SELECT count(*) FROM work_orders WHERE kind = '\(kind)'") > 0, "\(kind)")
        }
        #expect(try count(db, "SELECT count(*) FROM inspection_items") >= 20)
        #expect(try count(db, "SELECT count(*) FROM claim_parts WHERE damage = '主损件'") >= 200)
    }

    @Test func workflowsAreComplete() throws {
        let db = try DemoShopFixture.open()
        let nodes = try db.rows("SELECT p.code, count(*) AS n FROM process_nodes n JOIN processes p ON p.id = n.process_id GROUP BY p.code ORDER BY p.code")
        #expect(nodes.map { "\($0["code"]!.text!)=\($0["n"]!.text!)" } == ["EM=18", "FS=22", "RC=23", "SA=36", "WC=18"])
        #expect(try count(db, "SELECT count(*) FROM process_edges WHERE label = '是'") >= 15)
        #expect(try count(db, "SELECT count(*) FROM process_edges WHERE label = '否'") >= 15)
        #expect(try count(db, "SELECT count(*) FROM process_nodes WHERE kind = 'start'") == 5)
    }

    @Test func sameSeedGivesByteIdenticalFiles() throws {
        let first = try DemoShopFixture.demoFolder()
        let second = try DemoShopFixture.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: second) }
        try DemoShop.write(to: second.appendingPathComponent(DemoShopFixture.fileName).path)
        let files = try relativeFiles(in: first)
        #expect(files == (try relativeFiles(in: second)))
        #expect(files.count > 100)
        for file in files {
            let same = try Data(contentsOf: first.appendingPathComponent(file)) == Data(contentsOf: second.appendingPathComponent(file))
            #expect(same, "\(file) differs")
        }
    }

    @Test func refusesToOverwrite() throws {
        let folder = try DemoShopFixture.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("taken.sqlite").path
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: (any Error).self) { try DemoShop.write(to: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("keep me".utf8))
    }

    @Test func hardRecordsExist() throws {
        let db = try DemoShopFixture.open()
        for rare in ["㵘", "䶮", "𠀾"] {
            #expect(try count(db, "SELECT count(*) FROM customers WHERE name LIKE '%\(rare)%' OR contact_person LIKE '%\(rare)%'") > 0, "\(rare)")
        }
        #expect(try count(db, """
            SELECT count(*) FROM work_orders o JOIN customers c ON c.id = o.customer_id
            WHERE c.contact_person GLOB '*[㵘䶮]*' OR c.contact_person LIKE '%𠀾%'
            """) > 0)
        #expect(try count(db, "SELECT count(*) FROM complaints WHERE length(description) >= 280") >= 3)
        #expect(try count(db, """
            SELECT count(*) FROM work_orders o JOIN machines m ON m.id = o.machine_id
            WHERE m.plate_no IS NULL AND o.appointment_id IS NULL AND o.valuables IS NULL
              AND NOT EXISTS (SELECT 1 FROM work_order_photos p WHERE p.work_order_id = o.id)
            """) > 0)
        #expect(try count(db, "SELECT count(*) FROM work_orders WHERE sender_name IS NULL") > 0)
        #expect(try count(db, """
            SELECT count(*) FROM settlements s WHERE discount_authoriser_id IS NULL
              AND (discount_fen > 0 OR EXISTS (SELECT 1 FROM work_order_lines WHERE work_order_id = s.work_order_id AND discount_fen > 0))
            """) > 0, "a discount nobody signed for, to show the refusal")
        #expect(try count(db, "SELECT count(*) FROM settlements WHERE discount_fen > 0 AND discount_authoriser_id IS NOT NULL") > 0)
    }

    @Test func complaintTimesMixMetAndMissedLimits() throws {
        let db = try DemoShopFixture.open()
        let handoff = "unixepoch(handed_at) - unixepoch(received_at)"
        #expect(try count(db, "SELECT count(*) FROM complaints WHERE \(handoff) < 300") > 100)
        #expect(try count(db, "SELECT count(*) FROM complaints WHERE \(handoff) = 300") > 0)
        #expect(try count(db, "SELECT count(*) FROM complaints WHERE \(handoff) > 300") > 20)
        let notify = "unixepoch(superior_notified_at) - unixepoch(cannot_handle_at)"
        #expect(try count(db, "SELECT count(*) FROM complaints WHERE \(notify) = 180") > 0)
        #expect(try count(db, "SELECT count(*) FROM complaints WHERE \(notify) > 180") > 0)
        #expect(try count(db, "SELECT count(*) FROM complaints WHERE substr(handed_at, 1, 10) <> substr(received_at, 1, 10)") > 0)
        #expect(try count(db, "SELECT count(*) FROM complaints WHERE escalated_at IS NOT NULL") > 0)
        #expect(try count(db, "SELECT count(*) FROM complaints WHERE substr(first_reply_at, 1, 10) <> substr(received_at, 1, 10)") > 0)
        #expect(try count(db, """
            SELECT count(*) FROM complaints
            WHERE substr(received_at, 1, 7) < coalesce(substr(resolved_at, 1, 7), '9999')
            """) > 10, "cases open at a month end")
        #expect(try count(db, "SELECT count(*) FROM complaints WHERE resolved_at IS NULL") > 0)
        #expect(try count(db, "SELECT count(*) FROM complaint_events WHERE kind = 'customer_update'") > 500)
        #expect(try count(db, "SELECT count(*) FROM three_guarantee_requests WHERE unixepoch(arranged_at) - unixepoch(received_at) > 7200") > 0)
        #expect(try count(db, "SELECT count(*) FROM three_guarantee_requests WHERE unixepoch(arranged_at) - unixepoch(received_at) <= 7200") > 0)
    }

    @Test func timesAreConsistent() throws {
        let db = try DemoShopFixture.open()
        let checks = [
            "SELECT count(*) FROM complaints WHERE handed_at < received_at OR assigned_at < handed_at OR first_reply_at < assigned_at",
            "SELECT count(*) FROM complaints WHERE superior_notified_at < cannot_handle_at OR resolved_at < received_at OR closed_at < resolved_at",
            "SELECT count(*) FROM complaints WHERE parts_ordered_at < parts_shortage_at OR parts_shipped_at < parts_ordered_at",
            "SELECT count(*) FROM complaints WHERE cannot_handle_at > resolved_at OR parts_shortage_at > resolved_at OR escalated_at > resolved_at",
            "SELECT count(*) FROM complaint_events e JOIN complaints c ON c.id = e.complaint_id WHERE e.at < c.received_at",
            "SELECT count(*) FROM work_orders WHERE work_started_at < arrived_at OR completed_at < work_started_at OR qc_passed_at < completed_at OR delivered_at < qc_passed_at",
            "SELECT count(*) FROM settlements s JOIN work_orders o ON o.id = s.work_order_id WHERE s.settled_at < o.qc_passed_at OR s.settled_at > o.delivered_at",
            "SELECT count(*) FROM warranty_claims WHERE decided_at < submitted_at OR reimbursed_at < decided_at",
            "SELECT count(*) FROM callback_attempts a JOIN callbacks c ON c.id = a.callback_id WHERE a.at < c.basis_at",
            "SELECT count(*) FROM three_guarantee_requests WHERE arranged_at < received_at OR checked_at < received_at",
            "SELECT count(*) FROM payments p JOIN work_orders o ON o.id = p.work_order_id WHERE p.paid_at < o.arrived_at",
        ]
        for sql in checks { #expect(try count(db, sql) == 0, "\(sql)") }
        let cutoff = "'2026-11-30T17:00:00+08:00'"
        for (table, column) in [("work_orders", "delivered_at"), ("complaints", "closed_at"), ("complaint_events", "at"),
                                ("callback_attempts", "at"), ("warranty_claim_events", "at"), ("payments", "paid_at")] {
            #expect(try count(db, "SELECT count(*) FROM \(table) WHERE \(column) > \(cutoff)") == 0, "\(table).\(column)")
        }
        #expect(try count(db, "SELECT count(*) FROM work_orders WHERE status IN ('received', 'quoted', 'approved', 'in_progress', 'completed')") > 5)
    }

    @Test func everyPhotoFileExists() throws {
        let db = try DemoShopFixture.open()
        let folder = try DemoShopFixture.demoFolder()
        let root = try #require(try db.rows("SELECT value FROM settings WHERE key = 'photo_root'").first?["value"]?.text)
        let paths = try db.rows("SELECT path FROM work_order_photos UNION ALL SELECT path FROM claim_photos").compactMap { $0["path"]?.text }
        #expect(paths.count > 500)
        var rotated = 0
        for path in paths {
            let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(root).appendingPathComponent(path)))
            #expect(bytes.starts(with: [0xFF, 0xD8]) && (15_000...70_000).contains(bytes.count), "\(path): \(bytes.count) bytes")
            if bytes.count > 10, Array(bytes[6..<10]) == Array("Exif".utf8) { rotated += 1 }
        }
        #expect(rotated > 3)
        #expect(try count(db, "SELECT count(*) FROM (SELECT claim_id, count(*) AS n FROM claim_photos GROUP BY claim_id) WHERE n NOT BETWEEN 2 AND 4") == 0)
        #expect(try count(db, "SELECT count(*) FROM warranty_claims c WHERE NOT EXISTS (SELECT 1 FROM claim_photos p WHERE p.claim_id = c.id)") == 0)
    }

    @Test func moneyIsStoredAsIntegers() throws {
        let db = try DemoShopFixture.open()
        let columns = try db.rows("""
            SELECT m.name AS tbl, p.name AS col FROM sqlite_schema m, pragma_table_info(m.name) p
            WHERE m.type = 'table' AND p.name LIKE '%\\_fen' ESCAPE '\\'
            """)
        #expect(columns.count > 20)
        for column in columns {
            let table = column["tbl"]!.text!, name = column["col"]!.text!
            #expect(try count(db, "SELECT count(*) FROM \(table) WHERE typeof(\(name)) NOT IN ('integer', 'null')") == 0, "\(table).\(name)")
        }
        #expect(try count(db, "SELECT count(*) FROM work_order_lines WHERE kind = 'labour' AND amount_fen <> (labour_hours_hundredths * labour_rate_fen + 50) / 100") == 0)
        #expect(try count(db, "SELECT count(*) FROM work_order_lines WHERE kind <> 'labour' AND amount_fen <> (quantity_milli * unit_price_fen + 500) / 1000") == 0)
    }

    @Test func foreignKeysAndIntegrityCheckClean() throws {
        let db = try DemoShopFixture.open()
        #expect(try db.rows("PRAGMA foreign_key_check").isEmpty)
        #expect(try db.rows("PRAGMA integrity_check").first?.values.first?.text == "ok")
    }

    private func relativeFiles(in folder: URL) throws -> [String] {
        let base = folder.standardizedFileURL.path + "/"
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        var files: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            if try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
                files.append(String(url.standardizedFileURL.path.dropFirst(base.count)))
            }
        }
        return files.sorted()
    }
}
