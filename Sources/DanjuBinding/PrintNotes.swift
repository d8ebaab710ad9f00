import DanjuTemplate

/// What a document's data held that does not print as stored, noted while values are bound and reported with
/// the document's other print reports (one line each; `--strict` refuses the document).
public final class PrintNotes {
    public struct Note: Hashable, Sendable {
        public let location: SourceLocation
        /// Where the value came from: `column “remark” of query “order”`, or of a table row named by its first column.
        public let source: String
        /// The value as printed (marks included).
        public let text: String
        public let problem: String
    }

    public private(set) var notes: [Note] = []
    private var seen: Set<Note> = []

    public init() {}

    func add(_ note: Note) {
        if seen.insert(note).inserted { notes.append(note) }
    }
}
