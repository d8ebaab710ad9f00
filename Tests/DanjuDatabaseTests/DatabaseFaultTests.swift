@testable import DanjuDatabase
import Foundation
import Testing

/// A database file made here: a table of a few rows, in WAL mode and closed, so only the file remains, in a
/// folder then made read-only (for root too: the immutable attribute). `done` makes it removable again.
private func cleanWALDatabaseInReadOnlyFolder() throws -> (path: String, done: () -> Void) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("danju-fault-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let path = folder + "/shop.sqlite"
    try Database(path: path, mode: .readWrite(create: true)).execute("PRAGMA journal_mode = WAL; CREATE TABLE t(x TEXT); INSERT INTO t VALUES ('a'), ('b')")
    let attribute = Process()
    attribute.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
    attribute.arguments = ["+i", folder]
    if getuid() == 0 { try attribute.run(); attribute.waitUntilExit() } else { chmod(folder, 0o555) }
    return (path, {
        let undo = Process()
        undo.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        undo.arguments = ["-i", folder]
        if getuid() == 0 { try? undo.run(); undo.waitUntilExit() } else { chmod(folder, 0o755) }
        try? FileManager.default.removeItem(atPath: folder)
    })
}

@Test func aCleanWALFileInAReadOnlyFolderIsReadImmutable() throws {
    let (path, done) = try cleanWALDatabaseInReadOnlyFolder()
    defer { done() }
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    #expect(!FileManager.default.createFile(atPath: folder + "/probe", contents: nil), "the folder is read-only")
    let reader = try Database(path: path, mode: .readOnly)
    #expect(try reader.rows("SELECT count(*) AS n FROM t").first?["n"] == .integer(2))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["shop.sqlite"])
}

/// Read without locks, a file another program writes to meanwhile must not pass as one snapshot: the read
/// transaction fails, naming what happened.
@Test func aFileChangedDuringAnImmutableReadFailsTheRead() throws {
    let (path, done) = try cleanWALDatabaseInReadOnlyFolder()
    defer { done() }
    let reader = try Database(path: path, mode: .readOnly)
    #expect(throws: Never.self) { try reader.transaction { _ = try reader.rows("SELECT * FROM t") } }
    do {
        try reader.transaction {
            _ = try reader.rows("SELECT * FROM t")
            // Another program (a user allowed to write there) saves: the database file itself changes.
            let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(repeating: 0, count: 4_096))
            try handle.close()
        }
        Issue.record("the read went through although the file changed under it")
    } catch let fault as DatabaseFault {
        #expect(fault.kind == .changedWhileReading)
        #expect(fault.description.contains("changed while danju was reading it") && fault.description.contains("Run again"), "\(fault)")
    }
}

@Test func textAfterANULIsReadAndBoundWhole() throws {
    let db = try Database(path: ":memory:", mode: .readWrite(create: true))
    try db.execute("CREATE TABLE t(x TEXT)")
    let value = "前\u{0}后\u{0}"
    try db.prepare("INSERT INTO t VALUES (?)").run([.text(value)])
    #expect(try db.rows("SELECT x, length(CAST(x AS BLOB)) AS bytes FROM t").first?["x"] == .text(value))
    #expect(try db.rows("SELECT length(CAST(x AS BLOB)) AS bytes FROM t").first?["bytes"] == .integer(Int64(value.utf8.count)))
}

@Test func aQueryIsOneStatementAndWritingIsSeen() throws {
    let db = try Database(path: ":memory:", mode: .readWrite(create: true))
    try db.execute("CREATE TABLE t(x)")
    #expect(throws: DatabaseError.self) { try db.prepare("SELECT 1; DELETE FROM t") }
    #expect(try db.prepare("SELECT 1; -- a comment\n").isReadOnly)
    #expect(try !db.prepare("DELETE FROM t").isReadOnly)
    #expect(try !db.prepare("VACUUM INTO '/tmp/never.sqlite'").isReadOnly)
}
