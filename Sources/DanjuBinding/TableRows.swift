import DanjuDatabase
import DanjuTemplate

/// The rows a table prints: held in memory (a short list, a test), or read from the database in order each
/// time the table is laid out, so a 60,000-row list is never in memory at once. A table reads row by row and
/// looks one row back and ahead (group runs, section ends): a few rows around the last one asked for are kept,
/// and going further back starts the query again.
public final class TableRows {
    public let count: Int
    private let held: [Row]?
    /// Starts reading the rows from the first; the function returned gives the next row, nil after the last.
    private let start: () throws -> () throws -> Row?
    private var next: (() throws -> Row?)?
    /// Rows `first ..< first + window.count`, the last ones read.
    private var window: [Row] = []
    private var first = 0
    private static let kept = 4
    /// What a second reading that finds fewer rows than the first is reported as (it cannot happen inside one
    /// read transaction, unless the query itself is not deterministic).
    private let shortfall: any Error

    public init(_ rows: [Row]) {
        count = rows.count
        held = rows
        start = { { nil } }
        shortfall = DatabaseError("held rows are never read again")
    }

    /// `count` rows of `query`, read from the first by `start` whenever needed.
    public init(count: Int, query: Query, start: @escaping () throws -> () throws -> Row?) {
        self.count = count
        held = nil
        self.start = start
        shortfall = TemplateError("query “\(query.name)” returned fewer rows than it did a moment ago (is it ordered by something that changes?)",
                                  at: query.location)
    }

    public var isEmpty: Bool { count == 0 }

    /// Whether the rows are in memory rather than read from the database (a list too long to hold).
    public var isHeld: Bool { held != nil }

    /// Row `index` (0 ≤ index < count).
    public func row(_ index: Int) throws -> Row {
        precondition(index >= 0 && index < count, "row \(index) of \(count)")
        if let held { return held[index] }
        if next == nil || index < first {
            next = try start()
            window = []
            first = 0
        }
        while first + window.count <= index {
            // The read transaction keeps the data still, so a second reading finds the rows the first counted.
            guard let row = try next!() else { throw shortfall }
            window.append(row)
            if window.count > Self.kept {
                window.removeFirst()
                first += 1
            }
        }
        return window[index - first]
    }

    /// All rows in memory, for a table that reads them out of order (side-by-side sets).
    public func all() throws -> [Row] {
        if let held { return held }
        return try (0..<count).map(row)
    }
}
