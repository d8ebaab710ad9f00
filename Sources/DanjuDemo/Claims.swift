/// Warranty claims to the manufacturers, with their status history, parts, labour, photos and the
/// three-guarantee request (三包服务) that started them.
extension DemoBuilder {
    /// How a claim's review went; each path is a sequence of (status, days after the previous step).
    private static let reviewPaths: [([(String, ClosedRange<Int>)], Int)] = [
        ([("自动审核通过", 0...1), ("初审通过", 1...6), ("终审通过", 2...10), ("已结算", 15...45)], 80),
        ([("退回", 1...4), ("已提报", 1...3), ("自动审核通过", 0...1), ("初审通过", 1...5), ("终审通过", 2...8), ("已结算", 15...40)], 7),
        ([("审核驳回", 1...5)], 6),
        ([("作废", 2...8)], 2),
    ]
    private static let goodwillPath: [(String, ClosedRange<Int>)] =
        [("转领导审批", 1...3), ("终审通过", 3...10), ("已结算", 15...45)]

    /// Faults the user's use or care caused, as the fault's cause says (by failure code). The shop cannot call them
    /// quality faults: it asks the maker for goodwill (照顾性保修), ticks the condition that caused them, and says so.
    private static let useCauses: [String: UseCause] = ["XG-G02": .overload, "GZ-D01": .impact, "YY-X03": .upkeep, "FD-C05": .upkeep]

    private enum UseCause {
        case overload, impact, upkeep

        /// The engineer's finding, after the cause.
        var finding: String {
            switch self {
            case .overload: "该车存在超载运输情况，损坏与超载使用有关"
            case .impact: "该机长期在硬岩工况下作业，损坏与作业冲击有关"
            case .upkeep: "该机未按规定周期保养清洁，故障与保养不到位有关"
            }
        }
    }

