import DanjuDatabase
import DanjuFormat

/// The data one document is drawn from: the rows of the template's queries, run once with its parameters.
public struct Bindings {
    /// The row of each single-row query; absent when the query found none (a blank form).
    public var records: [String: Row]
    /// The rows of each list query, held.
    public var tables: [String: [Row]]
    /// The rows of list queries only tables print, read from the database as the table is laid out.
    public var streamed: [String: TableRows] = [:]
    public var parameters: [String: String]
    public var timeZone: ShopTimeZone
    /// The label of the copy being laid out (`{{copy}}`).
    public var copy = ""
    /// Why the template's `refuse` queries refuse this document; printed only as a draft.
    public var refusals: [String] = []
    /// Values that do not print as stored (invisible characters shown as marks), noted as they are bound.
    public let notes = PrintNotes()

    public init(records: [String: Row] = [:], tables: [String: [Row]] = [:], parameters: [String: String] = [:], timeZone: ShopTimeZone) {
        self.records = records
        self.tables = tables
        self.parameters = parameters
        self.timeZone = timeZone
    }

    /// The rows table `query` prints; none when the query is unknown here (a blank form without data).
    public func rows(of query: String) -> TableRows {
        streamed[query] ?? TableRows(tables[query] ?? [])
    }

    /// Whether `interpolation` draws on a single-row query that found no row: a blank form, printed empty.
    public func isUnbound(_ interpolation: Interpolation) -> Bool {
        interpolation.references.contains { reference in
            reference.source.map { $0 != "param" && records[$0] == nil } ?? false
        }
    }

    /// The text of `interpolation` for the current table `row` (if any) on page `page` of `pages`.
    /// A field of a query that found no row prints empty, without its default: that is the blank form.
    public func text(_ interpolation: Interpolation, row: Row? = nil, page: Int = 1, pages: Int = 1) throws -> String {
        var text = ""
        for segment in interpolation.segments {
            switch segment {
            case .literal(let literal): text += literal
            case .field(let reference): text += try value(reference, row: row, page: page, pages: pages, at: interpolation.location)
            }
        }
        return text
    }

    private func value(_ reference: FieldReference, row: Row?, page: Int, pages: Int, at location: SourceLocation) throws -> String {
        let raw: SQLValue
        switch (reference.source, reference.name) {
        case (nil, "page"): return String(page)
        case (nil, "pages"): return String(pages)
        case (nil, "copy"): return copy
        case ("param", let name):
            raw = parameters[name].map(SQLValue.text) ?? .null
        case (let query?, let column):
            guard let record = records[query] else { return "" }
            guard let value = record[column] else {
                throw TemplateError("query “\(query)” has no column “\(column)” (it has: \(record.columns.joined(separator: ", ")))", at: location)
            }
            raw = visible(value, from: "column “\(column)” of query “\(query)”", at: location)
        case (nil, let column):
            guard let row else { throw TemplateError("“{{\(column)}}” names a table column outside a table; write query.column", at: location) }
            guard let value = row[column] else {
                throw TemplateError("the table's query has no column “\(column)” (it has: \(row.columns.joined(separator: ", ")))", at: location)
            }
            raw = visible(value, from: "column “\(column)” of the row \(row.values.first?.text.map { "\(row.columns[0])=\($0)" } ?? "")", at: location)
        }
        return try apply(reference.filters, to: raw, at: location)
    }

    /// A stored text with its invisible characters shown as marks, and noted (see `VisibleText`).
    private func visible(_ value: SQLValue, from source: @autoclosure () -> String, at location: SourceLocation) -> SQLValue {
        guard case .text(let text) = value, let (marked, found) = VisibleText.marking(text) else { return value }
        notes.add(PrintNotes.Note(location: location, source: source(), text: marked, problem: found))
        return .text(marked)
    }

    private func apply(_ filters: [Filter], to raw: SQLValue, at location: SourceLocation) throws -> String {
        var input = FormatInput(raw)
        for filter in filters {
            switch filter {
            case .fallback(let fallback):
                if input == .null || input == .text("") { input = .text(fallback) }
            case .format(let format):
                do {
                    input = .text(try format.format(input, in: timeZone))
                } catch {
                    throw TemplateError(error.description, at: location)
                }
            }
        }
        return switch input {
        case .null: ""
        case .integer(let value): String(value)
        case .text(let text): text
        }
    }
}

extension FormatInput {
    init(_ value: SQLValue) {
        switch value {
        case .null: self = .null
        case .integer(let integer): self = .integer(integer)
        case .real(let real): self = .text(String(real))
        case .text(let text): self = .text(text)
        case .blob(let bytes): self = .text("<\(bytes.count) bytes>")
        }
    }
}
