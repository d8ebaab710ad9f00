import DanjuDatabase
import DanjuWarranty
import Testing

/// 36 months / 5,000 h from 2023-03-15: the last covered day is 2026-03-14, the last covered reading 4999.9 h.
private let limits = WarrantyLimits(months: 36, hours: 5_000, km: nil)
private let start = CalendarDay(year: 2023, month: 3, day: 15)

private func judge(failure: CalendarDay, tenths: Int? = 12_000, repair: CalendarDay? = nil, start: CalendarDay? = start,
                   limits: WarrantyLimits = limits, km: Int? = nil) -> WarrantyEligibility {
    WarrantyEligibility(limits: limits, facts: ClaimFacts(start: start, failure: failure, hoursAtFailureTenths: tenths,
                                                          kmAtFailure: km, repair: repair ?? failure))
}

@Test func lastDayOfTheWarrantyIsCovered() {
    let result = judge(failure: CalendarDay(year: 2026, month: 3, day: 14))
    #expect(result.eligible)
    #expect(result.lastCoveredDay == CalendarDay(year: 2026, month: 3, day: 14))
    #expect(result.reason.hasPrefix("在保：保修期2023-03-15至2026-03-14（36个月）"))
}

@Test func firstDayAfterTheWarrantyIsNot() {
    let result = judge(failure: CalendarDay(year: 2026, month: 3, day: 15))
    #expect(!result.eligible)
    #expect(result.reason.contains("故障日期2026-03-15已过保修截止日2026-03-14"))
}

@Test func lastTenthOfAnHourIsCoveredAndTheLimitItselfIsNot() {
    let day = CalendarDay(year: 2025, month: 1, day: 10)
    #expect(judge(failure: day, tenths: 49_999).eligible)
    let atLimit = judge(failure: day, tenths: 50_000)
    #expect(!atLimit.eligible)
    #expect(atLimit.reason == "不在保：故障时工作小时5000.0 h已达保修限额5000 h")
}

@Test func hoursAndDateExceededTogetherAreBothNamed() {
    let result = judge(failure: CalendarDay(year: 2026, month: 4, day: 1), tenths: 51_234)
    #expect(!result.eligible)
    #expect(result.reason.contains("已过保修截止日") && result.reason.contains("5123.4 h"))
}

@Test func monthEndStartsClampToShorterMonths() {
    // From 2023-08-31, 6 months ends on 2024-02-29 (leap year): 2024-02-28 is covered, 2024-02-29 is the first day out.
    let limits = WarrantyLimits(months: 6, hours: nil, km: nil)
    let start = CalendarDay(year: 2023, month: 8, day: 31)
    #expect(judge(failure: CalendarDay(year: 2024, month: 2, day: 28), start: start, limits: limits).eligible)
    #expect(!judge(failure: CalendarDay(year: 2024, month: 2, day: 29), start: start, limits: limits).eligible)
}

@Test func missingStartOrMeterIsNeverCovered() {
    let day = CalendarDay(year: 2025, month: 1, day: 10)
    #expect(judge(failure: day, start: nil).reason.hasPrefix("不在保：整机无保修起始日"))
    #expect(judge(failure: day, tenths: nil).reason.contains("无故障时工作小时读数"))
}

@Test func failureBeforeTheStartIsRefused() {
    #expect(!judge(failure: CalendarDay(year: 2023, month: 3, day: 14)).eligible)
}

@Test func repairAfterTheWarrantyEndedIsNamed() {
    let result = judge(failure: CalendarDay(year: 2026, month: 3, day: 14), repair: CalendarDay(year: 2026, month: 3, day: 15))
    #expect(!result.eligible)
    #expect(result.reason == "不在保：维修日期2026-03-15不在保修期内")
}

@Test func kilometreLimitForTrucks() {
    let truck = WarrantyLimits(months: 24, hours: nil, km: 200_000)
    let day = CalendarDay(year: 2024, month: 6, day: 1)
    #expect(judge(failure: day, tenths: nil, limits: truck, km: 199_999).eligible)
    #expect(!judge(failure: day, tenths: nil, limits: truck, km: 200_000).eligible)
}

@Test func theSQLFunctionsGiveTheSameVerdict() throws {
    let database = try Database(path: ":memory:", mode: .readWrite(create: true))
    try WarrantySQL.register(on: database)
    let row = try #require(try database.rows("""
        SELECT warranty_eligible(36, 5000, NULL, '2023-03-15', '2026-03-14', 49999, NULL, '2026-03-14') AS last_day,
               warranty_eligible(36, 5000, NULL, '2023-03-15', '2026-03-15', 100, NULL, NULL) AS day_after,
               warranty_reason(36, 5000, NULL, '2023-03-15', '2025-01-10', 50000, NULL, NULL) AS reason,
               warranty_reason(NULL, 5000, NULL, '2023-03-15', '2025-01-10', 50000, NULL, NULL) AS no_policy
        """).first)
    #expect(row["last_day"] == .integer(1))
    #expect(row["day_after"] == .integer(0))
    #expect(row["reason"] == .text(judge(failure: CalendarDay(year: 2025, month: 1, day: 10), tenths: 50_000).reason))
    #expect(row["no_policy"]?.text?.hasPrefix("无法判定") == true)
}
