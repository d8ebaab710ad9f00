import DanjuDatabase
import Foundation
import Testing

// Hostile output: every way a clerk (or a script) can point danju's output at something that must not be
// replaced, cut a run short, or feed a batch rows that would overwrite each other. Every refused run is held to
// the same promises (`expectRefused`): the exit status, a message naming the problem, no crash, no file and no
// temporary file left, every file that was there unchanged, and the shop's database files byte-identical.

// MARK: - A world of its own

/// A private copy of the demo shop: its database, and its photo folder as hard links to the demo's photos (a
/// rename over one of them replaces the link, never the demo's file).
private struct Shop: Sendable {
    let folder: String
    let database: String
    let photos: String
    /// One photo, as the shop's rows name it.
    let photo: String

    /// The shop's database files: the file and the journals SQLite keeps beside it.
    var databaseFiles: [String] { [database, database + "-wal", database + "-shm", database + "-journal"] }
}

private let shop: Shop = {
    let folder = newPath("hostile-shop")
    try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let database = folder + "/shop.sqlite"
    try! FileManager.default.copyItem(atPath: demoDatabase, toPath: database)
    let root = try! demoRows("SELECT value FROM settings WHERE key = 'photo_root'")[0]["value"]!.text!
    try! run("cp", ["-al", demoFolder + "/" + root, folder + "/" + root])
    let photo = try! demoRows("SELECT path FROM work_order_photos ORDER BY id LIMIT 1")[0]["path"]!.text!
    return Shop(folder: folder, database: database, photos: folder + "/" + root, photo: folder + "/" + root + "/" + photo)
}()

/// A danju folder of its own: copies of the templates and of fonts.conf (a failed guard could only replace
/// those), its fonts linked to the shared converted faces as the project's own folder is.
private let home: String = {
    let home = newPath("hostile-home")
    try! FileManager.default.createDirectory(atPath: home + "/fonts/build", withIntermediateDirectories: true)
    try! run("cp", ["-r", packageRoot + "/templates", home + "/templates"])
    try! run("cp", [packageRoot + "/fonts/fonts.conf", home + "/fonts/fonts.conf"])
    let faces = URL(fileURLWithPath: packageRoot + "/fonts/build/fonts").resolvingSymlinksInPath().path
    try! run("ln", ["-s", faces, home + "/fonts/build/fonts"])
    return home
}()

private let order = try! demoRows("SELECT order_no FROM work_orders ORDER BY arrived_at DESC, id DESC LIMIT 1")[0]["order_no"]!.text!

/// A new empty folder for one test's files.
private func scratch(_ name: String) -> String {
    let folder = newPath(name)
    try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
}

/// How a run ended.
private struct Ending {
    let status: Int32
    /// Killed by a signal it did not handle: a Swift trap, a crash, or a signal danju should have caught.
    let killedBy: Int32?
    let stdout: Data
    let stderr: String
}

/// Runs danju from `folder` with DANJU_HOME set to the private home and `environment` added. With `whileRunning`,
/// that is called with the process once it has started (to signal it) before the run is awaited.
private func launch(_ arguments: [String], in folder: String? = nil, environment: [String: String] = [:],
                    whileRunning: ((Process) throws -> Void)? = nil) throws -> Ending {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: danjuExecutable)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: folder ?? packageRoot)
    process.environment = ProcessInfo.processInfo.environment.merging(["DANJU_HOME": home].merging(environment) { $1 }) { $1 }
    let streams = FileManager.default.temporaryDirectory.appendingPathComponent("danju-hostile-\(UUID().uuidString)")
    let out = streams.appendingPathExtension("out"), err = streams.appendingPathExtension("err")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    _ = FileManager.default.createFile(atPath: err.path, contents: nil)
    defer {
        try? FileManager.default.removeItem(at: out)
        try? FileManager.default.removeItem(at: err)
    }
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = try FileHandle(forWritingTo: err)
    try process.run()
    if let whileRunning {
        do { try whileRunning(process) } catch {
            process.terminate()
            process.waitUntilExit()
            throw error
        }
    }
    process.waitUntilExit()
    let signalled = process.terminationReason == .uncaughtSignal
    return Ending(status: signalled ? -1 : process.terminationStatus, killedBy: signalled ? process.terminationStatus : nil,
                  stdout: try Data(contentsOf: out), stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
}

