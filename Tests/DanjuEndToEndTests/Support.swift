import DanjuDatabase
import Foundation
import Testing

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// The `danju` executable SwiftPM built next to this test bundle.
let danjuExecutable: String = {
    let candidates = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path,
                      Bundle.main.bundleURL.deletingLastPathComponent().path,
                      packageRoot + "/.build/debug"]
    return candidates.map { $0 + "/danju" }.first { FileManager.default.isExecutableFile(atPath: $0) } ?? "danju-not-built"
}()

struct Output {
    let status: Int32
    let stdout: String
    let stderr: String
    let data: Data
}

/// Runs a program to completion, with `environment` added to the test's own. Its streams go to files, so neither
/// can fill a pipe and block it.
@discardableResult
func run(_ program: String, _ arguments: [String], in folder: String = packageRoot, environment: [String: String] = [:]) throws -> Output {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program.hasPrefix("/") ? program : "/usr/bin/env")
    process.arguments = program.hasPrefix("/") ? arguments : [program] + arguments
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, given in given }
    let streams = FileManager.default.temporaryDirectory.appendingPathComponent("danju-run-\(UUID().uuidString)")
    let out = streams.appendingPathExtension("out"), err = streams.appendingPathExtension("err")
    FileManager.default.createFile(atPath: out.path, contents: nil)
    FileManager.default.createFile(atPath: err.path, contents: nil)
    defer {
        try? FileManager.default.removeItem(at: out)
        try? FileManager.default.removeItem(at: err)
    }
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = try FileHandle(forWritingTo: err)
    try process.run()
    process.waitUntilExit()
    let data = try Data(contentsOf: out)
    return Output(status: process.terminationStatus, stdout: String(decoding: data, as: UTF8.self),
                  stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self), data: data)
}

func danju(_ arguments: String...) throws -> Output { try run(danjuExecutable, arguments) }

/// A demo shop made once for the whole test run, in a temporary folder.
let demoFolder: String = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("danju-e2e-\(ProcessInfo.processInfo.processIdentifier)").path
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    _ = try? run(danjuExecutable, ["demo-db", folder + "/demo.sqlite"])
    return folder
}()

var demoDatabase: String { demoFolder + "/demo.sqlite" }

/// Reads the demo database the way a test states its expectations: from the data, not from literals.
func demoRows(_ sql: String) throws -> [Row] {
    try Database(path: demoDatabase, mode: .readOnly).rows(sql)
}

func newPath(_ name: String) -> String {
    demoFolder + "/\(UUID().uuidString.prefix(8))-\(name)"
}

/// The PDF's text in reading order, with all white space removed so that wrapped lines join back.
func compactText(_ path: String) throws -> String {
    try run("pdftotext", [path, "-"]).stdout.filter { !$0.isWhitespace }
}

/// pdfinfo's fields (Pages, Page size, Title …).
func pdfInfo(_ path: String) throws -> [String: String] {
    var fields: [String: String] = [:]
    for line in try run("pdfinfo", [path]).stdout.split(separator: "\n") {
        guard let colon = line.firstIndex(of: ":") else { continue }
        fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    return fields
}

/// The newest order whose settlement prints (三联, several pages): every discount on it, of a line or of the
/// order, has an authoriser and a standard.
func printableSettlementOrder() throws -> String {
    try #require(try demoRows("""
        SELECT wo.order_no FROM work_orders wo JOIN settlements s ON s.work_order_id = wo.id
        WHERE (s.discount_authoriser_id IS NOT NULL AND s.discount_standard IS NOT NULL)
           OR (s.discount_fen = 0 AND NOT EXISTS (SELECT 1 FROM work_order_lines l
                                                  WHERE l.work_order_id = wo.id AND l.discount_fen <> 0))
        ORDER BY wo.id DESC LIMIT 1
        """).first?["order_no"]?.text)
}
