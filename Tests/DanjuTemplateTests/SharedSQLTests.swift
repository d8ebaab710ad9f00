import DanjuDatabase
import DanjuTemplate
import Foundation
import Testing

/// A template whose queries share definitions and rows, checked against a small database.
private let shared = """
    title: 测试
    page: {size: A4}
    parameters:
      min: {label: 下限}
    definitions:
      big: SELECT n FROM numbers WHERE n >= :min
      doubled: SELECT n * 2 AS d FROM big
    queries:
      totals:
        share: true
        sql: SELECT sum(d) AS total, count(*) AS count FROM doubled
      again:
        sql: WITH extra AS (SELECT 1 AS one) SELECT total + one AS plus_one FROM totals, extra
      plain:
        sql: SELECT n FROM numbers
    body:
      - chart: again
        kind: bar
        title: 图
        label: plus_one
        values: missing_column
    """

private func database() throws -> Database {
    let db = try Database(path: ":memory:", mode: .readWrite(create: true))
    try db.execute("CREATE TABLE numbers (n INTEGER); INSERT INTO numbers VALUES (1), (2), (3), (4);")
    return db
}

@Test func definitionsAreComputedOnceAndMergedIntoTheQuerysOwnWith() throws {
    let template = try TemplateLoader.load(yaml: shared, file: "t.yaml")
    let totals = try #require(template.query(named: "totals"))
    // Both definitions, the one used through the other first; nothing for a query that uses none.
    #expect(totals.sql.hasPrefix("WITH RECURSIVE big AS MATERIALIZED ("))
    #expect(totals.sql.contains("doubled AS MATERIALIZED ("))
    #expect(template.query(named: "plain")?.sql == "SELECT n FROM numbers")
    #expect(totals.share && totals.reads.isEmpty)
    #expect(template.query(named: "again")?.reads == ["totals"])

    let db = try database()
    let rows = try db.rows(totals.sql, ["min": .integer(3)])
    #expect(rows.first?["total"] == .integer(14) && rows.first?["count"] == .integer(2))
    // The shared rows reach a later query through one JSON parameter, and its own WITH clause still works.
    let again = try #require(template.query(named: "again"))
    let sql = SharedRows.expand(again.sql, tables: [("totals", ["total", "count"])])
    let plusOne = try db.rows(sql, [SharedRows.parameter("totals"): .text(SharedRows.json(rows))])
    #expect(plusOne.first?["plus_one"] == .integer(15))
}

@Test func checkNamesAChartColumnTheQueryDoesNotReturn() throws {
    let template = try TemplateLoader.load(yaml: shared, file: "t.yaml")
    let problems = TemplateChecker.check(template, against: try database()).map(String.init(describing:))
    #expect(problems.count == 1)
    #expect(problems.first?.contains("t.yaml:17:") == true && problems.first?.contains("missing_column") == true, "\(problems)")
}

@Test func anUnknownChartKindIsAnErrorAtItsLine() {
    let yaml = shared.replacingOccurrences(of: "kind: bar", with: "kind: radar")
    #expect(throws: TemplateError.self) { try TemplateLoader.load(yaml: yaml, file: "t.yaml") }
    do { _ = try TemplateLoader.load(yaml: yaml, file: "t.yaml") } catch {
        #expect(String(describing: error).hasPrefix("t.yaml:18:"), "\(error)")
        #expect(String(describing: error).contains("radar"))
    }
}

@Test func sharedRowsKeepTextsAndNumbersThroughJSON() throws {
    let row = Row(columns: ["a", "b", "c", "d"], values: [.text("引号\"、反斜杠\\\n换行"), .integer(-7), .null, .real(1.5)])
    let sql = SharedRows.expand("SELECT * FROM t", tables: [("t", ["a", "b", "c", "d"])])
    let back = try database().rows(sql, [SharedRows.parameter("t"): .text(SharedRows.json([row, row]))])
    #expect(back.count == 2)
    #expect(back[0].values == row.values)
}

@Test func sharedRowsUnpackOnlyTheColumnsAQueryNames() throws {
    let db = try database()
    let rows = try db.rows("SELECT n, n * 10 AS tens, n * 100 AS hundreds FROM numbers")
    let parameter = [SharedRows.parameter("big"): SQLValue.text(SharedRows.json(rows))]
    let columns = ["n", "tens", "hundreds"]
    // A named column comes from its own position in the row, whichever others are left out.
    let hundreds = SharedRows.expand("SELECT sum(hundreds) AS s FROM big", tables: [("big", columns)])
    #expect(!hundreds.contains("AS \"tens\""))
    #expect(try db.rows(hundreds, parameter).first?["s"] == .integer(1_000))
    #expect(try db.rows(SharedRows.expand("SELECT count(*) AS c FROM big", tables: [("big", columns)]), parameter).first?["c"] == .integer(4))
    // `*` selects them all; a product does not.
    for sql in ["SELECT * FROM big", "SELECT b.* FROM big b", "SELECT n, * FROM big"] {
        #expect(try db.rows(SharedRows.expand(sql, tables: [("big", columns)]), parameter).first?.values.count ?? 0 >= 3, "\(sql)")
    }
    #expect(!SharedRows.expand("SELECT n * 2 AS d FROM big", tables: [("big", columns)]).contains("AS \"tens\""))
}
