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
            let busy = (day.isWeekend ? 3.4 : 6.6) * Self.season[day.civil.month - 1]
            let arrivals = (0..<rng.poisson(busy)).map { _ in rng.int((7 * 60 + 50)...(17 * 60 + 20)) }.sorted()
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
        let day = arrived.day
        let comebackOf = rng.chance(0.03) ? recentRepair(before: arrived, &rng) : nil
        let machine = comebackOf?.machine ?? machines[rng.int(0..<max(deliveredCount(before: day), 1))]
        let kind = if comebackOf != nil { "comeback" }
            else if machine.inWarranty(on: day) && rng.chance(0.22) { "warranty" }
            else { rng.chance(0.5) ? "maintenance" : "repair" }
        let faults = Catalog.faults.indices.filter { Catalog.fits(Catalog.faults[$0].fit, machine.model) }
        let fault = kind == "maintenance" ? nil : comebackOf?.fault ?? rng.pick(faults)
        let field = rng.chance(kind == "maintenance" ? 0.08 : 0.25)
        return OrderDraft(
            id: nextID("work_orders"), orderNo: orderNo, kind: kind, machine: machine, customer: customers[machine.customer],
            fault: fault, serviceHours: kind == "maintenance" ? serviceInterval(machine, day) : nil, comebackOf: comebackOf,
            field: field, arrived: arrived, fuel: field ? nil : rng.pick(["空", "1/4", "1/3", "1/2", "1/2", "3/4", "满"]),
            valuables: rng.chance(0.25) ? rng.pick(Self.valuables) : nil, advisor: staff("advisor", &rng), director: staff("workshop_director", &rng),
            lead: staff(field ? "service_engineer" : "technician", &rng), inspector: staff("qc_inspector", &rng),
            promised: arrived)
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

    /// Estimated and actual times; most orders keep their promise, some run late, recent ones are still open.
    private func planTimeline(_ draft: inout OrderDraft, _ rng: inout SplitMix64) {
        let hours = draft.faultInfo?.labourHours ?? 3
        let partsWait = (draft.faultInfo?.parts.first.map { Catalog.parts[Catalog.part(named: $0.name)].yuan } ?? 0) > 5000
            ? rng.int(1...3) * 9 * 60 : 0
        let estimate = Int(hours * 60 * rng.around(1.3, spread: 0.2, in: 1...2)) + partsWait + 60
        draft.promised = Self.addingWorkingMinutes(draft.arrived, estimate)
        let started = Self.addingWorkingMinutes(draft.arrived, rng.int(15...120))
        let pace = rng.weighted([(rng.around(0.85, spread: 0.08, in: 0.6...1), 70), (rng.around(1.25, spread: 0.12, in: 1...1.5), 20),
                                 (rng.around(2, spread: 0.4, in: 1.5...3), 10)])
        let completed = Self.addingWorkingMinutes(started, Int(Double(estimate) * pace) - 60)
        let qcPassed = completed.adding(minutes: rng.int(10...50))
        let pickup = rng.chance(0.7) ? qcPassed.adding(minutes: rng.int(30...240))
            : Self.addingWorkingMinutes(qcPassed, rng.int(1...3) * 9 * 60 + rng.int(0...120))
        let steps = [started, completed, qcPassed, pickup.adding(minutes: -rng.int(5...30)), pickup]
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

    private func writeOrderRow(_ draft: OrderDraft, appointmentID: Int?, quoteStatus: String?, _ rng: inout SplitMix64) throws {
        let customer = draft.customer
        let day = draft.arrived.day
        let sender: (String, String)? = switch rng.int(0...19) {
        case 0: nil
        case 1...7: (customer.contact, customer.phone)
        default: (People.personName(&rng), People.mobile(&rng))
        }
        let complaint = if let fault = draft.faultInfo {
            (draft.kind == "comeback" ? "上次修过后又出现：" : "") + rng.pick(["", "最近一周", "这两天", "昨天开始"]) + fault.complaint
        } else {
            "到\(draft.serviceHours!)小时了，做\(draft.serviceHours!)小时保养" + rng.pick(["", "，顺便检查一下空调", "，黄油嘴有一个打不进黄油"])
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
            "complaint": .text(complaint), "diagnosis": .string(draft.faultInfo.map { "经检查：" + $0.cause }),
            "valuables": .string(draft.valuables),
            "protection_fitted": .flag(!draft.field && rng.chance(0.95)), "promised_at": .time(draft.promised),
            "work_started_at": .time(draft.started), "completed_at": .time(draft.completed), "qc_passed_at": .time(draft.qcPassed),
            "delivered_at": .time(draft.delivered),
            "hour_meter_out_tenths": .int(draft.completed == nil ? nil : meterIn.map { $0 + rng.int(2...9) }),
            "workshop_director_id": .int(draft.director), "lead_technician_id": .int(draft.lead),
            "qc_inspector_id": .int(draft.qcPassed == nil ? nil : draft.inspector), "notes": .null,
        ])
    }

    private static let valuables = ["驾驶室内有手机充电器一个、墨镜一副", "座椅下有工具包一个", "驾驶室内有保温杯、香烟两包",
                                    "储物盒内有行驶证复印件及现金约200元，已当面告知客户带走", "驾驶室内有对讲机一部",
                                    "随车工具：黄油枪一把、扳手一套"]
}
