import DanjuDatabase
import DanjuWarranty
import Testing

/// 36 months / 5,000 h from the registration date 2023-03-15: the last covered day is 2026-03-14, the last
/// covered reading 4999.9 h.
private let standard = WarrantyLimits(months: 36, hours: 5_000, km: nil, startBasis: .registration)
private let registration = CalendarDay(year: 2023, month: 3, day: 15)

private func day(_ text: String) -> RecordedDate { RecordedDate(text) }

private func judge(failure: RecordedDate, tenths: Int? = 12_000, repair: RecordedDate? = nil, start: RecordedDate = .day(registration),
                   limits: WarrantyLimits = standard, km: Int? = nil) -> WarrantyEligibility {
    WarrantyEligibility(limits: limits, start: start,
                        facts: ClaimFacts(failure: failure, repair: repair ?? failure, hoursAtFailureTenths: tenths, kmAtFailure: km))
}

@Test func lastDayOfTheWarrantyIsCovered() {
    let result = judge(failure: day("2026-03-14"))
    #expect(result.eligible)
    #expect(result.lastCoveredDay == CalendarDay(year: 2026, month: 3, day: 14))
    #expect(result.reason == "在保：保修期2023-03-15至2026-03-14（36个月）；故障时1200.0 h，限额5000 h")
}

@Test func firstDayAfterTheWarrantyIsNot() {
    let result = judge(failure: day("2026-03-15"))
    #expect(!result.eligible)
    #expect(result.reason.contains("故障日期2026-03-15已过保修截止日2026-03-14"))
}

@Test func lastTenthOfAnHourIsCoveredAndTheLimitItselfIsNot() {
    #expect(judge(failure: day("2025-01-10"), tenths: 49_999).eligible)
    let atLimit = judge(failure: day("2025-01-10"), tenths: 50_000)
    #expect(!atLimit.eligible)
    #expect(atLimit.reason == "不在保：故障时工作小时5000.0 h已达保修限额5000 h")
}

@Test func hoursAndDateExceededTogetherAreBothNamed() {
    let result = judge(failure: day("2026-04-01"), tenths: 51_234)
    #expect(!result.eligible)
    #expect(result.reason.contains("已过保修截止日") && result.reason.contains("5123.4 h"))
}

@Test func monthEndStartsClampToShorterMonths() {
    // From 2023-08-31, 6 months ends on 2024-02-29 (leap year): 2024-02-28 is covered, 2024-02-29 is the first day out.
    let limits = WarrantyLimits(months: 6, hours: nil, km: nil, startBasis: .delivery)
    let start = RecordedDate("2023-08-31")
    #expect(judge(failure: day("2024-02-28"), start: start, limits: limits).eligible)
    #expect(!judge(failure: day("2024-02-29"), start: start, limits: limits).eligible)
}

@Test func failureBeforeTheStartIsRefused() {
    #expect(!judge(failure: day("2023-03-14")).eligible)
}

@Test func repairAfterTheWarrantyEndedIsNamed() {
    let result = judge(failure: day("2026-03-14"), repair: day("2026-03-15"))
    #expect(!result.eligible)
    #expect(result.reason == "不在保：维修日期2026-03-15不在保修期内")
}

@Test func kilometreLimitForTrucks() {
    let truck = WarrantyLimits(months: 24, hours: nil, km: 200_000, startBasis: .registration)
    #expect(judge(failure: day("2024-06-01"), tenths: nil, limits: truck, km: 199_999).eligible)
    #expect(!judge(failure: day("2024-06-01"), tenths: nil, limits: truck, km: 200_000).eligible)
}

/// Each input the rule needs, taken away in turn from a claim that is otherwise well inside its warranty:
/// never covered, and the reason names exactly what is missing.
struct MissingInput: Sendable, CustomTestStringConvertible {
    let name: String
    let limits: WarrantyLimits
    let start: RecordedDate
    let facts: ClaimFacts
    let named: String

    var testDescription: String { name }

