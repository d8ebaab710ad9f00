import ArgumentParser
import DanjuDemo
import DanjuDocuments
import DanjuLayout
import DanjuTemplate
import Foundation

@main
struct Danju: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draws a service shop's forms from its SQLite database into PDF.",
        subcommands: [Demo.self, DemoDB.self, Render.self, Batch.self, ClaimPackageCommand.self, Templates.self, Check.self, Calibrate.self,
                      FlowchartFigures.self])
}

/// Prints an error the way every subcommand does and exits with status 1.
func fail(_ error: any Error) -> ExitCode {
    FileHandle.standardError.write(Data("danju: error: \(error)\n".utf8))
    return ExitCode.failure
}

func warn(_ report: OverflowReport) {
    FileHandle.standardError.write(Data("danju: warning: \(report)\n".utf8))
}

/// The template and database every drawing command takes.
struct TemplateSource: ParsableArguments {
    @Argument(help: "Template name (see `danju templates`) or path to a .yaml file.")
    var template: String

    @Option(help: "The shop database (opened read-only).")
    var db: String

    func load(_ paths: ProjectPaths) throws -> Template {
        try TemplateLoader.load(file: try paths.template(template))
    }

    /// What the run reads, which its output must not replace.
    func inputs(_ paths: ProjectPaths, printing: PrintOptions) throws -> RunInputs {
        try RunInputs(paths: paths, database: db, template: try paths.template(template), printers: printing.printers)
    }
}

struct FitOptions: ParsableArguments {
    @Flag(help: "Fail, writing nothing, when any text does not fit its box.")
    var strict = false

    var policy: FitPolicy { FitPolicy(strict: strict, report: warn) }
}

/// How the pages are printed: drafts of refused documents, pre-printed paper.
struct PrintOptions: ParsableArguments {
    @Flag(help: "Print a document its template refuses (e.g. an unpaid gate pass), marked as a draft with the reasons.")
    var draft = false

    @Option(help: "Pre-printed paper (套打): draw only the data, shifted by this printer's offset from the calibration file.")
    var preprinted: String?

    @Option(help: "The printer calibration file (default: printers.yaml in the danju folder).")
    var printers: String?

    func mode(_ paths: ProjectPaths, blank: Bool = false) throws -> PrintMode {
        PrintMode(blank: blank, draft: draft,
                  preprinted: try preprinted.map { try PrinterOffset.load(printer: $0, from: printers ?? paths.printersFile) })
    }
}

struct DemoDB: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo-db", abstract: "Writes the demo shop database (and its photos) to PATH.")

    @Argument(help: "The new database file; it must not exist.")
    var path: String

    @Option(help: "Seed of the generator: the same seed gives the same file.")
    var seed: UInt64 = 1

    func run() throws {
        do { try DemoShop.write(to: path, seed: seed) } catch { throw fail(error) }
        print(path)
    }
}

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Draws one document.")

    @OptionGroup var source: TemplateSource

    @Option(name: .customLong("param"), help: "A template parameter, NAME=VALUE; repeat for several.")
    var parameters: [String] = []

    @Flag(help: "Draw the empty form, for filling in by hand.")
    var blank = false

    @Option(name: .shortAndLong, help: "Output file, or - for standard output.")
    var output: String

    @Option(help: "pdf, or png (one file per page; to standard output only a one-page document).")
    var format: OutputFormat = .pdf

    @OptionGroup var printing: PrintOptions

    @OptionGroup var fit: FitOptions

    func validate() throws {
        if blank, !parameters.isEmpty { throw ValidationError("--blank takes no --param") }
        for parameter in parameters where !parameter.contains("=") {
            throw ValidationError("--param expects NAME=VALUE, got “\(parameter)”")
        }
    }

    func run() throws {
        Interruption.removeUnfinishedFiles()
        do {
            let paths = try ProjectPaths.locate()
            try source.inputs(paths, printing: printing).check(output: output)
            let loaded = try source.load(paths)
            let values = Dictionary(parameters.map { parameter in
                let parts = parameter.split(separator: "=", maxSplits: 1)
                return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
            }, uniquingKeysWith: { _, last in last })
            let written = try DocumentRenderer(paths: paths, database: source.db)
                .render(loaded, parameters: values, mode: try printing.mode(paths, blank: blank), to: output, format: format, policy: fit.policy)
            warnOfOlderPages(after: written)
        } catch { throw fail(error) }
    }

    /// A PNG set shorter than one written before leaves that one's last pages beside it: say so.
    private func warnOfOlderPages(after written: [String]) {
        guard format == .png, written.count > 1 else { return }
        let older = Array(((written.count + 1)...).lazy.map { DocumentRenderer.pngPage($0, of: output) }
            .prefix { FileManager.default.fileExists(atPath: $0) })
        guard let first = older.first else { return }
        FileHandle.standardError.write(Data("danju: warning: \(first) … (\(older.count) file(s)) are pages of an earlier, longer render, not of this one\n".utf8))
    }
}

extension OutputFormat: ExpressibleByArgument {}

