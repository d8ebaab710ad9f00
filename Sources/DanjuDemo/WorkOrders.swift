/// What later parts of the demo (complaints, callbacks) need to know about a written order.
struct OrderSummary {
    let id: Int
    let orderNo: String
    let kind: String
    let machine: Machine
    let fault: Int? // index into Catalog.faults
    let field: Bool
    let arrived: LocalTime
    let delivered: LocalTime?
    let advisor: Int
    let lead: Int
}

/// One work order while it is being generated: who, what, and when each step happened (nil = not reached).
struct OrderDraft {
    let id: Int
    let orderNo: String
    let kind: String
    let machine: Machine
    let customer: Customer
    let fault: Int?
    let complaint: String // 客户主诉
    let serviceHours: Int? // maintenance interval
    let comebackOf: OrderSummary?
    let field: Bool
    let arrived: LocalTime
    let fuel: String? // not recorded on site
    let valuables: String?
    let advisor: Int, director: Int, lead: Int, inspector: Int
    var promised: LocalTime
    var started: LocalTime?
    var completed: LocalTime?
    var qcPassed: LocalTime?
    var settled: LocalTime?
    var delivered: LocalTime?
    var cancelled = false

    var faultInfo: Catalog.Fault? { fault.map { Catalog.faults[$0] } }
    var suffix: String { String(orderNo.dropFirst(2)) } // shared by the order's settlement, quote and pass numbers
}

extension DemoBuilder {
    func writeWorkOrders() throws {
        var rng = stream("work-orders")
        var day = Self.firstDay
        while day <= Self.lastDay {
            let busy = (day.isWeekend ? 4 : 6.4) * Self.season[day.civil.month - 1]
            let arrivals = (0..<rng.poisson(busy)).map { _ in rng.int((7 * 60 + 50)...(17 * 60 + 20)) }.sorted()
                .filter { LocalTime(day, 0, $0) < Self.cutoff }
            for (index, minute) in arrivals.enumerated() {
                let arrived = LocalTime(day, minute / 60, minute % 60, rng.int(0...59))
                let orderNo = "WX" + day.iso.replacingOccurrences(of: "-", with: "") + digits(index + 1, 3)
                try writeOrder(orderNo, arrived: arrived, &rng)
            }
            day = day.advanced(by: 1)
        }
    }

    /// Relative intake by month: quiet around Spring Festival, busy in the spring building season.
    private static let season = [0.8, 0.55, 1.2, 1.25, 1.15, 1.0, 0.9, 0.9, 1.05, 1.0, 1.0, 0.85]

    private func writeOrder(_ orderNo: String, arrived: LocalTime, _ rng: inout SplitMix64) throws {
        var draft = makeDraft(orderNo, arrived: arrived, &rng)
        planTimeline(&draft, &rng)
        var lines = makeLines(for: draft, &rng)
        let quote = planQuote(for: &draft, lines: &lines, &rng)
        let appointmentID = try writeAppointment(for: draft, &rng)
        try writeOrderRow(draft, appointmentID: appointmentID, quoteStatus: quote?.status, &rng)
        if draft.kind == "comeback" { try writeComebackReport(draft, &rng) }
        if draft.field { try writeFieldVisit(draft, &rng) } else { try writeInspection(draft, &rng) }
        if let quote { try writeQuote(quote, draft: draft, &rng) }
        let claimID = draft.kind == "warranty" && !draft.cancelled ? try writeClaim(for: draft, lines: lines, &rng) : nil
        try writeLines(lines, order: draft, quoteID: quote?.id, claimID: claimID)
        if let settled = draft.settled {
            try writeSettlement(draft, settled: settled, lines: lines, deposit: quote?.deposit ?? 0, &rng)
        }
        try writeRoadTest(draft, &rng)
        orders.append(OrderSummary(id: draft.id, orderNo: orderNo, kind: draft.kind, machine: draft.machine, fault: draft.fault,
                                   field: draft.field, arrived: arrived, delivered: draft.delivered, advisor: draft.advisor,
                                   lead: draft.lead))
    }

