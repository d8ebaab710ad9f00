import DanjuLayout
import DanjuRender
import DanjuTemplate
import Foundation

/// Many documents from one template: one row of the `each` query per document, its columns the parameters.
/// Into one PDF (all pages in order), or one PDF per document into a folder, spread over `jobs` workers.
public struct BatchRenderer: Sendable {
    public let paths: ProjectPaths
    public let database: String
    public let template: Template
    /// Drafts, pre-printed paper; never blank (a batch fills documents from rows).
    public let mode: PrintMode
    public let policy: FitPolicy
    /// Called with (documents done, total) after each document.
    public let progress: @Sendable (Int, Int) -> Void

    public init(paths: ProjectPaths, database: String, template: Template, mode: PrintMode = PrintMode(), policy: FitPolicy,
                progress: @escaping @Sendable (Int, Int) -> Void) {
        self.paths = paths
        self.database = database
        self.template = template
        self.mode = mode
        self.policy = policy
        self.progress = progress
    }

    /// All documents into the single PDF `output`, in query order; returns the number of pages.
    /// `jobs` tasks lay out documents while this one writes them, so both cores work.
    public func renderCombined(each sql: String, to output: String, jobs: Int) async throws -> Int {
        let rows = try DataSource(path: database).parameterRows(sql)
        guard !rows.isEmpty else { throw DocumentError("--each returned no rows: nothing to draw") }
        let workers = max(1, min(jobs, rows.count))
        let pipeline = OrderedPipeline<LaidOutDocument>(window: 4 * workers)
        let file = try AtomicFile(output)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<workers {
                group.addTask {
                    do {
                        let renderer = try DocumentRenderer(paths: paths, database: database)
                        for index in stride(from: worker, to: rows.count, by: workers) {
                            try await pipeline.waitForRoom(index)
                            let document = try renderer.layout(template, parameters: rows[index], mode: mode, policy: policy)
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
                for index in rows.indices {
                    let document = try await pipeline.take()
                    if writer == nil {
                        var metadata = document.info.metadata
                        metadata.title = "\(template.title.literalPrefix)×\(rows.count)"
                        writer = try PDFWriter(path: file.temporaryPath, metadata: metadata)
                    }
                    try writer!.add(document.pages)
                    progress(index + 1, rows.count)
                }
                try await group.waitForAll()
                try writer!.finish()
                try file.commit()
                return writer!.pageCount
            } catch {
                // Wake workers waiting for room, or the group would wait for them forever.
                await pipeline.fail(error)
                throw error
            }
        }
    }

    /// One PDF per document into `folder`, named `TEMPLATE-VALUE.pdf` after the first parameter column.
    public func renderSeparate(each sql: String, into folder: String, jobs: Int) async throws -> Int {
        let rows = try DataSource(path: database).parameterRows(sql)
        guard !rows.isEmpty else { throw DocumentError("--each returned no rows: nothing to draw") }
        let names = try rows.map { row in
            guard let key = template.parameters.first?.name, let value = row[key], !value.isEmpty else {
                throw DocumentError("--each must return a column named after the template's first parameter")
            }
            return "\(folder)/\(template.name)-\(value.replacingOccurrences(of: "/", with: "_")).pdf"
        }
        let workers = max(1, min(jobs, rows.count))
        let counter = Counter()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<workers {
                group.addTask {
                    let renderer = try DocumentRenderer(paths: paths, database: database)
                    for index in stride(from: worker, to: rows.count, by: workers) {
                        try renderer.render(template, parameters: rows[index], mode: mode, to: names[index], format: .pdf, policy: policy)
                        progress(await counter.increment(), rows.count)
                    }
                }
            }
            try await group.waitForAll()
        }
        return rows.count
    }
}

private actor Counter {
    private var value = 0
    func increment() -> Int {
        value += 1
        return value
    }
}
