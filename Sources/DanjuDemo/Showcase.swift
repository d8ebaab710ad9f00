/// Orders the random shop does not happen to make but the documents must be seen with. Written after every
/// other record, from their own random stream, so all of those stay exactly as they were.
extension DemoBuilder {
    func writeShowcase() throws {
        var rng = stream("showcase")
        try writeQuotedWarrantyRepair(&rng)
        try writeUnsignedDiscountRepair(&rng)
    }

    /// A warranty repair with a quote: the failed parts and their labour are claimed from the maker (索赔), while
    /// worn bucket teeth found on the same visit are the customer's, quoted and half prepaid before work starts.
    private func writeQuotedWarrantyRepair(_ rng: inout SplitMix64) throws {
        let arrived = LocalTime(Day(2026, 6, 16), 9, 12, 40)
        let machine = try require(machines.first { $0.model.category == "挖掘机" && $0.delivery < arrived.day && $0.inWarranty(on: arrived.day) },
                                  "an excavator under warranty on \(arrived.day.iso)")
        let faults = Catalog.faults.indices.filter {
            Catalog.fits(Catalog.faults[$0].fit, machine.model) && !Catalog.faults[$0].parts.isEmpty && Catalog.faults[$0].labourHours >= 4
        }
        let fault = rng.pick(faults)
        let issued = arrived.adding(minutes: 52), decided = issued.adding(minutes: 35)
        let completed = LocalTime(Day(2026, 6, 17), 15, 30)
        var draft = OrderDraft(
            id: nextID("work_orders"), orderNo: "WX20260616901", kind: "warranty", machine: machine, customer: customers[machine.customer],
            fault: fault, complaint: "最近一周" + Catalog.faults[fault].complaint + "，铲斗齿也磨秃了", serviceHours: nil, comebackOf: nil,
            field: false, arrived: arrived, fuel: "1/2", valuables: nil, advisor: staff("advisor", &rng),
            director: staff("workshop_director", &rng), lead: staff("technician", &rng), inspector: staff("qc_inspector", &rng),
            promised: LocalTime(Day(2026, 6, 17), 17, 0))
        (draft.started, draft.completed, draft.qcPassed) = (decided.adding(minutes: 20), completed, completed.adding(minutes: 25))
        (draft.settled, draft.delivered) = (completed.adding(minutes: 50), completed.adding(minutes: 70))

        let info = Catalog.faults[fault]
        var lines = labourLines(info.correction, hours: info.labourHours, payer: "warranty", draft, &rng)
        lines += info.parts.map { partLine($0.name, $0.quantity, payer: "warranty", draft, &rng) }
        lines.append(partLine("斗齿", 5, payer: "customer", draft, &rng))
        lines += labourLines("更换斗齿（磨损件，不属保修范围）", hours: 1.5, payer: "customer", draft, &rng)
        lines.append(Line(kind: "other", description: "废油环保处理费", unit: "次", unitPriceFen: 2_000))
        // The pilot filter the last service missed, replaced at the shop's cost: neither the customer's nor the maker's.
        var missed = partLine("先导滤芯", 1, payer: "internal", draft, &rng)
        missed.description += "（上次保养漏换，本厂承担）"
        lines.append(missed)

        let customerFen = lines.filter { $0.payer == "customer" }.reduce(0) { $0 + $1.netFen }
        let estimate = (customerFen + 999) / 1_000 * 1_000
        let quote = QuotePlan(id: nextID("quotes"), issued: issued, prepayPercent: 50, estimateFen: estimate, status: "accepted",
                              decided: decided, deposit: estimate / 2 / 10_000 * 10_000, depositAt: decided.adding(minutes: 12))
        try writeOrderRow(draft, appointmentID: nil, quoteStatus: quote.status, &rng)
        try writeInspection(draft, &rng)
        try writeQuote(quote, draft: draft, &rng)
        let claimID = try writeClaim(for: draft, lines: lines, &rng)
        try writeLines(lines, order: draft, quoteID: quote.id, claimID: claimID)
        try writeSettlement(draft, settled: draft.settled!, lines: lines, deposit: quote.deposit, &rng)
    }

    /// A repair settled with a 10 % discount on its parts that nobody signed for, and not yet paid: its settlement
    /// is refused until a manager signs (`--draft` prints it marked), its gate pass until the balance is paid.
    private func writeUnsignedDiscountRepair(_ rng: inout SplitMix64) throws {
        let arrived = LocalTime(Day(2026, 11, 27), 10, 5, 12)
        let machine = try require(machines.first { $0.model.category == "挖掘机" && $0.delivery < arrived.day && !$0.inWarranty(on: arrived.day) },
                                  "an excavator out of warranty on \(arrived.day.iso)")
        let faults = Catalog.faults.indices.filter { Catalog.fits(Catalog.faults[$0].fit, machine.model) && Catalog.faults[$0].parts.count >= 2 }
        let fault = rng.pick(faults)
        var draft = OrderDraft(
            id: nextID("work_orders"), orderNo: "WX20261127901", kind: "repair", machine: machine, customer: customers[machine.customer],
            fault: fault, complaint: Catalog.faults[fault].complaint, serviceHours: nil, comebackOf: nil, field: false, arrived: arrived,
            fuel: "3/4", valuables: nil, advisor: staff("advisor", &rng), director: staff("workshop_director", &rng),
            lead: staff("technician", &rng), inspector: staff("qc_inspector", &rng), promised: LocalTime(Day(2026, 11, 28), 17, 0))
        (draft.started, draft.completed, draft.qcPassed) = (arrived.adding(minutes: 40), LocalTime(Day(2026, 11, 28), 14, 10),
                                                            LocalTime(Day(2026, 11, 28), 14, 45))
        draft.settled = LocalTime(Day(2026, 11, 28), 16, 20)

        let info = Catalog.faults[fault]
        var lines = labourLines(info.correction, hours: info.labourHours, payer: "customer", draft, &rng)
        lines += info.parts.map { partLine($0.name, $0.quantity, payer: "customer", draft, &rng) }
        for index in lines.indices where lines[index].kind == "part" {
            lines[index].discountFen = lines[index].amountFen / 10
            lines[index].discountStandard = "配件九折"
        }
        try writeOrderRow(draft, appointmentID: nil, quoteStatus: nil, &rng)
        try writeInspection(draft, &rng)
        try writeLines(lines, order: draft, quoteID: nil, claimID: nil)
        try writeSettlement(draft, settled: draft.settled!, lines: lines, deposit: 0, unsigned: true, unpaid: true, &rng)
    }

    private func require<T>(_ value: T?, _ what: String) throws -> T {
        guard let value else { throw DemoError("the demo shop has no \(what) for its showcase order") }
        return value
    }
}