struct Batch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Draws one document per row of a query, into one PDF or a folder.")

    @OptionGroup var source: TemplateSource

    @Option(help: "A query (it may only read) returning one row per document; its columns, each named once, are the template's parameters.")
    var each: String

    @Option(name: .shortAndLong, help: "FILE.pdf for one combined PDF (- for standard output), or DIR/ for one PDF per document.")
    var output: String

    @Option(help: "Documents laid out at once (at most the number of cores, \(cores), unless --force-jobs).")
    var jobs: Int = cores

    @Flag(help: "Run as many --jobs as asked, even more than the cores (each worker holds its own fonts and documents in memory).")
    var forceJobs = false

    @Flag(help: "Leave out a document that fails, write the others, list what was left out, and exit with status 1.")
    var keepGoing = false

    private static var cores: Int { ProcessInfo.processInfo.activeProcessorCount }

    @OptionGroup var printing: PrintOptions

    @OptionGroup var fit: FitOptions

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() async throws {
        Interruption.removeUnfinishedFiles()
        let summary: BatchRenderer.Summary
        let start = Date()
        do {
            let paths = try ProjectPaths.locate()
            let inputs = try source.inputs(paths, printing: printing)
            let folder = output.hasSuffix("/") ? String(output.dropLast()) : nil
            if let folder { try inputs.check(folder: folder) } else { try inputs.check(output: output) }
            let batch = BatchRenderer(paths: paths, database: source.db, template: try source.load(paths), mode: try printing.mode(paths),
                                      policy: fit.policy, keepGoing: keepGoing, progress: ProgressBar.update)
            summary = if let folder {
                try await batch.renderSeparate(each: each, into: folder, jobs: workers())
            } else {
                try await batch.renderCombined(each: each, to: output, jobs: workers())
            }
            ProgressBar.finish()
        } catch {
            ProgressBar.finish()
            throw fail(error)
        }
        let written = output.hasSuffix("/") ? "\(summary.documents) documents into \(output)"
            : "\(summary.documents) documents, \(summary.pages) pages into \(output == "-" ? "standard output" : output)"
        FileHandle.standardError.write(Data("danju: \(written) in \(String(format: "%.2f", Date().timeIntervalSince(start))) s\n".utf8))
        guard summary.skipped.isEmpty else {
            let list = summary.skipped.map { "danju: skipped \($0)\n" }.joined()
            FileHandle.standardError.write(Data((list + "danju: error: \(summary.skipped.count) document(s) left out (--keep-going)\n").utf8))
            throw ExitCode.failure
        }
    }

    /// `--jobs`, capped at the cores unless forced: each worker holds a renderer and its documents.
    private func workers() -> Int {
        guard jobs > Self.cores, !forceJobs else { return jobs }
        FileHandle.standardError.write(Data("danju: --jobs \(jobs) capped at \(Self.cores), the number of cores (--force-jobs to insist)\n".utf8))
        return Self.cores
    }
}

/// A one-line progress bar on stderr, only when stderr is a terminal.
enum ProgressBar {
    static let enabled = isatty(STDERR_FILENO) == 1

    @Sendable static func update(done: Int, total: Int) {
        guard enabled, done == total || done % 10 == 0 else { return }
        let width = 30, filled = width * done / max(total, 1)
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        FileHandle.standardError.write(Data("\r\(bar) \(done)/\(total)".utf8))
    }

    static func finish() {
        if enabled { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}

struct Templates: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Lists the templates and their parameters.")

    func run() throws {
        do {
            let paths = try ProjectPaths.locate()
            for file in try paths.templateFiles() {
                let template = try TemplateLoader.load(file: file)
                let parameters = template.parameters.map { "--param \($0.name)=…  (\($0.label)\($0.example.map { ", e.g. \($0)" } ?? ""))" }
                print("\(template.name)\t\(template.subject.map(\.literalPrefix) ?? "")\t\(parameters.joined(separator: " "))")
            }
        } catch { throw fail(error) }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Checks a template's syntax, queries and fields against a database.")

    @OptionGroup var source: TemplateSource

    func run() throws {
        let problems: [TemplateError]
        let file: String
        do {
            file = try ProjectPaths.locate().template(source.template)
            problems = try DataSource(path: source.db).check(try TemplateLoader.load(file: file))
        } catch { throw fail(error) }
        for problem in problems { FileHandle.standardError.write(Data("danju: error: \(problem)\n".utf8)) }
        guard problems.isEmpty else { throw ExitCode.failure }
        print("\(file): ok")
    }
}

struct Calibrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Prints a ruler page to measure a printer's offset for pre-printed paper (套打).")

    @Option(help: "Paper: A4, A5, A3 or WIDTHxHEIGHT in millimetres (e.g. 241x279).")
    var paper = "A4"

    @Option(name: .shortAndLong, help: "Output PDF, or - for standard output.")
    var output: String

    func run() throws {
        Interruption.removeUnfinishedFiles()
        do {
            guard let size = PaperSize(paper) else { throw ValidationError(PaperSize.expected) }
            let paths = try ProjectPaths.locate()
            try RunInputs(paths: paths).check(output: output)
            try Calibration.write(paper: size, to: output, paths: paths)
        } catch { throw fail(error) }
    }
}
