import DanjuDatabase
import Foundation

/// Warranty rules for templates' SQL, defined once for every template that prints them (the 技术报告书 and the
/// claim package): the view `claim_warranty`, each claim's policy, start date and verdict; the functions
/// `warranty_eligible(facts)` (1 or 0) and `warranty_reason(facts)` (the sentence) behind it, which judge a JSON
/// object of the claim's facts with `WarrantyEligibility`; and the view `submitted_claims`, the claims a monthly
/// package may carry.
public enum WarrantySQL {
    /// Statuses of claims no package carries. 未提报 is a claim the clerk has not yet checked and submitted: its
    /// papers may be incomplete (the repair may not even be finished) and its month is not settled, since a claim
    /// is booked in the month it is submitted; sent now, it would reach the maker again in its own month. 作废 and
    /// 放弃提报 are voided and given-up claims.
    public static let unsentStatuses = ["未提报", "作废", "放弃提报"]

    public static func register(on database: Database) throws {
        try database.defineFunction("warranty_eligible", arguments: 1) { arguments in
            .integer(verdict(arguments[0]).eligible ? 1 : 0)
        }
        try database.defineFunction("warranty_reason", arguments: 1) { arguments in
            .text(verdict(arguments[0]).reason)
        }
        try database.defineView("claim_warranty", as: claimWarranty)
        try database.defineView("submitted_claims", as: """
            SELECT * FROM warranty_claims WHERE status NOT IN (\(unsentStatuses.map { "'\($0)'" }.joined(separator: ", ")))
            """)
    }

    /// Per claim (`claim_id`): the policy it is judged under (`policy_id`, `policy_name`, `months`, `hours`, `km`,
    /// `start_basis` and its `start_basis_name`), the `start_date` that basis names, and the verdict (`eligible`,
    /// `reason`). The policy is the claim's own; else the maker's policy for the model that was in force on the day
    /// the machine's warranty starts under it (effective_date ≤ start < withdrawn_date; a missing effective date
    /// counts as in force since always, a missing withdrawn date as still in force; of two in force, the later
    /// effective). Without one, the policy columns are NULL and the reason says why. A template joins the view by
    /// claim id; SQLite merges it into that query, so a report reads one claim's row, not every claim's.
    static let claimWarranty = """
        SELECT claim_id, policy_id, policy_name, months, hours, km, start_basis,
               CASE start_basis \(StartBasis.allCases.map { "WHEN '\($0.rawValue)' THEN '\($0.name)'" }.joined(separator: " ")) END
                 AS start_basis_name,
               start_date, warranty_eligible(facts) AS eligible, warranty_reason(facts) AS reason
        FROM (SELECT c.id AS claim_id, p.id AS policy_id, p.name AS policy_name, p.months, p.hours, p.km, p.start_basis,
                     \(startDate(of: "p")) AS start_date,
                     json_object('model', m.model, 'claim_policy_id', c.policy_id,
                                 'months', p.months, 'hours', p.hours, 'km', p.km, 'start_basis', p.start_basis,
                                 'start_date', \(startDate(of: "p")),
                                 'failure_date', c.failure_date, 'repair_date', c.repair_date,
                                 'hours_at_failure_tenths', c.hours_at_failure_tenths, 'km_at_failure', c.km_at_failure,
                                 'policies', CASE WHEN p.id IS NULL AND c.policy_id IS NULL THEN json((
                                     SELECT json_group_array(json_object('name', q.name, 'start_basis', q.start_basis,
                                                                         'start_date', \(startDate(of: "q")),
                                                                         'effective_date', q.effective_date,
                                                                         'withdrawn_date', q.withdrawn_date))
                                     FROM warranty_policies q WHERE \(modelPolicy("q")))) END) AS facts
              FROM warranty_claims c
              JOIN machines m ON m.id = c.machine_id
              LEFT JOIN warranty_policies p ON p.id = coalesce(c.policy_id, (
                SELECT q.id FROM warranty_policies q
                WHERE \(modelPolicy("q")) AND coalesce(q.effective_date, '') <= \(startDate(of: "q"))
                  AND (q.withdrawn_date IS NULL OR \(startDate(of: "q")) < q.withdrawn_date)
                ORDER BY q.effective_date DESC, q.id DESC LIMIT 1)))
        """

    /// The machine's (`m`) date that the policy `alias` counts from; NULL for a basis danju does not know.
    private static func startDate(of alias: String) -> String {
        "CASE \(alias).start_basis \(StartBasis.allCases.map { "WHEN '\($0.rawValue)' THEN m.\($0.rawValue)" }.joined(separator: " ")) END"
    }

    /// The claim's (`c`) maker's policies for the machine's (`m`) model.
    private static func modelPolicy(_ alias: String) -> String {
        "\(alias).manufacturer_id = c.manufacturer_id AND m.model GLOB \(alias).model_pattern"
    }

    /// The facts as `claim_warranty` passes them: the claim's, the policy's (NULL without one) and, for a claim
    /// that names none when none was in force, the maker's policies for the model.
    private struct Facts: Decodable {
        let model: String?
        let claimPolicyId: Int?
        let months, hours, km: Int?
        let startBasis, startDate: String?
        let failureDate, repairDate: String?
        let hoursAtFailureTenths, kmAtFailure: Int?
        let policies: [Policy]?

        struct Policy: Decodable {
            let name: String?
            let startBasis, startDate, effectiveDate, withdrawnDate: String?
        }
    }

    static func verdict(_ argument: SQLValue) -> WarrantyEligibility {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let facts: Facts
        do {
            facts = try decoder.decode(Facts.self, from: Data((argument.text ?? "").utf8))
        } catch {
            return WarrantyEligibility(unreadable: argument.text.map { "\($0.prefix(200))" } ?? "NULL")
        }
        let claim = ClaimFacts(failure: RecordedDate(facts.failureDate), repair: RecordedDate(facts.repairDate),
                               hoursAtFailureTenths: facts.hoursAtFailureTenths, kmAtFailure: facts.kmAtFailure)
        if let months = facts.months {
            guard let basis = facts.startBasis.flatMap(StartBasis.init(rawValue:)) else {
                return WarrantyEligibility(unreadable: "保修政策起算依据“\(facts.startBasis ?? "")”")
            }
            return WarrantyEligibility(limits: WarrantyLimits(months: months, hours: facts.hours, km: facts.km, startBasis: basis),
                                       start: RecordedDate(facts.startDate), facts: claim)
        }
        if let id = facts.claimPolicyId {
            return WarrantyEligibility(missing: .unknown(id: id), facts: claim)
        }
        let policies = (facts.policies ?? []).map {
            PolicyOnRecord(name: $0.name ?? "", startBasis: $0.startBasis.flatMap(StartBasis.init(rawValue:)), start: RecordedDate($0.startDate),
                           effective: RecordedDate($0.effectiveDate), withdrawn: RecordedDate($0.withdrawnDate))
        }
        return WarrantyEligibility(missing: .noneInForce(model: facts.model ?? "", policies: policies), facts: claim)
    }
}
