/// One line of a work order before it is written.
struct Line {
    var kind: String
    var description: String
    var partNo: String? = nil
    var brand: String? = nil
    var quantityMilli = 1000
    var unit: String? = nil
    var unitPriceFen: Int? = nil
    var hoursHundredths: Int? = nil
    var rateFen: Int? = nil
    var payer = "customer"
    var discountFen = 0
    /// 优惠标准 of the line's discount, printed on the settlement with the authoriser's name.
    var discountStandard: String? = nil
    var technician: Int? = nil
    var partIndex: Int? = nil // Catalog.parts index, for claims
    var addedAfterQuote: (approval: String, at: LocalTime)? = nil

    /// Rounded half up, as the schema documents.
    var amountFen: Int {
        if let hours = hoursHundredths, let rate = rateFen { return (hours * rate + 50) / 100 }
        return (quantityMilli * (unitPriceFen ?? 0) + 500) / 1000
    }

    var netFen: Int { amountFen - discountFen }
}

struct QuotePlan {
    let id: Int
    let issued: LocalTime
    let prepayPercent: Int
    let estimateFen: Int
    let status: String
    let decided: LocalTime?
    let deposit: Int
    let depositAt: LocalTime?
}

extension DemoBuilder {
    static let claimRateFen = 9_000

    // MARK: Lines

    func makeLines(for draft: OrderDraft, _ rng: inout SplitMix64) -> [Line] {
        let payer = switch draft.kind {
        case "warranty": "warranty"
        case "comeback": "internal"
        default: "customer"
        }
        var lines: [Line] = []
        if let hours = draft.serviceHours, let service = Catalog.services.first(where: { $0.hours == hours }) {
            lines += labourLines("\(hours)小时保养(更换滤芯、油品，全车润滑检查)", hours: service.labourHours, payer: payer, draft, &rng)
            for (name, quantity) in service.parts where Catalog.fits(Catalog.parts[Catalog.part(named: name)].fit, draft.machine.model) {
                lines.append(partLine(name, quantity, payer: payer, draft, &rng))
            }
            if rng.chance(0.3) { lines.append(Line(kind: "other", description: "废油环保处理费", unit: "次", unitPriceFen: 2_000)) }
        }
        if let fault = draft.faultInfo {
            lines += labourLines(fault.correction, hours: fault.labourHours * rng.around(1, spread: 0.1, in: 0.8...1.3),
                                 payer: payer, draft, &rng)
            for (name, quantity) in fault.parts { lines.append(partLine(name, quantity, payer: payer, draft, &rng)) }
            if draft.kind == "repair" && rng.chance(0.07) {
                let (description, range) = rng.pick(Self.outsourcedWork)
                lines.append(Line(kind: "outsourced", description: description, unit: "项",
                                  unitPriceFen: rng.int(range) / 1_000 * 1_000, payer: payer))
            }
            if draft.kind == "repair" && rng.chance(0.1) {
                lines.append(Line(kind: "other", description: "故障诊断费", unit: "次", unitPriceFen: rng.pick([8_000, 10_000, 15_000])))
            }
        }
        if draft.field {
            let km = rng.int(15...160)
            let travelPayer = payer == "warranty" && rng.chance(0.7) ? "customer" : payer // most makers pay no travel
            lines.append(Line(kind: "transport", description: "外出服务车费(往返\(km * 2)公里)", quantityMilli: km * 2_000, unit: "公里",
                              unitPriceFen: 300, payer: travelPayer))
        } else if draft.kind == "repair" && rng.chance(0.03) {
            lines.append(Line(kind: "transport", description: "拖车费", unit: "次", unitPriceFen: rng.pick([80_000, 120_000, 150_000])))
        }
        if payer == "customer" && rng.chance(0.12) { // 配件优惠: 5 % or 10 % off every part line
            let percent = rng.pick([5, 10])
            for index in lines.indices where lines[index].kind == "part" {
                lines[index].discountFen = lines[index].amountFen * percent / 100
                lines[index].discountStandard = percent == 5 ? "配件九五折" : "配件九折"
            }
        }
        return lines
    }

    private static let outsourcedWork: [(String, ClosedRange<Int>)] = [
        ("缸杆镀铬外协加工", 80_000...200_000), ("散热器外协清洗焊修", 30_000...60_000),
        ("销轴外协车削加工", 20_000...50_000), ("喷油器外协校验", 15_000...30_000),
    ]