/// What is at `path` now, in a form to compare: the SHA-256 of a regular file's bytes, a link's target, a
/// device's number, a folder's entries with their states, or absent. Never opens a FIFO or a device.
private func state(_ path: String) throws -> String {
    var status = stat()
    guard lstat(path, &status) == 0 else { return "absent" }
    switch status.st_mode & S_IFMT {
    case S_IFREG: return "file " + (try run("sha256sum", [path]).stdout.prefix(64))
    case S_IFLNK: return "link → " + (try FileManager.default.destinationOfSymbolicLink(atPath: path))
    case S_IFCHR: return "character device \(status.st_rdev)"
    case S_IFIFO: return "FIFO"
    case S_IFDIR:
        let entries = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        return "folder [" + (try entries.map { "\($0): \(try state(path + "/" + $0))" }.joined(separator: ", ")) + "]"
    default: return "mode \(status.st_mode)"
    }
}

private func states(_ paths: [String]) throws -> [String: String] {
    Dictionary(try paths.map { ($0, try state($0)) }, uniquingKeysWith: { first, _ in first })
}

/// danju's temporary files (`.NAME.PID-XXXXXXXX.tmp`) below `folder`.
private func temporaryFiles(in folder: String) -> [String] {
    let all = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []
    return all.filter { URL(fileURLWithPath: $0).lastPathComponent.hasPrefix(".") && $0.hasSuffix(".tmp") }
}

/// Runs danju with `arguments` and holds it to the promises of a refused run: `status`, a message on stderr
/// with every one of `mentions`, no crash, nothing on stdout, no temporary file in `folder`, each of `watched`
/// as it was (absent ones still absent), and the shop's database files byte-identical.
@discardableResult
private func expectRefused(_ arguments: [String], status: Int32 = 2, mentions: [String], folder: String, watched: [String] = [],
                           environment: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation) throws -> Ending {
    let guarded = watched + shop.databaseFiles
    let before = try states(guarded)
    let ending = try launch(arguments, in: folder, environment: environment)
    #expect(ending.killedBy == nil, "danju died of signal \(ending.killedBy ?? 0): \(ending.stderr)", sourceLocation: sourceLocation)
    #expect(ending.status == status, "exit status \(ending.status): \(ending.stderr)", sourceLocation: sourceLocation)
    for words in mentions {
        #expect(ending.stderr.contains(words), "the message should say “\(words)”: \(ending.stderr)", sourceLocation: sourceLocation)
    }
    #expect(ending.stdout.isEmpty, "nothing on standard output", sourceLocation: sourceLocation)
    #expect(temporaryFiles(in: folder).isEmpty, "temporary files left: \(temporaryFiles(in: folder))", sourceLocation: sourceLocation)
    let after = try states(guarded)
    for path in guarded where before[path] != after[path] {
        Issue.record("\(path) changed: \(before[path]!) → \(after[path]!)", sourceLocation: sourceLocation)
    }
    return ending
}

private func render(_ output: String, _ extra: String...) -> [String] {
    ["render", "intake-sheet", "--db", shop.database, "--param", "order=\(order)", "-o", output] + extra
}

// MARK: - The output target can destroy data

/// A target that is one of the run's inputs, however it is spelt; made in `folder` by `make`, with the words
/// the refusal must say.
struct InputTarget: Sendable, CustomTestStringConvertible {
    let testDescription: String
    let mentions: [String]
    let make: @Sendable (_ folder: String) throws -> String
}

