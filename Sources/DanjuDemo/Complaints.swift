/// Complaints with every time stamp the limits T1–T7 measure, drawn so that most limits are met, some exactly,
/// some missed, some cases run over midnight or stay open at month end.
extension DemoBuilder {
    static let complaintCount = 560

    /// What a complaint is about and how it ended: the cause found, the remedy, the corrective action against
    /// that cause (整改) and the accountability (追责) the cause calls for.
    private struct Topic {
        let category: String
        let subject: String
        let detail: String
        let cause: String
        let solution: String
        let corrective: String
        let accountability: String
    }

    private static let topics = [
        Topic(category: "接待", subject: "服务顾问态度差", detail: "接车的服务顾问爱理不理，问什么都说不清楚",
              cause: "服务顾问接待用语不规范，未复述客户主诉", solution: "当面致歉，服务顾问重新培训接待规范",
              corrective: "接待规范纳入每周晨会演练，服务经理每日抽查接待过程", accountability: "责任人书面检讨"),
        Topic(category: "接待", subject: "接车等待时间长", detail: "到厂后等了一个多小时都没人来接车", cause: "当日进厂车辆集中，未安排预约分流",
              solution: "致歉并赠送一次免费检测，优化预约时段", corrective: "推行预约进厂，进厂高峰时段增派接车人员",
              accountability: "通报批评"),
        Topic(category: "接待", subject: "交车时间一再推迟", detail: "说好的交车时间推了两次，也没人提前打电话说明",
              cause: "配件未按时到货，服务顾问未及时告知客户", solution: "加急调件，按新承诺时间交车并减免部分工时费",
              corrective: "交车时间有变须提前电话告知客户并登记", accountability: "扣责任人当月绩效200元"),
        Topic(category: "售后", subject: "服务工程师迟到", detail: "约好上午到现场，工程师下午才到，也没打电话说明",
              cause: "派工时未考虑路程，工程师迟到未按规定致电说明", solution: "致歉，区域主管跟踪后续服务，工程师通报批评",
              corrective: "派工按路程核定到达时间，预计迟到须提前致电客户说明", accountability: "通报批评"),
        Topic(category: "售后", subject: "现场服务不到位", detail: "工程师到现场看了一眼就走了，说要回去拿配件，再也没来",
              cause: "工程师未一次定项目与配件", solution: "重新派工携带配件到场处理完毕",
              corrective: "出发前按故障描述核对配件清单，一次带齐", accountability: "责任人书面检讨"),
        Topic(category: "售后", subject: "多次维修未修好", detail: "同一个毛病已经修了三次，每次好几天又坏", cause: "前期诊断不全面，未检查关联系统",
              solution: "技术主管到场会诊，更换相关部件，延长该项质保期", corrective: "同一故障第二次维修须技术主管会诊",
              accountability: "扣责任人当月绩效200元"),
        Topic(category: "维修", subject: "修过后故障复发", detail: "刚修好没几天又出现同样的问题", cause: "主修人装配时密封件安装不到位",
              solution: "免费返修，按外返处理并定责", corrective: "密封件装配后由质检员检查签字", accountability: "责任人承担返修工时"),
        Topic(category: "维修", subject: "维修质量差", detail: "修完后机器到处漏油，驾驶室里也弄得很脏", cause: "完工自检与质检流于形式",
              solution: "免费处理漏油并清洁，质检员加强终检", corrective: "交车前终检增加渗漏与清洁项目",
              accountability: "扣责任人当月绩效200元"),
        Topic(category: "维修", subject: "交车超时", detail: "施工单上写的交车时间早就过了，机器还没修好", cause: "车间排产不合理，未及时更新看板",
              solution: "安排加班修复，减免部分工时费", corrective: "车间每日两次更新排产看板，临近交车时间预警",
              accountability: "通报批评"),
        Topic(category: "配件", subject: "配件缺货等待时间长", detail: "订的配件说五天到，现在半个月了还没到", cause: "厂家缺货，未执行当天订货加急",
              solution: "从兄弟网点调货，次日发往现场", corrective: "缺件当天订货并申请厂家加急，每日跟踪到货",
              accountability: "责任人书面检讨"),
        Topic(category: "配件", subject: "配件价格比外面贵", detail: "同样的滤芯外面便宜一半，你们这里贵得离谱", cause: "未向客户说明原厂件与副厂件区别",
              solution: "解释价格构成，按会员价退还差价", corrective: "报价时说明原厂件与副厂件的价格和质保区别",
              accountability: "不予追究(价格符合规定)"),
        Topic(category: "配件", subject: "发错配件", detail: "发来的配件型号不对，装不上", cause: "配件员未按整机编号核对配件代码",
              solution: "当天重新发货，承担往返运费", corrective: "配件发货执行双人核对整机编号",
              accountability: "扣责任人当月绩效200元"),
        Topic(category: "收银", subject: "收费不透明", detail: "结算单上多了好几项费用，事先没有人告诉我", cause: "报价时未列明诊断费及环保处理费",
              solution: "逐项解释，退还未告知的费用", corrective: "报价单逐项列明诊断费、环保处理费，客户签字确认",
              accountability: "通报批评"),
        Topic(category: "收银", subject: "多收工时费", detail: "实际干了四个小时，工时费却按八个小时收", cause: "工时单录入错误",
              solution: "核实工时单，退还多收工时费", corrective: "工时单录入后由车间主任复核", accountability: "扣责任人当月绩效100元"),
        Topic(category: "收银", subject: "发票开错抬头", detail: "发票单位名称开错了，财务报不了账", cause: "收银员未核对开票信息",
              solution: "作废重开并快递寄出", corrective: "开票前与客户核对开票信息", accountability: "责任人书面检讨"),
    ]