    /// Labour at the shop's rate (the manufacturer's for warranty); big jobs are shared by two technicians,
    /// each charging his own hours ("谁工作，谁收工时").
    func labourLines(_ description: String, hours: Double, payer: String, _ draft: OrderDraft,
                     _ rng: inout SplitMix64) -> [Line] {
        let tenths = max(Int(hours * 10), 5)
        let rate = payer == "warranty" ? Self.claimRateFen : Self.labourRateFen
        let shared = tenths >= 80 && rng.chance(0.5)
        let helper = staff(draft.field ? "service_engineer" : "technician", &rng)
        let split = shared ? [(tenths * 6 / 10, draft.lead), (tenths - tenths * 6 / 10, helper)] : [(tenths, draft.lead)]
        return split.map { share, technician in
            Line(kind: "labour", description: description, hoursHundredths: share * 10, rateFen: rate, payer: payer,
                 technician: technician)
        }
    }

    func partLine(_ name: String, _ quantity: Int, payer: String, _ draft: OrderDraft, _ rng: inout SplitMix64) -> Line {
        let index = Catalog.part(named: name)
        let part = Catalog.parts[index], entry = partBook[draft.machine.manufacturer][index]
        let milli = part.unit == "公斤" ? quantity * 1_000 + rng.pick([0, 500]) : quantity * 1_000
        return Line(kind: "part", description: part.name, partNo: entry.partNo, brand: draft.machine.maker.shortName,
                    quantityMilli: milli, unit: part.unit, unitPriceFen: entry.priceFen, payer: payer, partIndex: index)
    }

    func writeLines(_ lines: [Line], order: OrderDraft, quoteID: Int?, claimID: Int?) throws {
        for (seq, line) in lines.enumerated() {
            try insert.insert("work_order_lines", [
                "id": .int(nextID("work_order_lines")), "work_order_id": .int(order.id), "seq": .int(seq + 1),
                "kind": .text(line.kind), "description": .text(line.description), "part_no": .string(line.partNo),
                "brand": .string(line.brand), "spec": .null, "quantity_milli": .int(line.quantityMilli), "unit": .string(line.unit),
                "unit_price_fen": .int(line.unitPriceFen), "labour_hours_hundredths": .int(line.hoursHundredths),
                "labour_rate_fen": .int(line.rateFen), "amount_fen": .int(line.amountFen), "discount_fen": .int(line.discountFen),
                "technician_id": .int(line.technician), "payer": .text(line.payer),
                "claim_id": .int(line.payer == "warranty" ? claimID : nil),
                "quote_id": .int(line.addedAfterQuote == nil ? quoteID : nil),
                "added_approval": .string(line.addedAfterQuote?.approval), "added_at": .time(line.addedAfterQuote?.at),
                "customer_supplied": .flag(false),
            ])
        }
    }

    // MARK: Quote

    /// Customer-paid repairs over ¥2,000 and field jobs get a quote; work waits for the customer's decision.
    func planQuote(for draft: inout OrderDraft, lines: inout [Line], _ rng: inout SplitMix64) -> QuotePlan? {
        let customerFen = lines.filter { $0.payer == "customer" }.reduce(0) { $0 + $1.netFen }
        guard draft.kind == "repair" && (customerFen > 200_000 || draft.field) else { return nil }
        let issued = Self.addingWorkingMinutes(draft.arrived, rng.int(40...180))
        guard issued <= Self.cutoff else { return nil }
        let decided = Self.addingWorkingMinutes(issued, rng.int(10...600))
        let rejected = rng.chance(0.04)
        let pending = decided > Self.cutoff
        if rejected && !pending {
            draft.cancelled = true
            (draft.started, draft.completed, draft.qcPassed, draft.settled, draft.delivered) = (nil, nil, nil, nil, nil)
        } else if let started = draft.started, started < decided {
            delay(&draft, minutes: decided.minutes(since: started) + rng.int(10...60))
        }
        if !draft.cancelled, !pending, let started = draft.started, let completed = draft.completed, rng.chance(0.1) {
            let at = started.adding(minutes: rng.int(60...600))
            let fault = rng.pick(Catalog.faults.filter { Catalog.fits($0.fit, draft.machine.model) })
            if at < completed, let first = fault.parts.first {
                var line = partLine(first.name, first.quantity, payer: "customer", draft, &rng)
                line.addedAfterQuote = (rng.chance(0.6) ? "signed" : "recorded_call", at)
                lines.append(line)
            }
        }
        let prepay = draft.field ? rng.pick([50, 60, 70, 80]) : rng.chance(0.3) ? 30 : 0
        let estimate = (customerFen + 999) / 1_000 * 1_000
        let status = pending ? "sent" : rejected ? "rejected" : "accepted"
        let depositAt = status == "accepted" && prepay > 0 ? decided.adding(minutes: rng.int(5...90)) : nil
        let paid = depositAt.map { $0 <= Self.cutoff } ?? false
        return QuotePlan(id: nextID("quotes"), issued: issued, prepayPercent: prepay, estimateFen: estimate, status: status,
                         decided: pending ? nil : decided, deposit: paid ? estimate * prepay / 100 / 10_000 * 10_000 : 0,
                         depositAt: paid ? depositAt : nil)
    }