private let inputTargets: [InputTarget] = [
    InputTarget(testDescription: "the database", mentions: ["refusing to write", "it is the shop database"]) { _ in shop.database },
    InputTarget(testDescription: "the database spelt another way", mentions: ["refusing to write", "it is the shop database"]) { folder in
        "\(folder)/../\(URL(fileURLWithPath: shop.folder).lastPathComponent)/./shop.sqlite"
    },
    InputTarget(testDescription: "a hard link to the database", mentions: ["refusing to write", "it is the shop database"]) { folder in
        try FileManager.default.linkItem(atPath: shop.database, toPath: folder + "/copy.sqlite")
        return folder + "/copy.sqlite"
    },
    InputTarget(testDescription: "a symbolic link to the database", mentions: ["refusing to write", "it is the shop database"]) { folder in
        try FileManager.default.createSymbolicLink(atPath: folder + "/link.pdf", withDestinationPath: shop.database)
        return folder + "/link.pdf"
    },
    InputTarget(testDescription: "the database's rollback journal", mentions: ["refusing to write", "it is the shop database's rollback journal"]) { _ in shop.database + "-journal" },
    InputTarget(testDescription: "the database's write-ahead log", mentions: ["refusing to write", "it is the shop database's write-ahead log"]) { _ in shop.database + "-wal" },
    InputTarget(testDescription: "the database's shared-memory index", mentions: ["refusing to write", "it is the shop database's shared-memory index"]) { _ in shop.database + "-shm" },
    InputTarget(testDescription: "a template", mentions: ["it is the template"]) { _ in home + "/templates/intake-sheet.yaml" },
    InputTarget(testDescription: "a new file among the templates", mentions: ["it is in the templates folder"]) { _ in home + "/templates/out.pdf" },
    InputTarget(testDescription: "the fonts configuration", mentions: ["it is in the fonts folder"]) { _ in home + "/fonts/fonts.conf" },
    InputTarget(testDescription: "a new file among the converted fonts", mentions: ["it is in the font cache"]) { _ in home + "/fonts/build/fonts/out.pdf" },
    InputTarget(testDescription: "a hard link to a font, elsewhere", mentions: ["refusing to replace", "it is a font, not a document danju wrote"]) { folder in
        let face = try #require(try FileManager.default.contentsOfDirectory(atPath: home + "/fonts/build/fonts").first { $0.hasSuffix(".ttf") })
        try FileManager.default.linkItem(atPath: URL(fileURLWithPath: home + "/fonts/build/fonts/" + face).resolvingSymlinksInPath().path,
                                         toPath: folder + "/face.ttf")
        return folder + "/face.ttf"
    },
    InputTarget(testDescription: "a photo", mentions: ["it is in the photo folder"]) { _ in shop.photo },
    InputTarget(testDescription: "a new file in the photo folder", mentions: ["it is in the photo folder"]) { _ in shop.photos + "/out.pdf" },
    InputTarget(testDescription: "a hard link to a photo, elsewhere", mentions: ["refusing to replace", "it is a JPEG photo, not a document danju wrote"]) { folder in
        try FileManager.default.linkItem(atPath: shop.photo, toPath: folder + "/photo.jpg")
        return folder + "/photo.jpg"
    },
]

@Test(arguments: inputTargets)
func aTargetThatIsAnInputIsRefused(_ target: InputTarget) throws {
    let folder = scratch("input-target")
    let path = try target.make(folder)
    try expectRefused(render(path), mentions: target.mentions, folder: folder, watched: [path])
}

@Test func theTemplateGivenByPathIsRefusedAsATarget() throws {
    let folder = scratch("template-target")
    let template = folder + "/my-sheet.yaml"
    try FileManager.default.copyItem(atPath: home + "/templates/intake-sheet.yaml", toPath: template)
    try expectRefused(["render", template, "--db", shop.database, "--param", "order=\(order)", "-o", template],
                      mentions: ["it is the template"], folder: folder, watched: [template])
    let printers = folder + "/printers.yaml"
    try "laser: {x: 0, y: 0}\n".write(toFile: printers, atomically: true, encoding: .utf8)
    try expectRefused(render(printers, "--preprinted", "laser", "--printers", printers),
                      mentions: ["it is the printer calibrations"], folder: folder, watched: [printers])
}

