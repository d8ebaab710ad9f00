import DanjuDatabase
import DanjuWarranty
import Foundation
import Testing

/// SANY's SY* policies in this shop: the old one, in force 2020-01-01 until 2024-01-01, and the newer, stricter
/// one that replaced it; a policy for other models and one of another maker, both newer still.
private let policies = """
    INSERT INTO warranty_policies (id, manufacturer_id, name, model_pattern, months, hours, start_basis, effective_date, withdrawn_date) VALUES
      (1, 1, '旧政策', 'SY*', 36, 5000, 'registration_date', '2020-01-01', '2024-01-01'),
      (2, 1, '新政策', 'SY*', 12, 2000, 'registration_date', '2024-01-01', NULL),
      (3, 1, '其他机型', 'XE*', 60, NULL, 'delivery_date', '2025-01-01', NULL),
      (4, 2, '别家政策', '*', 60, NULL, 'delivery_date', '2025-01-01', NULL);
    """

/// A shop file with the makers, the policies given, and one SANY excavator per registration date (ids from 1;
/// bought 14 days and delivered 5 days before it is registered).
private func shop(policies: String = policies, registered: [String?] = ["2023-03-15"]) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("danju-warranty-\(UUID().uuidString).sqlite").path
    let database = try Database(path: path, mode: .readWrite(create: true))
    try Schema.migrate(database)
    try database.execute("INSERT INTO manufacturers (id, code, name) VALUES (1, 'SANY', '三一重机有限公司'), (2, 'XCMG', '徐工');" + policies)
    for (index, day) in registered.enumerated() {
        let dates = day.map { "date('\($0)', '-14 days'), '\($0)', date('\($0)', '-5 days')" } ?? "'2023-03-01', NULL, '2023-03-10'"
        try database.execute("""
            INSERT INTO machines (id, customer_id, manufacturer_id, category, model, serial_no, purchase_date, registration_date, delivery_date)
              VALUES (\(index + 1), 1, 1, '挖掘机', 'SY215C', 'S\(index + 1)', \(dates));
            """)
    }
    return path
}

private func addClaim(_ path: String, id: Int, machine: Int = 1, policy: Int? = nil, status: String = "已提报",
                      failure: String = "2025-06-01", tenths: Int = 30_000) throws {
    try Database(path: path, mode: .readWrite(create: false)).execute("""
        INSERT INTO warranty_claims (id, claim_no, work_order_id, machine_id, manufacturer_id, policy_id, claim_type, status,
                                     claim_month, failure_date, repair_date, hours_at_failure_tenths, complaint)
          VALUES (\(id), 'SP-\(id)', 1, \(machine), 1, \(policy.map(String.init) ?? "NULL"), '正常保修', '\(status)', '2026-03',
                  '\(failure)', '\(failure)', \(tenths), '动臂无力');
        """)
}

/// The connection a document reads through: read-only, with the warranty rules registered.
private func reader(_ path: String) throws -> Database {
    let database = try Database(path: path, mode: .readOnly)
    try WarrantySQL.register(on: database)
    return database
}

private func verdicts(_ path: String) throws -> [Row] {
    try reader(path).rows("SELECT claim_id, policy_id, months, start_date, start_basis_name, eligible, reason FROM claim_warranty ORDER BY claim_id")
}

private func expected(_ limits: WarrantyLimits, start: String, failure: String, tenths: Int) -> WarrantyEligibility {
    WarrantyEligibility(limits: limits, start: RecordedDate(start),
                        facts: ClaimFacts(failure: RecordedDate(failure), repair: RecordedDate(failure), hoursAtFailureTenths: tenths, kmAtFailure: nil))
}

/// Registered 2023-03-15, failed 2025-06-01 at 3,000 h: covered by the policy it was sold under (36 months /
/// 5,000 h), not by the newer one (12 months / 2,000 h) issued after its warranty began.
@Test func aClaimWithoutItsOwnPolicyIsJudgedUnderThePolicyInForceWhenItsWarrantyStarted() throws {
    let path = try shop()
    try addClaim(path, id: 1)
    let row = try #require(try verdicts(path).first)
    #expect(row["policy_id"] == .integer(1), "the policy in force on 2023-03-15, not the newest")
    #expect(row["start_date"] == .text("2023-03-15") && row["start_basis_name"] == .text("登记日"))
    let verdict = expected(WarrantyLimits(months: 36, hours: 5_000, km: nil, startBasis: .registration),
                           start: "2023-03-15", failure: "2025-06-01", tenths: 30_000)
    #expect(verdict.eligible)
    #expect(row["eligible"] == .integer(1) && row["reason"] == .text(verdict.reason))
    let underTheNewest = expected(WarrantyLimits(months: 12, hours: 2_000, km: nil, startBasis: .registration),
                                  start: "2023-03-15", failure: "2025-06-01", tenths: 30_000)
    #expect(!underTheNewest.eligible, "the newer policy would have refused it: the choice matters")
}

/// In force from the effective date (inclusive) until the withdrawn date (exclusive).
@Test func thePolicyPeriodIsHalfOpen() throws {
    let path = try shop(registered: ["2019-12-31", "2020-01-01", "2023-12-31", "2024-01-01"])
    for (machine, failure) in zip(1..., ["2020-06-01", "2020-06-01", "2024-06-01", "2024-06-01"]) {
        try addClaim(path, id: machine, machine: machine, failure: failure, tenths: 1_000)
    }
    let rows = try verdicts(path)
    #expect(rows.map { $0["policy_id"] } == [.null, .integer(1), .integer(1), .integer(2)])
    #expect(rows.map { $0["eligible"] } == [.integer(0), .integer(1), .integer(1), .integer(1)])
    #expect(rows[0]["reason"] == .text("不在保：保修起始日（登记日2019-12-31）无有效的保修政策；机型SY215C的保修政策："
                                       + "旧政策自2020-01-01起施行，2024-01-01废止；新政策自2024-01-01起施行"))
}