    static let all: [MissingInput] = {
        let truck = WarrantyLimits(months: 24, hours: nil, km: 200_000, startBasis: .purchase)
        let fine = ClaimFacts(failure: day("2025-01-10"), repair: day("2025-01-12"), hoursAtFailureTenths: 12_000, kmAtFailure: 50_000)
        func facts(failure: RecordedDate = fine.failure, repair: RecordedDate = fine.repair, tenths: Int? = 12_000, km: Int? = 50_000) -> ClaimFacts {
            ClaimFacts(failure: failure, repair: repair, hoursAtFailureTenths: tenths, kmAtFailure: km)
        }
        return [
            MissingInput(name: "failure date", limits: standard, start: .day(registration), facts: facts(failure: .missing), named: "缺少故障日期"),
            MissingInput(name: "repair date", limits: standard, start: .day(registration), facts: facts(repair: .missing), named: "缺少维修日期"),
            MissingInput(name: "hour meter", limits: standard, start: .day(registration), facts: facts(tenths: nil), named: "缺少故障时工作小时读数，无法核对5000 h限额"),
            MissingInput(name: "odometer", limits: truck, start: .day(registration), facts: facts(km: nil), named: "缺少故障时里程读数，无法核对200000 km限额"),
            MissingInput(name: "registration date", limits: standard, start: .missing, facts: fine, named: "缺少整机登记日（保修起始日）"),
            MissingInput(name: "purchase date", limits: truck, start: .missing, facts: fine, named: "缺少整机购机发票日（保修起始日）"),
            MissingInput(name: "impossible failure date", limits: standard, start: .day(registration), facts: facts(failure: day("2025-02-30")),
                         named: "故障日期“2025-02-30”不是有效日期"),
            MissingInput(name: "impossible repair date", limits: standard, start: .day(registration), facts: facts(repair: day("2025-13-01")),
                         named: "维修日期“2025-13-01”不是有效日期"),
            MissingInput(name: "impossible start date", limits: standard, start: day("2023-02-29"), facts: fine,
                         named: "整机登记日（保修起始日）“2023-02-29”不是有效日期"),
        ]
    }()
}

@Test(arguments: MissingInput.all)
func aMissingInputIsNeverCoverage(_ input: MissingInput) {
    let complete = WarrantyEligibility(limits: input.limits, start: .day(registration),
                                       facts: ClaimFacts(failure: day("2025-01-10"), repair: day("2025-01-12"),
                                                         hoursAtFailureTenths: 12_000, kmAtFailure: 50_000))
    #expect(complete.eligible, "the claim is covered with every input: \(complete.reason)")
    let result = WarrantyEligibility(limits: input.limits, start: input.start, facts: input.facts)
    #expect(!result.eligible)
    #expect(result.reason == "不在保：" + input.named)
}

@Test func aRepairBeforeTheFailureIsNamed() {
    let result = judge(failure: day("2025-01-10"), repair: day("2025-01-09"))
    #expect(!result.eligible)
    #expect(result.reason == "不在保：维修日期2025-01-09早于故障日期2025-01-10")
}

@Test func everythingMissingIsNamedAtOnce() {
    let result = WarrantyEligibility(limits: standard, start: .missing,
                                     facts: ClaimFacts(failure: .missing, repair: .missing, hoursAtFailureTenths: nil, kmAtFailure: nil))
    #expect(result.reason == "不在保：缺少整机登记日（保修起始日）；缺少故障日期；缺少维修日期；缺少故障时工作小时读数，无法核对5000 h限额")
}

/// The schema allows any positive INTEGER: the largest ones must give a verdict, not a trap.
@Test func hugeLimitsGiveAVerdictNotACrash() {
    let endless = WarrantyLimits(months: .max, hours: .max, km: .max, startBasis: .registration)
    let result = WarrantyEligibility(limits: endless, start: .day(registration),
                                     facts: ClaimFacts(failure: day("9999-12-31"), repair: day("9999-12-31"),
                                                       hoursAtFailureTenths: .max, kmAtFailure: .max - 1))
    #expect(result.eligible)
    #expect(result.lastCoveredDay == nil)
    #expect(result.reason.hasPrefix("在保：保修期2023-03-15起9223372036854775807个月（截止日在9999-12-31以后）"))

    // An end that falls within the calendar is still found: 95,721 months from 2023-03-15 end before 9999-12-15.
    let toTheLastMonth = WarrantyLimits(months: (9_999 - 2_023) * 12 + 9, hours: nil, km: nil, startBasis: .registration)
    #expect(judge(failure: day("9999-12-14"), start: .day(registration), limits: toTheLastMonth).eligible)
    #expect(!judge(failure: day("9999-12-15"), start: .day(registration), limits: toTheLastMonth).eligible)

    let atTheLimit = WarrantyEligibility(limits: WarrantyLimits(months: 36, hours: .max, km: nil, startBasis: .registration), start: .day(registration),
                                         facts: ClaimFacts(failure: day("2025-01-10"), repair: day("2025-01-10"), hoursAtFailureTenths: .max, kmAtFailure: nil))
    #expect(atTheLimit.eligible, "Int.max tenths are below Int.max hours")
    for months in [0, -1, Int.min] {
        let result = judge(failure: day("2025-01-10"), limits: WarrantyLimits(months: months, hours: nil, km: nil, startBasis: .registration))
        #expect(!result.eligible && result.reason == "不在保：保修政策期限\(months)个月无效")
    }
    #expect(!judge(failure: day("2025-01-10"), tenths: -1).eligible)
}

