import DanjuDatabase
import DanjuFormat
import DanjuTemplate
import DanjuWarranty
import Foundation

/// The shop database, opened read-only, and the settings every document needs.
public final class DataSource {
    package let database: Database
    private var statements: [String: Statement] = [:]
    private var streamStatements: [String: Statement] = [:]
    public let path: String
    public let timeZone: ShopTimeZone
    /// Folder relative image paths are read from (the `photo_root` setting, relative to the database file).
    public let photoRoot: String

    /// Opens the shop database read-only; a file that is not a shop database of this schema version is a
    /// `DatabaseFault` saying so, before any template query runs.
    public init(path: String) throws {
        database = try Database(path: path, mode: .readOnly)
        try Schema.requireCurrent(database)
        self.path = path
        let settings: [String: String]
        do {
            try WarrantySQL.register(on: database)
            try MoneySQL.register(on: database)
            try database.definePercentile()
            settings = try Dictionary(database.rows("SELECT key, value FROM settings").map { ($0["key"]?.text ?? "", $0["value"]?.text ?? "") },
                                      uniquingKeysWith: { first, _ in first })
        } catch let error as DatabaseError {
            // The version is right but the tables are not what it promises (edited by hand, or another program's file).
            throw DatabaseFault(.notAShop, path: path, "has schema version \(Schema.version) but not its tables (SQLite: \(error.message)).",
                                remedy: DatabaseFault.restore)
        }
        let zone = settings["time_zone"] ?? "Asia/Shanghai"
        do { timeZone = try ShopTimeZone(identifier: zone) } catch {
            throw DatabaseError("table settings, row time_zone: \(error.description)")
        }
        // shop_time('2026-11-01T00:00:00'): a wall-clock time the SQL computed, as an instant with the shop's
        // offset (NULL for anything else), so a report's cut-off prints right in any zone the shop sets.
        try database.defineFunction("shop_time", arguments: 1) { [timeZone] arguments in
            arguments[0].text.flatMap { try? timeZone.instant(wallClock: $0) }.map(SQLValue.text) ?? .null
        }
        try WorkingTimeSQL.register(on: database, timeZone: timeZone)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        photoRoot = folder.appendingPathComponent(settings["photo_root"] ?? ".").standardizedFileURL.path
    }

    /// Runs every query of `template` with `parameters` and calls `body` with the result, all inside one read
    /// transaction, so all of a document's data comes from one snapshot, also the rows of long lists that tables
    /// read again as they are laid out. `blank` binds every parameter to NULL and lets single queries find
    /// nothing. A refused document is an error, unless `draft` asks to print it anyway (the reasons go into the
    /// bindings). In order: the parameters are checked, the refusals asked, the queries run.
    public func read<T>(_ template: Template, parameters: [String: String], blank: Bool, draft: Bool = false,
                        _ body: (Bindings) throws -> T) throws -> T {
        try check(parameters, of: template, blank: blank)
        let values = Dictionary(uniqueKeysWithValues: template.parameters.map { parameter in
            (parameter.name, blank ? SQLValue.null : parameters[parameter.name].map(SQLValue.text) ?? .null)
        })
        var bindings = Bindings(parameters: blank ? [:] : parameters, timeZone: timeZone)
        var streams: [Statement] = [], shared: [String] = []
        return try database.transaction {
            // Dropped after the document (its streams reset first), also when it fails inside a package's
            // snapshot, which is not rolled back. A table left behind would make the next CREATE fail, loudly.
            defer { shared.reversed().forEach { try? database.dropTemporaryTable($0) } }
            // A blank form is never refused: it is paper for handwriting, not a statement about an order.
            if !blank { bindings.refusals = try refusals(of: template, values: values, bindings: bindings, draft: draft) }
            try runQueries(of: template, values: values, blank: blank, into: &bindings, streams: &streams, shared: &shared)
            // A statement stopped on a row would hold its read lock past the commit.
            defer { streams.forEach { $0.reset() } }
            return try body(bindings)
        }
    }

    /// Every parameter the template takes is given (unless the form is blank), none it does not take, and
    /// their values are what the template's types and ranges allow.
    private func check(_ parameters: [String: String], of template: Template, blank: Bool) throws {
        if !blank, template.parameters.contains(where: { parameters[$0.name] == nil }) {
            throw RequestError(parameters: parameters.keys, of: template)
        }
        if parameters.keys.contains(where: { name in !template.parameters.contains { $0.name == name } }) {
            throw RequestError(parameters: parameters.keys, of: template, blank: blank)
        }
        if !blank, let problem = Parameter.problem(with: parameters, of: template.parameters) {
            throw RequestError("\(template.file): \(problem)")
        }
    }

    /// The reasons the template's `refuse` queries give; an error unless `draft` may print them all.
    private func refusals(of template: Template, values: [String: SQLValue], bindings: Bindings, draft: Bool) throws -> [String] {
        var undraftable = false
        let reasons = try template.refusals.flatMap { refusal in
            let rows = try run(refusal.sql, values: values, named: "refusal", at: refusal.location)
            if !rows.isEmpty, !refusal.draftable { undraftable = true }
            return try rows.map { try bindings.text(refusal.message, row: $0) }
        }
        guard reasons.isEmpty || draft && !undraftable else {
            throw RefusedDocument(reasons.joined(separator: "\n") + (undraftable ? "" : " (--draft prints it marked as a draft)"))
        }
        return reasons
    }