    /// Complaints of about 300 characters, to test wrapping and page breaks.
    private static let longComplaints: [(topic: Topic, text: String)] = [
        (Topic(category: "维修", subject: "返修后故障依旧，要求赔偿停工损失", detail: "", cause: "主泵更换后未按规定排气试车，漏检先导压力",
               solution: "免费返修并派工程师到现场处理，补偿部分租机费用", corrective: "主泵更换后的排气试车和先导压力检测列入终检",
               accountability: "扣责任人当月绩效300元"),
         "我是这台挖掘机的机手，上个月二十号在你们厂换了液压主泵，当时服务顾问说三天就能修好，结果拖了整整一个星期才交车，工地那边天天催，我们只能临时从外面租了一台挖机顶上，一天租金就要两千多。交车的时候说已经试过车没有问题，可是开回工地干了不到四十个小时，动作又开始变慢，重载的时候大臂根本抬不起来，跟修之前一模一样。我打了三次电话到你们前台，每次都说让工程师回电话，到现在也没有人联系我。我们老板很生气，要求你们今天之内派人到现场处理，停工这几天的损失和租机费用也要给个说法，不然我们就要向厂家投诉，以后也不会再来你们这里修车了。另外，交车时答应的三个月维修质保，请你们出一份书面的质保说明，盖上公章交给我们。"),
        (Topic(category: "配件", subject: "配件到货慢且型号错误", detail: "", cause: "订货未核对整机编号，厂家缺货未及时告知客户",
               solution: "从厂家加急调正确配件，退还运费并书面说明原因", corrective: "订货核对整机编号，厂家缺货当天告知客户",
               accountability: "扣责任人当月绩效200元"),
         "三月五号我们在你们配件中心订了一个回转马达，当时说好是原厂件，五天到货，还交了一万块钱定金。到了约定的日子打电话问，配件员说厂家缺货还要再等一个星期；又过了一个星期再问，又说物流在路上。现在已经快二十天了，机器一直停在矿上不能干活，我们和甲方签的合同有工期要求，每天要扣违约金。前天好不容易到货装上去，师傅拆开包装一看，发现型号不对，根本装不上，又得重新订。我想问一下，你们订货的时候到底有没有核对整机编号？这么大的错误谁来负责？我们要求你们马上把对的配件调过来，同时退还多交的运费，并且书面说明耽误工期的原因，给我们公司一个交代。还有，定金收据上写的是“订金”，你们财务说这笔钱不能退，这个也请一并解释清楚。"),
        (Topic(category: "收银", subject: "结算金额与报价不符", detail: "", cause: "报价未列明诊断费及环保处理费，工时单录入错误",
               solution: "逐项解释费用，退还多收工时费，三日内寄出发票", corrective: "报价单逐项列明收费项目，工时单录入后复核",
               accountability: "通报批评"),
         "上周六我开车到你们店里做一千小时保养，接车的时候服务顾问给我报价说全部下来一千八左右，我觉得可以就签了字。结果下午去结账，结算单上写的是三千六百多，多出来的项目有什么故障诊断费、废油环保处理费，还有一项工时费按八个小时算，可是我的机器上午十点进去，下午两点就弄好了，怎么可能用八个小时？我当场问收银员，她说她只管收钱，让我去找服务顾问，服务顾问又说是系统自动算的，改不了。我急着用车只好先付了款，但是发票到现在也没有给我开。我要求你们把每一项费用给我解释清楚，多收的钱退给我，发票三天之内寄到我公司，不然我就打12315投诉你们。顺便说一句，接车单上写的油量是满箱，取车时只剩四分之一，这个也需要你们核实。"),
        (Topic(category: "售后", subject: "服务响应慢，机器停机两天", detail: "", cause: "400来电未按首问负责制跟进，工程师未一次带齐配件",
               solution: "区域主管带配件到场修复，相关人员通报批评", corrective: "400来电执行首问负责制，工程师出发前核对配件清单",
               accountability: "通报批评"),
         "我们的挖掘机在平江的工地上，昨天下午三点多发动机突然熄火，再也打不着了。我四点钟就打了你们的400电话，接电话的小姑娘说半小时之内会有工程师联系我，结果一直等到晚上八点多才有人回电话，说今天太晚了明天一早过来。今天早上我七点就在工地等，工程师说九点到，结果快中午十二点才到，来了以后看了一圈说是高压油泵坏了，要回去拿配件，下午又不见人影了。现在已经第二天了，机器还是趴在那里，整个工地二十多个人等着这台挖机干活。你们所谓的首问负责制、两小时回复在哪里？我要求今天之内必须把机器修好，如果因为你们的拖延造成的停工损失，我们会按合同追究。另外，工程师走的时候把我们工地的一个千斤顶也带走了，到现在还没有还回来。"),
    ]