    /// The claim of a warranty order. Every random draw is made as it always was, in number and order, whatever the
    /// claim turns out to be: the work orders after this one draw from the same stream and so stay as they were.
    func writeClaim(for draft: OrderDraft, lines: [Line], _ rng: inout SplitMix64) throws -> Int {
        let id = nextID("warranty_claims")
        let machine = draft.machine, fault = draft.faultInfo!
        let drawnType = rng.weighted([("正常保修", 75), ("强保", 8), ("服务活动", 6), ("照顾性保修", 7), ("售前维修", 4)])
        let useCause = Self.useCauses[fault.code]
        let claimType = useCause == nil ? drawnType : "照顾性保修"
        let officer = staff("claims_officer", &rng)
        let failureDay = draft.arrived.day.advanced(by: -rng.int(0...3))
        let repaired = draft.completed ?? draft.arrived
        let drawn = Self.history(drawnType, repaired: repaired, &rng)

        let warrantyLines = lines.filter { $0.payer == "warranty" }
        let labourFen = warrantyLines.filter { $0.kind == "labour" }.reduce(0) { $0 + $1.netFen }
        let partsFen = warrantyLines.filter { $0.kind == "part" }.reduce(0) { $0 + $1.netFen }
        let otherFen = warrantyLines.filter { $0.kind != "labour" && $0.kind != "part" }.reduce(0) { $0 + $1.netFen }
        let claimed = labourFen + partsFen + otherFen
        let drawnApproval = drawn.contains { $0.0 == "终审通过" } ? rng.chance(0.9) ? claimed : claimed - labourFen / 10 : nil
        let truck = machine.model.isTruck
        let reporter = rng.weighted([("车主", 5), ("司机", 4), ("家人", 1), ("朋友", 1)])
        let usage = truck ? "运输" : rng.weighted([("工程", 8), ("专用", 2)])
        let dailyHours = rng.weighted([(">8h", 5), ("4-8h", 4), ("<4h", 1)])
        let site = truck ? rng.weighted([("公路", 7), ("非公路", 3)]) : rng.weighted([("非公路", 7), ("矿", 3)])
        let road = truck ? rng.weighted([("高速", 3), ("普通", 5), ("非硬化路面", 2)]) : rng.weighted([("非硬化路面", 7), ("坡道", 3)])
        // The conditions tick what the report says: 标载 and maintained for a quality fault, the cause for the others.
        let upkeep = rng.weighted([("良好", 7), ("一般", 3)])
        let overload = rng.weighted([("超载", 2), ("严重超载", 1)])
        let drawnRejection = drawn.last!.0 != "审核驳回" ? nil
            : rng.pick(["故障照片不清晰，无法判定", "超出保修工作小时", "属用户使用不当造成的损坏", "旧件未按期回运"])

        // A claim the shop sent out of warranty is turned down at the maker's first review.
        let outOfWarranty = Self.outOfWarranty(machine, failure: failureDay, repair: draft.completed?.day)
        let events = outOfWarranty == nil ? drawn : Self.turnedDown(drawn)
        func time(of status: String) -> LocalTime? { events.first { $0.0 == status }?.1 }
        let status = events.last!.0
        let submitted = time(of: "已提报")
        let approved = outOfWarranty == nil ? drawnApproval : nil
        let claimMonth = (submitted ?? repaired).day.month
        let claimNo = "SP" + claimMonth.replacingOccurrences(of: "-", with: "").dropFirst(2) + "-" + digits(id, 4)
        let meter = machine.hourMeterTenths(on: failureDay)

        try insert.insert("warranty_claims", [
            "id": .int(id), "claim_no": .text(claimNo), "work_order_id": .int(draft.id), "machine_id": .int(machine.id),
            "manufacturer_id": .int(manufacturerIDs[machine.manufacturer]), "policy_id": .null, // the policy in force decides
            "claim_type": .text(claimType), "pre_authorisation": .string(claimType == "照顾性保修" ? "照顾性保修" : nil),
            "status": .text(status), "claim_month": .text(claimMonth), "claims_officer_id": .int(officer),
            "reporter_type": .text(reporter),
            "warranty_start_date": .date(machine.warrantyStart), "failure_date": .date(failureDay),
            "repair_date": .date(draft.completed?.day), "hours_at_failure_tenths": .int(meter),
            "km_at_failure": .int(machine.odometerKm(on: failureDay)),
            "usage": .text(usage), "daily_hours": .text(dailyHours), "site": .text(site), "road": .text(road),
            "maintenance": .text(useCause == .upkeep ? "差" : upkeep), "load": .text(useCause == .overload ? overload : "标载"),
            "failure_code": .text(fault.code), "severity": .text(fault.severity),
            "complaint": .text(fault.complaint), "cause": .text(fault.cause), "correction": .text(fault.correction),
            "failure_description": .text(failureReport(draft, fault: fault, useCause: useCause, failureDay: failureDay, meter: meter)),
            "measures": .text("\(fault.correction)；试机运转正常；\(fault.parts[0].name)旧件回运厂家鉴定。"),
            "labour_fen": .int(labourFen), "parts_fen": .int(partsFen), "other_fen": .int(otherFen), "claimed_fen": .int(claimed),
            "approved_fen": .int(approved), "reimbursed_fen": .int(time(of: "已结算") == nil ? nil : approved),
            "submitted_at": .time(submitted),
            "decided_at": .time(time(of: "终审通过") ?? time(of: "审核驳回") ?? time(of: "作废")),
            "reimbursed_at": .time(time(of: "已结算")),
            "reject_reason": .string(status == "审核驳回" ? outOfWarranty ?? drawnRejection : nil),
        ])
        for (status, at) in events {
            try insert.insert("warranty_claim_events", [
                "id": .int(nextID("warranty_claim_events")), "claim_id": .int(id), "status": .text(status), "at": .time(at),
                "staff_id": .int(["未提报", "已提报", "放弃提报"].contains(status) ? officer : nil),
                "note": .string(["未提报", "已提报", "放弃提报"].contains(status) ? nil : "厂家审核"),
            ])
        }
        try writeClaimParts(id, warrantyLines, manufacturer: machine.manufacturer, submitted: submitted, &rng)
        try writeClaimLabour(id, warrantyLines, fault: fault)
        try writeClaimPhotos(id, claimNo: claimNo, month: claimMonth, draft: draft, &rng)
        try writeThreeGuaranteeRequest(for: draft, &rng)
        return id
    }

    /// Status history: created when the repair is done, submitted a few days later, then the manufacturer's review
    /// (a goodwill claim goes to the maker's management); what the demo's cutoff has not reached yet is left out.
    private static func history(_ claimType: String, repaired: LocalTime, _ rng: inout SplitMix64) -> [(String, LocalTime)] {
        var events: [(String, LocalTime)] = [("未提报", repaired.adding(minutes: rng.int(60...480)))]
        if rng.chance(0.02) {
            events.append(("放弃提报", events[0].1.adding(minutes: rng.int(1...5) * 1_440)))
        } else {
            events.append(("已提报", addingWorkingMinutes(events[0].1, rng.int(1...5) * 540)))
            let path = claimType == "照顾性保修" ? goodwillPath : rng.weighted(reviewPaths)
            for (status, days) in path {
                events.append((status, addingWorkingMinutes(events.last!.1, rng.int(days) * 540 + rng.int(0...300))))
            }
        }
        events = events.filter { $0.1 <= cutoff }
        return events.isEmpty ? [("未提报", min(repaired, cutoff))] : events
    }

