import Dispatch
import DanjuLayout
import Synchronization

/// Writes a document's pages into its PDF on a thread of its own while the caller lays out the next ones:
/// Cairo's drawing and PDF encoding of one page overlap the data reading, Pango layout and pagination of the
/// next, so a long document keeps two cores busy. The pages written are the same, so is the file. At most
/// `window` pages wait, so memory does not grow with the page count.
///
/// Sendable by hand: the PDF writer is touched only on `queue`.
public final class BackgroundPDFWriter: @unchecked Sendable {
    private let writer: PDFWriter
    private let queue = DispatchQueue(label: "danju.pdf-writer")
    private let room: DispatchSemaphore
    private let failure = Mutex<(any Error)?>(nil)

    public init(_ writer: PDFWriter, window: Int = 8) {
        self.writer = writer
        room = DispatchSemaphore(value: max(1, window))
    }

    /// Queues a finished page (not to be changed after); waits while `window` pages are queued. Throws the error
    /// an earlier page met, if any.
    public func add(_ page: Page) throws {
        try rethrowFailure()
        room.wait()
        queue.async { [self] in
            defer { room.signal() }
            guard failure.withLock({ $0 == nil }) else { return }
            do { try writer.add([page]) } catch { failure.withLock { $0 = $0 ?? error } }
        }
    }

    /// Waits for the queued pages, lets `last` add what goes after them (bookmarks), then completes the file.
    public func finish(_ last: (PDFWriter) throws -> Void = { _ in }) throws {
        try queue.sync {
            try rethrowFailure()
            try last(writer)
            try writer.finish()
        }
    }

    /// Waits for the queued pages without completing the file: a caller that gives up must not leave this
    /// thread writing (or using the artwork cache the writer shares) after it has moved on.
    public func drain() {
        queue.sync {}
    }

    private func rethrowFailure() throws {
        if let error = failure.withLock({ $0 }) { throw error }
    }
}