    func writeComplaints() throws {
        var rng = stream("complaints")
        let days = Self.firstDay.distance(to: Self.lastDay) + 1
        let offsets = (0..<Self.complaintCount).map { _ in rng.int(0..<days) }.sorted()
        var previousDay = -1, numberInDay = 0
        for (index, offset) in offsets.enumerated() {
            numberInDay = offset == previousDay ? numberInDay + 1 : 1
            previousDay = offset
            let day = Self.firstDay.advanced(by: offset)
            let number = "TS" + day.iso.replacingOccurrences(of: "-", with: "") + digits(numberInDay, 2)
            try writeComplaint(number, day: day, long: index % 93 == 11 ? Self.longComplaints[index / 93 % 4] : nil, &rng)
        }
    }

    private func writeComplaint(_ number: String, day: Day, long: (topic: Topic, text: String)?,
                                _ rng: inout SplitMix64) throws {
        let channel = rng.weighted([("电话", 45), ("400", 25), ("来访", 15), ("网络", 10), ("来信", 5)])
        let minute = channel == "来访" || channel == "来信" ? rng.int(510...1_040)
            : rng.weighted([(rng.int(480...1_079), 80), (rng.int(1_080...1_379), 12), (rng.int(1_380...1_438), 8)])
        let received = LocalTime(day, 0, minute, rng.int(0...59))
        let order = relatedOrder(before: received, &rng)
        let topic = long?.topic ?? rng.pick(order?.field == true ? Self.topics.filter { $0.category == "售后" } : Self.topics)
        let customer = order.map { customers[$0.machine.customer] } ?? (rng.chance(0.8) ? rng.pick(customers) : nil)
        let caller = customer?.contact ?? People.personName(&rng)
        let down = rng.chance(topic.category == "售后" || topic.category == "维修" ? 0.5 : 0.15)
        let remedy = rng.pick(["要求尽快派人处理", "要求退还多收的费用", "要求免费返修并赔偿停工损失", "要求给个书面说法", "要求今天之内答复"])
        let modelName = order?.machine.model.name ?? "设备"
        let description = long?.text ?? "\(caller)\(["来信": "来信", "来访": "到店", "网络": "网上留言"][channel] ?? "来电")反映：\(modelName)"
            + (order.map { "(单号\($0.orderNo))" } ?? "") + topic.detail + (down ? "，现在机器停机，影响施工" : "") + "。" + remedy + "。"

        var timeline = ComplaintTimeline(received: received, category: topic.category, partsInvolved: rng.chance(0.3), &rng)
        let events = timeline.events(&rng) // also decides the escalation time
        let owner = complaintOwner(topic.category, &rng)
        let resolved = timeline.resolved != nil
        let status = timeline.closed != nil ? "closed" : resolved ? "resolved"
            : timeline.firstReply != nil ? (rng.chance(0.2) ? "on_hold" : "replied") : "open"
        let id = nextID("complaints")
        let due = received.day.advanced(by: 20)
        let extended = !resolved && received.day.distance(to: Self.lastDay) > 20 || rng.chance(0.02)
        try insert.insert("complaints", [
            "id": .int(id), "complaint_no": .text(number), "channel": .text(channel), "category": .text(topic.category),
            "priority": .text(down ? rng.weighted([("紧急", 5), ("重大", 3), ("一般", 2)]) : rng.weighted([("一般", 8), ("重大", 2)])),
            "status": .text(status), "customer_id": .int(customer?.id), "machine_id": .int(order?.machine.id),
            "work_order_id": .int(order?.id), "caller_name": .text(caller), "caller_phone": .string(customer?.phone ?? People.mobile(&rng)),
            "caller_company": .string(customer.flatMap { $0.isCompany ? $0.name : nil }),
            "subject": .text(topic.subject), "description": .text(description), "remedy_sought": .text(remedy),
            "reply_content": .text(rng.pick(["已登记，告知客户30分钟内由负责人联系", "已向客户致歉，告知马上安排处理",
                                             "已记录，告知客户今天下班前给答复"])),
            "machine_down": .flag(down), "department_id": .int(departments[Self.complaintDepartment[topic.category]!]),
            "receiver_id": .int(staff(channel == "来访" ? "advisor" : "cs_agent", &rng)), "received_at": .time(received),
            "handed_at": .time(timeline.handed), "cs_supervisor_id": .int(staff("cs_supervisor", &rng)),
            "assigned_at": .time(timeline.assigned), "owner_id": .int(owner), "owner_signed": .flag(rng.chance(0.9)),
            "first_reply_at": .time(timeline.firstReply), "cannot_handle_at": .time(timeline.cannotHandle),
            "superior_notified_at": .time(timeline.superiorNotified),
            "superior_id": .int(timeline.superiorNotified == nil ? nil : staff("manager", &rng)),
            "escalated_at": .time(timeline.escalated),
            "general_manager_id": .int(timeline.escalated == nil ? nil : staff("general_manager", &rng)),
            "parts_shortage_at": .time(timeline.partsShortage), "parts_ordered_at": .time(timeline.partsOrdered),
            "parts_shipped_at": .time(timeline.partsShipped), "resolved_at": .time(timeline.resolved),
            "result_reply_at": .time(timeline.resultReply), "closed_at": .time(timeline.closed), "due_date": .date(due),
            "extended_to": .date(extended ? due.advanced(by: 10) : nil),
            "extension_reason": .string(extended ? "需厂家技术鉴定，经批准延期10日，已告知客户" : nil),
            "cause": .string(resolved ? topic.cause : nil), "solution": .string(resolved ? topic.solution : nil),
            "responsible_id": .int(resolved ? staff(Self.responsibleRole[topic.category]!, &rng) : nil),
            "accountability": .string(resolved ? topic.accountability : nil),
            "corrective_action": .string(resolved ? topic.corrective : nil),
            "satisfaction": .int(timeline.closed == nil ? nil : rng.weighted([(5, 40), (4, 35), (3, 15), (2, 7), (1, 3)])),
        ])
        for event in events {
            try insert.insert("complaint_events", [
                "id": .int(nextID("complaint_events")), "complaint_id": .int(id), "kind": .text(event.kind), "at": .time(event.at),
                "staff_id": .int(event.kind == "escalation" ? staff("general_manager", &rng) : owner), "note": .string(event.note),
            ])
        }
        if let closed = timeline.closed { closedComplaints.append((id, closed)) }
    }