    /// Moves every step from the start of work on by working time, when work had to wait for the customer's
    /// decision; steps pushed past the cutoff vanish.
    private func delay(_ draft: inout OrderDraft, minutes: Int) {
        func later(_ time: LocalTime?) -> LocalTime? {
            time.map { Self.addingWorkingMinutes($0, minutes) }.flatMap { $0 <= Self.cutoff ? $0 : nil }
        }
        draft.promised = Self.addingWorkingMinutes(draft.promised, minutes)
        (draft.started, draft.completed, draft.qcPassed, draft.settled, draft.delivered) =
            (later(draft.started), later(draft.completed), later(draft.qcPassed), later(draft.settled), later(draft.delivered))
    }

    func writeQuote(_ quote: QuotePlan, draft: OrderDraft, _ rng: inout SplitMix64) throws {
        try insert.insert("quotes", [
            "id": .int(quote.id), "quote_no": .text("BJ" + draft.suffix), "work_order_id": .int(draft.id),
            "prepared_by": .int(draft.advisor), "issued_at": .time(quote.issued), "valid_until": .date(quote.issued.day.advanced(by: 7)),
            "prepay_percent": .int(quote.prepayPercent), "estimated_total_fen": .int(quote.estimateFen), "status": .text(quote.status),
            "decided_at": .time(quote.decided),
            "payment_terms": .text(quote.prepayPercent > 0 ? "预付\(quote.prepayPercent)%，试车合格后付清余款" : "完工结算时一次付清"),
            "note": .null,
        ])
        if quote.deposit > 0 {
            try writePayment(draft, settlementID: nil, kind: "deposit", amount: quote.deposit, at: quote.depositAt!, &rng)
        }
    }

    // MARK: Settlement, payments, gate passes