    private func makeDraft(_ orderNo: String, arrived: LocalTime, _ rng: inout SplitMix64) -> OrderDraft {
        let id = nextID("work_orders")
        let day = arrived.day
        let comebackOf = rng.chance(0.03) ? recentRepair(before: arrived, &rng) : nil
        let machine = comebackOf?.machine ?? machines[rng.int(0..<max(deliveredCount(before: day), 1))]
        let kind = if comebackOf != nil { "comeback" }
            else if machine.inWarranty(on: day) && rng.chance(0.26) { "warranty" }
            else { rng.chance(0.5) ? "maintenance" : "repair" }
        let long = kind == "repair" && machine.model.category == "挖掘机" && id % 300 == 123
            ? Self.longComplaints[id / 300 % Self.longComplaints.count] : nil
        let faults = Catalog.faults.indices.filter { Catalog.fits(Catalog.faults[$0].fit, machine.model) }
        let fault = kind == "maintenance" ? nil : long?.fault ?? comebackOf?.fault ?? rng.pick(faults)
        let serviceHours = kind == "maintenance" ? serviceInterval(machine, day) : nil
        let complaint = if let long { long.text }
            else if let fault {
                (kind == "comeback" ? "上次修过后又出现：" : "") + rng.pick(["", "最近一周", "这两天", "昨天开始"])
                    + Catalog.faults[fault].complaint
            } else {
                "到\(serviceHours!)小时了，做\(serviceHours!)小时保养" + rng.pick(["", "，顺便检查一下空调", "，黄油嘴有一个打不进黄油"])
            }
        let field = rng.chance(kind == "maintenance" ? 0.08 : 0.25)
        return OrderDraft(
            id: id, orderNo: orderNo, kind: kind, machine: machine, customer: customers[machine.customer], fault: fault,
            complaint: complaint, serviceHours: serviceHours, comebackOf: comebackOf, field: field, arrived: arrived,
            fuel: field ? nil : rng.pick(["空", "1/4", "1/3", "1/2", "1/2", "3/4", "满"]),
            valuables: rng.chance(0.25) ? rng.pick(Self.valuables) : nil, advisor: staff("advisor", &rng),
            director: staff("workshop_director", &rng), lead: staff(field ? "service_engineer" : "technician", &rng),
            inspector: staff("qc_inspector", &rng), promised: arrived)
    }

    /// A repair or warranty order delivered within the last 30 days, to come back for rework.
    private func recentRepair(before arrived: LocalTime, _ rng: inout SplitMix64) -> OrderSummary? {
        let candidates = orders.suffix(120).filter { order in
            guard let delivered = order.delivered, order.fault != nil, order.kind != "comeback" else { return false }
            return delivered < arrived && arrived.minutes(since: delivered) < 30 * 24 * 60
        }
        return candidates.isEmpty ? nil : rng.pick(candidates)
    }

    /// The maintenance interval due at this hour reading (250 / 500 / 1000 / 2000 h).
    private func serviceInterval(_ machine: Machine, _ day: Day) -> Int {
        let hours = (machine.hourMeterTenths(on: day) ?? (machine.odometerKm(on: day) ?? 0) / 40 * 10) / 10
        let step = (hours + 125) / 250 * 250
        return step % 2000 == 0 ? 2000 : step % 1000 == 0 ? 1000 : step % 500 == 0 ? 500 : 250
    }

    // MARK: Timeline

    /// Estimated and actual times; most orders keep their promise, some run late (a few wait days for parts),
    /// recent ones are still open.
    private func planTimeline(_ draft: inout OrderDraft, _ rng: inout SplitMix64) {
        let day = 540 // working minutes
        let causalPartYuan = draft.faultInfo?.parts.first.map { Catalog.parts[Catalog.part(named: $0.name)].yuan } ?? 0
        let partsWait = (causalPartYuan > 5_000 ? rng.int(1...3) * day : 0) + (rng.chance(0.08) ? rng.int(2...8) * day : 0)
        let estimate = Int((draft.faultInfo?.labourHours ?? 3) * 60 * rng.around(1.3, spread: 0.2, in: 1...2)) + partsWait
        let started = Self.addingWorkingMinutes(draft.arrived, rng.int(15...90))
        draft.promised = Self.addingWorkingMinutes(started, estimate + rng.int(60...120))
        let pace = rng.weighted([(rng.around(0.85, spread: 0.08, in: 0.6...1), 75), (rng.around(1.2, spread: 0.1, in: 1...1.4), 17),
                                 (rng.around(2, spread: 0.4, in: 1.4...3), 8)])
        let completed = Self.addingWorkingMinutes(started, Int(Double(estimate) * pace))
        let qcPassed = completed.adding(minutes: rng.int(10...50))
        let pickup = Self.addingWorkingMinutes(qcPassed, rng.chance(0.8) ? rng.int(15...90) : rng.int(1...3) * day + rng.int(0...120))
        let steps = [started, completed, qcPassed, pickup.adding(minutes: -rng.int(5...15)), pickup]
            .map { $0 <= Self.cutoff ? $0 : nil }
        (draft.started, draft.completed, draft.qcPassed, draft.settled, draft.delivered) = (steps[0], steps[1], steps[2], steps[3], steps[4])
    }

