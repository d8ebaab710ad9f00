import DanjuLayout
import DanjuRender

/// Where a document's pages go, one by one as the layout finishes them: a PDF being written, or pages held.
public protocol PageSink: AnyObject {
    func add(_ page: Page) throws
    /// The document failed after its first pages: let go of what the sink holds (a writer's thread) before the
    /// caller moves on.
    func abandon()
}

extension PageSink {
    public func abandon() {}
}

/// Every page of a short document, with its description, held for the caller.
final class HeldPages: PageSink {
    let info: DocumentInfo
    private(set) var pages: [Page] = []

    init(info: DocumentInfo) { self.info = info }

    func add(_ page: Page) { pages.append(page) }
}

/// A PDF written page by page on the writer's thread while the next pages are laid out; `progress` hears
/// the number of pages handed over so far.
final class PDFPages: PageSink {
    private let writer: BackgroundPDFWriter
    private let progress: (Int) -> Void
    private var count = 0

    init(_ writer: BackgroundPDFWriter, progress: @escaping (Int) -> Void) {
        self.writer = writer
        self.progress = progress
    }

    func add(_ page: Page) throws {
        try writer.add(page)
        count += 1
        progress(count)
    }

    func abandon() { writer.drain() }

    func finish() throws { try writer.finish() }
}
