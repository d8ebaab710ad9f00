import ArgumentParser
import DanjuBinding
import DanjuDemo
import DanjuDocuments
import DanjuGeometry
import DanjuLayout
import DanjuTemplate
import Foundation

@main
struct Danju: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draws a service shop's forms from its SQLite database into PDF.",
        discussion: """
            The shop database is --db, else $DANJU_DB, else `db:` in danju.yaml (in the working directory, then in the \
            danju folder). The output format is -o's extension (.pdf or .png) unless --format says; -o - is standard \
            output. Shell completion: danju --generate-completion-script bash|zsh|fish (see the README).

            EXIT STATUS
            \(ExitStatus.table)
            """,
        version: Version.description,
        subcommands: [Demo.self, DemoDB.self, Render.self, Batch.self, ClaimPackageCommand.self, Templates.self, Check.self, Calibrate.self])

    /// Parses the command line and runs the command; every error ends here (`finish`).
    static func main() async {
        do {
            var command = try await asyncParseAsRoot()
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            finish(after: error)
        }
    }

    /// Prints `error` once, as `danju: error: …`, and exits with its `ExitStatus`. The parser's own outcomes keep
    /// its wording: help, version and completions go to stdout with status 0, its usage errors (and a command's
    /// `ValidationError`) to stderr with status 2 (its default is 64), with the usage line when the parser found them.
    private static func finish(after error: any Error) -> Never {
        let text = fullMessage(for: error)
        switch exitCode(for: error) {
        case .success:
            if !text.isEmpty { print(text) }
            Foundation.exit(ExitStatus.done.rawValue)
        case .validationFailure:
            // A ValidationError a command throws while it runs is not the parser's: its usage line would be the root's.
            let report = error is ValidationError ? "danju: error: \(message(for: error))"
                : text.hasPrefix("Error: ") ? "danju: error: " + text.dropFirst("Error: ".count) : text
            FileHandle.standardError.write(Data((report + "\n").utf8))
            Foundation.exit(ExitStatus.usage.rawValue)
        default:
            // An ExitStatus thrown by a command follows what the command printed itself.
            if !(error is ExitStatus) { FileHandle.standardError.write(Data("danju: error: \(error)\n".utf8)) }
            Foundation.exit(ExitStatus(for: error).rawValue)
        }
    }
}

func warn(_ report: OverflowReport) {
    FileHandle.standardError.write(Data("danju: warning: \(report)\n".utf8))
}

/// The template and database every drawing command takes.
struct TemplateSource: ParsableArguments {
    @Argument(help: "Template name (see `danju templates`) or path to a .yaml file.",
              completion: .custom { _, _, _ in Completion.templateNames() })
    var template: String

    @OptionGroup var database: DatabaseOption

    /// The template's file. A name that is not one of the templates is answered with the nearest that is.
    func file(_ paths: ProjectPaths) throws -> String {
        do {
            return try paths.template(template)
        } catch let error as DocumentError {
            guard let nearest = Spelling.nearest(to: template, among: Completion.templateNames()) else { throw RequestError(error.description) }
            throw RequestError("no template “\(template)”: did you mean \(nearest)? (`danju templates` lists them)")
        }
    }

    /// What the run reads, which its output must not replace.
    func inputs(_ paths: ProjectPaths, template file: String, database: String, printing: PrintOptions) throws -> RunInputs {
        try RunInputs(paths: paths, database: database, template: file, printers: printing.printers)
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

    @Option(help: "The printer calibration file (default: printers.yaml in the danju folder).", completion: .file(extensions: ["yaml"]))
    var printers: String?

    func mode(_ paths: ProjectPaths, blank: Bool = false) throws -> PrintMode {
        PrintMode(blank: blank, draft: draft,
                  preprinted: try preprinted.map { try PrinterOffset.load(printer: $0, from: printers ?? paths.printersFile) })
    }
}

struct DemoDB: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo-db", abstract: "Writes the demo shop database (and its photos) to PATH.")

    @Argument(help: "The new database file; it must not exist.", completion: .file(extensions: ["sqlite"]))
    var path: String

    @Option(help: "Seed of the generator: the same seed gives the same file.")
    var seed: UInt64 = 1

    func validate() throws {
        if FileManager.default.fileExists(atPath: path) { throw ValidationError("\(path) already exists; demo-db writes a new file") }
    }

