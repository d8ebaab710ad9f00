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

    /// Binds and lays out one document; overflowing text is reported through `policy` (and fails when strict).
    public func layout(_ template: Template, parameters: [String: String], mode: PrintMode = PrintMode(), policy: FitPolicy) throws -> LaidOutDocument {
        let bindings = try source.bindings(for: template, parameters: parameters, blank: mode.blank, draft: mode.draft)
        let record = mode.blank ? "blank form" : DataSource.describe(parameters)
        let document = try DocumentLayout.layout(template, bindings: bindings, typesetter: typesetter,
                                                 options: LayoutOptions(record: record, imageRoot: source.photoRoot))
        document.overflows.forEach(policy.report)
        if policy.strict, !document.overflows.isEmpty {
            throw DocumentError("\(document.overflows.count) text(s) did not fit (--strict); nothing was written")
        }
        for page in document.pages {
            if let offset = mode.preprinted { page.keepDataOnly(shiftedBy: offset) }
            if !bindings.refusals.isEmpty { page.markDraft(bindings.refusals, typesetter: typesetter) }
        }
        return document
    }



    /// Renders one document to `output` (PDF, or PNG pages `name-N.png` when it has several pages).
    public func render(_ template: Template, parameters: [String: String], mode: PrintMode = PrintMode(), to output: String,
                       format: OutputFormat, policy: FitPolicy) throws {
        let document = try layout(template, parameters: parameters, mode: mode, policy: policy)
        switch format {
        case .pdf:
            try AtomicFile.write(to: output) { temporary in
                let writer = try PDFWriter(path: temporary, metadata: document.metadata, artwork: artwork)
                try writer.add(document.pages)
                try writer.finish()
            }
        case .png:
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

extension LaidOutDocument {
    var metadata: PDFMetadata {
        PDFMetadata(title: title, author: author, subject: subject, date: date.isEmpty ? PDFMetadata.undated : date)
    }
}