@Test func addingMonthsStopsAtTheCalendarsEnd() {
    #expect(registration.adding(months: .max) == nil)
    #expect(registration.adding(months: .min) == nil)
    #expect(CalendarDay(year: 9999, month: 12, day: 31).adding(months: 1) == nil)
    #expect(CalendarDay(year: 9999, month: 11, day: 30).adding(months: 1) == CalendarDay.last.advanced(by: -1))
    #expect(CalendarDay(year: 2024, month: 1, day: 31).adding(months: 1) == CalendarDay(year: 2024, month: 2, day: 29))
}

// MARK: Without a policy

private let neverClaimed = ClaimFacts(failure: day("2025-01-10"), repair: day("2025-01-12"), hoursAtFailureTenths: 1_000, kmAtFailure: nil)

@Test func withoutAnyPolicyForTheModelTheVerdictSaysSo() {
    let result = WarrantyEligibility(missing: .noneInForce(model: "SY215C", policies: []), facts: neverClaimed)
    #expect(!result.eligible)
    #expect(result.reason == "不在保：厂家无适用于机型SY215C的保修政策")
}

@Test func withNoPolicyInForceOnTheStartDayTheVerdictListsThePolicies() {
    let policies = [
        PolicyOnRecord(name: "新政策", startBasis: .registration, start: day("2014-06-01"), effective: day("2026-09-01"), withdrawn: .missing),
        PolicyOnRecord(name: "旧政策", startBasis: .registration, start: day("2014-06-01"), effective: day("2015-01-01"), withdrawn: day("2026-09-01")),
    ]
    let result = WarrantyEligibility(missing: .noneInForce(model: "SY215C", policies: policies),
                                     facts: ClaimFacts(failure: day("2015-03-01"), repair: .missing, hoursAtFailureTenths: 100, kmAtFailure: nil))
    #expect(!result.eligible)
    #expect(result.reason == "不在保：保修起始日（登记日2014-06-01）无有效的保修政策；机型SY215C的保修政策："
            + "旧政策自2015-01-01起施行，2026-09-01废止；新政策自2026-09-01起施行；缺少维修日期",
            "oldest policy first, and the claim's own missing date as well")
}

@Test func withoutTheStartDateNoPolicyCanBeChosen() {
    let policies = [
        PolicyOnRecord(name: "A", startBasis: .registration, start: .missing, effective: day("2015-01-01"), withdrawn: .missing),
        PolicyOnRecord(name: "B", startBasis: .delivery, start: .missing, effective: day("2015-01-01"), withdrawn: .missing),
        PolicyOnRecord(name: "C", startBasis: .registration, start: .missing, effective: day("2020-01-01"), withdrawn: .missing),
    ]
    let result = WarrantyEligibility(missing: .noneInForce(model: "SY215C", policies: policies), facts: neverClaimed)
    #expect(result.reason == "不在保：缺少整机登记日、缺少整机交机日，无法确定保修起始日及当时有效的保修政策")
}

@Test func aClaimNamingAPolicyThatIsNotOnRecord() {
    let result = WarrantyEligibility(missing: .unknown(id: 42), facts: neverClaimed)
    #expect(!result.eligible && result.reason == "不在保：索赔单所列保修政策（编号42）不存在")
}
