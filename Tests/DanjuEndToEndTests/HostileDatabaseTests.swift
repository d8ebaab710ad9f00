import DanjuDatabase
import Foundation
import Testing

/// A damaged, odd or busy `--db`: every case must end in one or two lines naming the file, what is wrong and what
/// to do (never SQLite's bare words, never danju's internal SQL, never a hang), write nothing, and leave the
/// database files (db, -wal, -shm, -journal) byte for byte as they were, with no new file beside them.

/// A folder of its own holding a copy of the demo shop (or whatever `make` puts at the path).
private struct Shop {
    let folder: String
    var database: String { folder + "/shop.sqlite" }

    init(copyDemo: Bool = true) throws {
        folder = newPath("hostile-db")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if copyDemo { try FileManager.default.copyItem(atPath: demoDatabase, toPath: database) }
    }

    /// Every file in the folder with its SHA-256 (a folder or FIFO by its kind, so nothing is opened).
    func state() throws -> [String: String] {
        var state: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            let path = folder + "/" + name
            let type = try FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType
            state[name] = type == .typeRegular ? try run("sha256sum", [path]).stdout.split(separator: " ").first.map(String.init) : "\(String(describing: type))"
        }
        return state
    }

    func remove() {
        _ = try? run("chattr", ["-i", folder])
        try? FileManager.default.removeItem(atPath: folder)
    }
}

/// Runs `danju render order-list` on `database` (killed after 30 s: a hang fails the test).
private func renderList(_ database: String, to output: String) throws -> Output {
    try run("timeout", ["30", danjuExecutable, "render", "order-list", "--db", database, "--param", "from=2026-11-01", "--param", "to=2026-11-30", "-o", output])
}

/// Renders from `shop` and checks the outcome: refused in one or two lines that mention every phrase of `mentions`
/// (or drawn, when `mentions` is nil), the files beside the database unchanged, no output and no temporary file.
@discardableResult
private func expectRefusal(_ shop: Shop, database: String? = nil, mentions: [String]?, sourceLocation: SourceLocation = #_sourceLocation) throws -> Output {
    let before = try shop.state()
    let outputs = newPath("hostile-out")
    try FileManager.default.createDirectory(atPath: outputs, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: outputs) }
    let result = try renderList(database ?? shop.database, to: outputs + "/list.pdf")
    #expect(try shop.state() == before, "the database's folder is byte for byte as it was", sourceLocation: sourceLocation)
    let written = try FileManager.default.contentsOfDirectory(atPath: outputs)
    guard let mentions else {
        #expect(result.status == 0, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(written == ["list.pdf"], sourceLocation: sourceLocation)
        return result
    }
    // A path with nothing there is a usage error (2); a file that is there but no readable shop database, a data error (3).
    let status: Int32 = result.stderr.contains(" does not exist.") ? 2 : 3
    #expect(result.status == status, "exit \(status), not a crash or a timeout (124): \(result.status) \(result.stderr)", sourceLocation: sourceLocation)
    #expect(written.isEmpty, "nothing written, no temporary file: \(written)", sourceLocation: sourceLocation)
    let lines = result.stderr.split(separator: "\n")
    #expect((1...2).contains(lines.count), "one or two lines: \(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.stderr.contains(database ?? shop.database), "names the file: \(result.stderr)", sourceLocation: sourceLocation)
    for phrase in mentions {
        #expect(result.stderr.contains(phrase), "mentions “\(phrase)”: \(result.stderr)", sourceLocation: sourceLocation)
    }
    #expect(!result.stderr.contains("SELECT") && !result.stderr.contains("CREATE"), "no SQL: \(result.stderr)", sourceLocation: sourceLocation)
    return result
}

// MARK: Not a database file

enum NotADatabase: String, CaseIterable, Sendable {
    case missing, empty, oneByte, randomBytes, pdf, folder, fifo, linkToFifo, device

