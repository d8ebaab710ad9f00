/// The machine's date a warranty counts from, as a policy names it. The raw values are both the values of
/// `warranty_policies.start_basis` and the columns of `machines` that hold the dates.
public enum StartBasis: String, Sendable, CaseIterable {
    case purchase = "purchase_date", registration = "registration_date", delivery = "delivery_date"

    /// As the report prints it.
    public var name: String {
        switch self {
        case .purchase: "购机发票日"
        case .registration: "登记日"
        case .delivery: "交机日"
        }
    }
}

/// The terms of a warranty policy: months from the start date and hours or kilometres, whichever runs out first.
public struct WarrantyLimits: Sendable, Hashable {
    public let months: Int
    public let hours: Int?
    public let km: Int?
    public let startBasis: StartBasis

    public init(months: Int, hours: Int?, km: Int?, startBasis: StartBasis) {
        self.months = months
        self.hours = hours
        self.km = km
        self.startBasis = startBasis
    }
}

/// What a claim states about the failure and its repair.
public struct ClaimFacts: Sendable, Hashable {
    public let failure: RecordedDate
    /// The date of the repair being claimed (S000 保修索赔 一.2: 上次维修日期是否在保修期内).
    public let repair: RecordedDate
    /// Hour meter at the failure, in tenths of an hour (the meter shows one decimal).
    public let hoursAtFailureTenths: Int?
    public let kmAtFailure: Int?

    public init(failure: RecordedDate, repair: RecordedDate, hoursAtFailureTenths: Int?, kmAtFailure: Int?) {
        self.failure = failure
        self.repair = repair
        self.hoursAtFailureTenths = hoursAtFailureTenths
        self.kmAtFailure = kmAtFailure
    }

    /// The dates every verdict needs, whatever the policy: missing, broken, or a repair before the failure.
    var problems: [String] {
        var problems = [failure.problem("故障日期"), repair.problem("维修日期")].compactMap { $0 }
        if let failure = failure.day, let repair = repair.day, repair < failure {
            problems.append("维修日期\(repair)早于故障日期\(failure)")
        }
        return problems
    }
}

/// One of the maker's policies for a machine's model, with the day the machine's warranty would start under it.
public struct PolicyOnRecord: Sendable, Hashable {
    public let name: String
    /// Nil when the record names no basis danju knows.
    public let startBasis: StartBasis?
    public let start: RecordedDate
    /// In force from `effective` (inclusive; missing: since always) until `withdrawn` (exclusive; missing: still in force).
    public let effective: RecordedDate
    public let withdrawn: RecordedDate

    public init(name: String, startBasis: StartBasis?, start: RecordedDate, effective: RecordedDate, withdrawn: RecordedDate) {
        self.name = name
        self.startBasis = startBasis
        self.start = start
        self.effective = effective
        self.withdrawn = withdrawn
    }

    var startName: String { "整机" + (startBasis?.name ?? "保修起始日") }

    /// 三一整机保修（2015版）自2015-01-01起施行，2026-09-01废止
    var period: String {
        let from = switch effective {
        case .day(let day): "自\(day)起施行"
        case .missing: "未填施行日期"
        case .invalid(let text): "施行日期“\(text)”无效"
        }
        let until = switch withdrawn {
        case .day(let day): "，\(day)废止"
        case .missing: ""
        case .invalid(let text): "，废止日期“\(text)”无效"
        }
        return name + from + until
    }
}

/// Why a claim has no policy to be judged under.
public enum MissingPolicy: Sendable, Hashable {
    /// The claim names a policy the shop's list does not hold.
    case unknown(id: Int)
    /// The claim names none, and none of the maker's policies for the model (all listed here) was in force on
    /// the day the machine's warranty starts under it.
    case noneInForce(model: String, policies: [PolicyOnRecord])

    var reason: String {
        switch self {
        case .unknown(let id):
            return "索赔单所列保修政策（编号\(id)）不存在"
        case .noneInForce(let model, let policies):
            guard !policies.isEmpty else { return "厂家无适用于机型\(model)的保修政策" }
            let undated = unique(policies.compactMap { $0.start.problem($0.startName) })
            guard undated.isEmpty else { return undated.joined(separator: "、") + "，无法确定保修起始日及当时有效的保修政策" }
            let starts = unique(policies.map { "\($0.startBasis?.name ?? "")\($0.start.day.map(String.init(describing:)) ?? "")" })
            let ordered = policies.sorted { ($0.effective.day?.number ?? .min, $0.name) < ($1.effective.day?.number ?? .min, $1.name) }
            return "保修起始日（\(starts.joined(separator: "、"))）无有效的保修政策；机型\(model)的保修政策："
                + ordered.map(\.period).joined(separator: "；")
        }
    }

