/// Callbacks (T8): two days after delivery, three to seven days after a complaint is closed.
extension DemoBuilder {
    func writeCallbacks() throws {
        var rng = stream("callbacks")
        for order in orders {
            guard let delivered = order.delivered else { continue }
            try writeCallback(kind: "交车回访", workOrder: order.id, complaint: nil, basis: delivered,
                              due: delivered.adding(minutes: 2 * 1_440), staff: order.advisor, &rng)
        }
        for (complaint, closed) in closedComplaints {
            try writeCallback(kind: "投诉回访", workOrder: nil, complaint: complaint, basis: closed,
                              due: closed.adding(minutes: rng.int(3...7) * 1_440), staff: staff("cs_agent", &rng), &rng)
        }
    }

    /// Most callbacks reach the customer on time; some late, some only at the second attempt, a few never.
    private func writeCallback(kind: String, workOrder: Int?, complaint: Int?, basis: LocalTime, due: LocalTime, staff caller: Int,
                               _ rng: inout SplitMix64) throws {
        let first = LocalTime(due.day.advanced(by: rng.weighted([(-1, 2), (0, 7), (rng.int(1...3), 1)])),
                              rng.int(9...16), rng.int(0...59))
        var attempts: [(LocalTime, Bool)] = []
        if rng.chance(0.97) { // the rest were simply never called
            let reachedFirst = rng.chance(0.9)
            attempts.append((max(first, basis.adding(minutes: 60)), reachedFirst))
            if !reachedFirst { // 二次回访 at another time of day
                attempts.append((LocalTime(first.day.advanced(by: rng.int(0...1)), rng.pick([11, 15, 19]), rng.int(0...59)), rng.chance(0.7)))
            }
        }
        attempts = attempts.filter { $0.0 <= Self.cutoff }
        let reached = attempts.contains { $0.1 }
        let satisfaction = reached ? rng.weighted([(5, 55), (4, 30), (3, 10), (2, 4), (1, 1)]) : nil
        let unhappy = (satisfaction ?? 5) <= 3
        let id = nextID("callbacks")
        try insert.insert("callbacks", [
            "id": .int(id), "work_order_id": .int(workOrder), "complaint_id": .int(complaint), "kind": .text(kind),
            "basis_at": .time(basis), "due_at": .time(due), "staff_id": .int(caller),
            "status": .text(reached ? "done" : attempts.count == 2 ? "unreachable" : "pending"),
            "satisfaction": .int(satisfaction),
            "feedback": .string(reached ? unhappy ? rng.pick(["交车时间比说好的晚", "价格偏高", "机器还有点异响", "接待不够热情"])
                : rng.pick(["满意", "服务不错", "机器正常", nil]) : nil),
            "forwarded_department_id": .int(unhappy && reached ? departments[rng.pick(["RECEPTION", "WORKSHOP", "PARTS"])] : nil),
        ])
        for (at, reached) in attempts {
            try insert.insert("callback_attempts", [
                "id": .int(nextID("callback_attempts")), "callback_id": .int(id), "at": .time(at), "staff_id": .int(caller),
                "reached": .flag(reached), "note": .string(reached ? nil : rng.pick(["无人接听", "关机", "正在开车，约定再联系"])),
            ])
        }
    }
}
