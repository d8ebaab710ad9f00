import DanjuBinding
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
    #expect(totals.share && template.query(named: "again")?.share == false)

    let db = try database()
    let rows = try db.rows(totals.sql, ["min": .integer(3)])
    #expect(rows.first?["total"] == .integer(14) && rows.first?["count"] == .integer(2))
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

@Test func aTemporaryTableKeepsTypesAndLeavesAReadOnlyFileUntouched() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("shared-\(UUID().uuidString).sqlite").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try database().execute("VACUUM INTO '\(path)'")
    let before = try Data(contentsOf: URL(fileURLWithPath: path))

    let db = try Database(path: path, mode: .readOnly)
    try db.transaction {
        try db.createTemporaryTable("t", as: "SELECT n, n * 1.5 AS half, '引号\"' || n AS label, NULL AS empty FROM numbers WHERE n >= :min",
                                    parameters: ["min": .integer(3), "unused": .integer(0)])
        let rows = try db.rows("SELECT * FROM t ORDER BY n")
        #expect(rows.map(\.values) == [[.integer(3), .real(4.5), .text("引号\"3"), .null], [.integer(4), .real(6), .text("引号\"4"), .null]])
        try db.dropTemporaryTable("t")
    }
    #expect(throws: DatabaseError.self) { try db.rows("SELECT * FROM t") }
    // The connection is still query-only, and the file never changed.
    #expect(throws: DatabaseError.self) { try db.execute("CREATE TEMP TABLE u (a)") }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
}