    private static let complaintDepartment = ["接待": "RECEPTION", "售后": "FIELD", "维修": "WORKSHOP", "配件": "PARTS", "收银": "FINANCE"]
    private static let responsibleRole = ["接待": "advisor", "售后": "service_engineer", "维修": "technician", "配件": "parts_clerk",
                                          "收银": "cashier"]

    private func complaintOwner(_ category: String, _ rng: inout SplitMix64) -> Int {
        switch category {
        case "售后": staff("regional_manager", &rng)
        case "维修": staff("workshop_director", &rng)
        default: staff("manager", &rng)
        }
    }

    /// Seven in ten complaints concern an order of the last 30 days.
    private func relatedOrder(before time: LocalTime, _ rng: inout SplitMix64) -> OrderSummary? {
        guard rng.chance(0.7) else { return nil }
        var (low, high) = (0, orders.count)
        while low < high {
            let middle = (low + high) / 2
            if orders[middle].arrived < time { low = middle + 1 } else { high = middle }
        }
        let window = orders[..<low].suffix(180).filter { time.minutes(since: $0.arrived) < 30 * 1_440 }
        return window.isEmpty ? nil : rng.pick(Array(window))
    }
}

/// The time stamps of one complaint, drawn around the limits of S000 EM: mostly kept, sometimes to the second,
/// sometimes missed. Steps after the demo's cutoff are nil.
struct ComplaintTimeline {
    var handed: LocalTime?
    var assigned: LocalTime?
    var firstReply: LocalTime?
    var cannotHandle: LocalTime?
    var superiorNotified: LocalTime?
    var escalated: LocalTime?
    var partsShortage: LocalTime?
    var partsOrdered: LocalTime?
    var partsShipped: LocalTime?
    var resolved: LocalTime?
    var resultReply: LocalTime?
    var closed: LocalTime?
    private let received: LocalTime
    private var gapIndex: Int? // the progress step after which nothing happens for over four hours

