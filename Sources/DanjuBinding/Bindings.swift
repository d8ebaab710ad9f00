import DanjuDatabase
import DanjuFormat
import DanjuTemplate

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

    /// The text of `interpolation` for the current table `row` (if any) on page `page` of `pages`; `place` says
    /// which row of which query it is, for error messages. A field of a query that found no row prints empty,
    /// without its default: that is the blank form.
    public func text(_ interpolation: Interpolation, row: Row? = nil, place: RowPlace? = nil, page: Int = 1, pages: Int = 1) throws -> String {
        var text = ""
        for segment in interpolation.segments {
            switch segment {
            case .literal(let literal): text += literal
            case .field(let reference): text += try value(reference, row: row, place: place, page: page, pages: pages, at: interpolation.location)
            }
        }
        return text
    }

    private func value(_ reference: FieldReference, row: Row?, place: RowPlace?, page: Int, pages: Int, at location: SourceLocation) throws -> String {
        let raw: SQLValue, origin: ValueOrigin
        switch (reference.source, reference.name) {
        case (nil, "page"): return String(page)
        case (nil, "pages"): return String(pages)
        case (nil, "copy"): return copy
        case ("param", let name):
            raw = parameters[name].map(SQLValue.text) ?? .null
            origin = .parameter(name)
        case (let query?, let column):
            guard let record = records[query] else { return "" }
            guard let value = record[column] else {
                throw TemplateError("query “\(query)” has no column “\(column)” (it has: \(record.columns.joined(separator: ", ")))", at: location)
            }
            raw = visible(value, from: "column “\(column)” of query “\(query)”", at: location)
            origin = .record(query: query, column: column, record)
        case (nil, let column):
            guard let row else { throw TemplateError("“{{\(column)}}” names a table column outside a table; write query.column", at: location) }
            guard let value = row[column] else {
                throw TemplateError("the table's query has no column “\(column)” (it has: \(row.columns.joined(separator: ", ")))", at: location)
            }
            raw = visible(value, from: "column “\(column)” of the row \(row.values.first?.text.map { "\(row.columns[0])=\($0)" } ?? "")", at: location)
            origin = .tableRow(place, row, column: column)
        }
        return try apply(reference.filters, to: raw, at: location, origin: origin)
    }

    /// A stored text with its invisible characters shown as marks, and noted (see `VisibleText`).
    private func visible(_ value: SQLValue, from source: @autoclosure () -> String, at location: SourceLocation) -> SQLValue {
        guard case .text(let text) = value, let (marked, found) = VisibleText.marking(text) else { return value }
        notes.add(PrintNotes.Note(location: location, source: source(), text: marked, problem: found))
        return .text(marked)
    }

    private func apply(_ filters: [Filter], to raw: SQLValue, at location: SourceLocation, origin: ValueOrigin) throws -> String {
        var input = FormatInput(raw)
        for filter in filters {
            switch filter {
            case .fallback(let fallback):
                if input == .null || input == .text("") { input = .text(fallback) }
            case .format(let format):
                do {
                    input = .text(try format.format(input, in: timeZone))
                } catch {
                    throw TemplateError("\(origin): \(error.description)", at: location)
                }
            }
        }
        return switch input {
        case .null: ""
        case .integer(let value): String(value)
        case .real(let value): String(value)
        case .text(let text): text
        }
    }
}

/// Where a field's value comes from, described only for an error message about it.
private enum ValueOrigin: CustomStringConvertible {
    case parameter(String)
    case record(query: String, column: String, Row)
    case tableRow(RowPlace?, Row, column: String)

    var description: String {
        switch self {
        case .parameter(let name): "parameter “\(name)”"
        case .record(let query, let column, let row): "query “\(query)”, column “\(column)”, its row \(row.identification)"
        case .tableRow(let place, let row, let column):
            (place.map { "query “\($0.query)”, row \($0.number)" } ?? "the row") + " \(row.identification), column “\(column)”"
        }
    }
}

/// Which row of which query a table prints, for messages about one of its values.
public struct RowPlace: Sendable, Hashable {
    public let query: String
    /// From 1, in the query's order.
    public let number: Int

    public init(query: String, number: Int) {
        self.query = query
        self.number = number
    }
}

extension Row {
    /// The row's first columns and values, enough for a shop to find it: `(seq=3, kind=part, description=回转支承)`.
    public var identification: String {
        let shown = zip(columns, values).prefix(3).map { column, value in
            let text = value.text ?? "NULL"
            return "\(column)=\(text.count > 24 ? text.prefix(23) + "…" : text)"
        }
        return "(" + shown.joined(separator: ", ") + (columns.count > 3 ? ", …)" : ")")
    }
}

extension FormatInput {
    init(_ value: SQLValue) {
        switch value {
        case .null: self = .null
        case .integer(let integer): self = .integer(integer)
        case .real(let real): self = .real(real)
        case .text(let text): self = .text(text)
        case .blob(let bytes): self = .text("<\(bytes.count) bytes>")
        }
    }
}
