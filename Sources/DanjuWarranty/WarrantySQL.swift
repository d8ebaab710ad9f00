import DanjuDatabase

/// Warranty eligibility as SQL functions, so a template's query prints the same verdict the Swift type
/// computes: `warranty_eligible(…)` gives 1 or 0, `warranty_reason(…)` the sentence. Both take
/// (months, hours, km, start_date, failure_date, hours_at_failure_tenths, km_at_failure, repair_date).
public enum WarrantySQL {
    public static func register(on database: Database) throws {
        try database.defineFunction("warranty_eligible", arguments: 8) { arguments in
            evaluate(arguments).map { .integer($0.eligible ? 1 : 0) } ?? .null
        }
        try database.defineFunction("warranty_reason", arguments: 8) { arguments in
            evaluate(arguments).map { .text($0.reason) } ?? .text("无法判定：缺少保修政策或故障日期")
        }
    }

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