    func make(at path: String) throws {
        switch self {
        case .missing: break
        case .empty: FileManager.default.createFile(atPath: path, contents: Data())
        case .oneByte: FileManager.default.createFile(atPath: path, contents: Data([0x53]))
        case .randomBytes: FileManager.default.createFile(atPath: path, contents: Data((0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }))
        case .pdf: FileManager.default.createFile(atPath: path, contents: Data("%PDF-1.4\n%âãÏÓ\n1 0 obj\n<< >>\nendobj\n".utf8))
        case .folder: try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        case .fifo: #expect(mkfifo(path, 0o644) == 0)
        case .linkToFifo:
            #expect(mkfifo(path + ".pipe", 0o644) == 0)
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: path + ".pipe")
        case .device: try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/dev/zero")
        }
    }

    var mentions: [String] {
        switch self {
        case .missing: ["does not exist", "Check the --db path"]
        case .empty: ["is empty (0 bytes)"]
        case .oneByte, .randomBytes, .pdf: ["is not an SQLite database", "Check the --db path"]
        case .folder: ["is a folder, not a database file"]
        case .fifo, .linkToFifo: ["is a FIFO (named pipe), not a regular file"]
        case .device: ["is a device, not a regular file"]
        }
    }
}

@Test(arguments: NotADatabase.allCases)
func aFileThatIsNoDatabaseIsNamedPlainly(_ kind: NotADatabase) throws {
    let shop = try Shop(copyDemo: false)
    defer { shop.remove() }
    try kind.make(at: shop.database)
    try expectRefusal(shop, mentions: kind.mentions)
}

// MARK: Cut short or damaged

enum FileDamage: String, CaseIterable, Sendable {
    case headerOnly, half, lastByteMissing, pageBoundary, pagesOverwritten, schemaPageOverwritten

    func apply(to path: String) throws {
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let page = 4_096
        switch self {
        case .headerOnly: bytes = bytes.prefix(60)
        case .half: bytes = bytes.prefix(bytes.count / 2 + 123)
        case .lastByteMissing: bytes = bytes.dropLast()
        case .pageBoundary: bytes = bytes.prefix(bytes.count / page / 3 * page)
        case .pagesOverwritten:
            // Every page after the first few: whatever a query reads, it meets garbage.
            for index in stride(from: 8 * page, to: bytes.count, by: 7) { bytes[index] ^= 0xA5 }
        case .schemaPageOverwritten:
            for index in 100..<page { bytes[index] = UInt8(truncatingIfNeeded: index &* 31) }
        }
        try bytes.write(to: URL(fileURLWithPath: path))
    }

    var mentions: [String] {
        switch self {
        case .headerOnly, .half, .lastByteMissing, .pageBoundary: ["is cut short", "backup"]
        case .pagesOverwritten, .schemaPageOverwritten: ["is damaged", "backup"]
        }
    }
}

@Test(arguments: FileDamage.allCases)
func aCutOrDamagedDatabaseIsNamedPlainly(_ damage: FileDamage) throws {
    let shop = try Shop()
    defer { shop.remove() }
    try damage.apply(to: shop.database)
    try expectRefusal(shop, mentions: damage.mentions)
}

// MARK: Not this schema

@Test(arguments: [(0, "not a shop database"), (1, "has schema version 1; this danju reads schema version \(Schema.version)"),
                  (Schema.version + 1, "has schema version \(Schema.version + 1), newer than this danju knows (version \(Schema.version))")])
func aDatabaseOfAnotherSchemaVersionNamesBothVersions(version: Int, says: String) throws {
    let shop = try Shop()
    defer { shop.remove() }
    try Database(path: shop.database, mode: .readWrite(create: false)).setUserVersion(version)
    let result = try expectRefusal(shop, mentions: [says])
    #expect(version == 0 || result.stderr.contains("version \(Schema.version)"))
}

