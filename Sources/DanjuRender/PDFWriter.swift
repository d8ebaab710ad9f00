import CCairo
import DanjuLayout

/// Document information written into the PDF. `date` comes from the data (ISO 8601), never the clock,
/// so the same input gives the same bytes.
public struct PDFMetadata: Sendable {
    public var title: String
    public var author: String
    public var subject: String
    public var date: String

    /// The date of a document that has none in its data (a blank form, a calibration page), fixed so
    /// the file stays reproducible.
    public static let undated = "2000-01-01T00:00:00Z"

    public init(title: String, author: String, subject: String, date: String) {
        self.title = title
        self.author = author
        self.subject = subject
        self.date = date
    }
}

/// Writes pages into one PDF file. Call `finish()` to complete it; callers write to a temporary path and
/// rename, so no half-written file is ever left at the target.
public final class PDFWriter {
    let surface: OpaquePointer
    private let cairo: OpaquePointer
    public let path: String
    public private(set) var pageCount = 0
    private let artwork: ArtworkCache

    /// `artwork` may be shared by the writers of one task: a recording replays into any PDF.
    public init(path: String, metadata: PDFMetadata, artwork: ArtworkCache = ArtworkCache()) throws {
        surface = cairo_pdf_surface_create(path, 595.276, 841.89)
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            let status = String(cString: cairo_status_to_string(cairo_surface_status(surface)))
            cairo_surface_destroy(surface)
            throw RenderError("cannot create \(path): \(status)")
        }
        cairo = cairo_create(surface)
        self.path = path
        self.artwork = artwork
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, metadata.title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, metadata.author)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, metadata.subject)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "danju")
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, metadata.date)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, metadata.date)
    }

    deinit {
        cairo_destroy(cairo)
        cairo_surface_destroy(surface)
    }

    public func add(_ pages: [Page]) throws {
        let renderer = PageRenderer(cairo: cairo, decodeImages: false)
        for page in pages {
            cairo_pdf_surface_set_size(surface, page.width, page.height)
            if !page.artwork.isEmpty {
                try artwork.paint(ArtworkKey(page), on: cairo) {
                    try Recording(width: page.width, height: page.height, items: page.artwork)
                }
            }
            try renderer.draw(page.items)
            try endPage()
        }
    }

    private func endPage() throws {
        cairo_show_page(cairo)
        pageCount += 1
        try checkStatus()
    }

    public func finish() throws {
        cairo_surface_finish(surface)
        try checkStatus()
    }

    private func checkStatus() throws {
        let status = cairo_status(cairo) != CAIRO_STATUS_SUCCESS ? cairo_status(cairo) : cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw RenderError("writing \(path) failed: \(String(cString: cairo_status_to_string(status)))")
        }
    }
}

/// Writes one page as a PNG preview at `dpi`.
public enum PNGWriter {
    public static func write(_ page: Page, to path: String, dpi: Double = 110) throws {
        let scale = dpi / 72
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32((page.width * scale).rounded()), Int32((page.height * scale).rounded()))
        let cairo = cairo_create(surface)
        defer {
            cairo_destroy(cairo)
            cairo_surface_destroy(surface)
        }
        cairo_set_source_rgb(cairo, 1, 1, 1)
        cairo_paint(cairo)
        cairo_scale(cairo, scale, scale)
        try PageRenderer(cairo: cairo!, decodeImages: true).draw(page.allItems)
        guard cairo_surface_write_to_png(surface, path) == CAIRO_STATUS_SUCCESS else {
            throw RenderError("cannot write \(path)")
        }
    }
}

public struct RenderError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
