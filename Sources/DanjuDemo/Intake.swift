/// Appointments, the intake checklist and photos, field visits and comeback reports of a work order.
extension DemoBuilder {
    /// About four in ten shop visits were booked by phone; a few other bookings never turned up.
    func writeAppointment(for draft: OrderDraft, _ rng: inout SplitMix64) throws -> Int? {
        guard !draft.field, rng.chance(0.4) else { return nil }
        let customer = draft.customer
        let purpose = draft.serviceHours.map { "预约\($0)小时保养" } ?? "报修：" + (draft.faultInfo?.complaint ?? "")
        let wanted = LocalTime(draft.arrived.day, draft.arrived.minuteOfDay / 60, 0)
        let specialRequests = rng.chance(0.3) ? rng.pick(["希望当天修好", "需要开增值税专用发票", "要求使用原厂配件",
                                                          "上午10点前到厂", "请安排拖车接机"]) : nil
        var ids: [Int] = []
        for arrived in [true, false] where arrived || rng.chance(0.06) {
            let called = LocalTime(draft.arrived.day.advanced(by: -rng.int(1...3)), rng.int(8...18), rng.int(0...59))
            let requested = arrived ? wanted : LocalTime(draft.arrived.day.advanced(by: rng.int(5...40)), rng.pick([9, 10, 14]), 0)
            let id = nextID("appointments")
            ids.append(id)
            try insert.insert("appointments", [
                "id": .int(id), "customer_id": .int(customer.id), "machine_id": .int(draft.machine.id),
                "advisor_id": .int(draft.advisor), "called_at": .time(called), "caller_name": .text(customer.contact),
                "caller_phone": .text(customer.phone), "model_text": .text(draft.machine.model.name), "purpose": .text(purpose),
                "special_requests": .string(specialRequests), "requested_at": .time(requested), "scheduled_at": .time(requested),
                "status": .text(arrived ? "arrived" : requested > Self.cutoff ? "booked" : rng.pick(["cancelled", "no_show"])),
            ])
        }
        return ids.first
    }

    // MARK: Intake checklist and photos

    func writeInspection(_ draft: OrderDraft, _ rng: inout SplitMix64) throws {
        let category = draft.machine.model.category
        for (index, item) in Checklist.items.enumerated() where Self.applies(item, to: category) {
            let result = rng.weighted([("ok", 94), ("damaged", 5), ("missing", 1)])
            let note: String? = switch (result, item.item) {
            case ("damaged", _): rng.pick(Self.damageNotes[item.area] ?? ["损坏"])
            case ("missing", _): item.item + rng.pick(["缺失", "不全，客户知悉"])
            case (_, "油料储位"): "燃油\(draft.fuel ?? "—")，机油、液压油、冷却液达标"
            case (_, "贵重物品"): draft.valuables
            default: nil
            }
            try insert.insert("inspection_results", [
                "work_order_id": .int(draft.id), "item_id": .int(inspectionItemIDs[index]), "result": .text(result),
                "note": .string(note),
            ])
        }
        guard draft.arrived.day >= Self.photosFrom, rng.chance(0.75) else { return }
        let shots = rng.sample(Self.intakeShots, count: rng.int(1...3))
        for (number, shot) in shots.enumerated() {
            let path = addPhoto("intake/\(draft.arrived.day.month)/\(draft.orderNo)-\(number + 1).jpg", shot.subject, &rng)
            try insert.insert("work_order_photos", [
                "id": .int(nextID("work_order_photos")), "work_order_id": .int(draft.id), "path": .text(path),
                "caption": .text(shot.caption), "taken_at": .time(draft.arrived.adding(minutes: rng.int(5...25) + number * 3)),
            ])
        }
    }

    /// Trucks have no boom or tracks; loaders no arm or slewing ring.
    private static func applies(_ item: Checklist.Item, to category: String) -> Bool {
        switch category {
        case "自卸车", "牵引车": item.area != "上架" && !["旋转", "履带"].contains(item.item)
        case "装载机": !["小臂", "旋转", "履带"].contains(item.item)
        default: true
        }
    }

