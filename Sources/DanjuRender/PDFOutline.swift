import CCairo

extension PDFWriter {
    /// The id of the outline root: bookmarks added under it are top-level.
    public static let outlineRoot: Int32 = 0

    /// Adds a bookmark (PDF outline item) to page `page` (1-based, in this file) under `parent`; returns
    /// its id, the parent of any bookmarks nested under it. Cairo resolves the page when the file is finished.
    @discardableResult
    public func addBookmark(_ title: String, page: Int, under parent: Int32 = outlineRoot, open: Bool = false) -> Int32 {
        Int32(cairo_pdf_surface_add_outline(surface, parent, title, "page=\(page)",
                                            open ? CAIRO_PDF_OUTLINE_FLAG_OPEN : cairo_pdf_outline_flags_t(rawValue: 0)))
    }
}