    init(received: LocalTime, category: String, partsInvolved: Bool, _ rng: inout SplitMix64) {
        self.received = received
        let cutoff = DemoBuilder.cutoff
        func clip(_ time: LocalTime?) -> LocalTime? { time.flatMap { $0 <= cutoff ? $0 : nil } }
        let handed = received.adding(seconds: rng.weighted([(rng.int(60...180), 45), (rng.int(181...299), 28), (300, 5),
                                                            (rng.int(301...900), 17), (rng.int(901...3_600), 5)]))
        let assigned = handed.adding(seconds: rng.int(120...1_200))
        let minute = received.minuteOfDay
        let inHours = DemoBuilder.isOfficeDay(received.day) && minute >= DemoBuilder.workdayStart && minute < DemoBuilder.workdayEnd - 60
        var morning = assigned.day.advanced(by: assigned.minuteOfDay >= DemoBuilder.workdayStart ? 1 : 0)
        while !DemoBuilder.isOfficeDay(morning) { morning = morning.advanced(by: 1) }
        let nextMorning = LocalTime(morning, 8, rng.int(40...150))
        let quick = rng.chance(inHours ? 0.85 : 0.15)
        let firstReply = quick ? assigned.adding(minutes: rng.int(5...90)) : nextMorning
        (self.handed, self.assigned, self.firstReply) = (clip(handed), clip(assigned), clip(firstReply))
        if rng.chance(0.3) {
            let cannot = firstReply.adding(minutes: rng.int(10...120))
            cannotHandle = clip(cannot)
            superiorNotified = clip(cannot.adding(seconds: rng.weighted([(rng.int(30...179), 65), (180, 10), (rng.int(181...1_800), 25)])))
        }
        if partsInvolved || category == "配件" {
            let shortage = assigned.adding(minutes: rng.int(30...180))
            let sameDay = rng.chance(0.8) && shortage.minuteOfDay < 23 * 60
            let ordered = sameDay ? min(shortage.adding(minutes: rng.int(10...240)), LocalTime(shortage.day, 23, 50))
                : LocalTime(shortage.day.advanced(by: 1), rng.int(9...10), rng.int(0...59))
            (partsShortage, partsOrdered) = (clip(shortage), clip(ordered))
            partsShipped = clip(ordered.adding(minutes: rng.chance(0.6) ? rng.int(60...300) : rng.int(900...1_800)))
        }
        // Only recent cases may still be open at the cutoff.
        let recent = received.day.distance(to: DemoBuilder.lastDay) <= 45
        let durations: [(Int?, Int)] = [(rng.int(60...480), 45), (rng.int(481...1_620), 25), (rng.int(1_621...8_100), 20),
                                        (rng.int(8_101...20_000), 5), (recent ? nil : rng.int(8_101...20_000), 5)]
        let workingMinutes = rng.weighted(durations)
        let resolved = workingMinutes.map { DemoBuilder.addingOfficeMinutes(max(firstReply, assigned), $0) }
        let resultReply = resolved.map { rng.chance(0.7) ? $0.adding(minutes: rng.int(10...180))
            : DemoBuilder.addingOfficeMinutes(LocalTime($0.day.advanced(by: 1), 8, 30), rng.int(10...120)) }
        let closed = resultReply.flatMap { rng.chance(0.9) ? $0.adding(minutes: rng.int(1...5) * 1_440 + rng.int(0...300)) : nil }
        (self.resolved, self.resultReply, self.closed) = (clip(resolved), clip(resultReply), clip(closed))
        if let resolved, let cannot = cannotHandle, cannot > resolved { (cannotHandle, superiorNotified) = (nil, nil) }
        if let resolved, let shortage = partsShortage, shortage > resolved { (partsShortage, partsOrdered, partsShipped) = (nil, nil, nil) }
        if rng.chance(0.3) { gapIndex = rng.int(0...2) }
    }