    /// The settlement, its balance payment and, once the machine is out, its gate pass. Every discount carries
    /// an authoriser and a standard (S000 七.4); only a showcase order leaves its discount `unsigned` and its
    /// balance `unpaid`, to show the refusals.
    func writeSettlement(_ draft: OrderDraft, settled: LocalTime, lines: [Line], deposit: Int, unsigned: Bool = false,
                         unpaid: Bool = false, _ rng: inout SplitMix64) throws {
        func sum(_ include: (Line) -> Bool) -> Int { lines.filter(include).reduce(0) { $0 + $1.netFen } }
        let total = sum { _ in true }
        let warranty = sum { $0.payer == "warranty" }, shopBorne = sum { $0.payer == "internal" }
        let customerFen = total - warranty - shopBorne
        var discount = 0
        var reason: String?, standard: String? // of the order discount
        if customerFen >= 50_000 && rng.chance(0.15) {
            if rng.chance(0.5) && customerFen % 10_000 > 0 {
                (discount, reason, standard) = (customerFen % 10_000, "客户要求抹零", "抹去百元以下零头")
            } else {
                let labour = sum { $0.kind == "labour" && $0.payer == "customer" }
                (discount, reason, standard) = (labour / 10, "老客户优惠", "工时费九折")
            }
            if discount == 0 { (reason, standard) = (nil, nil) }
        }
        // An order discount is mostly authorised by a manager or the general manager, the other discounts (a line
        // discount alone among them) by the manager on duty, chosen by the order's id rather than drawn, so that the
        // random stream, which the orders after this one draw from, goes on as before.
        let lineDiscount = lines.reduce(0) { $0 + $1.discountFen }
        let drawn = discount > 0 && rng.chance(0.88) ? staff(rng.chance(0.8) ? "manager" : "general_manager", &rng) : nil
        let managers = staffByRole["manager"]!
        let authoriser = unsigned || discount + lineDiscount == 0 ? nil : drawn ?? managers[draft.id % managers.count]
        var standards: [String] = [] // 配件九折；抹去百元以下零头
        for text in lines.compactMap(\.discountStandard) + [standard].compactMap({ $0 }) where !standards.contains(text) {
            standards.append(text)
        }
        let payable = customerFen - discount
        let invoice = payable == 0 ? "不开票"
            : draft.customer.isCompany ? rng.weighted([("增值税专用发票", 6), ("增值税普通发票", 3), ("不开票", 1)])
            : rng.weighted([("增值税普通发票", 4), ("不开票", 6)])
        let hasParts = lines.contains { $0.kind == "part" }
        let oldParts = !hasParts ? "无旧配件" : draft.kind == "warranty" ? "交旧件库"
            : rng.weighted([("客户收回", 3), ("客户声明放弃", 4), ("交旧件库", 3)])
        let id = nextID("settlements")
        try insert.insert("settlements", [
            "id": .int(id), "settlement_no": .text("JS" + draft.suffix), "work_order_id": .int(draft.id),
            "settled_at": .time(settled), "settler_id": .int(staff("cashier", &rng)), "qc_inspector_id": .int(draft.inspector),
            "labour_fen": .int(sum { $0.kind == "labour" }), "parts_fen": .int(sum { $0.kind == "part" }),
            "outsourced_fen": .int(sum { $0.kind == "outsourced" }), "transport_fen": .int(sum { $0.kind == "transport" }),
            "other_fen": .int(sum { $0.kind == "other" }), "total_fen": .int(total), "warranty_fen": .int(warranty),
            "internal_fen": .int(shopBorne), "discount_fen": .int(discount), "discount_authoriser_id": .int(authoriser),
            "discount_reason": .string(reason), "discount_standard": .string(standards.isEmpty ? nil : standards.joined(separator: "；")), "payable_fen": .int(payable),
            "tax_rate_percent": .int(13), "tax_fen": .int(invoice == "不开票" ? 0 : (payable * 13 + 56) / 113),
            "invoice_type": .text(invoice), "invoice_no": .string(invoice == "不开票" ? nil : Catalog.fill("########", &rng)),
            "old_parts": .text(oldParts), "note": .null,
        ])
        let balance = payable - deposit
        if balance != 0 && !unpaid {
            try writePayment(draft, settlementID: id, kind: balance > 0 ? "balance" : "refund", amount: abs(balance), at: settled, &rng)
        }
        if let delivered = draft.delivered {
            let issued = settled.adding(seconds: rng.int(60...max(60, delivered.seconds - settled.seconds)))
            try insert.insert("gate_passes", [
                "id": .int(nextID("gate_passes")), "pass_no": .text("CM" + draft.suffix), "kind": .text("维修结算"),
                "machine_id": .int(draft.machine.id), "work_order_id": .int(draft.id), "settlement_id": .int(id),
                "issued_at": .time(issued), "issued_by": .int(staff("cashier", &rng)), "released_at": .time(delivered),
                "guard_id": .int(staff("guard", &rng)), "note": .null,
            ])
        }
    }

    private func writePayment(_ draft: OrderDraft, settlementID: Int?, kind: String, amount: Int, at: LocalTime,
                              _ rng: inout SplitMix64) throws {
        let method = draft.customer.isCompany
            ? rng.weighted([("银行转账", 6), ("承兑汇票", amount > 1_000_000 ? 2 : 0), ("微信", 2), ("刷卡", 1)])
            : rng.weighted([("微信", 6), ("现金", 3), ("支付宝", 2), ("刷卡", 2), ("银行转账", 1)])
        try insert.insert("payments", [
            "id": .int(nextID("payments")), "work_order_id": .int(draft.id), "settlement_id": .int(settlementID),
            "kind": .text(kind), "method": .text(method), "amount_fen": .int(amount), "paid_at": .time(at),
            "cashier_id": .int(staff("cashier", &rng)),
            "reference": .string(method == "银行转账" || method == "承兑汇票" ? Catalog.fill("################", &rng) : nil),
        ])
    }

    /// A road test in the middle of a repair needs its own pass (车间路试).
    func writeRoadTest(_ draft: OrderDraft, _ rng: inout SplitMix64) throws {
        guard !draft.field, draft.kind == "repair" || draft.kind == "warranty", let started = draft.started,
              let completed = draft.completed, completed.minutes(since: started) > 150, rng.chance(0.06) else { return }
        let issued = completed.adding(minutes: -rng.int(60...140))
        let minutes = rng.int(15...40)
        try insert.insert("gate_passes", [
            "id": .int(nextID("gate_passes")), "pass_no": .text("CM" + draft.suffix + "-L"), "kind": .text("车间路试"),
            "machine_id": .int(draft.machine.id), "work_order_id": .int(draft.id), "settlement_id": .null,
            "issued_at": .time(issued), "issued_by": .int(draft.advisor), "released_at": .time(issued.adding(minutes: 3)),
            "guard_id": .int(staff("guard", &rng)), "note": .text("路试，\(minutes)分钟后返厂"),
        ])
    }
}
