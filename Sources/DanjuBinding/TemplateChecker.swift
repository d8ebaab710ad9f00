import DanjuDatabase
import DanjuTemplate

/// Checks a template against a database without drawing: every query compiles as one statement that only reads,
/// uses only declared parameters, and every `{{…}}` names a column its query returns. Returns all problems, not just the first.
public struct TemplateChecker {
    private let template: Template
    private var columns: [String: [String]] = [:]
    private var problems: [TemplateError] = []

    public static func check(_ template: Template, against database: Database) -> [TemplateError] {
        var checker = TemplateChecker(template: template)
        checker.checkQueries(database)
        checker.checkElements()
        return checker.problems
    }

    private init(template: Template) { self.template = template }

    private mutating func checkQueries(_ database: Database) {
        // A shared query's rows are a temporary table the queries below it read (see `Query.share`): an empty
        // one with its columns lets them compile.
        var shared: [String] = []
        defer { shared.reversed().forEach { try? database.dropTemporaryTable($0) } }
        let nulls = Dictionary(uniqueKeysWithValues: template.parameters.map { ($0.name, SQLValue.null) })
        for query in template.queries {
            let known = problems.count
            columns[query.name] = compile(query.sql, named: "query “\(query.name)”", at: query.location, in: database)
            guard query.share, problems.count == known else { continue }
            do {
                try database.createTemporaryTable(query.name, as: "SELECT * FROM (\(query.sql)) LIMIT 0", parameters: nulls)
                shared.append(query.name)
            } catch {
                problems.append(TemplateError("query “\(query.name)”: \(error)", at: query.location))
            }
        }
        for refusal in template.refusals {
            let rowColumns = compile(refusal.sql, named: "refusal", at: refusal.location, in: database)
            check(refusal.message, rowColumns: rowColumns, rowQuery: "refusal")
        }
    }

    /// Prepares `sql` and returns its columns; problems (SQL errors, undeclared parameters) are recorded.
    private mutating func compile(_ sql: String, named name: String, at location: SourceLocation, in database: Database) -> [String]? {
        let declared = Set(template.parameters.map(\.name))
        do {
            let statement = try database.prepare(sql)
            if !statement.isReadOnly {
                let verb = sql.split(whereSeparator: { $0.isWhitespace }).first.map { String($0).uppercased() } ?? ""
                problems.append(TemplateError("\(name) would change the database (\(verb)): a template's queries may only read (SELECT)", at: location))
            }
            for parameter in statement.parameterNames where !declared.contains(parameter) {
                problems.append(TemplateError("\(name) uses :\(parameter), which is not among the template's parameters (\(declared.sorted().joined(separator: ", ")))", at: location))
            }
            return statement.columnNames
        } catch let error as DatabaseError {
            problems.append(TemplateError("\(name): \(error.message)", at: location))
        } catch {
            problems.append(TemplateError("\(name): \(error)", at: location))
        }
        return nil
    }

    private mutating func checkElements() {
        for interpolation in [template.title, template.subject, template.author, template.date].compactMap({ $0 }) + template.queries.compactMap(\.missing) { check(interpolation) }
        for block in [template.header, template.footer].compactMap({ $0 }) { check(block) }
        for item in template.body {
            switch item.element {
            case .text(let text): check(text.text)
            case .fields(let fields):
                for cell in fields.cells {
                    switch cell.content {
                    case .text(let value), .choices(_, let value): check(value)
                    }
                }
            case .table(let table): check(table)
            case .signatures(let signatures): signatures.boxes.compactMap(\.name).forEach { check($0) }
            case .block(let block): check(block)
            case .spacer: break
            case .grid(let grid): check(grid)
            case .chart(let chart): check(chart)
            case .flowchart(let chart): check(chart)
            }
        }
    }

    private mutating func check(_ block: Block, rowColumns: [String]? = nil, rowQuery: String? = nil) {
        for item in block.items {
            switch item.kind {
            case .text(let text, _, _), .qr(let text), .image(let text): check(text, rowColumns: rowColumns, rowQuery: rowQuery)
            case .box, .line: break
            }
        }
    }

