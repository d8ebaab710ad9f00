import DanjuDatabase
import Foundation
import Testing

// The command line's manners: every way a run can fail ends with the exit status of the README's table and a
// first line that says what is wrong in words a clerk can act on; --version, the -o extension, DANJU_DB and
// danju.yaml, completion, and the progress line and summary.

/// A danju run in `folder`, never seeing a DANJU_DB the developer may have set (empty means unset).
private func danju(_ arguments: [String], in folder: String = packageRoot, environment: [String: String] = [:]) throws -> Output {
    try run(danjuExecutable, arguments, in: folder, environment: ["DANJU_DB": ""].merging(environment) { _, given in given })
}

private func firstLine(_ text: String) -> String { String(text.prefix { $0 != "\n" }) }

/// Runs danju and holds the run to its exit status and the first line of its stderr (`danju: error: ` + `message`,
/// exactly, or only beginning so with `prefix`); nothing may be written to `output`.
@discardableResult
private func expectFailure(_ arguments: [String], status: Int32, message: String, prefix: Bool = false, output: String? = nil,
                           in folder: String = packageRoot, environment: [String: String] = [:],
                           sourceLocation: SourceLocation = #_sourceLocation) throws -> Output {
    let result = try danju(arguments, in: folder, environment: environment)
    #expect(result.status == status, "exit status \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
    let line = firstLine(result.stderr), expected = "danju: error: " + message
    #expect(prefix ? line.hasPrefix(expected) : line == expected, "first line: \(line)", sourceLocation: sourceLocation)
    if let output { #expect(!FileManager.default.fileExists(atPath: output), "nothing written to \(output)", sourceLocation: sourceLocation) }
    return result
}

private func anyOrder() throws -> String {
    try #require(try demoRows("SELECT order_no FROM work_orders ORDER BY id DESC LIMIT 1").first?["order_no"]?.text)
}

private let codes: [Int32] = [0, 1, 2, 3, 4, 130, 143]

// MARK: - Version and the table of exit statuses

@Test func versionPrintsTheNumberWrittenInVersionSwift() throws {
    let source = try String(contentsOfFile: packageRoot + "/Sources/danju/Version.swift", encoding: .utf8)
    let number = try #require(source.firstMatch(of: /static let number = "([^"]+)"/)?.1)
    let result = try danju(["--version"])
    #expect(result.status == 0)
    #expect(result.stdout == "danju \(number) (shop database schema \(Schema.version))\n", "\(result.stdout)")
}

@Test func helpAndReadmeListEveryExitStatus() throws {
    let help = try danju(["--help"])
    #expect(help.status == 0)
    let section = try #require(help.stdout.range(of: "EXIT STATUS").map { help.stdout[$0.upperBound...] })
    let readme = try String(contentsOfFile: packageRoot + "/README.md", encoding: .utf8)
    for code in codes {
        #expect(section.contains("\n  \(code) "), "--help lists \(code)")
        #expect(readme.contains("\n| \(code) |"), "the README's table lists \(code)")
    }
}

// MARK: - Usage (2)

@Test func aMisspeltTemplateIsAnsweredWithTheNearestName() throws {
    let output = newPath("x.pdf")
    try expectFailure(["render", "quoet", "--db", demoDatabase, "--param", "order=\(try anyOrder())", "-o", output],
                      status: 2, message: "no template “quoet”: did you mean quote? (`danju templates` lists them)", output: output)
    try expectFailure(["render", "invoice", "--db", demoDatabase, "-o", output],
                      status: 2, message: "no template “invoice” in ", prefix: true, output: output)
}

@Test func aMisspeltParameterIsAnsweredWithTheNearestName() throws {
    let output = newPath("x.pdf")
    let order = try anyOrder()
    for (template, wrong, meant, label, example) in [("intake-sheet", "ordr", "order", "工单号", "WX20261130002"),
                                                     ("intake-sheet", "Order", "order", "工单号", "WX20261130002"),
                                                     ("complaint-monthly", "mnoth", "month", "月份（YYYY-MM）", "2026-10"),
                                                     ("order-list", "form", "from", "进厂日期自（含）", "2026-11-01")] {
        try expectFailure(["render", template, "--db", demoDatabase, "--param", "\(wrong)=\(order)", "-o", output], status: 2,
                          message: "template “\(template)” has no parameter “\(wrong)”: did you mean --param \(meant)=… (\(label), e.g. \(example))?",
                          output: output)
    }
    try expectFailure(["render", "intake-sheet", "--db", demoDatabase, "--param", "order=\(order)", "--param", "colour=red", "-o", output],
                      status: 2, message: "template “intake-sheet” has no parameter “colour”; it takes --param order=… (工单号, e.g. WX20261130002)",
                      output: output)
    // A batch's columns are the parameters: checked before any document is drawn.
    try expectFailure(["batch", "intake-sheet", "--db", demoDatabase, "--each", "SELECT '\(order)' AS ordr", "-o", output], status: 2,
                      message: "--each: template “intake-sheet” has no parameter “ordr”: did you mean --param order=… (工单号, e.g. WX20261130002)?",
                      output: output)
}

@Test func aMissingParameterIsNamedWithItsLabelAndExample() throws {
    let output = newPath("x.pdf")
    try expectFailure(["render", "order-list", "--db", demoDatabase, "--param", "from=2026-11-01", "-o", output],
                      status: 2, message: "template “order-list” needs --param to=… (进厂日期至（含）, e.g. 2026-11-30)", output: output)
    try expectFailure(["render", "order-list", "--db", demoDatabase, "-o", output], status: 2,
                      message: "template “order-list” needs --param from=… (进厂日期自（含）, e.g. 2026-11-01) and --param to=… (进厂日期至（含）, e.g. 2026-11-30)",
                      output: output)
}

@Test func aParameterIsReadOnceAndWhole() throws {
    let output = newPath("x.pdf")
    try expectFailure(["render", "intake-sheet", "--db", demoDatabase, "--param", "order", "-o", output],
                      status: 2, message: "The value 'order' is invalid for '--param <name=value>'", prefix: true, output: output)
    try expectFailure(["render", "intake-sheet", "--db", demoDatabase, "--param", "order=A", "--param", "order=B", "-o", output],
                      status: 2, message: "--param order is given twice (A and B): give it once", output: output)
    // The value keeps any "=" of its own: it is looked up whole (and found nowhere).
    try expectFailure(["render", "intake-sheet", "--db", demoDatabase, "--param", "order=WX=1", "-o", output],
                      status: 2, message: "工单 WX=1 不存在", output: output)
}

/// A wrong order, claim or process number is told in the shop's words, from the template's `missing:`.
@Test func aWrongNumberIsToldInTheShopsWords() throws {
    let output = newPath("x.pdf")
    for template in ["intake-sheet", "work-order"] {
        try expectFailure(["render", template, "--db", demoDatabase, "--param", "order=WX20991231999", "-o", output],
                          status: 2, message: "工单 WX20991231999 不存在", output: output)
    }
    let unquoted = try #require(try demoRows("""
        SELECT order_no FROM work_orders wo WHERE NOT EXISTS (SELECT 1 FROM quotes q WHERE q.work_order_id = wo.id) LIMIT 1
        """).first?["order_no"]?.text)
    try expectFailure(["render", "quote", "--db", demoDatabase, "--param", "order=\(unquoted)", "-o", output],
                      status: 2, message: "工单 \(unquoted) 不存在，或还没有报价单", output: output)
    let result = try expectFailure(["render", "warranty-report", "--db", demoDatabase, "--param", "claim=SP9912-0001", "-o", output],
                                   status: 2, message: "索赔单 SP9912-0001 不存在", output: output)
    #expect(result.stderr.range(of: #"\n  query “claim” \(.*/templates/warranty-report\.yaml:\d+:\d+\) found no row\n"#, options: .regularExpression) != nil,
            "the second line names the query and where it is written: \(result.stderr)")
    let known = try demoRows("SELECT code FROM processes ORDER BY code").map { $0["code"]!.text! }.joined(separator: "、")
    for draft in [[], ["--draft"]] {
        try expectFailure(["render", "flowchart", "--db", demoDatabase, "--param", "process=ZZ", "-o", output] + draft,
                          status: 2, message: "没有编号为 ZZ 的流程（现有：\(known)）", output: output)
    }
}

@Test func aTemplateWithoutMissingWordsNamesTheParameterAndValue() throws {
    let original = try String(contentsOfFile: packageRoot + "/templates/intake-sheet.yaml", encoding: .utf8)
    let template = newPath("plain.yaml")
    try original.replacingOccurrences(of: "    missing: \"工单 {{param.order}} 不存在\"\n", with: "").write(toFile: template, atomically: true, encoding: .utf8)
    #expect(try String(contentsOfFile: template, encoding: .utf8) != original)
    let output = newPath("x.pdf")
    try expectFailure(["render", template, "--db", demoDatabase, "--param", "order=WX20991231999", "-o", output],
                      status: 2, message: "nothing found for --param order=WX20991231999 (工单号)", output: output)
}

@Test func theDatabaseMustBeThere() throws {
    let output = newPath("x.pdf")
    let missing = newPath("gone.sqlite")
    try expectFailure(["render", "intake-sheet", "--db", missing, "--blank", "-o", output],
                      status: 2, message: "shop database \(missing) does not exist.", output: output)
    let home = try projectCopy()
    let empty = newPath("nowhere")
    try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
    try expectFailure(["render", "intake-sheet", "--blank", "-o", output], status: 2,
                      message: "which shop database? give --db FILE, set DANJU_DB=FILE, or write “db: FILE” in danju.yaml (in the working directory or \(home))",
                      output: output, in: empty, environment: ["DANJU_HOME": home])
}

@Test func anOutputNameMustAgreeWithTheFormat() throws {
    let blank = ["render", "intake-sheet", "--db", demoDatabase, "--blank"]
    let png = newPath("sheet.png"), text = newPath("sheet.txt")
    let pdf = String(png.dropLast(3)) + "pdf"
    try expectFailure(blank + ["-o", png, "--format", "pdf"], status: 2,
                      message: "-o \(png) names a PNG file, but --format pdf asks for PDF: drop --format, or name the file \(pdf)", output: png)
    try expectFailure(blank + ["-o", text], status: 2, message: "cannot tell the format of -o \(text) from its name: name it "
                      + "\(text.dropLast(3))pdf or \(text.dropLast(3))png, or give --format", output: text)
    let each = "SELECT order_no AS \"order\" FROM work_orders LIMIT 2"
    try expectFailure(["batch", "intake-sheet", "--db", demoDatabase, "--each", each, "-o", png], status: 2,
                      message: "-o \(png): a batch writes one combined PDF", prefix: true, output: png)
    try expectFailure(["package", "--maker", "SANY", "--month", "2026-11", "--db", demoDatabase, "-o", png], status: 2,
                      message: "-o \(png): danju package writes PDF, not PNG: name it \(pdf) (or - for standard output)", output: png)
    try expectFailure(["calibrate", "-o", png], status: 2,
                      message: "-o \(png): danju calibrate writes PDF, not PNG: name it \(pdf) (or - for standard output)", output: png)
}

@Test func theParsersOwnUsageErrorsExitWithTwo() throws {
    let output = newPath("x.pdf")
    try expectFailure(["render", "intake-sheet", "--db", demoDatabase, "--blank", "--colour", "red", "-o", output],
                      status: 2, message: "Unknown option '--colour'", output: output)
    try expectFailure(["render", "intake-sheet", "--db", demoDatabase, "--blank"], status: 2, message: "Missing expected argument '--output <output>'")
    try expectFailure(["print", "intake-sheet"], status: 2, message: "2 unexpected arguments: 'print', 'intake-sheet'")
    try expectFailure(["render", "intake-sheet", "--db", demoDatabase, "--blank", "--param", "order=1", "-o", output],
                      status: 2, message: "--blank takes no --param", output: output)
    try expectFailure(["package", "--maker", "SANY", "--month", "2026-13", "--db", demoDatabase, "-o", output],
                      status: 2, message: "--month expects YYYY-MM, got “2026-13”", output: output)
    try expectFailure(["calibrate", "--paper", "B9", "-o", output], status: 2,
                      message: "expected A4, A5, A3 or WIDTHxHEIGHT in millimetres (e.g. 241x279) for the page size", output: output)
    let existing = newPath("exists.sqlite")
    try Data().write(to: URL(fileURLWithPath: existing))
    try expectFailure(["demo-db", existing], status: 2, message: "\(existing) already exists; demo-db writes a new file")
}

@Test func anUnknownMakerOrPrinterIsAUsageError() throws {
    let output = newPath("x.pdf")
    try expectFailure(["package", "--maker", "NO-SUCH", "--month", "2026-11", "--db", demoDatabase, "-o", output],
                      status: 2, message: "no manufacturer “NO-SUCH”: --maker takes the code, full name or short name of one of ",
                      prefix: true, output: output)
    try expectFailure(["package", "--maker", "SANY", "--month", "2099-01", "--db", demoDatabase, "-o", output],
                      status: 2, message: "no submitted warranty claims of “SANY” booked in 2099-01: no package written", prefix: true, output: output)
    let printers = newPath("printers.yaml")
    try "front-desk: {x: 1, y: 0}\n".write(toFile: printers, atomically: true, encoding: .utf8)
    try expectFailure(["render", "intake-sheet", "--db", demoDatabase, "--blank", "--preprinted", "laser", "--printers", printers, "-o", output],
                      status: 2, message: "no printer “laser” in \(printers); calibrated: front-desk", output: output)
}

@Test func standardOutputIsNeverATerminal() throws {
    let transcript = try inTerminal(["render", "intake-sheet", "--db", demoDatabase, "--blank", "-o", "-"])
    #expect(transcript.status == 2)
    #expect(firstLine(transcript.text).hasPrefix("danju: error: -o - writes the document to standard output, which is a terminal"),
            "\(transcript.text)")
}

// MARK: - Refused (1)

@Test func aDocumentTheRulesRefuseExitsWithOne() throws {
    let unsettled = try #require(try demoRows("""
        SELECT order_no FROM work_orders wo WHERE NOT EXISTS (SELECT 1 FROM settlements s WHERE s.work_order_id = wo.id) ORDER BY id DESC LIMIT 1
        """).first?["order_no"]?.text)
    let output = newPath("pass.pdf")
    try expectFailure(["render", "gate-pass", "--db", demoDatabase, "--param", "order=\(unsettled)", "-o", output],
                      status: 1, message: "工单 \(unsettled) 不能开具出门证：", prefix: true, output: output)
    // In a batch the row is named, and the status is the document's.
    let each = "SELECT '\(unsettled)' AS \"order\""
    try expectFailure(["batch", "gate-pass", "--db", demoDatabase, "--each", each, "-o", output],
                      status: 1, message: "--each row 1 (order=\(unsettled)): 工单 \(unsettled) 不能开具出门证：", prefix: true, output: output)
}

// MARK: - Data errors (3) and internal ones (4)

@Test func aBrokenTemplateOrDatabaseIsADataError() throws {
    let output = newPath("x.pdf")
    let original = try String(contentsOfFile: packageRoot + "/templates/intake-sheet.yaml", encoding: .utf8)
    func variant(_ name: String, _ from: String, _ to: String) throws -> String {
        let path = newPath(name)
        let changed = original.replacingOccurrences(of: from, with: to)
        #expect(changed != original)
        try changed.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
    let syntax = try variant("syntax.yaml", "  size: A4\n", "  size: [A4\n")
    let result = try danju(["render", syntax, "--db", demoDatabase, "--blank", "-o", output])
    #expect(result.status == 3)
    #expect(firstLine(result.stderr).range(of: #"^danju: error: .*/[0-9A-F]{8}-syntax\.yaml:\d+:\d+: YAML syntax"#, options: .regularExpression) != nil,
            "\(result.stderr)")
    let sql = try variant("sql.yaml", "FROM work_orders wo", "FROM work_order wo")
    try expectFailure(["render", sql, "--db", demoDatabase, "--param", "order=\(try anyOrder())", "-o", output],
                      status: 3, message: "\(sql):", prefix: true, output: output)
    // missing: only for single queries, and only with what is known when the query finds nothing.
    let list = try variant("missing-list.yaml", "      ORDER BY i.seq\n", "      ORDER BY i.seq\n    missing: 没有检查项目\n")
    let onList = try danju(["render", list, "--db", demoDatabase, "--blank", "-o", output])
    #expect(onList.status == 3 && firstLine(onList.stderr).hasSuffix(": missing: is for a query with single: true (a list may be empty)"), "\(onList.stderr)")
    let later = try variant("missing-later.yaml", "    missing: \"工单 {{param.order}} 不存在\"", "    missing: \"{{photos.n}}\"")
    let onLater = try danju(["render", later, "--db", demoDatabase, "--blank", "-o", output])
    #expect(onLater.status == 3 && firstLine(onLater.stderr).hasSuffix(": “{{photos.n}}”: missing: may use {{param.…}} and the single queries above “order”"),
            "\(onLater.stderr)")
    // A file that is not a database.
    let notes = newPath("notes.sqlite")
    try "not a database\n".write(toFile: notes, atomically: true, encoding: .utf8)
    let garbage = try danju(["render", "intake-sheet", "--db", notes, "--blank", "-o", output])
    #expect(garbage.status == 3 && firstLine(garbage.stderr).hasPrefix("danju: error: ") && firstLine(garbage.stderr).contains("database"),
            "\(garbage.stderr)")
    #expect(!FileManager.default.fileExists(atPath: output))
    // danju check lists every problem and exits with 3.
    let typo = try variant("typo.yaml", "{{order.serial_no}}", "{{order.serial_number}}")
    try expectFailure(["check", typo, "--db", demoDatabase], status: 3, message: "\(typo):", prefix: true)
}

/// A danju folder whose fonts were never prepared (scripts/prepare-fonts).
@Test func unpreparedFontsAreAnInternalError() throws {
    let home = newPath("no-fonts")
    try FileManager.default.createDirectory(atPath: home + "/fonts", withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: packageRoot + "/fonts/fonts.conf", toPath: home + "/fonts/fonts.conf")
    let output = newPath("x.pdf")
    try expectFailure(["render", packageRoot + "/templates/intake-sheet.yaml", "--db", demoDatabase, "--blank", "-o", output],
                      status: 4, message: "font family “Danju Hei” is not in \(home)/fonts/fonts.conf", prefix: true, output: output,
                      environment: ["DANJU_HOME": home])
}

// MARK: - The output format follows -o

@Test func theExtensionOfOutputChoosesTheFormat() throws {
    let png = newPath("blank.png")
    let result = try danju(["render", "intake-sheet", "--db", demoDatabase, "--blank", "-o", png])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(Array(try Data(contentsOf: URL(fileURLWithPath: png)).prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG, not a PDF named .png")
    let upper = newPath("blank.PDF")
    #expect(try danju(["render", "intake-sheet", "--db", demoDatabase, "--blank", "-o", upper]).status == 0)
    #expect(try Data(contentsOf: URL(fileURLWithPath: upper)).starts(with: Array("%PDF-".utf8)))
    // --format still says it for a name without an extension, and for standard output.
    let bare = newPath("blank")
    #expect(try danju(["render", "intake-sheet", "--db", demoDatabase, "--blank", "-o", bare, "--format", "png"]).status == 0)
    #expect(try Data(contentsOf: URL(fileURLWithPath: bare)).starts(with: [0x89, 0x50, 0x4E, 0x47]))
    let piped = try danju(["render", "intake-sheet", "--db", demoDatabase, "--blank", "-o", "-"])
    #expect(piped.status == 0 && piped.data.starts(with: Array("%PDF-".utf8)))
}

// MARK: - Where the database comes from

/// A folder that is a danju home of its own: the project's fonts and templates, and whatever else the test puts there.
private func projectCopy() throws -> String {
    let home = newPath("home")
    try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    for folder in ["fonts", "templates"] {
        try FileManager.default.createSymbolicLink(atPath: "\(home)/\(folder)", withDestinationPath: "\(packageRoot)/\(folder)")
    }
    return home
}

@Test func theDatabaseMayComeFromDanjuDBOrDanjuYaml() throws {
    let order = try anyOrder()
    let render = ["render", "intake-sheet", "--param", "order=\(order)", "-o"]
    let folder = newPath("config")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)

    // DANJU_DB, and every error then says which database it was.
    #expect(try danju(render + [newPath("env.pdf")], environment: ["DANJU_DB": demoDatabase]).status == 0)
    let wrong = try expectFailure(["render", "intake-sheet", "--param", "order=WX20991231999", "-o", newPath("x.pdf")], status: 2,
                                  message: "工单 WX20991231999 不存在", environment: ["DANJU_DB": demoDatabase])
    #expect(wrong.stderr.hasSuffix("\n  database: \(demoDatabase) (from DANJU_DB)\n"), "\(wrong.stderr)")
    // An explicit --db wins.
    #expect(try danju(render + [newPath("explicit.pdf"), "--db", demoDatabase], environment: ["DANJU_DB": newPath("gone.sqlite")]).status == 0)

    // danju.yaml in the working directory, its path taken from the file's folder.
    try "# the shop's database\ndb: ../demo.sqlite\n".write(toFile: folder + "/danju.yaml", atomically: true, encoding: .utf8)
    #expect(try danju(render + ["here.pdf"], in: folder).status == 0)
    #expect(FileManager.default.fileExists(atPath: folder + "/here.pdf"))
    let noted = try expectFailure(["render", "intake-sheet", "--param", "order=WX20991231999", "-o", "x.pdf"], status: 2,
                                  message: "工单 WX20991231999 不存在", in: folder)
    #expect(noted.stderr.hasSuffix("\n  database: \(demoFolder)/demo.sqlite (from \(folder)/danju.yaml)\n"), "\(noted.stderr)")
    // DANJU_DB before danju.yaml.
    let other = newPath("other.sqlite")
    try expectFailure(render + ["x.pdf"], status: 2, message: "shop database \(other) does not exist.", in: folder, environment: ["DANJU_DB": other])

    // danju.yaml in the danju folder (found like templates/), when the working directory has none.
    let home = try projectCopy()
    try "db: \(demoDatabase)\n".write(toFile: home + "/danju.yaml", atomically: true, encoding: .utf8)
    let elsewhere = newPath("elsewhere")
    try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
    #expect(try danju(render + ["home.pdf"], in: elsewhere, environment: ["DANJU_HOME": home]).status == 0)
    // The working directory's comes first.
    try "db: \(newPath("gone.sqlite"))\n".write(toFile: home + "/danju.yaml", atomically: true, encoding: .utf8)
    let first = try danju(render + ["first.pdf"], in: folder, environment: ["DANJU_HOME": home])
    #expect(first.status == 0 && FileManager.default.fileExists(atPath: folder + "/first.pdf"), "\(first.stderr)")

    // A misspelt key is an error naming the file and line.
    let typo = newPath("typo")
    try FileManager.default.createDirectory(atPath: typo, withIntermediateDirectories: true)
    try "database: shop.sqlite\n".write(toFile: typo + "/danju.yaml", atomically: true, encoding: .utf8)
    try expectFailure(render + ["x.pdf"], status: 3, message: "\(typo)/danju.yaml:1:1: unknown key “database” in the configuration; expected one of: db",
                      in: typo)
}

// MARK: - Completion

@Test func shellCompletionOffersTemplatesAndTheirParameters() throws {
    let script = try danju(["--generate-completion-script", "bash"])
    #expect(script.status == 0 && script.stdout.contains("---completion render -- positional@0"), "\(script.stderr)")
    let templates = try FileManager.default.contentsOfDirectory(atPath: packageRoot + "/templates").filter { $0.hasSuffix(".yaml") }
        .map { String($0.dropLast(5)) }.sorted()
    let names = try danju(["---completion", "render", "--", "positional@0", "2", "0", "danju", "render", ""])
    #expect(names.status == 0 && names.stdout.split(separator: "\n").map(String.init).sorted() == templates, "\(names.stdout)")
    let parameters = try danju(["---completion", "render", "--", "--param", "4", "0", "danju", "render", "order-list", "--param", ""])
    #expect(Set(parameters.stdout.split(separator: "\n")) == ["from=", "to="], "\(parameters.stdout)")
}

// MARK: - Progress and summary

/// A run in a pseudo-terminal (`script`): what the terminal showed, stdout and stderr together.
private func inTerminal(_ arguments: [String], in folder: String = packageRoot) throws -> (status: Int32, text: String) {
    let command = ([danjuExecutable] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: #"'\''"#) + "'" }.joined(separator: " ")
    let result = try run("script", ["-q", "-e", "-c", "DANJU_DB= " + command, "/dev/null"], in: folder)
    return (result.status, result.stdout)
}

@Test func aLongCommandShowsAProgressBarOnlyInATerminalAndAlwaysASummary() throws {
    let count = try #require(try demoRows("SELECT count(*) AS n FROM (SELECT 1 FROM work_orders LIMIT 120)").first?["n"]?.integer)
    let each = "SELECT order_no AS \"order\" FROM work_orders ORDER BY id LIMIT 120"
    let piped = newPath("piped.pdf")
    let quiet = try danju(["batch", "intake-sheet", "--db", demoDatabase, "--each", each, "-o", piped])
    #expect(quiet.status == 0, "\(quiet.stderr)")
    let pages = try #require(try pdfInfo(piped)["Pages"])
    #expect(quiet.stderr.range(of: #"^danju: \#(count) documents, \#(pages) pages into \#(piped) in \d+\.\d\d s\n$"#, options: .regularExpression) != nil,
            "one summary line and nothing else: \(quiet.stderr)")

    let shown = newPath("terminal.pdf")
    let terminal = try inTerminal(["batch", "intake-sheet", "--db", demoDatabase, "--each", each, "-o", shown])
    #expect(terminal.status == 0, "\(terminal.text)")
    #expect(terminal.text.contains("/\(count) documents"), "the bar counts the documents: \(terminal.text)")
    let erased = try #require(terminal.text.range(of: "\r\u{1B}[K", options: .backwards), "the bar is erased")
    #expect(terminal.text[erased.upperBound...].hasPrefix("danju: \(count) documents, \(pages) pages into \(shown)"), "then the summary: \(terminal.text)")
    #expect(try pdfInfo(shown)["Pages"] == pages)
}

@Test func aRenderSaysWhatItWrote() throws {
    let pdf = newPath("sheet.pdf")
    let result = try danju(["render", "settlement", "--db", demoDatabase, "--param", "order=\(try printableSettlementOrder())", "-o", pdf])
    #expect(result.status == 0, "\(result.stderr)")
    let pages = try #require(try pdfInfo(pdf)["Pages"])
    #expect(result.stderr.range(of: #"^danju: \#(pages) pages into \#(pdf) in \d+\.\d\d s\n$"#, options: .regularExpression) != nil, "\(result.stderr)")

    let png = newPath("sheet.png")
    let set = try danju(["render", "settlement", "--db", demoDatabase, "--param", "order=\(try printableSettlementOrder())", "-o", png])
    let first = String(png.dropLast(4)) + "-1.png", last = String(png.dropLast(4)) + "-\(pages).png"
    #expect(set.stderr.hasPrefix("danju: \(pages) pages into \(first) … \(last) in "), "\(set.stderr)")
    #expect(FileManager.default.fileExists(atPath: last))
}

