import DanjuBinding
import DanjuLayout
import DanjuRender
import DanjuTemplate
import DanjuText
import Foundation

public enum OutputFormat: String, Sendable, CaseIterable {
    case pdf, png
}

/// Texts that did not fit, collected while drawing; with `strict` the first document that has any fails.
public struct FitPolicy: Sendable {
    public var strict: Bool
    public var report: @Sendable (OverflowReport) -> Void

    public init(strict: Bool, report: @escaping @Sendable (OverflowReport) -> Void) {
        self.strict = strict
        self.report = report
    }
}

/// How a document is printed.
public struct PrintMode: Sendable {
    /// The empty form, for handwriting (every parameter NULL).
    public var blank: Bool
    /// Print a document its `refuse` queries refuse, with a banner naming the reasons.
    public var draft: Bool
    /// Pre-printed paper (套打): only the data, shifted by this printer's offset.
    public var preprinted: PrinterOffset?

    public init(blank: Bool = false, draft: Bool = false, preprinted: PrinterOffset? = nil) {
        self.blank = blank
        self.draft = draft
        self.preprinted = preprinted
    }
}

/// Draws documents from one database. Holds the fonts and Pango context, so make one per task.
public final class DocumentRenderer {
    public let source: DataSource
    let typesetter: Typesetter
    /// Shared by every PDF this renderer writes: one form's artwork is recorded once per process.
    let artwork = ArtworkCache()

    public init(paths: ProjectPaths, database: String) throws {
        source = try DataSource(path: database)
        typesetter = Typesetter(fonts: try FontLibrary(configFile: paths.fontsConfig, requiredFamilies: ["Danju Hei"]))
    }

    /// Binds and lays out one document, handing each finished page (in the print mode asked for) to the sink
    /// `open` makes from the document's description, as soon as the page is full, so a long list is never held
    /// whole. Overflowing text is reported through `policy` at the end (and fails then when strict: the caller
    /// must not keep what it was given). Without `readImages` only the pages are counted right: images are left
    /// out, unread. A sink that was opened is abandoned when the document fails.
    public func layout<Sink: PageSink>(_ template: Template, parameters: [String: String], mode: PrintMode = PrintMode(),
                                       policy: FitPolicy, readImages: Bool = true,
                                       into open: (DocumentInfo) throws -> Sink) throws -> (sink: Sink, overflows: [OverflowReport]) {
        let (sink, overflows) = try source.read(template, parameters: parameters, blank: mode.blank, draft: mode.draft) { bindings in
            let sink = try open(try DocumentInfo(template, bindings: bindings))
            let record = mode.blank ? "blank form" : DataSource.describe(parameters)
            do {
                return (sink, try DocumentLayout.layout(template, bindings: bindings, typesetter: typesetter,
                                                        options: LayoutOptions(record: record, imageRoot: source.photoRoot, draft: mode.draft,
                                                                               readImages: readImages)) { [typesetter] page in
                    if let offset = mode.preprinted { page.keepDataOnly(shiftedBy: offset) }
                    if !bindings.refusals.isEmpty { page.markDraft(bindings.refusals, typesetter: typesetter) }
                    try sink.add(page)
                })
            } catch {
                sink.abandon()
                throw error
            }
        }
        overflows.forEach(policy.report)
        if policy.strict, !overflows.isEmpty {
            sink.abandon()
            throw RefusedDocument("\(overflows.count) text(s) did not fit (--strict); nothing was written")
        }
        return (sink, overflows)
    }

    /// The whole document at once: for forms of a few pages.
    public func layout(_ template: Template, parameters: [String: String], mode: PrintMode = PrintMode(), policy: FitPolicy,
                       readImages: Bool = true) throws -> LaidOutDocument {
        let (pages, overflows) = try layout(template, parameters: parameters, mode: mode, policy: policy, readImages: readImages,
                                            into: HeldPages.init)
        return LaidOutDocument(pages: pages.pages, overflows: overflows, info: pages.info)
    }

    /// Numbers `pages` within a bound set of `total` pages, the first being page `first`, in the bottom margin.
    func numberPages(_ pages: [Page], first: Int, total: Int, label: String) {
        for (index, page) in pages.enumerated() {
            page.stampBottom("\(label) 第 \(first + index) 页 / 共 \(total) 页", typesetter: typesetter)
        }
    }

    /// Renders one document to `output` (PDF, or PNG pages `name-N.png` when it has several pages; `-` is
    /// standard output) and returns the files written. Nothing is in place until every page is drawn.
    /// `progress` is called with the number of pages drawn so far.
    @discardableResult
    public func render(_ template: Template, parameters: [String: String], mode: PrintMode = PrintMode(), to output: String,
                       format: OutputFormat, policy: FitPolicy, progress: @escaping (Int) -> Void = { _ in }) throws -> [String] {
        let files = try draw(template, parameters: parameters, mode: mode, to: output, format: format, policy: policy, progress: progress)
        try AtomicFile.commit(files)
        return files.map(\.target)
    }

    /// Draws one document into temporary files beside their targets, which `AtomicFile.commit` puts in place.
    /// A PDF is written page by page as the layout finishes them, on another thread.
    func draw(_ template: Template, parameters: [String: String], mode: PrintMode, to output: String,
              format: OutputFormat, policy: FitPolicy, progress: @escaping (Int) -> Void = { _ in }) throws -> [AtomicFile] {
        switch format {
        case .pdf:
            let file = try AtomicFile(output)
            let (pdf, _) = try layout(template, parameters: parameters, mode: mode, policy: policy) { [artwork] info in
                PDFPages(BackgroundPDFWriter(try PDFWriter(path: file.temporaryPath, metadata: info.metadata, artwork: artwork)),
                         progress: progress)
            }
            try pdf.finish()
            return [file]
        case .png:
            let pages = try layout(template, parameters: parameters, mode: mode, policy: policy).pages
            if output == AtomicFile.standardOutput, pages.count > 1 {
                throw RequestError("the document has \(pages.count) pages, and PNG to standard output (-o -) takes one page: "
                                    + "give -o NAME.png for NAME-1.png … NAME-\(pages.count).png, or --format pdf")
            }
            let files = try pages.indices.map { try AtomicFile(pages.count == 1 ? output : Self.pngPage($0 + 1, of: output)) }
            for (index, (page, file)) in zip(pages, files).enumerated() {
                try PNGWriter.write(page, to: file.temporaryPath)
                progress(index + 1)
            }
            return files
        }
    }

    /// Page `page` of a PNG set written to `path`: `name.png` → `name-2.png`.
    public static func pngPage(_ page: Int, of path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let stem = url.deletingPathExtension().lastPathComponent
        return url.deletingLastPathComponent().appendingPathComponent("\(stem)-\(page).\(url.pathExtension)").path
    }
}

extension DocumentInfo {
    var metadata: PDFMetadata {
        PDFMetadata(title: title, author: author, subject: subject, date: date.isEmpty ? PDFMetadata.undated : date)
    }
}