    private mutating func check(_ chart: FlowchartElement) {
        let needs = [(chart.lanes, FlowchartElement.laneColumns), (chart.steps, FlowchartElement.stepColumns),
                     (chart.arrows, FlowchartElement.arrowColumns)]
        for (name, wanted) in needs {
            guard let query = listQuery(name, for: "flowchart query", at: chart.location) else { continue }
            for column in missing(wanted, from: name) {
                problems.append(TemplateError("flowchart query “\(name)” returns no column “\(column)” (it needs: \(wanted.joined(separator: ", ")))", at: query.location))
            }
        }
        if let name = chart.name { check(name) }
        chart.titleBlock.forEach { check($0.value) }
    }

    private mutating func check(_ table: TableElement) {
        guard listQuery(table.query, for: "table", at: table.location) != nil else { return }
        let rowColumns = columns[table.query]
        for column in missing([table.group, table.totals?.column, table.totals?.sections].compactMap { $0 }, from: table.query) {
            problems.append(TemplateError("column “\(column)” is not returned by query “\(table.query)”", at: table.location))
        }
        if let title = table.totals?.sectionTitle { check(title, rowColumns: rowColumns, rowQuery: table.query) }
        if let title = table.title { check(title) }
        for column in table.columns {
            switch column.content {
            case .text(let value), .check(let value, _): check(value, rowColumns: rowColumns, rowQuery: table.query)
            }
        }
    }

    private mutating func check(_ grid: GridElement) {
        guard listQuery(grid.query, for: "grid", at: grid.location) != nil else { return }
        if let title = grid.title { check(title) }
        check(grid.cell, rowColumns: columns[grid.query], rowQuery: grid.query)
    }

    private mutating func check(_ chart: ChartElement) {
        guard listQuery(chart.query, for: "chart", at: chart.location) != nil else { return }
        for column in missing(chart.columns, from: chart.query) {
            problems.append(TemplateError("column “\(column)” is not returned by query “\(chart.query)”", at: chart.location))
        }
        check(chart.title)
    }

    /// The list query `name` that an element (`what`) reads; nil, with a problem, when there is no such query.
    private mutating func listQuery(_ name: String, for what: String, at location: SourceLocation) -> Query? {
        guard let query = template.query(named: name), !query.single else {
            problems.append(TemplateError("\(what) “\(name)” needs a query of that name without single: true", at: location))
            return nil
        }
        return query
    }

    /// The columns of `wanted` that query `name` does not return (none when the query did not compile).
    private func missing(_ wanted: [String], from name: String) -> [String] {
        guard let returned = columns[name] else { return [] }
        return wanted.filter { !returned.contains($0) }
    }

    private mutating func check(_ interpolation: Interpolation, rowColumns: [String]? = nil, rowQuery: String? = nil) {
        for reference in interpolation.references {
            if let message = problem(with: reference, rowColumns: rowColumns, rowQuery: rowQuery) {
                problems.append(TemplateError(message, at: interpolation.location))
            }
        }
    }

    private func problem(with reference: FieldReference, rowColumns: [String]?, rowQuery: String?) -> String? {
        switch reference.source {
        case nil where FieldReference.documentFields.contains(reference.name):
            return nil
        case nil:
            guard let rowQuery else { return "“{{\(reference.name)}}” is outside a table: write query.column" }
            guard let rowColumns else { return nil }  // the query itself failed; reported already
            return rowColumns.contains(reference.name) ? nil
                : "query “\(rowQuery)” returns no column “\(reference.name)” (it returns: \(rowColumns.joined(separator: ", ")))"
        case "param"?:
            return template.parameters.contains { $0.name == reference.name } ? nil
                : "“{{param.\(reference.name)}}”: no parameter “\(reference.name)” is declared"
        case let source?:
            guard let query = template.query(named: source) else {
                return "“{{\(reference.description)}}”: no query named “\(source)”"
            }
            guard query.single else { return "“{{\(reference.description)}}”: query “\(source)” is a list; mark it single: true or use it in a table" }
            guard let queryColumns = columns[source] else { return nil }
            return queryColumns.contains(reference.name) ? nil
                : "query “\(source)” returns no column “\(reference.name)” (it returns: \(queryColumns.joined(separator: ", ")))"
        }
    }
}
