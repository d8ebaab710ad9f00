import DanjuBinding
import DanjuLayout
import DanjuRender
import DanjuTemplate
import Foundation

/// Many documents from one template: one row of the `each` query per document, its columns the parameters.
/// Into one PDF (all pages in order), or one PDF per document into a folder, spread over `jobs` workers.
///
/// Either way the output appears at the end, all at once: the PDF, or every file of the folder (renamed into
/// place together once the last is drawn). A document that fails stops the batch, naming its row, and nothing
/// is written — unless `keepGoing`, when it is left out, the rest are written, and the summary lists it.
public struct BatchRenderer: Sendable {
    public let paths: ProjectPaths
    public let database: String
    public let template: Template
    /// Drafts, pre-printed paper; never blank (a batch fills documents from rows).
    public let mode: PrintMode
    public let policy: FitPolicy
    /// Leave out a document that fails and write the others.
    public let keepGoing: Bool
    /// Called with (documents done, total) after each document.
    public let progress: @Sendable (Int, Int) -> Void

    public init(paths: ProjectPaths, database: String, template: Template, mode: PrintMode = PrintMode(), policy: FitPolicy,
                keepGoing: Bool = false, progress: @escaping @Sendable (Int, Int) -> Void) {
        self.paths = paths
        self.database = database
        self.template = template
        self.mode = mode
        self.policy = policy
        self.keepGoing = keepGoing
        self.progress = progress
    }

    public struct Summary: Sendable {
        /// Documents written.
        public let documents: Int
        /// Pages written (of the combined PDF; 0 for a folder).
        public let pages: Int
        /// The documents left out under `keepGoing`, each error naming its `--each` row, in row order.
        public let skipped: [BatchRowError]
    }