/// Every command that writes keeps the same rule: a batch (combined or into a folder), the claim package, the
/// calibration page.
@Test func everyCommandThatWritesRefusesTheDatabase() throws {
    let folder = scratch("commands")
    let each = "SELECT order_no AS \"order\" FROM work_orders ORDER BY id DESC LIMIT 3"
    try expectRefused(["batch", "intake-sheet", "--db", shop.database, "--each", each, "-o", shop.database],
                      mentions: ["the shop database"], folder: folder)
    try expectRefused(["batch", "intake-sheet", "--db", shop.database, "--each", each, "-o", shop.database + "/"],
                      mentions: ["is a regular file, not a folder"], folder: folder)
    try expectRefused(["batch", "intake-sheet", "--db", shop.database, "--each", each, "-o", shop.photos + "/batch/"],
                      mentions: ["photo folder"], folder: folder, watched: [shop.photos + "/batch"])
    let claim = try #require(try demoRows("""
        SELECT m.code, c.claim_month FROM warranty_claims c JOIN manufacturers m ON m.id = c.manufacturer_id
        WHERE c.status NOT IN ('未提报', '作废', '放弃提报') LIMIT 1
        """).first)
    try expectRefused(["package", "--maker", claim["code"]!.text!, "--month", claim["claim_month"]!.text!, "--db", shop.database,
                       "-o", shop.database + "-journal"], mentions: ["rollback journal"], folder: folder)
    try expectRefused(["calibrate", "-o", home + "/fonts/fonts.conf"], mentions: ["fonts folder"], folder: folder,
                      watched: [home + "/fonts/fonts.conf"])
}

/// A shop in WAL mode with its -wal file present (its last writer died without a checkpoint): neither it nor the
/// database may be replaced. (A reader may rewrite -shm, SQLite's shared index, so only its kind is checked.)
@Test func aWALDatabaseAndItsLogAreRefused() throws {
    let folder = scratch("wal")
    let database = folder + "/wal.sqlite"
    try FileManager.default.copyItem(atPath: shop.database, toPath: database)
    try run("ln", ["-s", shop.photos, folder + "/" + URL(fileURLWithPath: shop.photos).lastPathComponent])
    try run("python3", ["-c", """
        import os, sqlite3
        db = sqlite3.connect('\(database)')
        db.execute('PRAGMA journal_mode = WAL')
        db.execute("UPDATE settings SET description = description WHERE key = 'photo_root'")
        db.commit()
        os._exit(0)
        """])
    #expect(FileManager.default.fileExists(atPath: database + "-wal"))
    for target in [database, database + "-wal", database + "-shm"] {
        let before = try states([database, database + "-wal"])
        let ending = try launch(["render", "intake-sheet", "--db", database, "--param", "order=\(order)", "-o", target], in: folder)
        #expect(ending.status == 2 && ending.killedBy == nil && ending.stderr.contains("refusing to write"), "\(ending.stderr)")
        #expect(try states([database, database + "-wal"]) == before, "\(target)")
        #expect(!(FileManager.default.contents(atPath: database + "-shm") ?? Data()).starts(with: Array("%PDF".utf8)))
        #expect(temporaryFiles(in: folder).isEmpty)
    }
}

/// What is not a regular file is never replaced: `-o /dev/null` run as root would replace the device node.
struct SpecialTarget: Sendable, CustomTestStringConvertible {
    let testDescription: String
    let mentions: String
    let make: @Sendable (_ folder: String) throws -> String
}

private let specialTargets: [SpecialTarget] = [
    SpecialTarget(testDescription: "a device node", mentions: "it is a character device") { folder in
        // The same device as /dev/null, in a folder of the test's own.
        try run("mknod", [folder + "/null", "c", "1", "3"])
        return folder + "/null"
    },
    SpecialTarget(testDescription: "a symbolic link to a device", mentions: "it is a symbolic link") { folder in
        try FileManager.default.createSymbolicLink(atPath: folder + "/null", withDestinationPath: "/dev/null")
        return folder + "/null"
    },
    SpecialTarget(testDescription: "a link like /dev/stdout", mentions: "it is a symbolic link") { folder in
        try FileManager.default.createSymbolicLink(atPath: folder + "/stdout", withDestinationPath: "/proc/self/fd/1")
        return folder + "/stdout"
    },
    SpecialTarget(testDescription: "a symbolic link to a PDF", mentions: "it is a symbolic link") { folder in
        try Data("%PDF-1.5 an earlier sheet".utf8).write(to: URL(fileURLWithPath: folder + "/old.pdf"))
        try FileManager.default.createSymbolicLink(atPath: folder + "/sheet.pdf", withDestinationPath: "old.pdf")
        return folder + "/sheet.pdf"
    },
    SpecialTarget(testDescription: "a FIFO", mentions: "it is a FIFO") { folder in
        try run("mkfifo", [folder + "/pipe"])
        return folder + "/pipe"
    },
    SpecialTarget(testDescription: "a folder", mentions: "it is a folder") { folder in
        try FileManager.default.createDirectory(atPath: folder + "/sheets", withIntermediateDirectories: false)
        try Data("%PDF-1.5".utf8).write(to: URL(fileURLWithPath: folder + "/sheets/a.pdf"))
        return folder + "/sheets"
    },
    SpecialTarget(testDescription: "a folder, with a slash", mentions: "names a folder") { folder in folder + "/" },
    SpecialTarget(testDescription: "someone's text file", mentions: "it is neither a PDF nor a PNG") { folder in
        try "the shop's price list\n".write(toFile: folder + "/prices.pdf", atomically: true, encoding: .utf8)
        return folder + "/prices.pdf"
    },
    SpecialTarget(testDescription: "another shop's database", mentions: "it is an SQLite database") { folder in
        try FileManager.default.copyItem(atPath: shop.database, toPath: folder + "/other-shop.pdf")
        return folder + "/other-shop.pdf"
    },
]

@Test(arguments: specialTargets)
func aTargetThatIsNotADocumentIsNeverReplaced(_ target: SpecialTarget) throws {
    let folder = scratch("special-target")
    let path = try target.make(folder)
    try expectRefused(render(path), mentions: [target.mentions], folder: folder, watched: [folder])
}

@Test func aPDFOrAnEmptyFileIsReplacedAsBefore() throws {
    let folder = scratch("replace")
    let pdf = folder + "/sheet.pdf", empty = folder + "/empty.pdf"
    try Data("%PDF-1.5 an earlier sheet".utf8).write(to: URL(fileURLWithPath: pdf))
    _ = FileManager.default.createFile(atPath: empty, contents: nil)
    for path in [pdf, empty] {
        let ending = try launch(render(path), in: folder)
        #expect(ending.status == 0, "\(ending.stderr)")
        #expect(try compactText(path).contains(order))
    }
    #expect(temporaryFiles(in: folder).isEmpty)
}

// MARK: - Standard output

@Test func dashWritesTheDocumentToStandardOutput() throws {
    let folder = scratch("stdout")
    let file = folder + "/sheet.pdf"
    #expect(try launch(render(file), in: folder).status == 0)
    let piped = try launch(render("-"), in: folder, environment: ["TMPDIR": folder])
    #expect(piped.status == 0, "\(piped.stderr)")
    #expect(piped.stdout == (try Data(contentsOf: URL(fileURLWithPath: file))), "the same bytes as -o sheet.pdf")

    let png = folder + "/sheet.png"
    #expect(try launch(render(png, "--format", "png"), in: folder).status == 0)
    let pipedPNG = try launch(render("-", "--format", "png"), in: folder, environment: ["TMPDIR": folder])
    #expect(pipedPNG.status == 0, "\(pipedPNG.stderr)")
    #expect(pipedPNG.stdout == (try Data(contentsOf: URL(fileURLWithPath: png))), "the same bytes as -o sheet.png")

    let day = "SELECT order_no AS \"order\" FROM work_orders ORDER BY id DESC LIMIT 3"
    let batch = try launch(["batch", "intake-sheet", "--db", shop.database, "--each", day, "-o", "-"], in: folder, environment: ["TMPDIR": folder])
    #expect(batch.status == 0, "\(batch.stderr)")
    try batch.stdout.write(to: URL(fileURLWithPath: folder + "/batch.pdf"))
    #expect(try pdfInfo(folder + "/batch.pdf")["Pages"] == "3")
    #expect(temporaryFiles(in: folder).isEmpty)
}

/// A PNG set cannot go to standard output: a document of several pages is refused, having written nothing.
/// A document that fails writes nothing there either.
@Test func standardOutputGetsAWholeDocumentOrNothing() throws {
    let folder = scratch("stdout-refused")
    let settled = try printableSettlementOrder()
    try expectRefused(["render", "settlement", "--db", shop.database, "--param", "order=\(settled)", "-o", "-", "--format", "png"],
                      mentions: ["PNG to standard output (-o -) takes one page"], folder: folder, environment: ["TMPDIR": folder])
    try expectRefused(["render", "intake-sheet", "--db", shop.database, "--param", "order=NO-SUCH-ORDER", "-o", "-"],
                      mentions: ["found no row"], folder: folder, environment: ["TMPDIR": folder])
}


// MARK: - A batch into a folder refuses names that collide

@Test func aBatchRefusesRowsWhoseFilesWouldCollide() throws {
    let parent = scratch("collide")
    let folder = parent + "/sheets"
    // Two orders that differ only by "/" and "_", and a real order that repeats.
    let each = """
        SELECT '\(order)' AS "order" UNION ALL SELECT 'AB/1' UNION ALL SELECT 'AB_1' UNION ALL SELECT '\(order)'
        """
    try expectRefused(["batch", "intake-sheet", "--db", shop.database, "--each", each, "-o", folder + "/"],
                      mentions: ["nothing was written", "--each rows 2 (order=AB/1) and 3 (order=AB_1) would both be written to intake-sheet-AB_1.pdf",
                                 "--each row 4 repeats row 1 (order=\(order))"],
                      folder: parent, watched: [folder])
    // Into a folder with last week's sheets: they stay as they were.
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
    try Data("%PDF-1.5 last week".utf8).write(to: URL(fileURLWithPath: "\(folder)/intake-sheet-\(order).pdf"))
    try expectRefused(["batch", "intake-sheet", "--db", shop.database, "--each", each, "-o", folder + "/"],
                      mentions: ["would both be written"], folder: parent, watched: [folder])
    // A row without a value to name its file.
    try expectRefused(["batch", "intake-sheet", "--db", shop.database, "--each", "SELECT '\(order)' AS \"order\" UNION ALL SELECT NULL",
                       "-o", folder + "/"], mentions: ["--each row 2 (order=) has no order to name its file"], folder: parent, watched: [folder])
}

// MARK: - Partial output

/// A PNG set whose last page cannot be written (a folder has its name) leaves no page at all, and the page an
/// earlier run wrote stays as it was.
@Test func aPNGSetThatFailsLeavesNoPage() throws {
    let folder = scratch("png-set")
    let settled = try printableSettlementOrder()
    let pdf = folder + "/settlement.pdf"
    #expect(try launch(["render", "settlement", "--db", shop.database, "--param", "order=\(settled)", "-o", pdf], in: folder).status == 0)
    let pages = try #require(Int(try pdfInfo(pdf)["Pages"] ?? ""))
    try #require(pages > 1)
    try FileManager.default.createDirectory(atPath: "\(folder)/page-\(pages).png", withIntermediateDirectories: false)
    try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]).write(to: URL(fileURLWithPath: folder + "/page-1.png"))
    try expectRefused(["render", "settlement", "--db", shop.database, "--param", "order=\(settled)", "-o", folder + "/page.png",
                       "--format", "png"], mentions: ["page-\(pages).png: it is a folder"], folder: folder,
                      watched: (1...pages).map { "\(folder)/page-\($0).png" })
}

/// A shorter PNG set written over a longer one says which files are left from the longer one.
@Test func aShorterPNGSetWarnsOfTheEarlierPages() throws {
    let folder = scratch("png-stale")
    let settled = try printableSettlementOrder()
    func draw(_ template: String, _ output: String, _ extra: String...) throws -> Ending {
        try launch(["render", template, "--db", shop.database, "--param", "order=\(settled)", "-o", folder + "/" + output] + extra, in: folder)
    }
    #expect(try draw("work-order", "work-order.pdf").status == 0)
    let shorter = try #require(Int(try pdfInfo(folder + "/work-order.pdf")["Pages"] ?? ""))
    #expect(try draw("settlement", "p.png", "--format", "png").status == 0)
    let longer = try FileManager.default.contentsOfDirectory(atPath: folder).count { $0.hasPrefix("p-") }
    try #require(longer > shorter && shorter > 1)
    let again = try draw("work-order", "p.png", "--format", "png")
    #expect(again.status == 0 && again.stderr.contains("p-\(shorter + 1).png … (\(longer - shorter) file(s)) are pages of an earlier, longer render"),
            "\(again.stderr)")
}

/// A folder batch in which one document fails writes none of them: the folder is left as it was (a new folder
/// is not even made). A combined batch likewise writes no PDF. The error names the failing row.
@Test func aBatchThatFailsMidwayWritesNothing() throws {
    let parent = scratch("batch-fails")
    let good = try demoRows("SELECT order_no FROM work_orders ORDER BY id DESC LIMIT 6").map { $0["order_no"]!.text! }
    let each = good.prefix(3).map { "SELECT '\($0)' AS \"order\"" }.joined(separator: " UNION ALL ")
        + " UNION ALL SELECT 'WX-NO-SUCH' UNION ALL " + good.suffix(3).map { "SELECT '\($0)'" }.joined(separator: " UNION ALL ")
    try expectRefused(["batch", "intake-sheet", "--db", shop.database, "--each", each, "-o", parent + "/new/sheets/"],
                      mentions: ["--each row 4 (order=WX-NO-SUCH)", "found no row"], folder: parent, watched: [parent + "/new"])
    let existing = parent + "/existing"
    try FileManager.default.createDirectory(atPath: existing, withIntermediateDirectories: false)
    try Data("%PDF-1.5 yesterday".utf8).write(to: URL(fileURLWithPath: "\(existing)/intake-sheet-\(good[0]).pdf"))
    try expectRefused(["batch", "intake-sheet", "--db", shop.database, "--each", each, "-o", existing + "/", "--jobs", "2"],
                      mentions: ["--each row 4 (order=WX-NO-SUCH)"], folder: parent, watched: [existing])
    try expectRefused(["batch", "intake-sheet", "--db", shop.database, "--each", each, "-o", parent + "/all.pdf"],
                      mentions: ["--each row 4 (order=WX-NO-SUCH)"], folder: parent, watched: [parent + "/all.pdf"])
}

/// --keep-going draws the rest, lists what it left out (naming the rows) and exits non-zero.
@Test func keepGoingWritesTheRestAndListsWhatWasSkipped() throws {
    let folder = scratch("keep-going")
    let good = try demoRows("SELECT order_no FROM work_orders ORDER BY id DESC LIMIT 4").map { $0["order_no"]!.text! }
    let each = "SELECT '\(good[0])' AS \"order\" UNION ALL SELECT 'WX-BAD-1' UNION ALL SELECT '\(good[1])' UNION ALL "
        + "SELECT '\(good[2])' UNION ALL SELECT 'WX-BAD-2' UNION ALL SELECT '\(good[3])'"
    let separate = try launch(["batch", "intake-sheet", "--db", shop.database, "--each", each, "-o", folder + "/sheets/", "--keep-going"], in: folder)
    #expect(separate.status == 1 && separate.killedBy == nil)
    #expect(separate.stderr.contains("skipped --each row 2 (order=WX-BAD-1)") && separate.stderr.contains("skipped --each row 5 (order=WX-BAD-2)")
            && separate.stderr.contains("2 document(s) left out"), "\(separate.stderr)")
    let written = try FileManager.default.contentsOfDirectory(atPath: folder + "/sheets").sorted()
    #expect(written == good.map { "intake-sheet-\($0).pdf" }.sorted())
    for order in good { #expect(try compactText("\(folder)/sheets/intake-sheet-\(order).pdf").contains(order)) }

    let combined = try launch(["batch", "intake-sheet", "--db", shop.database, "--each", each, "-o", folder + "/all.pdf", "--keep-going"], in: folder)
    #expect(combined.status == 1 && combined.stderr.contains("skipped --each row 5 (order=WX-BAD-2)"), "\(combined.stderr)")
    #expect(try pdfInfo(folder + "/all.pdf")["Pages"] == "4")
    let text = try compactText(folder + "/all.pdf")
    #expect(good.allSatisfy(text.contains))
    #expect(temporaryFiles(in: folder).isEmpty)

    // Nothing drawn at all: no file, even with --keep-going.
    try expectRefused(["batch", "intake-sheet", "--db", shop.database, "--each", "SELECT 'WX-BAD' AS \"order\"", "-o", folder + "/none.pdf",
                       "--keep-going"], mentions: ["none of the 1 documents could be drawn"], folder: folder, watched: [folder + "/none.pdf"])
}

// MARK: - Signals

/// A bench-sized shop: the demo's orders repeated to 20,000, so the order list takes seconds to draw.
private let benchShop: String = {
    let database = shop.folder + "/bench.sqlite"
    try! run(packageRoot + "/bench/make-list-db", [shop.database, "20000", database])
    return database
}()

/// Starts a run, waits until its temporary file exists in `folder` and `delay` more, stops it (SIGSTOP, so it
/// cannot finish meanwhile), sends `signal` and lets it go on; checks danju exits with 128 + signal and leaves
/// neither a temporary file nor anything at `watched`.
private func interrupt(_ arguments: [String], with signal: Int32, after delay: useconds_t = 300_000, folder: String, watched: [String],
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
    let before = try states(watched + shop.databaseFiles)
    let ending = try launch(arguments, in: folder) { process in
        let deadline = Date().addingTimeInterval(60)
        while temporaryFiles(in: folder).isEmpty {
            guard process.isRunning, Date() < deadline else { throw RunNeverStartedWriting() }
            usleep(5_000)
        }
        usleep(delay)
        kill(process.processIdentifier, SIGSTOP)
        #expect(process.isRunning && !temporaryFiles(in: folder).isEmpty, "the run must still be writing when the signal comes",
                sourceLocation: sourceLocation)
        kill(process.processIdentifier, signal)
        kill(process.processIdentifier, SIGCONT)
    }
    #expect(ending.killedBy == nil && ending.status == 128 + signal, "\(ending.status) \(ending.stderr)", sourceLocation: sourceLocation)
    #expect(ending.stderr.contains("interrupted"), "\(ending.stderr)", sourceLocation: sourceLocation)
    #expect(temporaryFiles(in: folder).isEmpty, "\(temporaryFiles(in: folder))", sourceLocation: sourceLocation)
    #expect(try states(watched + shop.databaseFiles) == before, sourceLocation: sourceLocation)
}

private struct RunNeverStartedWriting: Error {}

@Test func aSignalDuringALongRenderLeavesNothing() throws {
    let folder = scratch("signal-render")
    let list = ["render", "order-list", "--db", benchShop, "--param", "from=2000-01-01", "--param", "to=2100-01-01"]
    try interrupt(list + ["-o", folder + "/list.pdf"], with: SIGTERM, folder: folder, watched: [folder + "/list.pdf"])
    // Over last month's list: it stays.
    try Data("%PDF-1.5 last month".utf8).write(to: URL(fileURLWithPath: folder + "/list.pdf"))
    try interrupt(list + ["-o", folder + "/list.pdf"], with: SIGINT, folder: folder, watched: [folder + "/list.pdf"])
}

@Test func aSignalDuringAFolderBatchLeavesNothing() throws {
    let folder = scratch("signal-batch")
    let each = "SELECT order_no AS \"order\" FROM work_orders ORDER BY id DESC LIMIT 400"
    try interrupt(["batch", "intake-sheet", "--db", shop.database, "--each", each, "-o", folder + "/sheets/"], with: SIGINT,
                  folder: folder, watched: [folder + "/sheets"])
    try interrupt(["batch", "intake-sheet", "--db", shop.database, "--each", each, "-o", folder + "/all.pdf"], with: SIGTERM,
                  folder: folder, watched: [folder + "/all.pdf"])
}

/// The claim package writes its file only after laying out every report once: the signal comes while it writes.
@Test func aSignalWhileThePackageIsWrittenLeavesNothing() throws {
    let folder = scratch("signal-package")
    let busiest = try #require(try demoRows("""
        SELECT m.code, c.claim_month FROM warranty_claims c JOIN manufacturers m ON m.id = c.manufacturer_id
        WHERE c.status NOT IN ('未提报', '作废', '放弃提报') GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1
        """).first)
    try interrupt(["package", "--maker", busiest["code"]!.text!, "--month", busiest["claim_month"]!.text!, "--db", shop.database,
                   "-o", folder + "/package.pdf"], with: SIGTERM, after: 0, folder: folder, watched: [folder + "/package.pdf"])
}

// MARK: - --each: only reads, names each column once, and errors name their row

@Test func anEachQueryWithTwoColumnsOfOneNameIsRefusedByName() throws {
    let folder = scratch("each-columns")
    for output in [folder + "/all.pdf", folder + "/sheets/"] {
        try expectRefused(["batch", "intake-sheet", "--db", shop.database, "-o", output,
                           "--each", "SELECT order_no AS \"order\", customer_id, order_no AS \"order\" FROM work_orders LIMIT 2"],
                          mentions: ["--each returns two columns named “order” (columns 1 and 3)"], folder: folder,
                          watched: [folder + "/all.pdf", folder + "/sheets"])
    }
}

/// Statements that write are refused before they run: VACUUM INTO creates no file, and nothing else changes.
@Test(arguments: [
    "VACUUM INTO '%@/copy.sqlite'",
    "VACUUM",
    "INSERT INTO settings (key, value, description) VALUES ('x', 'y', 'z')",
    "UPDATE settings SET value = 'UTC' WHERE key = 'time_zone'",
    "DELETE FROM work_orders",
    "CREATE TEMP TABLE t AS SELECT order_no AS \"order\" FROM work_orders",
    "PRAGMA user_version = 99",
])
func anEachQueryThatWritesIsRefusedAndCreatesNothing(_ statement: String) throws {
    let folder = scratch("each-writes")
    let sql = statement.replacingOccurrences(of: "%@", with: folder)
    try expectRefused(["batch", "intake-sheet", "--db", shop.database, "--each", sql, "-o", folder + "/all.pdf"],
                      mentions: ["--each must be a query that only reads"], folder: folder,
                      watched: [folder + "/copy.sqlite", folder + "/all.pdf"])
}

/// ATTACH passes SQLite's read-only test, but danju's connection attaches nothing: no file is created.
@Test func anEachQueryCannotCreateAFileByAttaching() throws {
    let folder = scratch("each-attach")
    try expectRefused(["batch", "intake-sheet", "--db", shop.database, "--each", "ATTACH DATABASE '\(folder)/new.sqlite' AS other",
                       "-o", folder + "/all.pdf"], mentions: ["--each", "ATTACH is not allowed"], folder: folder,
                      watched: [folder + "/new.sqlite", folder + "/all.pdf"])
}

// MARK: - Resources

@Test func jobsAreCappedAtTheCoresUnlessForced() throws {
    let folder = scratch("jobs")
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let each = "SELECT order_no AS \"order\" FROM work_orders ORDER BY id DESC LIMIT 4"
    let capped = try launch(["batch", "intake-sheet", "--db", shop.database, "--each", each, "-o", folder + "/a.pdf", "--jobs", "1000"], in: folder)
    #expect(capped.status == 0 && capped.stderr.contains("--jobs 1000 capped at \(cores)"), "\(capped.stderr)")
    let forced = try launch(["batch", "intake-sheet", "--db", shop.database, "--each", each, "-o", folder + "/b.pdf",
                             "--jobs", "\(cores + 1)", "--force-jobs"], in: folder)
    #expect(forced.status == 0 && !forced.stderr.contains("capped"), "\(forced.stderr)")
    #expect(try pdfInfo(folder + "/a.pdf")["Pages"] == "4")
    #expect(try pdfInfo(folder + "/b.pdf")["Pages"] == "4")
    try expectRefused(["batch", "intake-sheet", "--db", shop.database, "--each", each, "-o", folder + "/c.pdf", "--jobs", "0"],
                      mentions: ["--jobs must be at least 1"], folder: folder, watched: [folder + "/c.pdf"])
    let help = try launch(["batch", "--help"])
    #expect(help.stdout.isEmpty == false && String(decoding: help.stdout, as: UTF8.self).contains("--force-jobs"))
}
