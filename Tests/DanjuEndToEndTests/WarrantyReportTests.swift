import DanjuDatabase
import Foundation
import Testing

/// A copy of the demo shop to change one value in (its photos are not needed by a report's first page).
private func demoCopy() throws -> String {
    let path = newPath("warranty.sqlite")
    try run("cp", [demoDatabase, path])
    return path
}

private func report(_ claimNo: String, in database: String = demoDatabase) throws -> (text: String, pages: Int) {
    let output = newPath("\(claimNo).pdf")
    let result = try danju("render", "warranty-report", "--db", database, "--param", "claim=\(claimNo)", "-o", output)
    #expect(result.status == 0, "\(result.stderr)")
    return (try compactText(output), Int(try #require(pdfInfo(output)["Pages"]))!)
}

/// The claim number and id of the last demo claim (by id) the test's own rule finds covered, among those `sql` selects.
private func coveredClaim(where sql: String = "1") throws -> (no: String, id: Int64, verdict: WarrantyOracle.Verdict) {
    let verdicts = try WarrantyOracle(demoDatabase).verdicts()
    let rows = try demoRows("SELECT c.id, c.claim_no FROM warranty_claims c JOIN machines m ON m.id = c.machine_id WHERE \(sql) ORDER BY c.id DESC")
    let row = try #require(rows.first { verdicts[$0["id"]!.integer!]!.eligible }, "a covered claim where \(sql)")
    let id = row["id"]!.integer!
    return (row["claim_no"]!.text!, id, verdicts[id]!)
}

/// A claim whose failure date lies before the machine's registration, for a maker whose policies all count from
/// it: its report still prints, marked on every page, with that reason.
@Test func aClaimBeforeTheWarrantyStartPrintsMarkedWithTheReason() throws {
    let claim = try #require(try demoRows("""
        SELECT c.claim_no, c.failure_date, m.registration_date AS start FROM warranty_claims c JOIN machines m ON m.id = c.machine_id
        WHERE c.failure_date < m.registration_date
          AND NOT EXISTS (SELECT 1 FROM warranty_policies p WHERE p.manufacturer_id = c.manufacturer_id AND p.start_basis <> 'registration_date')
        ORDER BY c.id LIMIT 1
        """).first, "the demo shop has claims filed before the machine's registration")
    let (text, pages) = try report(claim["claim_no"]!.text!)
    #expect(text.contains("不在保：故障日期\(claim["failure_date"]!.text!)早于保修起始日\(claim["start"]!.text!)"))
    #expect(text.components(separatedBy: "不在保修范围").count - 1 == pages, "the mark is on every page")
}

/// A claim inside its policy's months and hours prints the period it is covered for, the policy, and no mark.
@Test func aCoveredClaimPrintsItsPeriodAndNoMark() throws {
    let claim = try coveredClaim()
    let policy = try #require(claim.verdict.policy)
    let (text, _) = try report(claim.no)
    let start = WarrantyOracle.text(try #require(claim.verdict.start))
    #expect(text.contains("在保：保修期\(start)至\(claim.verdict.lastDay!)（\(policy.months)个月）"))
    #expect(text.contains("\(policy.name)：\(policy.months)个月"))
    #expect(!text.contains("不在保"))
}

/// One input the rule needs, removed from a covered claim on a copy of the demo shop.
struct RemovedInput: Sendable, CustomTestStringConvertible {
    let testDescription: String
    /// Empties the input of claim `id`.
    let sql: @Sendable (Int64) -> String
    /// The reason printed, given the machine's start basis name.
    let reason: String

    static let all = [
        RemovedInput(testDescription: "repair date", sql: { "UPDATE warranty_claims SET repair_date = NULL WHERE id = \($0)" },
                     reason: "不在保：缺少维修日期"),
        RemovedInput(testDescription: "hour meter", sql: { "UPDATE warranty_claims SET hours_at_failure_tenths = NULL WHERE id = \($0)" },
                     reason: "不在保：缺少故障时工作小时读数，无法核对"),
        RemovedInput(testDescription: "impossible failure date", sql: { "UPDATE warranty_claims SET failure_date = '2025-02-30' WHERE id = \($0)" },
                     reason: "不在保：故障日期“2025-02-30”不是有效日期"),
        RemovedInput(testDescription: "registration date",
                     sql: { "UPDATE machines SET registration_date = NULL WHERE id = (SELECT machine_id FROM warranty_claims WHERE id = \($0))" },
                     reason: "不在保：缺少整机登记日，无法确定保修起始日及当时有效的保修政策"),
    ]
}

@Test(arguments: RemovedInput.all)
func aMissingInputPrintsNotCoveredWithTheReason(_ input: RemovedInput) throws {
    // A covered excavator counted from its registration, so that every one of the inputs above is needed.
    let claim = try coveredClaim(where: """
        c.hours_at_failure_tenths IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM warranty_policies p WHERE p.manufacturer_id = c.manufacturer_id AND p.start_basis <> 'registration_date')
        """)
    let database = try demoCopy()
    try Database(path: database, mode: .readWrite(create: false)).execute(input.sql(claim.id))
    #expect(try WarrantyOracle(database).verdicts()[claim.id]?.eligible == false, "the test's own rule agrees")
    let (text, pages) = try report(claim.no, in: database)
    #expect(text.contains("保修判定" + input.reason), "\(input.reason)")
    #expect(text.components(separatedBy: "不在保修范围").count - 1 == pages, "the mark is on every page")
    if input.testDescription == "repair date" { #expect(text.contains("维修日期未填")) }
}

/// The demo's SANY machines were sold under the 2015 policy (36 months / 5,000 h), withdrawn on 2026-09-01 for a
/// newer one (4,000 h). A claim past 4,000 h on a machine registered before is judged under the policy in force
/// then: covered, with that policy printed. Once the newer policy is dated back before the machine's
/// registration, the same claim is judged under it and is out.
@Test func aClaimIsJudgedUnderThePolicyInForceWhenItsWarrantyStarted() throws {
    let oracle = try WarrantyOracle(demoDatabase)
    let inForce = try oracle.verdicts(), newest = try oracle.verdicts(newest: true)
    let changed = inForce.keys.filter { inForce[$0]!.eligible && !newest[$0]!.eligible }.sorted()
    #expect(!changed.isEmpty, "the demo has claims the newest policy would refuse")
    let id = try #require(changed.last)
    let claimNo = try #require(try demoRows("SELECT claim_no FROM warranty_claims WHERE id = \(id)").first?["claim_no"]?.text)
    let old = try #require(inForce[id]!.policy), new = try #require(newest[id]!.policy)
    #expect(old.withdrawn != nil && old.id != new.id, "the policy in force was withdrawn since")

    let (text, _) = try report(claimNo)
    #expect(text.contains("保修判定在保：保修期"))
    #expect(text.contains("\(old.name)：\(old.months)个月/\(old.hours!)h"), "the policy in force is printed")
    #expect(!text.contains(new.name))

    let database = try demoCopy()
    let start = WarrantyOracle.text(try #require(inForce[id]!.start))
    try Database(path: database, mode: .readWrite(create: false)).execute("""
        UPDATE warranty_policies SET effective_date = '\(start)' WHERE id = \(new.id);
        UPDATE warranty_policies SET withdrawn_date = '\(start)' WHERE id = \(old.id);
        """)
    let moved = try WarrantyOracle(database).verdicts()[id]!
    #expect(moved.policy?.id == new.id && !moved.eligible, "the test's own rule now takes the newer policy")
    let (later, pages) = try report(claimNo, in: database)
    #expect(later.contains("\(new.name)：\(new.months)个月/\(new.hours!)h"))
    #expect(later.contains("已达保修限额\(new.hours!)h"))
    #expect(later.components(separatedBy: "不在保修范围").count - 1 == pages)
}

/// The demo shop's claims say one thing in their boxes and text: a quality fault is ticked 标载 and maintained
/// (not 差) where the text rules out misuse and poor upkeep; a claim ticking 超载 or 保养 差 says what it caused
/// and asks for goodwill; and the maker never approved a claim out of warranty.
@Test func theDemoClaimsDoNotContradictThemselves() throws {
    let claims = try demoRows("SELECT id, claim_no, claim_type, load, maintenance, failure_description, status, approved_fen, reject_reason FROM warranty_claims")
    let ruledOut = "排除用户使用不当及保养不到位因素"
    let verdicts = try WarrantyOracle(demoDatabase).verdicts()
    #expect(claims.count > 200)
    for claim in claims {
        let (load, upkeep, text) = (claim["load"]!.text!, claim["maintenance"]!.text!, claim["failure_description"]!.text!)
        let claimNo = claim["claim_no"]!.text!
        if text.contains(ruledOut) {
            #expect(load == "标载" && upkeep != "差", "\(claimNo) ticks \(load) / 保养\(upkeep) but rules them out")
        } else {
            #expect(text.contains("不属产品质量故障") && claim["claim_type"] == .text("照顾性保修"), "\(claimNo): \(text)")
        }
        if load != "标载" { #expect(text.contains("超载"), "\(claimNo) ticks \(load)") }
        if upkeep == "差" { #expect(text.contains("保养不到位有关"), "\(claimNo) ticks 保养差") }
        if !verdicts[claim["id"]!.integer!]!.eligible {
            #expect(claim["approved_fen"] == .null && ["未提报", "已提报", "审核驳回", "放弃提报"].contains(claim["status"]!.text!),
                    "\(claimNo) is out of warranty, yet \(claim["status"]!.text!)")
        }
    }
    #expect(claims.contains { $0["load"]!.text! != "标载" } && claims.contains { $0["maintenance"] == .text("差") },
            "the boxes are still used where they are true")
}

/// The largest months and hours the schema allows (INTEGER, > 0) on every policy of a copy: the report prints a
/// verdict (the period never ends within the calendar), and the package still adds up; nothing traps.
@Test func aPolicyOfTheLargestIntegerPrintsAVerdict() throws {
    let claim = try coveredClaim(where: "c.hours_at_failure_tenths IS NOT NULL AND c.status NOT IN ('未提报', '作废', '放弃提报')")
    let database = try demoCopy()
    try Database(path: database, mode: .readWrite(create: false))
        .execute("UPDATE warranty_policies SET months = 9223372036854775807, hours = 9223372036854775807")
    let (text, _) = try report(claim.no, in: database)
    #expect(text.contains("保修判定在保：保修期\(WarrantyOracle.text(claim.verdict.start!))起9223372036854775807个月（截止日在9999-12-31以后）"))
    #expect(text.contains("限额9223372036854775807h"))

    let row = try #require(try Database(path: database, mode: .readOnly).rows("""
        SELECT m.code, c.claim_month FROM warranty_claims c JOIN manufacturers m ON m.id = c.manufacturer_id WHERE c.id = \(claim.id)
        """).first)
    let output = newPath("huge-package.pdf")
    let result = try danju("package", "--maker", row["code"]!.text!, "--month", row["claim_month"]!.text!, "--db", database, "-o", output, "--draft")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try compactText(output).contains(claim.no))
}

@Test(arguments: ["warranty-report", "warranty-package", "warranty-package-toc", "warranty-return-tags"])
func theWarrantyTemplatesMatchTheSchema(template: String) throws {
    let result = try danju("check", template, "--db", demoDatabase)
    #expect(result.status == 0, "\(result.stderr)")
}