    func run() throws {
        try DemoShop.write(to: path, seed: seed)
        print(path)
    }
}

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Draws one document.")

    @OptionGroup var source: TemplateSource

    @Option(name: .customLong("param"), help: ArgumentHelp("A template parameter; repeat for several.", valueName: "name=value"))
    var parameters: [ParameterAssignment] = []

    @Flag(help: "Draw the empty form, for filling in by hand.")
    var blank = false

    @Option(name: .shortAndLong, help: "Output file: NAME.pdf, NAME.png (one file per page: NAME-1.png …), or - for standard output.",
            completion: .file(extensions: ["pdf", "png"]))
    var output: String

    @Option(help: "pdf or png; by default -o's extension says (standard output: pdf; PNG only for a one-page document).")
    var format: OutputFormat?

    @OptionGroup var printing: PrintOptions

    @OptionGroup var fit: FitOptions

    func validate() throws {
        if blank, !parameters.isEmpty { throw ValidationError("--blank takes no --param") }
        _ = try parameters.byName()
    }

    func run() throws {
        Interruption.removeUnfinishedFiles()
        let paths = try ProjectPaths.locate()
        let database = try source.database.choice(paths)
        try database.reading {
            let file = try source.file(paths)
            try source.inputs(paths, template: file, database: database.path, printing: printing).check(output: output)
            let format = try OutputName.format(of: output, asked: format, command: "render")
            let template = try TemplateLoader.load(file: file)
            let progress = ProgressLine("render", unit: "pages")
            defer { progress.finish() }
            var pages = 0
            let written = try DocumentRenderer(paths: paths, database: database.path)
                .render(template, parameters: try parameters.byName(), mode: try printing.mode(paths, blank: blank), to: output, format: format,
                        policy: fit.policy) { count in
                    pages = count
                    progress.update(count)
                }
            progress.finish()
            let files = output == OutputName.standardOutput ? "standard output" : written.count == 1 ? written[0] : "\(written[0]) … \(written[written.count - 1])"
            summarize("\(pages) \(pages == 1 ? "page" : "pages") into \(files) in \(progress.elapsed)")
            if format == .png { warnOfOlderPages(after: written) }
        }
    }

    /// A PNG set shorter than one written before leaves that one's last pages beside it: say so.
    private func warnOfOlderPages(after written: [String]) {
        guard written.count > 1 else { return }
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

    @Option(name: .shortAndLong, help: "FILE.pdf for one combined PDF (- for standard output), or DIR/ for one PDF per document.",
            completion: .file(extensions: ["pdf"]))
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
        let paths = try ProjectPaths.locate()
        let database = try source.database.choice(paths)
        let folder = output.hasSuffix("/") ? String(output.dropLast()) : nil
        let progress = ProgressLine("batch", unit: "documents")
        defer { progress.finish() }
        let summary = try await database.reading {
            let file = try source.file(paths)
            let inputs = try source.inputs(paths, template: file, database: database.path, printing: printing)
            if let folder {
                try inputs.check(folder: folder)
            } else {
                try inputs.check(output: output)
                guard output == OutputName.standardOutput || URL(fileURLWithPath: output).pathExtension.lowercased() == "pdf" else {
                    throw RequestError("-o \(output): a batch writes one combined PDF (name it .pdf, or - for standard output) "
                                       + "or one PDF per document into a folder (end the name with /)")
                }
            }
            let batch = BatchRenderer(paths: paths, database: database.path, template: try TemplateLoader.load(file: file), mode: try printing.mode(paths),
                                      policy: fit.policy, keepGoing: keepGoing) { done, total in progress.update(done, of: total) }
            return if let folder {
                try await batch.renderSeparate(each: each, into: folder, jobs: workers())
            } else {
                try await batch.renderCombined(each: each, to: output, jobs: workers())
            }
        }
        progress.finish()
        let written = folder != nil ? "\(summary.documents) documents into \(output)"
            : "\(summary.documents) documents, \(summary.pages) pages into \(output == OutputName.standardOutput ? "standard output" : output)"
        summarize("\(written) in \(progress.elapsed)")
        guard summary.skipped.isEmpty else {
            let list = summary.skipped.map { "danju: skipped \($0)\n" }.joined()
            FileHandle.standardError.write(Data((list + "danju: error: \(summary.skipped.count) document(s) left out (--keep-going)\n").utf8))
            throw ExitStatus.refused
        }
    }

    /// `--jobs`, capped at the cores unless forced: each worker holds a renderer and its documents.
    private func workers() -> Int {
        guard jobs > Self.cores, !forceJobs else { return jobs }
        FileHandle.standardError.write(Data("danju: --jobs \(jobs) capped at \(Self.cores), the number of cores (--force-jobs to insist)\n".utf8))
        return Self.cores
    }
}

struct Templates: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Lists the templates and their parameters.")

    func run() throws {
        let paths = try ProjectPaths.locate()
        for file in try paths.templateFiles() {
            let template = try TemplateLoader.load(file: file)
            print("\(template.name)\t\(template.subject.map(\.literalPrefix) ?? "")\t\(template.parameters.map(\.usage).joined(separator: " "))")
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Checks a template's syntax, queries and fields against a database.")

    @OptionGroup var source: TemplateSource

    func run() throws {
        let paths = try ProjectPaths.locate()
        let database = try source.database.choice(paths)
        try database.reading {
            let file = try source.file(paths)
            let problems = try DataSource(path: database.path).check(try TemplateLoader.load(file: file))
            for problem in problems { FileHandle.standardError.write(Data("danju: error: \(problem)\n".utf8)) }
            guard problems.isEmpty else { throw ExitStatus.dataError }
            print("\(file): ok")
        }
    }
}

struct Calibrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Prints a ruler page to measure a printer's offset for pre-printed paper (套打).")

    @Option(help: "Paper: A4, A5, A3 or WIDTHxHEIGHT in millimetres (e.g. 241x279).")
    var paper = "A4"

    @Option(name: .shortAndLong, help: "Output PDF, or - for standard output.", completion: .file(extensions: ["pdf"]))
    var output: String

    func run() throws {
        Interruption.removeUnfinishedFiles()
        guard let size = PaperSize(paper) else { throw ValidationError(PaperSize.expected) }
        let paths = try ProjectPaths.locate()
        try RunInputs(paths: paths).check(output: output)
        _ = try OutputName.format(of: output, asked: nil, command: "calibrate", writes: [.pdf])
        try Calibration.write(paper: size, to: output, paths: paths)
    }
}
