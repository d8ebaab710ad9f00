import DanjuDatabase
import DanjuWarranty
import Foundation
import Testing

/// A shop file with one SANY excavator registered 2023-03-15 (bought 03-01, delivered 03-10) and four
/// policies: the maker's older and newer SY* policies, a newer one for other models, and a special one.
private func shop() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("danju-warranty-\(UUID().uuidString).sqlite").path
    let database = try Database(path: path, mode: .readWrite(create: true))
    try Schema.migrate(database)
    try database.execute("""
        INSERT INTO manufacturers (id, code, name) VALUES (1, 'SANY', '三一重机有限公司');
        INSERT INTO machines (id, customer_id, manufacturer_id, category, model, serial_no, purchase_date, registration_date, delivery_date)
          VALUES (1, 1, 1, '挖掘机', 'SY215C', 'S1', '2023-03-01', '2023-03-15', '2023-03-10');
        INSERT INTO warranty_policies (id, manufacturer_id, name, model_pattern, months, hours, start_basis, effective_date) VALUES
          (1, 1, '旧政策', 'SY*', 12, NULL, 'delivery_date', '2020-01-01'),
          (2, 1, '现行政策', 'SY*', 36, 5000, 'registration_date', '2022-01-01'),
          (3, 1, '其他机型', 'XE*', 60, NULL, 'delivery_date', '2025-01-01'),
          (4, 1, '特殊政策', 'SY*', 6, NULL, 'purchase_date', '2019-01-01');
        """)
    return path
}

private func addClaim(_ path: String, id: Int, policy: Int?, status: String = "已提报", failure: String = "2026-03-14",
                      tenths: Int = 49_999) throws {
    try Database(path: path, mode: .readWrite(create: false)).execute("""
        INSERT INTO warranty_claims (id, claim_no, work_order_id, machine_id, manufacturer_id, policy_id, claim_type, status,
                                     claim_month, failure_date, repair_date, hours_at_failure_tenths, complaint)
          VALUES (\(id), 'SP-\(id)', 1, 1, 1, \(policy.map(String.init) ?? "NULL"), '正常保修', '\(status)', '2026-03',
                  '\(failure)', '\(failure)', \(tenths), '动臂无力');
        """)
}

/// The connection a document reads through: read-only, with the warranty rules registered.
private func reader(_ path: String) throws -> Database {
    let database = try Database(path: path, mode: .readOnly)
    try WarrantySQL.register(on: database)
    return database
}

@Test func aClaimWithoutItsOwnPolicyTakesTheMakersLatestForItsModel() throws {
    let path = try shop()
    try addClaim(path, id: 1, policy: nil)
    try addClaim(path, id: 2, policy: nil, failure: "2026-03-15")
    let rows = try reader(path).rows("SELECT claim_id, months, hours, start_basis, start_date, eligible, reason FROM claim_warranty ORDER BY claim_id")
    #expect(rows.map { $0["months"] } == [.integer(36), .integer(36)], "policy 2, not the older SY* one nor the newer XE* one")
    #expect(rows.map { $0["start_date"] } == [.text("2023-03-15"), .text("2023-03-15")], "counted from the registration date")
    let start = CalendarDay(year: 2023, month: 3, day: 15)
    for (row, day) in zip(rows, [14, 15]) {
        let verdict = WarrantyEligibility(limits: WarrantyLimits(months: 36, hours: 5_000, km: nil),
                                          facts: ClaimFacts(start: start, failure: CalendarDay(year: 2026, month: 3, day: day),
                                                            hoursAtFailureTenths: 49_999, kmAtFailure: nil,
                                                            repair: CalendarDay(year: 2026, month: 3, day: day)))
        #expect(row["eligible"] == .integer(verdict.eligible ? 1 : 0))
        #expect(row["reason"] == .text(verdict.reason))
    }
    #expect(rows[0]["eligible"] == .integer(1) && rows[1]["eligible"] == .integer(0), "the last covered day, then the first day out")
}

@Test func aClaimsOwnPolicyWinsAndCountsFromTheDateItNames() throws {
    let path = try shop()
    try addClaim(path, id: 1, policy: 4, failure: "2023-08-31")
    let row = try #require(try reader(path).rows("SELECT months, start_date, eligible, reason FROM claim_warranty").first)
    #expect(row["months"] == .integer(6))
    #expect(row["start_date"] == .text("2023-03-01"), "the purchase date")
    #expect(row["eligible"] == .integer(1))
}

@Test func theViewsLeaveTheShopFileReadOnly() throws {
    let path = try shop()
    let database = try reader(path)
    #expect(throws: DatabaseError.self) { try database.execute("CREATE TABLE scribble (a)") }
    #expect(throws: DatabaseError.self) { try database.execute("CREATE TEMP TABLE scribble (a)") }
}

@Test func onlySubmittedClaimsGoIntoAPackage() throws {
    let path = try shop()
    let statuses = ["未提报", "已提报", "审核驳回", "作废", "终审通过", "放弃提报", "已结算"]
    for (index, status) in statuses.enumerated() { try addClaim(path, id: index + 1, policy: 2, status: status) }
    let sent = try reader(path).rows("SELECT status FROM submitted_claims ORDER BY id").compactMap { $0["status"]?.text }
    #expect(sent == ["已提报", "审核驳回", "终审通过", "已结算"], "not the draft (未提报), the voided or the given-up claims")
}