    /// Why a claim is out of the maker's standing policy (the generator repairs under warranty by the end of the
    /// period only): a failure before the warranty started, or a repair finished after it ended.
    private static func outOfWarranty(_ machine: Machine, failure: Day, repair: Day?) -> String? {
        let start = machine.warrantyStart
        if failure < start { return "不在保修期内：故障日期早于保修起始日" }
        if let repair, repair >= start.adding(months: machine.maker.warranty.months) { return "不在保修期内：维修日期已过保修期" }
        return nil
    }

    /// A history whose first review after submission becomes 审核驳回, and ends there.
    private static func turnedDown(_ events: [(String, LocalTime)]) -> [(String, LocalTime)] {
        guard events.count > 2, events[1].0 == "已提报" else { return events }
        return Array(events.prefix(2)) + [("审核驳回", events[2].1)]
    }

    /// The technical report: a full description in the trade's terms, with the cause stated and, for a quality
    /// fault, the user's use and care ruled out.
    private func failureReport(_ draft: OrderDraft, fault: Catalog.Fault, useCause: UseCause?, failureDay: Day, meter: Int?) -> String {
        let machine = draft.machine
        let usage = meter.map { "累计工作\($0 / 10)小时" } ?? "行驶\(machine.odometerKm(on: failureDay) ?? 0)公里"
        let judgement = useCause.map { "\($0.finding)，不属产品质量故障；经与厂家沟通，按照顾性保修申请。" }
            ?? "相关系统及部件检查未见异常，油品清洁度符合要求，排除用户使用不当及保养不到位因素，判定为\(fault.parts[0].name)质量故障。"
        return "该机型号\(machine.model.name)，整机编号\(machine.serialNo)，\(machine.purchase.iso)购机，"
            + "保修起始日\(machine.warrantyStart.iso)。\(failureDay.iso)\(usage)时，客户反映\(fault.complaint)。"
            + "经服务工程师检查：\(fault.cause)；" + judgement
    }

    private func writeClaimParts(_ claimID: Int, _ lines: [Line], manufacturer: Int, submitted: LocalTime?,
                                 _ rng: inout SplitMix64) throws {
        let partLines = lines.filter { $0.kind == "part" }
        for (seq, line) in partLines.enumerated() {
            let main = seq == 0
            let catalogue = Catalog.parts[line.partIndex!]
            let required = main || catalogue.yuan > 500
            let returned = submitted.map { $0.day.advanced(by: rng.int(5...20)) }.flatMap { $0 <= Self.lastDay ? $0 : nil }
            let returnStatus = !required ? "不回运" : rng.chance(0.02) ? "缺失" : returned == nil ? "待回运" : "已回运"
            let serialized = main && catalogue.yuan >= 2_000
            try insert.insert("claim_parts", [
                "id": .int(nextID("claim_parts")), "claim_id": .int(claimID), "seq": .int(seq + 1),
                "damage": .text(main ? "主损件" : "附损件"), "part_no": .text(line.partNo!), "part_name": .text(line.description),
                "supplier_code": .text(partBook[manufacturer][line.partIndex!].supplierCode),
                "quantity_milli": .int(line.quantityMilli), "unit": .string(line.unit), "unit_price_fen": .int(line.unitPriceFen),
                "amount_fen": .int(line.netFen), "return_required": .flag(required), "return_status": .text(returnStatus),
                "returned_date": .date(returnStatus == "已回运" ? returned : nil),
                "waybill_no": .string(returnStatus == "已回运" ? "SF" + Catalog.fill("############", &rng) : nil),
                "old_serial_no": .string(serialized ? Catalog.fill("@@##########", &rng) : nil),
                "new_serial_no": .string(serialized ? Catalog.fill("@@##########", &rng) : nil),
                "new_part_source": .text(rng.chance(0.8) ? "站内储备" : "紧急自购"),
            ])
        }
    }