/// Each policy counts from its own basis: the old one from delivery (2023-03-10, before it was withdrawn on
/// 03-12), the new one from registration (2023-03-15, after it took effect). Both were in force on their own
/// start days; the later one wins. A policy without an effective date is in force since always.
@Test func eachPolicyIsInForceOnItsOwnStartDayAndTheLaterWins() throws {
    let path = try shop(policies: """
        INSERT INTO warranty_policies (id, manufacturer_id, name, model_pattern, months, hours, start_basis, effective_date, withdrawn_date) VALUES
          (1, 1, '按交机日', 'SY*', 24, NULL, 'delivery_date', NULL, '2023-03-12'),
          (2, 1, '按登记日', 'SY*', 36, NULL, 'registration_date', '2023-03-12', NULL);
        """)
    try addClaim(path, id: 1)
    let row = try #require(try verdicts(path).first)
    #expect(row["policy_id"] == .integer(2) && row["start_date"] == .text("2023-03-15"))

    try Database(path: path, mode: .readWrite(create: false)).execute("DELETE FROM warranty_policies WHERE id = 2")
    let older = try #require(try verdicts(path).first)
    #expect(older["policy_id"] == .integer(1) && older["start_date"] == .text("2023-03-10") && older["start_basis_name"] == .text("交机日"))
}

@Test func withoutTheStartDateTheVerdictNamesIt() throws {
    let path = try shop(registered: [nil])
    try addClaim(path, id: 1)
    let row = try #require(try verdicts(path).first)
    #expect(row["policy_id"] == .null && row["eligible"] == .integer(0))
    #expect(row["reason"] == .text("不在保：缺少整机登记日，无法确定保修起始日及当时有效的保修政策"))
}

@Test func aModelWithoutPoliciesIsNeverCovered() throws {
    let path = try shop(policies: "")
    try addClaim(path, id: 1)
    #expect(try verdicts(path).first?["reason"] == .text("不在保：厂家无适用于机型SY215C的保修政策"))
}

@Test func aClaimsOwnPolicyWinsAndCountsFromTheDateItNames() throws {
    let path = try shop(policies: policies + """
        INSERT INTO warranty_policies (id, manufacturer_id, name, model_pattern, months, hours, start_basis, effective_date) VALUES
          (5, 1, '特殊政策', 'SY*', 6, NULL, 'purchase_date', '2019-01-01');
        """)
    try addClaim(path, id: 1, policy: 5, failure: "2023-08-31")
    try addClaim(path, id: 2, policy: 99)
    let rows = try verdicts(path)
    #expect(rows[0]["months"] == .integer(6))
    #expect(rows[0]["start_date"] == .text("2023-03-01"), "the purchase date")
    #expect(rows[0]["eligible"] == .integer(1))
    #expect(rows[1]["eligible"] == .integer(0) && rows[1]["reason"] == .text("不在保：索赔单所列保修政策（编号99）不存在"))
}

/// The largest INTEGER the schema's checks allow, as months, hours and the meter reading: a verdict, no trap.
@Test func hugeNumbersInTheDatabaseGiveAVerdict() throws {
    let path = try shop(policies: """
        INSERT INTO warranty_policies (id, manufacturer_id, name, model_pattern, months, hours, km, start_basis, effective_date) VALUES
          (1, 1, '无限', 'SY*', 9223372036854775807, 9223372036854775807, 9223372036854775807, 'registration_date', '2015-01-01');
        """)
    try addClaim(path, id: 1, failure: "2999-12-31", tenths: .max)
    try Database(path: path, mode: .readWrite(create: false)).execute("UPDATE warranty_claims SET km_at_failure = 9223372036854775806")
    let row = try #require(try verdicts(path).first)
    #expect(row["eligible"] == .integer(1))
    #expect(row["reason"]?.text?.hasPrefix("在保：保修期2023-03-15起9223372036854775807个月（截止日在9999-12-31以后）") == true, "\(row)")
}

@Test func theFunctionsJudgeAnyFactsATemplatePasses() throws {
    let database = try Database(path: ":memory:", mode: .readWrite(create: true))
    try WarrantySQL.register(on: database)
    let row = try #require(try database.rows("""
        SELECT warranty_eligible(json_object('months', 36, 'hours', 5000, 'start_basis', 'registration_date', 'start_date', '2023-03-15',
                                             'failure_date', '2026-03-14', 'repair_date', '2026-03-14', 'hours_at_failure_tenths', 49999)) AS last_day,
               warranty_reason(json_object('months', 36, 'hours', 5000, 'start_basis', 'registration_date', 'start_date', '2023-03-15',
                                           'failure_date', '2026-03-14', 'hours_at_failure_tenths', 49999)) AS no_repair,
               warranty_reason(json_object('months', 36.5, 'start_basis', 'registration_date')) AS real_months,
               warranty_eligible('not json') AS garbage, warranty_eligible(NULL) AS no_facts
        """).first)
    #expect(row["last_day"] == .integer(1))
    #expect(row["no_repair"] == .text("不在保：缺少维修日期"))
    #expect(row["real_months"]?.text?.hasPrefix("不在保：无法判定") == true, "\(String(describing: row["real_months"]))")
    #expect(row["garbage"] == .integer(0) && row["no_facts"] == .integer(0))
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