    /// All documents into the single PDF `output`, in query order.
    /// `jobs` tasks lay out documents while this one writes them, so both cores work.
    public func renderCombined(each sql: String, to output: String, jobs: Int) async throws -> Summary {
        let rows = try eachRows(sql)
        let file = try AtomicFile(output)
        let workers = max(1, min(jobs, rows.count))
        let pipeline = OrderedPipeline<Result<LaidOutDocument, BatchRowError>>(window: 4 * workers)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<workers {
                group.addTask {
                    do {
                        let renderer = try DocumentRenderer(paths: paths, database: database)
                        for index in stride(from: worker, to: rows.count, by: workers) {
                            try await pipeline.waitForRoom(index)
                            let document = attempt(rows, index) {
                                try renderer.layout(template, parameters: rows.parameters(index), mode: mode, policy: policy)
                            }
                            if case .failure(let error) = document, !keepGoing { throw error }
                            await pipeline.put(index, document)
                        }
                    } catch {
                        await pipeline.fail(error)
                        throw error
                    }
                }
            }
            do {
                var writer: PDFWriter?
                var skipped: [BatchRowError] = []
                for index in rows.indices {
                    switch try await pipeline.take() {
                    case .success(let document):
                        let pdf = try writer ?? {
                            // The file takes its description from the first document that prints.
                            var metadata = document.info.metadata
                            metadata.title = "\(template.title.literalPrefix)×\(rows.count)"
                            return try PDFWriter(path: file.temporaryPath, metadata: metadata)
                        }()
                        writer = pdf
                        try pdf.add(document.pages)
                    case .failure(let error):
                        skipped.append(error)
                    }
                    progress(index + 1, rows.count)
                }
                try await group.waitForAll()
                guard let writer else { throw BatchFailure(failures: skipped) }
                try writer.finish()
                try file.commit()
                return Summary(documents: rows.count - skipped.count, pages: writer.pageCount, skipped: skipped)
            } catch {
                // Wake workers waiting for room, or the group would wait for them forever.
                await pipeline.fail(error)
                throw error
            }
        }
    }

    /// One PDF per document into `folder`, named `TEMPLATE-VALUE.pdf` after the first parameter column. Rows
    /// whose names would be the same (a repeated row, or `AB/1` and `AB_1` once `/` is replaced) are refused
    /// before anything is drawn.
    public func renderSeparate(each sql: String, into folder: String, jobs: Int) async throws -> Summary {
        let rows = try eachRows(sql)
        let names = try fileNames(rows, in: folder)
        for name in names { try OutputTarget.checkReplaceable(name) }
        let workers = max(1, min(jobs, rows.count))
        let counter = Counter()
        let drawn = try await withThrowingTaskGroup(of: [(Int, Result<[AtomicFile], BatchRowError>)].self) { group in
            for worker in 0..<workers {
                group.addTask {
                    let renderer = try DocumentRenderer(paths: paths, database: database)
                    var drawn: [(Int, Result<[AtomicFile], BatchRowError>)] = []
                    for index in stride(from: worker, to: rows.count, by: workers) {
                        try Task.checkCancellation()
                        let files = attempt(rows, index) {
                            try renderer.draw(template, parameters: rows.parameters(index), mode: mode, to: names[index], format: .pdf, policy: policy)
                        }
                        if case .failure(let error) = files, !keepGoing { throw error }
                        drawn.append((index, files))
                        progress(await counter.increment(), rows.count)
                    }
                    return drawn
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }.sorted { $0.0 < $1.0 }.map(\.1)
        }
        let files = drawn.flatMap { (try? $0.get()) ?? [] }
        let skipped = drawn.compactMap { if case .failure(let error) = $0 { error } else { nil } }
        guard !files.isEmpty else { throw BatchFailure(failures: skipped) }
        try AtomicFile.commit(files)
        return Summary(documents: files.count, pages: 0, skipped: skipped)
    }

    /// The `--each` rows: at least one, and its columns the template's parameters, checked before any is drawn.
    private func eachRows(_ sql: String) throws -> EachRows {
        let rows = try DataSource(path: database).eachRows(sql)
        guard !rows.isEmpty else { throw RequestError("--each returned no rows: nothing to draw") }
        do { try RequestError.checkParameters(rows.columns, of: template) } catch {
            throw RequestError("--each: \(error)")
        }
        return rows
    }

    /// `TEMPLATE-VALUE.pdf` for each row, VALUE the first parameter with `/` and control characters replaced
    /// by `_`. Throws, naming the rows, when two rows would get the same name or a name is empty or too long.
    private func fileNames(_ rows: EachRows, in folder: String) throws -> [String] {
        guard let key = template.parameters.first?.name, rows.columns.contains(key) else {
            throw RequestError("--each must return a column named after the template's first parameter"
                                + (template.parameters.first.map { " (“\($0.name)”)" } ?? ""))
        }
        var problems: [String] = []
        var firstRow: [String: Int] = [:]
        let names = rows.indices.map { index in
            let value = rows.value(key, index) ?? ""
            let safe = String(value.unicodeScalars.map { $0 == "/" || $0.properties.generalCategory == .control ? "_" : Character($0) })
            let name = "\(template.name)-\(safe).pdf"
            if value.isEmpty {
                problems.append("\(rows.describe(index)) has no \(key) to name its file")
            } else if name.utf8.count > Self.longestName {
                problems.append("\(rows.describe(index)) would need a file name of \(name.utf8.count) bytes (at most \(Self.longestName))")
            } else if let first = firstRow[name] {
                problems.append(rows.parameters(first) == rows.parameters(index)
                    ? "--each row \(index + 1) repeats row \(first + 1) (\(rows.record(index))): both would be written to \(name)"
                    : "--each rows \(first + 1) (\(rows.record(first))) and \(index + 1) (\(rows.record(index))) would both be written to \(name)")
            } else {
                firstRow[name] = index
            }
            return "\(folder)/\(name)"
        }
        guard problems.isEmpty else {
            let shown = 20
            throw RequestError("nothing was written: \(problems.count) row(s) cannot have a file of their own in \(folder)/:\n  "
                                + problems.prefix(shown).joined(separator: "\n  ") + (problems.count > shown ? "\n  …" : ""))
        }
        return names
    }

    /// A file name's limit is 255 bytes; its temporary name adds about 25.
    private static let longestName = 225
}

/// Draws row `index`'s document; an error names the row.
private func attempt<T>(_ rows: EachRows, _ index: Int, _ body: () throws -> T) -> Result<T, BatchRowError> {
    do { return .success(try body()) } catch { return .failure(rows.failure(index, error)) }
}

private actor Counter {
    private var value = 0
    func increment() -> Int {
        value += 1
        return value
    }
}