@Test func anEmptySQLiteDatabaseAndOneWithoutTheShopTablesAreNamed() throws {
    let empty = try Shop(copyDemo: false)
    defer { empty.remove() }
    try Database(path: empty.database, mode: .readWrite(create: true)).execute("CREATE TABLE t(x); DROP TABLE t")
    try expectRefusal(empty, mentions: ["is an empty SQLite database"])

    let gutted = try Shop()
    defer { gutted.remove() }
    try Database(path: gutted.database, mode: .readWrite(create: false)).execute("PRAGMA foreign_keys = OFF; DROP TABLE settings")
    try expectRefusal(gutted, mentions: ["has schema version \(Schema.version) but not its tables", "no such table: settings"])
}

// MARK: Locked, unfinished, busy

@Test func aDatabaseLockedByAWriterIsNamedAfterAWaitNotAHang() throws {
    let shop = try Shop()
    defer { shop.remove() }
    let writer = try Database(path: shop.database, mode: .readWrite(create: false))
    try writer.execute("BEGIN EXCLUSIVE; UPDATE settings SET value = 'x' WHERE key = 'shop_phone'")
    let start = Date()
    try expectRefusal(shop, mentions: ["is locked by another program", "Try again"])
    #expect(Date().timeIntervalSince(start) < 20)
    try writer.execute("ROLLBACK")
}

@Test func aWriterInTheMiddleOfATransactionDoesNotStopAReader() throws {
    // A writer holding only its RESERVED lock (changes in its cache, not yet committing): readers go on, and see
    // the database as last committed.
    let shop = try Shop()
    defer { shop.remove() }
    let writer = try Database(path: shop.database, mode: .readWrite(create: false))
    try writer.execute("BEGIN IMMEDIATE; UPDATE settings SET value = '改了没提交' WHERE key = 'shop_address'")
    let output = newPath("reader.pdf")
    defer { try? FileManager.default.removeItem(atPath: output) }
    let result = try renderList(shop.database, to: output)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try !compactText(output).contains("改了没提交"))
    try writer.execute("ROLLBACK")
}

/// A copy of the shop taken while a writer was half way through saving: the database file partly overwritten,
/// its rollback journal (hot) beside it.
@Test func anUnfinishedSaveIsRefusedAndNotRepaired() throws {
    let source = try Shop()
    defer { source.remove() }
    let shop = try Shop(copyDemo: false)
    defer { shop.remove() }
    let writer = try Database(path: source.database, mode: .readWrite(create: false))
    try writer.execute("PRAGMA cache_size = 5; BEGIN; UPDATE work_orders SET complaint = complaint || '。'")
    try FileManager.default.copyItem(atPath: source.database, toPath: shop.database)
    try FileManager.default.copyItem(atPath: source.database + "-journal", toPath: shop.database + "-journal")
    try writer.execute("ROLLBACK")
    try expectRefusal(shop, mentions: ["has an unfinished save", "-journal", "rolls the unfinished save back"])
}

// MARK: Write-ahead log

/// The shop switched to WAL mode and closed cleanly: only the database file is there.
private func walShop() throws -> Shop {
    let shop = try Shop()
    try Database(path: shop.database, mode: .readWrite(create: false)).execute("PRAGMA journal_mode = WAL")
    #expect(try FileManager.default.contentsOfDirectory(atPath: shop.folder) == ["shop.sqlite"])
    return shop
}

/// Makes `folder` impossible to write in, even for root (which ignores permissions): the immutable attribute.
private func makeReadOnly(_ folder: String) throws {
    if getuid() == 0 {
        let result = try run("chattr", ["+i", folder])
        try #require(result.status == 0, "chattr +i: \(result.stderr)")
    } else {
        #expect(chmod(folder, 0o555) == 0)
    }
    #expect(!FileManager.default.createFile(atPath: folder + "/probe", contents: nil), "the folder is read-only")
}