    /// Adds working time, counted only between workday start and end (the shop works seven days a week).
    static func addingWorkingMinutes(_ start: LocalTime, _ minutes: Int) -> LocalTime {
        var time = start
        if time.minuteOfDay < workdayStart {
            time = LocalTime(time.day, 0, workdayStart)
        } else if time.minuteOfDay >= workdayEnd {
            time = LocalTime(time.day.advanced(by: 1), 0, workdayStart)
        }
        var left = max(minutes, 0)
        while left > workdayEnd - time.minuteOfDay {
            left -= workdayEnd - time.minuteOfDay
            time = LocalTime(time.day.advanced(by: 1), 0, workdayStart)
        }
        return time.adding(minutes: left)
    }

    private func status(_ draft: OrderDraft, quoteStatus: String?) -> String {
        if draft.cancelled { return "cancelled" }
        if draft.delivered != nil { return "delivered" }
        if draft.settled != nil { return "settled" }
        if draft.qcPassed != nil { return "completed" }
        if draft.started != nil { return "in_progress" }
        switch quoteStatus {
        case "accepted": return "approved"
        case "sent": return "quoted"
        default: return "received"
        }
    }

    // MARK: Order row

    func writeOrderRow(_ draft: OrderDraft, appointmentID: Int?, quoteStatus: String?, _ rng: inout SplitMix64) throws {
        let customer = draft.customer
        let day = draft.arrived.day
        let sender: (String, String)? = switch rng.int(0...19) {
        case 0: nil
        case 1...7: (customer.contact, customer.phone)
        default: (People.personName(&rng), People.mobile(&rng))
        }
        let meterIn = draft.machine.hourMeterTenths(on: day)
        try insert.insert("work_orders", [
            "id": .int(draft.id), "order_no": .text(draft.orderNo), "kind": .text(draft.kind),
            "comeback_of": .int(draft.comebackOf?.id), "service_mode": .text(draft.field ? "field" : "shop"),
            "status": .text(status(draft, quoteStatus: quoteStatus)), "customer_id": .int(customer.id), "machine_id": .int(draft.machine.id),
            "appointment_id": .int(appointmentID), "advisor_id": .int(draft.advisor),
            "sender_name": .string(sender?.0), "sender_phone": .string(sender?.1), "arrived_at": .time(draft.arrived),
            "hour_meter_in_tenths": .int(meterIn), "odometer_in_km": .int(draft.machine.odometerKm(on: day)),
            "fuel_level": .string(draft.fuel),
            "complaint": .text(draft.complaint), "diagnosis": .string(draft.faultInfo.map { "经检查：" + $0.cause }),
            "valuables": .string(draft.valuables),
            "protection_fitted": .flag(!draft.field && rng.chance(0.95)), "promised_at": .time(draft.promised),
            "work_started_at": .time(draft.started), "completed_at": .time(draft.completed), "qc_passed_at": .time(draft.qcPassed),
            "delivered_at": .time(draft.delivered),
            "hour_meter_out_tenths": .int(draft.completed == nil ? nil : meterIn.map { $0 + rng.int(2...9) }),
            "workshop_director_id": .int(draft.director), "lead_technician_id": .int(draft.lead),
            "qc_inspector_id": .int(draft.qcPassed == nil ? nil : draft.inspector), "notes": .null,
        ])
    }

    /// 客户主诉 as some customers give it: long, several faults at once, conditions attached.
    private static let longComplaints: [(text: String, fault: Int)] = [
        ("挖机最近半个月越来越没劲，早上冷车的时候还好，干两个小时以后动作明显变慢，大臂提升和回转同时操作时几乎不动，而且液压油温度表一直在红线附近，驾驶室里能听到主泵那边有尖锐的啸叫声，停机后闻到一股焦糊味。之前在别的地方换过一次液压油和滤芯，没有效果。客户要求彻底检查液压系统，并在更换任何配件前先电话报价，同意后再施工。", 0),
        ("发动机启动困难，尤其是早上，要连续打三四次才能着车，着车后冒白烟大约五分钟，怠速不稳，仪表上偶尔跳出“燃油压力低”的报警，有时候干活干到一半突然熄火，再打又能着。机手说上个月加过一次外面的柴油，之后就开始出现这个问题。客户要求检查燃油系统，清洗油箱，必要时更换喷油器，但是高压油泵如果要换必须先通知老板同意。", 3),
        ("左边履带跑偏，行走时往左拐，直线行走不到五十米就偏出一个车身，同时左侧行走马达位置有漏油，履带张紧也松，已经掉过两次履带。驾驶室门锁坏了关不严，空调只出热风，收音机没有声音，这几项顺便一起看看。客户说这台机器下周一要进场，请务必在周六之前修好，修不好也要提前告诉他，他好另外安排设备。", 2),
    ]

    private static let valuables = ["驾驶室内有手机充电器一个、墨镜一副", "座椅下有工具包一个", "驾驶室内有保温杯、香烟两包",
                                    "储物盒内有行驶证复印件及现金约200元，已当面告知客户带走", "驾驶室内有对讲机一部",
                                    "随车工具：黄油枪一把、扳手一套"]
}
