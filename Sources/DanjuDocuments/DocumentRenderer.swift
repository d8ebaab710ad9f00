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

    /// Binds and lays out one document, handing each finished page (in the print mode asked for) to `emit`
    /// as soon as it is full, so a long list is never held whole. Overflowing text is reported through
    /// `policy` at the end (and fails then when strict: the caller must not keep what it was given).
    /// Without `readImages` only the pages are counted right: images are left out, unread.
    @discardableResult
    public func layout(_ template: Template, parameters: [String: String], mode: PrintMode = PrintMode(), policy: FitPolicy,
                       readImages: Bool = true,
                       start: (DocumentInfo) throws -> Void, emit: @escaping (Page) throws -> Void) throws -> [OverflowReport] {
        let overflows = try source.read(template, parameters: parameters, blank: mode.blank, draft: mode.draft) { bindings in
            try start(try DocumentInfo(template, bindings: bindings))
            let record = mode.blank ? "blank form" : DataSource.describe(parameters)
            return try DocumentLayout.layout(template, bindings: bindings, typesetter: typesetter,
                                             options: LayoutOptions(record: record, imageRoot: source.photoRoot, draft: mode.draft,
                                                                    readImages: readImages)) { [typesetter] page in
                if let offset = mode.preprinted { page.keepDataOnly(shiftedBy: offset) }
                if !bindings.refusals.isEmpty { page.markDraft(bindings.refusals, typesetter: typesetter) }
                try emit(page)
            }
        }
        overflows.forEach(policy.report)
        if policy.strict, !overflows.isEmpty {
            throw DocumentError("\(overflows.count) text(s) did not fit (--strict); nothing was written")
        }
        return overflows
    }

    /// The whole document at once: for forms of a few pages.
    public func layout(_ template: Template, parameters: [String: String], mode: PrintMode = PrintMode(), policy: FitPolicy,
                       readImages: Bool = true) throws -> LaidOutDocument {
        var info: DocumentInfo?
        var pages: [Page] = []
        let overflows = try layout(template, parameters: parameters, mode: mode, policy: policy, readImages: readImages,
                                   start: { info = $0 }, emit: { pages.append($0) })
        return LaidOutDocument(pages: pages, overflows: overflows, info: info!)
    }

    /// Numbers `pages` within a bound set of `total` pages, the first being page `first`, in the bottom margin.
    func numberPages(_ pages: [Page], first: Int, total: Int, label: String) {
        for (index, page) in pages.enumerated() {
            page.stampBottom("\(label) 第 \(first + index) 页 / 共 \(total) 页", typesetter: typesetter)
        }
    }

    /// Renders one document to `output` (PDF, or PNG pages `name-N.png` when it has several pages).
    /// A PDF is written page by page as the layout finishes them, on another thread.
    public func render(_ template: Template, parameters: [String: String], mode: PrintMode = PrintMode(), to output: String,
                       format: OutputFormat, policy: FitPolicy) throws {
        switch format {
        case .pdf:
            try AtomicFile.write(to: output) { temporary in
                var writer: BackgroundPDFWriter?
                defer { writer?.drain() }
                try layout(template, parameters: parameters, mode: mode, policy: policy, start: { info in
                    writer = BackgroundPDFWriter(try PDFWriter(path: temporary, metadata: info.metadata, artwork: artwork))
                }, emit: { try writer!.add($0) })
                try writer!.finish()
            }
        case .png:
            let document = try layout(template, parameters: parameters, mode: mode, policy: policy)
            for (index, page) in document.pages.enumerated() {
                let path = document.pages.count == 1 ? output : Self.numbered(output, page: index + 1)
                try AtomicFile.write(to: path) { try PNGWriter.write(page, to: $0) }
            }
        }
    }

    static func numbered(_ path: String, page: Int) -> String {
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
