import DanjuDatabase
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The tests' own reading of the warranty rule, written apart from DanjuWarranty and the `claim_warranty` view so
/// that a figure the templates print is checked against an independent result: raw tables, Foundation's
/// Gregorian calendar for the months, fnmatch(3) for the model patterns.
struct WarrantyOracle {
    struct Policy {
        let id: Int64
        let name: String
        let maker: Int64
        let pattern: String
        let months: Int
        let hours: Int?
        let km: Int?
        let basis: String
        let effective: String?
        let withdrawn: String?
    }

    struct Verdict {
        let policy: Policy?
        /// The machine's date the policy counts from.
        let start: Date?
        /// The last covered day, as YYYY-MM-DD.
        let lastDay: String?
        let eligible: Bool
    }

    let policies: [Policy]
    private let database: Database

    init(_ path: String) throws {
        database = try Database(path: path, mode: .readOnly)
        policies = try database.rows("SELECT * FROM warranty_policies ORDER BY id").map { row in
            Policy(id: row["id"]!.integer!, name: row["name"]!.text!, maker: row["manufacturer_id"]!.integer!,
                   pattern: row["model_pattern"]!.text!, months: Int(row["months"]!.integer!), hours: row["hours"]?.integer.map(Int.init),
                   km: row["km"]?.integer.map(Int.init), basis: row["start_basis"]!.text!, effective: row["effective_date"]?.text,
                   withdrawn: row["withdrawn_date"]?.text)
        }
    }

    /// Every claim's verdict, by claim id. `newest` judges a claim without a policy of its own under the maker's
    /// newest policy for the model instead (the old, wrong rule), to show where the rule matters.
    func verdicts(newest: Bool = false) throws -> [Int64: Verdict] {
        let claims = try database.rows("""
            SELECT c.id, c.manufacturer_id, c.policy_id, c.failure_date, c.repair_date, c.hours_at_failure_tenths, c.km_at_failure,
                   m.model, m.purchase_date, m.registration_date, m.delivery_date
            FROM warranty_claims c JOIN machines m ON m.id = c.machine_id
            """)
        return Dictionary(uniqueKeysWithValues: claims.map { ($0["id"]!.integer!, verdict($0, newest: newest)) })
    }

    private func verdict(_ claim: Row, newest: Bool) -> Verdict {
        func start(_ policy: Policy) -> Date? { claim[policy.basis]?.text.flatMap(Self.day) }
        let candidates = policies.filter { $0.maker == claim["manufacturer_id"]!.integer! && fnmatch($0.pattern, claim["model"]!.text!, 0) == 0 }
            .sorted { ($0.effective ?? "", $0.id) > ($1.effective ?? "", $1.id) }
        let policy: Policy? = if let own = claim["policy_id"]?.integer { policies.first { $0.id == own } }
            else if newest { candidates.first }
            else {
                candidates.first { policy in
                    guard let day = start(policy) else { return false }
                    return policy.effective.flatMap(Self.day).map { $0 <= day } ?? true
                        && policy.withdrawn.flatMap(Self.day).map { day < $0 } ?? true
                }
            }
        guard let policy, let start = start(policy) else { return Verdict(policy: policy, start: nil, lastDay: nil, eligible: false) }
        let end = Self.calendar.date(byAdding: .month, value: policy.months, to: start)!
        let lastDay = Self.text(Self.calendar.date(byAdding: .day, value: -1, to: end)!)
        guard let failure = claim["failure_date"]?.text.flatMap(Self.day), let repair = claim["repair_date"]?.text.flatMap(Self.day) else {
            return Verdict(policy: policy, start: start, lastDay: lastDay, eligible: false)
        }
        var eligible = start <= failure && failure < end && start <= repair && repair < end && failure <= repair
        if let hours = policy.hours { eligible = eligible && (claim["hours_at_failure_tenths"]?.integer).map { $0 < hours * 10 } ?? false }
        if let km = policy.km { eligible = eligible && (claim["km_at_failure"]?.integer).map { $0 < km } ?? false }
        return Verdict(policy: policy, start: start, lastDay: lastDay, eligible: eligible)
    }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// `2025-03-15` as midnight UTC; nil for anything else, `2025-02-30` included.
    static func day(_ text: String) -> Date? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])),
              calendar.dateComponents([.year, .month, .day], from: date) == DateComponents(year: parts[0], month: parts[1], day: parts[2])
        else { return nil }
        return date
    }

    static func text(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }
}
