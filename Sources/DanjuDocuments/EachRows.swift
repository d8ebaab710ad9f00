import DanjuBinding
import DanjuDatabase
import DanjuTemplate

/// The rows of a batch's `--each` query: one document per row, its columns the document's parameters.
/// The query must only read — checked before it runs, so a `VACUUM INTO` never creates its file — and must
/// name each column once, since a document cannot take one parameter twice.
public struct EachRows: Sendable {
    public let columns: [String]
    private let values: [[String]]

    public var count: Int { values.count }
    public var isEmpty: Bool { values.isEmpty }
    public var indices: Range<Int> { values.indices }

    /// One document's parameters. A NULL is the empty text.
    public func parameters(_ index: Int) -> [String: String] {
        Dictionary(uniqueKeysWithValues: zip(columns, values[index]))
    }

    /// The value of `column` in row `index`.
    func value(_ column: String, _ index: Int) -> String? {
        columns.firstIndex(of: column).map { values[index][$0] }
    }

    /// The row as an error names it: `--each row 3 (order=WX20261130002)`.
    public func describe(_ index: Int) -> String {
        "--each row \(index + 1) (\(record(index)))"
    }

    /// The row's values in column order: `order=WX20261130002`.
    func record(_ index: Int) -> String {
        zip(columns, values[index]).map { "\($0)=\($1)" }.joined(separator: ", ")
    }

    /// `error`, met drawing row `index`'s document, with the row named.
    func failure(_ index: Int, _ error: any Error) -> BatchRowError {
        BatchRowError(row: describe(index), cause: error)
    }

    init(_ statement: Statement) throws {
        var seen: [String: Int] = [:]
        for (index, column) in statement.columnNames.enumerated() {
            if let first = seen[column] {
                throw RequestError("--each returns two columns named “\(column)” (columns \(first + 1) and \(index + 1)): "
                                    + "each column is one parameter of the document, so name each once (… AS name)")
            }
            seen[column] = index
        }
        columns = statement.columnNames
        values = try statement.allRows().map { $0.values.map { $0.text ?? "" } }
    }
}

extension DataSource {
    /// Runs a batch's `--each` query (see `EachRows`).
    public func eachRows(_ sql: String) throws -> EachRows {
        let statement: Statement
        do { statement = try database.prepare(sql) } catch let error as DatabaseError {
            throw RequestError("--each: \(error.message)")
        }
        guard statement.isReadOnly else {
            throw RequestError("--each must be a query that only reads (SELECT …); it was not run, it would write: "
                                + sql.split(whereSeparator: \.isNewline).joined(separator: " "))
        }
        do { return try EachRows(statement) } catch let error as DatabaseError { throw RequestError("--each: \(error.message)") }
    }

    /// Runs a query whose rows are parameters of documents, checked as `eachRows`.
    public func parameterRows(_ sql: String) throws -> [[String: String]] {
        let rows = try eachRows(sql)
        return rows.indices.map(rows.parameters)
    }
}

/// What stopped one document of a batch, with its `--each` row named; its cause decides the exit status.
public struct BatchRowError: Error, CustomStringConvertible {
    /// `--each row 4 (order=WX20261130009)`.
    public let row: String
    public let cause: any Error

    public var description: String { "\(row): \(cause)" }
}

/// A batch run with `keepGoing` of which no document could be drawn: every row's error.
public struct BatchFailure: Error, CustomStringConvertible {
    public let failures: [BatchRowError]

    public var description: String {
        "none of the \(failures.count) documents could be drawn; nothing was written:\n  " + failures.map(\.description).joined(separator: "\n  ")
    }
}
