import DanjuDatabase

/// Warranty rules for templates' SQL, defined once for every template that prints them (the 技术报告书 and the
/// claim package): the functions `warranty_eligible(…)` (1 or 0) and `warranty_reason(…)` (the sentence), which
/// give the verdict the Swift type computes from (months, hours, km, start_date, failure_date,
/// hours_at_failure_tenths, km_at_failure, repair_date); the view `claim_warranty`, each claim's policy, start
/// date and verdict; and the view `submitted_claims`, the claims a monthly package carries.
public enum WarrantySQL {
    /// Statuses of claims no package carries. 未提报 is a claim the clerk has not yet checked and submitted: its
    /// papers may be incomplete (the repair may not even be finished) and its month is not settled, since a claim
    /// is booked in the month it is submitted; sent now, it would reach the maker again in its own month. 作废 and
    /// 放弃提报 are voided and given-up claims.
    public static let unsentStatuses = ["未提报", "作废", "放弃提报"]

    public static func register(on database: Database) throws {
        try database.defineFunction("warranty_eligible", arguments: 8) { arguments in
            evaluate(arguments).map { .integer($0.eligible ? 1 : 0) } ?? .null
        }
        try database.defineFunction("warranty_reason", arguments: 8) { arguments in
            evaluate(arguments).map { .text($0.reason) } ?? .text("无法判定：缺少保修政策或故障日期")
        }
        try database.defineView("claim_warranty", as: claimWarranty)
        try database.defineView("submitted_claims", as: """
            SELECT * FROM warranty_claims WHERE status NOT IN (\(unsentStatuses.map { "'\($0)'" }.joined(separator: ", ")))
            """)
    }

    /// Per claim (`claim_id`): the policy's `months`, `hours`, `km` and `start_basis`, the `start_date` that basis
    /// names, and the verdict (`eligible`, `reason`). The policy is the claim's own, else the maker's latest for
    /// the machine's model. A template joins it by claim id; SQLite merges the view into that query, so a
    /// report reads one claim's row, not every claim's.
    static let claimWarranty = """
        SELECT claim_id, months, hours, km, start_basis, start_date,
               warranty_eligible(months, hours, km, start_date, failure_date, hours_at_failure_tenths, km_at_failure, repair_date) AS eligible,
               warranty_reason(months, hours, km, start_date, failure_date, hours_at_failure_tenths, km_at_failure, repair_date) AS reason
        FROM (SELECT c.id AS claim_id, c.failure_date, c.hours_at_failure_tenths, c.km_at_failure, c.repair_date,
                     p.months, p.hours, p.km, p.start_basis,
                     CASE p.start_basis WHEN 'purchase_date' THEN m.purchase_date WHEN 'registration_date' THEN m.registration_date
                                        ELSE m.delivery_date END AS start_date
              FROM warranty_claims c
              JOIN machines m ON m.id = c.machine_id
              LEFT JOIN warranty_policies p ON p.id = coalesce(c.policy_id,
                (SELECT id FROM warranty_policies WHERE manufacturer_id = c.manufacturer_id AND m.model GLOB model_pattern
                 ORDER BY effective_date DESC LIMIT 1)))
        """

    /// Nil without a policy (months) or a failure date: there is nothing to judge against.
    static func evaluate(_ arguments: [SQLValue]) -> WarrantyEligibility? {
        func int(_ index: Int) -> Int? { arguments[index].integer.map(Int.init) }
        func day(_ index: Int) -> CalendarDay? { arguments[index].text.flatMap(CalendarDay.init(iso:)) }
        guard let months = int(0), let failure = day(4) else { return nil }
        return WarrantyEligibility(limits: WarrantyLimits(months: months, hours: int(1), km: int(2)),
                                   facts: ClaimFacts(start: day(3), failure: failure, hoursAtFailureTenths: int(5),
                                                     kmAtFailure: int(6), repair: day(7)))
    }
}
