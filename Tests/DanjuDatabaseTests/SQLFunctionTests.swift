import DanjuDatabase
import Testing

@Test func percentileIsTheNearestRankPerGroup() throws {
    let db = try Database(path: ":memory:", mode: .readWrite(create: true))
    try db.definePercentile()
    try db.execute("CREATE TABLE t (g TEXT, v); INSERT INTO t VALUES ('a', 1), ('a', 2), ('a', 3), ('a', NULL), ('b', 5.5), ('c', NULL)")
    let rows = try db.rows("SELECT g, percentile(v, 50) AS m, percentile(v, 90) AS p FROM t GROUP BY g ORDER BY g")
    #expect(rows.map { $0["m"] } == [.integer(2), .real(5.5), .null])
    #expect(rows.map { $0["p"] } == [.integer(3), .real(5.5), .null])
}

@Test func aPercentileOfTextOrAnOutOfRangeShareFailsTheStatement() throws {
    let db = try Database(path: ":memory:", mode: .readWrite(create: true))
    try db.definePercentile()
    try db.execute("CREATE TABLE t (v); INSERT INTO t VALUES (1), ('x')")
    #expect(throws: DatabaseError.self) { try db.rows("SELECT percentile(v, 50) FROM t") }
    #expect(throws: DatabaseError.self) { try db.rows("SELECT percentile(1, 0)") }
    #expect(throws: DatabaseError.self) { try db.rows("SELECT percentile(1, 101)") }
    // Without rows, one NULL; 90 % of ten values is the ninth exactly.
    #expect(try db.rows("SELECT percentile(v, 50) AS p FROM t WHERE 0").first?["p"] == .null)
    #expect(try db.rows("WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < 10) SELECT percentile(v, 90) AS p FROM n").first?["p"] == .integer(9))
}

@Test func aSwiftFunctionThatThrowsFailsTheStatementWithItsMessage() throws {
    let db = try Database(path: ":memory:", mode: .readWrite(create: true))
    try db.defineFunction("checked", arguments: 1) { arguments in
        guard let value = arguments[0].integer else { throw DatabaseError("checked(x): x must be an integer") }
        return .integer(value * 2)
    }
    #expect(try db.rows("SELECT checked(21) AS x").first?["x"] == .integer(42))
    #expect { try db.rows("SELECT checked('a')") } throws: { ($0 as? DatabaseError)?.message.contains("x must be an integer") == true }
}