    private func unique(_ texts: [String]) -> [String] {
        var seen = Set<String>()
        return texts.filter { seen.insert($0).inserted }
    }
}

/// Whether a claim is covered, and the sentence that says why, as printed on the technical report.
///
/// Every limit is a half-open interval, the way the manufacturers count it: a 36-month warranty from
/// 2023-03-15 covers up to 2026-03-14, and 2026-03-15 is the first day out; a 5,000 h warranty covers
/// meter readings below 5000.0 h, and 5000.0 h is the first reading out. A date or reading the rule needs that
/// is missing or unreadable is never taken as covered: the claim is out, and the reason names what is missing.
public struct WarrantyEligibility: Sendable, Hashable {
    public let eligible: Bool
    public let reason: String
    /// The last day the warranty covers; nil without a start date, or when the period outlasts `CalendarDay.last`.
    public let lastCoveredDay: CalendarDay?

    /// The verdict under a policy, counted from `start`, the machine's date the policy's basis names.
    public init(limits: WarrantyLimits, start: RecordedDate, facts: ClaimFacts) {
        var problems = [start.problem("整机\(limits.startBasis.name)（保修起始日）")].compactMap { $0 } + facts.problems
        var lastDay: CalendarDay?
        if limits.months < 1 {
            problems.append("保修政策期限\(limits.months)个月无效")
        } else if let start = start.day {
            lastDay = start.adding(months: limits.months)?.advanced(by: -1)
            if let failure = facts.failure.day {
                if failure < start { problems.append("故障日期\(failure)早于保修起始日\(start)") }
                if let lastDay, failure > lastDay { problems.append("故障日期\(failure)已过保修截止日\(lastDay)（\(limits.months)个月）") }
            }
            if let repair = facts.repair.day, repair < start || lastDay.map({ repair > $0 }) == true {
                problems.append("维修日期\(repair)不在保修期内")
            }
        }
        // Compared in whole hours, tenths / 10 >= hours, so that no limit, however large, overflows.
        if let hours = limits.hours {
            switch facts.hoursAtFailureTenths {
            case nil: problems.append("缺少故障时工作小时读数，无法核对\(hours) h限额")
            case let tenths? where tenths < 0: problems.append("故障时工作小时读数\(tenths)无效")
            case let tenths? where tenths / 10 >= hours: problems.append("故障时工作小时\(Self.hours(tenths))已达保修限额\(hours) h")
            default: break
            }
        }
        if let km = limits.km {
            switch facts.kmAtFailure {
            case nil: problems.append("缺少故障时里程读数，无法核对\(km) km限额")
            case let reading? where reading < 0: problems.append("故障时里程读数\(reading)无效")
            case let reading? where reading >= km: problems.append("故障时行驶里程\(reading) km已达保修限额\(km) km")
            default: break
            }
        }
        eligible = problems.isEmpty
        lastCoveredDay = lastDay
        guard eligible, let start = start.day else {
            reason = "不在保：" + problems.joined(separator: "；")
            return
        }
        let period = lastDay.map { "保修期\(start)至\($0)（\(limits.months)个月）" }
            ?? "保修期\(start)起\(limits.months)个月（截止日在\(CalendarDay.last)以后）"
        var usage: [String] = []
        if let hours = limits.hours, let tenths = facts.hoursAtFailureTenths { usage.append("故障时\(Self.hours(tenths))，限额\(hours) h") }
        if let km = limits.km, let reading = facts.kmAtFailure { usage.append("故障时\(reading) km，限额\(km) km") }
        reason = (["在保：" + period] + usage).joined(separator: "；")
    }

    /// No policy to judge under: never covered; the reason says why, and names any date the claim lacks besides.
    public init(missing policy: MissingPolicy, facts: ClaimFacts) {
        eligible = false
        lastCoveredDay = nil
        reason = "不在保：" + ([policy.reason] + facts.problems).joined(separator: "；")
    }

    /// Facts that cannot be read at all (a template passing something else than the rule's record).
    init(unreadable detail: String) {
        eligible = false
        lastCoveredDay = nil
        reason = "不在保：无法判定（保修资料有误：\(detail)）"
    }

    /// Tenths of an hour as the meter shows them: 12345 → "1234.5 h".
    static func hours(_ tenths: Int) -> String { "\(tenths / 10).\(tenths % 10) h" }
}