    struct Event {
        let kind: String
        let at: LocalTime
        let note: String?
    }

    /// Hourly internal follow-ups and two-hourly customer updates in working hours (fewer after two days),
    /// progress notes with one long silence in some cases, escalated to the general manager in most of those.
    mutating func events(_ rng: inout SplitMix64) -> [Event] {
        guard let assigned else { return [] }
        let end = resolved ?? DemoBuilder.cutoff
        var events: [Event] = []
        let firstDay = assigned.day
        func schedule(_ kind: String, note: String?, _ interval: (inout SplitMix64, Bool) -> Int) {
            var time = assigned
            while events.count < 400 {
                time = DemoBuilder.addingOfficeMinutes(time, interval(&rng, firstDay.distance(to: time.day) >= 2))
                guard time < end else { return }
                events.append(Event(kind: kind, at: time, note: note))
            }
        }
        schedule("internal_followup", note: "客服中心询问处理结果") { rng, later in
            later ? rng.int(200...280) : rng.chance(0.85) ? rng.int(50...65) : rng.int(90...150)
        }
        schedule("customer_update", note: "向客户通报处理进展") { rng, later in
            later ? rng.int(420...540) : rng.chance(0.8) ? rng.int(100...120) : rng.int(150...260)
        }
        var time = assigned
        var step = 0
        while time < end && events.count < 400 {
            let silent = step == gapIndex
            let later = firstDay.distance(to: time.day) >= 2
            let next = DemoBuilder.addingOfficeMinutes(time, silent ? rng.int(250...420)
                : later ? (rng.chance(0.85) ? rng.int(150...235) : rng.int(260...400)) : rng.int(60...200))
            if silent && rng.chance(0.7) {
                let escalation = DemoBuilder.addingOfficeMinutes(time, rng.chance(0.25) ? 240 : rng.int(241...270))
                if escalation < min(next, end) {
                    escalated = escalated ?? escalation
                    events.append(Event(kind: "escalation", at: escalation, note: "超过4小时无进展，上报总经理协调"))
                }
            }
            guard next < end else { break }
            events.append(Event(kind: "progress", at: next, note: rng.pick(["工程师已到现场", "已确认故障原因", "配件已发出",
                                                                              "正在拆检", "厂家技术支持已介入"])))
            time = next
            step += 1
        }
        return events.sorted { ($0.at, $0.kind) < ($1.at, $1.kind) }
    }
}