/// In a folder it may write, a reader among possible writers needs SQLite's locking: SQLite creates the index
/// (-shm) and an empty log (-wal) beside the file, as any SQLite reader does. The database file is untouched.
@Test func aCleanWALDatabaseIsReadWithSQLiteLockingAndItsFileUntouched() throws {
    let shop = try walShop()
    defer { shop.remove() }
    let before = try shop.state()
    let output = newPath("clean-wal.pdf")
    defer { try? FileManager.default.removeItem(atPath: output) }
    let result = try renderList(shop.database, to: output)
    #expect(result.status == 0, "\(result.stderr)")
    let after = try shop.state()
    #expect(after["shop.sqlite"] == before["shop.sqlite"])
    #expect(Set(after.keys).subtracting(["shop.sqlite-wal", "shop.sqlite-shm"]) == Set(before.keys))
    #expect(try FileManager.default.attributesOfItem(atPath: shop.database + "-wal")[.size] as? Int ?? 0 == 0, "an empty log")
}

@Test func aWALDatabaseInAReadOnlyFolderIsStillRead() throws {
    let shop = try walShop()
    defer { shop.remove() }
    try makeReadOnly(shop.folder)
    let result = try expectRefusal(shop, mentions: nil)
    #expect(!result.stderr.contains("warning") && !result.stderr.contains("error"), "\(result.stderr)")
}

/// A writer has committed to the log and keeps its connection open (its -wal and -shm beside the file): danju sees
/// the committed change and writes neither file, in a writable folder and in one made read-only meanwhile.
@Test(arguments: [false, true])
func aLiveWriterLogIsReadButNeverWritten(readOnlyFolder: Bool) throws {
    let shop = try walShop()
    defer { shop.remove() }
    let writer = try Database(path: shop.database, mode: .readWrite(create: false))
    try writer.execute("PRAGMA wal_autocheckpoint = 0; UPDATE settings SET value = '新地址（已提交）' WHERE key = 'shop_address'")
    #expect(FileManager.default.fileExists(atPath: shop.database + "-wal") && FileManager.default.fileExists(atPath: shop.database + "-shm"))
    if readOnlyFolder { try makeReadOnly(shop.folder) }
    let before = try shop.state()
    let output = newPath("wal.pdf")
    defer { try? FileManager.default.removeItem(atPath: output) }
    let result = try renderList(shop.database, to: output)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try compactText(output).contains("新地址（已提交）"), "the committed change in the log is read")
    #expect(try shop.state() == before, "db, -wal and -shm byte for byte as they were")
    withExtendedLifetime(writer) {}
}

@Test func aLogWithoutItsIndexInAFolderDanjuMayNotWriteIsNamed() throws {
    // The writer's -shm is gone (deleted by hand, or a copy without it) while its -wal still holds commits.
    let source = try walShop()
    defer { source.remove() }
    let writer = try Database(path: source.database, mode: .readWrite(create: false))
    try writer.execute("PRAGMA wal_autocheckpoint = 0; UPDATE settings SET value = 'x' WHERE key = 'shop_address'")
    let shop = try Shop(copyDemo: false)
    defer { shop.remove() }
    try FileManager.default.copyItem(atPath: source.database, toPath: shop.database)
    try FileManager.default.copyItem(atPath: source.database + "-wal", toPath: shop.database + "-wal")
    withExtendedLifetime(writer) {}
    try makeReadOnly(shop.folder)
    try expectRefusal(shop, mentions: ["-wal but no index file", "Open the database once with the shop system"])
}

@Test func checkSpeaksAsPlainlyAsRender() throws {
    let shop = try Shop(copyDemo: false)
    defer { shop.remove() }
    FileManager.default.createFile(atPath: shop.database, contents: Data())
    let result = try danju("check", "order-list", "--db", shop.database)
    #expect(result.status == 3)
    #expect(result.stderr.contains("\(shop.database) is empty (0 bytes)") && result.stderr.split(separator: "\n").count == 2, "\(result.stderr)")
}