    private static let damageNotes: [String: [String]] = [
        "驾驶室": ["踏板胶皮磨损", "操纵杆护套破损"], "工作台": ["仪表台有裂纹", "收音机无声"],
        "门": ["门把手松动", "左侧玻璃有裂纹", "门下沿凹陷"], "上架": ["漆面划伤", "渗油", "护板变形", "焊缝开裂"],
        "下架": ["渗油", "有异响", "履带板变形"], "发动机": ["皮带有裂纹", "渗油"], "黄油嘴": ["两个黄油嘴堵塞"],
    ]

    private static let intakeShots: [(caption: String, subject: PhotoSubject)] = [
        ("发动机", .engine), ("液压泵", .pump), ("仪表", .panel), ("铭牌", .nameplate), ("整机外观", .machine),
        ("减速器", .gearbox), ("液压缸", .cylinder),
    ]

    // MARK: Field visits and comebacks

    /// On-site work: the engineer's arrival is the start of work; most arrive by the promised time.
    func writeFieldVisit(_ draft: OrderDraft, _ rng: inout SplitMix64) throws {
        let accepted = draft.arrived
        let late = rng.chance(0.2)
        let arrival = draft.started
        let promised = arrival.map { $0.adding(minutes: late ? -rng.int(15...120) : rng.int(0...30)) }
            ?? accepted.adding(minutes: rng.int(90...240))
        let dispatched = min(accepted.adding(minutes: rng.int(10...40)), promised.adding(minutes: -20))
        let lateNotice = late && arrival != nil && rng.chance(0.7) ? promised.adding(minutes: -rng.int(10...30)) : nil
        let hour = (arrival ?? accepted).minuteOfDay / 60
        try insert.insert("field_visits", [
            "work_order_id": .int(draft.id), "engineer_id": .int(draft.lead),
            "task_source": .text(rng.weighted([("客服中心", 6), ("区域自接", 3), ("工程师自接", 1)])),
            "accepted_at": .time(accepted), "dispatched_at": .time(max(dispatched, accepted)),
            "promised_arrival_at": .time(promised), "late_notice_at": .time(lateNotice.map { max($0, accepted) }),
            "arrived_at": .time(arrival), "left_at": .time(draft.completed),
            "site_address": .text(People.address(draft.customer.city, &rng)), "travel_km": .int(rng.int(15...160)),
            "vehicle": .text(rng.chance(0.85) ? "自备车" : "非自备车"), "trip": .text(rng.chance(0.1) ? "二次" : "一次"),
            "shift": .text(hour >= 19 || hour < 7 ? "夜间" : "白天"),
        ])
    }

    func writeComebackReport(_ draft: OrderDraft, _ rng: inout SplitMix64) throws {
        guard let original = draft.comebackOf, let reported = draft.completed else { return }
        let external = rng.chance(0.8)
        let review = LocalTime(reported.day.advanced(by: rng.weighted([(1, 17), (2, 2), (3, 1)])), 8, 0)
        try insert.insert("comeback_reports", [
            "work_order_id": .int(draft.id), "kind": .text(external ? "外返" : "内返"),
            "cause": .text(rng.pick(["上次维修时密封件安装不到位", "管接头未按规定力矩紧固", "诊断不全面，未检查关联系统",
                                     "更换的配件本身存在质量问题", "装配时混入杂质"])),
            "violated_rule": .string(external ? rng.pick(["违反作业指导书：装配前未清洁零件", "违反自检规定：未做保压试验",
                                                          "违反质检规定：未按标准试车"]) : nil),
            "remedy": .text("免费返修；主修人" + rng.pick(["扣当月绩效200元", "书面检讨", "重新培训后上岗"])),
            "responsible_id": .int(original.lead), "reported_at": .time(reported),
            "reviewed_at": .time(external && review <= Self.cutoff ? review : nil),
        ])
    }
}
