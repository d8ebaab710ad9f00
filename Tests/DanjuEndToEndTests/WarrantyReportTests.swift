import Foundation
import Testing

/// A claim whose failure date lies before the warranty start the policy names (registration, purchase or
/// delivery date), found by SQL: its report still prints, marked on every page, with that reason.
@Test func aClaimBeforeTheWarrantyStartPrintsMarkedWithTheReason() throws {
    let claim = try #require(try demoRows("""
        SELECT c.claim_no, c.failure_date,
               CASE p.start_basis WHEN 'purchase_date' THEN m.purchase_date WHEN 'registration_date' THEN m.registration_date
                                  ELSE m.delivery_date END AS start
        FROM warranty_claims c JOIN machines m ON m.id = c.machine_id JOIN warranty_policies p ON p.id = c.policy_id
        WHERE c.failure_date < start ORDER BY c.id LIMIT 1
        """).first, "the demo shop has claims filed before the machine's registration")
    let output = newPath("ineligible.pdf")
    let result = try danju("render", "warranty-report", "--db", demoDatabase, "--param", "claim=\(claim["claim_no"]!.text!)", "-o", output)
    #expect(result.status == 0, "\(result.stderr)")
    let text = try compactText(output)
    #expect(text.contains("不在保：故障日期\(claim["failure_date"]!.text!)早于保修起始日\(claim["start"]!.text!)"))
    let pages = Int(try #require(pdfInfo(output)["Pages"]))!
    #expect(text.components(separatedBy: "不在保修范围").count - 1 == pages, "the mark is on every page")
}

/// A claim well inside its policy's months and hours prints the period it is covered for, and no mark.
@Test func aCoveredClaimPrintsItsPeriodAndNoMark() throws {
    let claim = try #require(try demoRows("""
        SELECT c.claim_no, m.registration_date AS start, p.months FROM warranty_claims c
        JOIN machines m ON m.id = c.machine_id JOIN warranty_policies p ON p.id = c.policy_id
        WHERE p.start_basis = 'registration_date' AND p.hours IS NOT NULL
          AND c.failure_date >= m.registration_date AND c.repair_date >= m.registration_date
          AND c.repair_date < date(m.registration_date, '+' || (p.months - 1) || ' months')
          AND c.hours_at_failure_tenths < p.hours * 10
        ORDER BY c.id DESC LIMIT 1
        """).first)
    let output = newPath("covered.pdf")
    let result = try danju("render", "warranty-report", "--db", demoDatabase, "--param", "claim=\(claim["claim_no"]!.text!)", "-o", output)
    #expect(result.status == 0, "\(result.stderr)")
    let text = try compactText(output)
    #expect(text.contains("在保：保修期\(claim["start"]!.text!)至"))
    #expect(text.contains("（\(claim["months"]!.integer!)个月）"))
    #expect(!text.contains("不在保"))
}

@Test(arguments: ["warranty-report", "warranty-package", "warranty-package-toc", "warranty-return-tags"])
func theWarrantyTemplatesMatchTheSchema(template: String) throws {
    let result = try danju("check", template, "--db", demoDatabase)
    #expect(result.status == 0, "\(result.stderr)")
}