    private func writeClaimLabour(_ claimID: Int, _ lines: [Line], fault: Catalog.Fault) throws {
        for (seq, line) in lines.filter({ $0.kind == "labour" }).enumerated() {
            try insert.insert("claim_labour", [
                "id": .int(nextID("claim_labour")), "claim_id": .int(claimID), "seq": .int(seq + 1),
                "operation_code": .text(fault.code + "-" + digits(seq + 1, 2)), "description": .text(line.description),
                "hours_hundredths": .int(line.hoursHundredths), "rate_fen": .int(line.rateFen), "amount_fen": .int(line.amountFen),
                "technician_id": .int(line.technician),
            ])
        }
    }

    /// Every claim has the nameplate and the failure; some add the hour meter, old beside new, the machine, a fault code.
    private func writeClaimPhotos(_ claimID: Int, claimNo: String, month: String, draft: OrderDraft,
                                  _ rng: inout SplitMix64) throws {
        let failure: PhotoSubject = switch draft.faultInfo!.parts[0].name {
        case let name where name.contains("泵") || name.contains("阀") || name.contains("马达"): .pump
        case let name where name.contains("油缸") || name.contains("胶管"): .cylinder
        case let name where name.contains("显示器") || name.contains("控制器"): .panel
        case let name where name.contains("支承") || name.contains("变速箱") || name.contains("轮"): .gearbox
        default: .engine
        }
        let extras: [(String, String, PhotoSubject)] = [
            ("小时表", "小时表读数", .panel), ("新旧件对比", "新旧件对比", .comparison), ("整机", "整机外观", .machine),
            ("故障码", "故障码显示", .panel),
        ]
        let shots = [("铭牌", "整机铭牌", PhotoSubject.nameplate), ("故障点", "故障部位：" + draft.faultInfo!.parts[0].name, failure)]
            + rng.sample(extras, count: rng.int(0...2))
        let taken = draft.arrived.adding(minutes: rng.int(30...180))
        for (seq, shot) in shots.enumerated() {
            let path = addPhoto("claims/\(month)/\(claimNo)-\(seq + 1).jpg", shot.2, &rng)
            let at = shot.0 == "新旧件对比" ? draft.completed ?? taken : taken.adding(minutes: seq * 2)
            try insert.insert("claim_photos", [
                "id": .int(nextID("claim_photos")), "claim_id": .int(claimID), "seq": .int(seq + 1), "subject": .text(shot.0),
                "path": .text(path), "caption": .text(shot.1), "taken_at": .time(min(at, Self.cutoff)),
            ])
        }
    }

    /// T9: arrange within 2 h and tell the user; the office checks within 4 h; unresolved cases are reported.
    private func writeThreeGuaranteeRequest(for draft: OrderDraft, _ rng: inout SplitMix64) throws {
        let received = draft.arrived.adding(minutes: -rng.int(30...1_200))
        let arrangeSeconds = rng.weighted([(rng.int(1_200...7_140), 70), (7_200, 5), (rng.int(7_260...14_400), 25)])
        let arranged = received.adding(seconds: arrangeSeconds)
        let checkSeconds = rng.weighted([(rng.int(7_200...14_340), 70), (14_400, 5), (rng.int(14_460...28_800), 25)])
        let checked = received.adding(seconds: max(checkSeconds, arrangeSeconds + 600))
        let done = rng.chance(0.93)
        try insert.insert("three_guarantee_requests", [
            "id": .int(nextID("three_guarantee_requests")), "request_no": .text("SB" + draft.suffix),
            "customer_id": .int(draft.customer.id), "machine_id": .int(draft.machine.id), "complaint_id": .null,
            "work_order_id": .int(draft.id), "description": .text("三包报修：" + draft.faultInfo!.complaint),
            "received_at": .time(received), "receiver_id": .int(staff("cs_agent", &rng)),
            "forwarded_at": .time(received.adding(minutes: rng.int(3...30))), "department_id": .int(departments[draft.field ? "FIELD" : "WORKSHOP"]),
            "arranged_at": .time(arranged), "user_informed_at": .time(arranged.adding(minutes: rng.int(0...10))),
            "arrangement": .text(draft.field ? "派服务工程师到现场检查处理" : "安排进厂检查，索赔员跟进"),
            "checked_at": .time(min(checked, Self.cutoff)), "checker_id": .int(staff("clerk", &rng)),
            "check_result": .text(done ? "已落实" : "未落实"),
            "reported_at": .time(done ? nil : min(checked.adding(minutes: rng.int(5...60)), Self.cutoff)),
            "record_signed": .flag(draft.completed != nil), "old_part_returned": .flag(draft.completed != nil && rng.chance(0.95)),
        ])
    }
}