    /// Runs the template's queries in order into `bindings`: single queries give records, lists are held or,
    /// when only tables print them, streamed; shared queries become temporary tables (named in `shared`).
    private func runQueries(of template: Template, values: [String: SQLValue], blank: Bool, into bindings: inout Bindings,
                            streams: inout [Statement], shared: inout [String]) throws {
        let streamed = Self.streamedQueries(of: template)
        for query in template.queries {
            if !query.single, !query.share, streamed.contains(query.name) {
                let statement = try prepareStream(query)
                streams.append(statement)
                bindings.streamed[query.name] = try rows(of: statement, values: values, query: query)
                continue
            }
            if query.share {
                do {
                    _ = try prepared(query.sql)  // read-only, like every query
                    try database.createTemporaryTable(query.name, as: query.sql, parameters: values)
                } catch let error as DatabaseError {
                    throw TemplateError("query “\(query.name)”: \(error.message)", at: query.location)
                }
                shared.append(query.name)
            }
            let rows = try run(query.share ? "SELECT * FROM temp.\"\(query.name)\"" : query.sql, values: values,
                               named: "query “\(query.name)”", at: query.location)
            guard query.single else {
                bindings.tables[query.name] = rows
                continue
            }
            switch rows.count {
            case 1: bindings.records[query.name] = rows[0]
            case 0 where blank || !bindings.refusals.isEmpty: break  // a blank form, or a draft of a refused document
            case 0: throw try RequestError(noRowFor: query, of: template, bindings: bindings)
            default: throw TemplateError("query “\(query.name)” is single but found \(rows.count) rows for \(Self.describe(bindings.parameters))", at: query.location)
            }
        }
    }

    /// Lists that only tables print are read as the table needs them, not held; charts, grids and flowcharts
    /// hold theirs, also when a table prints the same query.
    private static func streamedQueries(of template: Template) -> Set<String> {
        let heldQueries = Set(template.body.flatMap { item -> [String] in
            switch item.element {
            case .chart(let chart): [chart.query]
            case .grid(let grid): [grid.query]
            case .flowchart(let chart): [chart.lanes, chart.steps, chart.arrows]
            default: []
            }
        })
        return Set(template.body.compactMap { if case .table(let table) = $0.element { table.query } else { nil } })
            .subtracting(heldQueries)
    }

    /// All rows of `sql`, its parameters bound from `values`; an SQL error names the template's line.
    private func run(_ sql: String, values: [String: SQLValue], named name: String, at location: SourceLocation) throws -> [Row] {
        do {
            let statement = try prepared(sql)
            try statement.bind(values.filter { statement.parameterNames.contains($0.key) })
            return try statement.allRows()
        } catch let error as DatabaseError {
            throw TemplateError("\(name): \(error.message)", at: location)
        }
    }

    /// A statement of its own for a list a table reads as it goes (two tables may read at once), prepared once
    /// per connection like the others.
    private func prepareStream(_ query: Query) throws -> Statement {
        let key = "\(query.name)\n\(query.sql)"
        if let statement = streamStatements[key] { return statement }
        do {
            let statement = try Self.readOnly(database.prepare(query.sql))
            streamStatements[key] = statement
            return statement
        } catch let error as DatabaseError {
            throw TemplateError("query “\(query.name)”: \(error.message)", at: query.location)
        }
    }

    /// Lists of up to this many rows are kept as they are counted: small next to a page's layout, and cheaper
    /// than running the query again for each layout pass (a report's lists read costly shared rows).
    private static let heldRows = 2_500

    /// A list query's rows, counted now and, for a long list, read again whenever a table walks them.
    private func rows(of statement: Statement, values: [String: SQLValue], query: Query) throws -> TableRows {
        let bound = values.filter { statement.parameterNames.contains($0.key) }
        do {
            try statement.bind(bound)
            var count = 0
            var held: [Row]? = []
            while try statement.step() {
                count += 1
                held?.append(statement.row())
                if count > Self.heldRows { held = nil }
            }
            if let held { return TableRows(held) }
            return TableRows(count: count, query: query) {
                try statement.bind(bound)
                return { try statement.step() ? statement.row() : nil }
            }
        } catch let error as DatabaseError {
            throw TemplateError("query “\(query.name)”: \(error.message)", at: query.location)
        }
    }

    /// A statement prepared once per connection: a batch runs the same queries for every document.
    private func prepared(_ sql: String) throws -> Statement {
        if let statement = statements[sql] { return statement }
        let statement = try Self.readOnly(database.prepare(sql))
        statements[sql] = statement
        return statement
    }

    /// Problems between `template` and this database's schema (see `TemplateChecker`).
    public func check(_ template: Template) -> [TemplateError] {
        TemplateChecker.check(template, against: database)
    }

    /// A statement that only reads; one that would write (a DELETE, a VACUUM INTO) is refused before it runs.
    package static func readOnly(_ statement: Statement) throws -> Statement {
        guard statement.isReadOnly else {
            throw DatabaseError("would change the database; danju runs only queries that read (SELECT)", sql: statement.sql)
        }
        return statement
    }

    package static func describe(_ parameters: [String: String]) -> String {
        parameters.isEmpty ? "no parameters" : parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
    }
}

extension DataSource {
    /// Runs `body` inside one read transaction: every document bound inside it (a claim package's front
    /// matter, reports and tags) sees the same snapshot, whatever another process writes meanwhile.
    public func snapshot<T>(_ body: () throws -> T) throws -> T {
        try database.transaction(body)
    }
}
