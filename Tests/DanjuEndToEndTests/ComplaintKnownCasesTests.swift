import DanjuDatabase
import DanjuFormat
import Foundation
import Testing

/// A shop of five October complaints whose figures are known by construction:
/// A handed to the supervisor exactly 5 min after the call (on the T1 limit), customer updated exactly 2 working
///   hours after assignment (on the T4 limit); B received at 23:58 and handed over after midnight (T1 missed),
///   first reply next morning (T6 kept: received after hours); C open at month end, superior told exactly 3 min
///   after "cannot handle" (T2 kept); D silent for 6 h but escalated to the GM exactly 4 working hours in (T5 kept);
///   E silent overnight without escalation (T4, T5 missed) and first reply after closing time (T6 missed), a
///   repeat of A's customer; B is a repeat of a September complaint exactly 30 days earlier.
private func knownShop() throws -> String {
    let path = newPath("known.sqlite")
    let db = try Database(path: path, mode: .readWrite(create: true))
    try Schema.migrate(db)
    try db.execute("""
        INSERT INTO settings (key, value) VALUES ('shop_name', '测试工程机械服务部'), ('time_zone', 'Asia/Shanghai'),
            ('workday_start', '08:30'), ('workday_end', '17:30');
        INSERT INTO departments (id, code, name, complaint_category) VALUES (1, 'RECEPTION', '服务接待部', '接待'), (2, 'PARTS', '配件中心', '配件');
        INSERT INTO staff (id, employee_no, name, role) VALUES (1, 'T1', '王接听', 'cs_agent'), (2, 'T2', '李部长', 'manager'),
            (3, 'T3', '赵总', 'general_manager'), (4, 'T4', '陈责任', 'advisor');
        INSERT INTO customers (id, kind, name, phone) VALUES (1, 'company', '长沙路桥公司', '13812345678'), (2, 'person', '刘师傅', '13987654321');
        """)
    func complaint(_ id: Int, _ number: String, _ category: String, customer: Int?, phone: String, status: String,
                   _ times: [String: String], satisfaction: Int? = nil) throws {
        let columns = ["received_at", "handed_at", "assigned_at", "first_reply_at", "cannot_handle_at", "superior_notified_at",
                       "resolved_at", "closed_at"]
        let values = columns.map { times[$0].map { "'\($0)+08:00'" } ?? "NULL" }
        try db.execute("""
            INSERT INTO complaints (id, complaint_no, channel, category, status, customer_id, caller_name, caller_phone, subject,
                description, department_id, receiver_id, owner_id, responsible_id, satisfaction, \(columns.joined(separator: ", ")))
            VALUES (\(id), '\(number)', '电话', '\(category)', '\(status)', \(customer.map(String.init) ?? "NULL"), '来电人\(id)',
                '\(phone)', '事由\(id)', '经过\(id)', \(category == "接待" ? 1 : 2), 1, 2, 4, \(satisfaction.map(String.init) ?? "NULL"),
                \(values.joined(separator: ", ")))
            """)
    }
    func event(_ complaint: Int, _ kind: String, _ at: String) throws {
        try db.execute("INSERT INTO complaint_events (complaint_id, kind, at, staff_id) VALUES (\(complaint), '\(kind)', '\(at)+08:00', 2)")
    }
    try complaint(1, "TS2026101001", "接待", customer: 1, phone: "13812345678", status: "closed", [
        "received_at": "2026-10-10T10:00:00", "handed_at": "2026-10-10T10:05:00", "assigned_at": "2026-10-10T10:10:00",
        "first_reply_at": "2026-10-10T10:30:00", "resolved_at": "2026-10-10T13:00:00", "closed_at": "2026-10-12T09:00:00",
    ], satisfaction: 4)
    try event(1, "customer_update", "2026-10-10T12:10:00")
    try complaint(2, "TS2026101101", "配件", customer: 2, phone: "13987654321", status: "closed", [
        "received_at": "2026-10-11T23:58:00", "handed_at": "2026-10-12T00:04:00", "assigned_at": "2026-10-12T00:10:00",
        "first_reply_at": "2026-10-12T09:00:00", "resolved_at": "2026-10-12T11:00:00", "closed_at": "2026-10-13T10:00:00",
    ], satisfaction: 2)
    try event(2, "progress", "2026-10-12T10:00:00")
    try event(2, "customer_update", "2026-10-12T10:30:00")
    try complaint(3, "TS2026103101", "接待", customer: nil, phone: "13700001111", status: "replied", [
        "received_at": "2026-10-31T16:00:00", "handed_at": "2026-10-31T16:02:00", "assigned_at": "2026-10-31T16:05:00",
        "first_reply_at": "2026-10-31T16:20:00", "cannot_handle_at": "2026-10-31T16:30:00", "superior_notified_at": "2026-10-31T16:33:00",
    ])
    try complaint(4, "TS2026102001", "配件", customer: nil, phone: "13600002222", status: "closed", [
        "received_at": "2026-10-20T09:00:00", "handed_at": "2026-10-20T09:03:00", "assigned_at": "2026-10-20T09:10:00",
        "first_reply_at": "2026-10-20T09:20:00", "resolved_at": "2026-10-20T16:00:00", "closed_at": "2026-10-22T10:00:00",
    ])
    for at in ["11:10", "13:10", "15:10"] { try event(4, "customer_update", "2026-10-20T\(at):00") }
    try event(4, "escalation", "2026-10-20T13:10:00")
    try event(4, "progress", "2026-10-20T15:10:00")
    try complaint(5, "TS2026102101", "接待", customer: 1, phone: "13812345678", status: "resolved", [
        "received_at": "2026-10-21T09:00:00", "handed_at": "2026-10-21T09:04:00", "assigned_at": "2026-10-21T09:10:00",
        "first_reply_at": "2026-10-21T17:45:00", "resolved_at": "2026-10-22T11:00:00",
    ])
    try complaint(6, "TS2026091101", "配件", customer: 2, phone: "13987654321", status: "closed", ["received_at": "2026-09-11T23:58:00"])
    try complaint(7, "TS2025101501", "接待", customer: nil, phone: "13500003333", status: "closed", ["received_at": "2025-10-15T10:00:00"])
    try db.execute("""
        INSERT INTO callbacks (id, complaint_id, kind, basis_at, due_at, staff_id, status, satisfaction) VALUES
            (1, 1, '投诉回访', '2026-10-12T09:00:00+08:00', '2026-10-15T09:00:00+08:00', 1, 'done', 4),
            (2, 4, '投诉回访', '2026-10-22T10:00:00+08:00', '2026-10-25T10:00:00+08:00', 1, 'pending', NULL);
        INSERT INTO callback_attempts (callback_id, at, staff_id, reached) VALUES
            (1, '2026-10-15T10:00:00+08:00', 1, 0), (1, '2026-10-15T15:00:00+08:00', 1, 1);
        """)
    return path
}

@Test func figuresOfAShopBuiltByHandAreTheOnesItWasBuiltFor() throws {
    let (text, lines, _) = try complaintReport(try knownShop(), month: "2026-10")
    // rule: measured, met, missed, %, median, P90 (T1, T2 in minutes; T4, T5 in working hours; T6 in hours; T8b in days)
    for (code, figures) in [("T1", "54180.04.06.0"), ("T2", "110100.03.03.0"), ("T4", "54180.02.010.8"), ("T5", "54180.02.810.8"),
                            ("T6", "54180.00.59.0"), ("T7", "000———"), ("T8b", "21150.03.03.0")] {
        #expect(hasRuleRow(lines, code, figures), "\(code) \(figures)")
    }
    for expected in [
        "本月受理5件上月受理1件去年同月受理1件", "环比+400.0%同比+400.0%",
        "月末已结案3件", "已解决待结案1件", "月末处理中1件", "超时（违反时限）2件", "重复投诉2件（30天内）",
        "上报总经理1件（1次）", "通知上级主管1件", "投诉处理满意度3.00/5分（2件）",
        // overdue list: B broke T1, E broke T4, T5 and T6; C is the case still open at month end
        "TS20261011012026-10-1123:58配件事由2T1", "TS20261021012026-10-2109:00接待事由5T4T5T6", "T4T5T6李部长陈责任已解决",
        // callbacks: due, made, coverage, on time, second attempts, reached, satisfaction
        "投诉回访2150.0%1114.00/5分（1件）",
    ] {
        #expect(text.contains(expected), "\(expected)")
    }
    #expect(!text.contains("TS2026101001" + "2026-10-1010:00接待事由1T"), "A kept every limit")
    for phone in ["13812345678", "13987654321", "13700001111", "13600002222"] {
        #expect(!text.contains(phone))
        #expect(text.contains(PhoneMask.masked(phone)))
    }
}

@Test func theReportIsDatedAtTheMonthsEndOnTheClockOfTheShopsTimeZone() throws {
    // The cut-off, the first instant of the next month, takes the offset of the time_zone setting, not one
    // borrowed from a stored time (the hand-built shop's are all +08:00).
    let shop = try knownShop()
    try Database(path: shop, mode: .readWrite(create: false)).execute("UPDATE settings SET value = 'Asia/Tokyo' WHERE key = 'time_zone'")
    let path = newPath("dated.pdf")
    let result = try danju("render", "complaint-monthly", "--db", shop, "--param", "month=2026-10", "-o", path)
    #expect(result.status == 0, "\(result.stderr)")
    let info = try run("pdfinfo", ["-isodates", path]).stdout
    #expect(info.contains("CreationDate:    2026-11-01T00:00:00+09"), "\(info)")
}

@Test func aShopClosedAtWeekendsCountsNoWorkingTimeOnSaturdayOrSunday() throws {
    // Two more cases over the weekend of 17–18 October 2026. H comes on Friday at 17:00 and is next answered on
    // Monday at 9:00: 25 working minutes on Friday and 30 on Monday, but 18 h 55 min if the weekend counted. Its
    // first reply still misses Friday's closing time. I comes on Saturday: its first reply is due by Monday's
    // closing time, and nothing happens before Monday at 10:00, 1 h 30 min into Monday's working time.
    let shop = try knownShop()
    let db = try Database(path: shop, mode: .readWrite(create: false))
    try db.execute("""
        INSERT INTO complaints (id, complaint_no, channel, category, status, caller_name, caller_phone, subject, description,
            department_id, receiver_id, owner_id, responsible_id, received_at, handed_at, assigned_at, first_reply_at, resolved_at)
        VALUES (8, 'TS2026101601', '电话', '接待', 'resolved', '来电人8', '13511112222', '事由8', '经过8', 1, 1, 2, 4,
                '2026-10-16T17:00:00+08:00', '2026-10-16T17:02:00+08:00', '2026-10-16T17:05:00+08:00',
                '2026-10-19T09:00:00+08:00', '2026-10-19T10:00:00+08:00'),
               (9, 'TS2026101701', '电话', '接待', 'resolved', '来电人9', '13533334444', '事由9', '经过9', 1, 1, 2, 4,
                '2026-10-17T10:00:00+08:00', '2026-10-17T10:03:00+08:00', '2026-10-17T10:05:00+08:00',
                '2026-10-19T10:00:00+08:00', '2026-10-19T11:00:00+08:00');
        INSERT INTO complaint_events (complaint_id, kind, at, staff_id) VALUES
            (8, 'customer_update', '2026-10-19T09:00:00+08:00', 2), (8, 'progress', '2026-10-19T09:00:00+08:00', 2),
            (9, 'customer_update', '2026-10-19T10:00:00+08:00', 2), (9, 'progress', '2026-10-19T10:00:00+08:00', 2);
        """)
    // Every day a working day: the weekend breaks T4 and T5 for both, and T6 for both.
    let (everyDay, _, _) = try complaintReport(shop, month: "2026-10")
    #expect(everyDay.contains("TS20261016012026-10-1617:00接待事由8T4T5T6李部长"))
    #expect(everyDay.contains("TS20261017012026-10-1710:00接待事由9T4T5T6李部长"))

    try db.execute("INSERT INTO settings (key, value) VALUES ('working_weekdays', '12345')")
    let (weekdays, _, _) = try complaintReport(shop, month: "2026-10")
    #expect(weekdays.contains("TS20261016012026-10-1617:00接待事由8T6李部长"), "H misses only Friday's reply")
    #expect(!weekdays.contains("TS20261017012026-10-1710:00接待事由9T"), "I keeps every limit")
    #expect(weekdays.contains("工作日为星期一至五"))

    // A setting that is not weekday digits is refused, and nothing is drawn.
    try db.execute("UPDATE settings SET value = '1-5' WHERE key = 'working_weekdays'")
    let path = newPath("bad-weekdays.pdf")
    let refused = try danju("render", "complaint-monthly", "--db", shop, "--param", "month=2026-10", "-o", path)
    #expect(refused.status != 0 && refused.stderr.contains("working_weekdays"), "\(refused.stderr)")
    #expect(!FileManager.default.fileExists(atPath: path))
}

@Test func publicHolidaysAndExchangedWorkingDaysMoveTheDeadlines() throws {
    // An office week with 国庆 2026 as the State Council arranged it: 1–7 October off, Saturday 10 October worked.
    // J comes on Friday 9 October after closing time and is first answered on Monday (it was never passed to an
    // owner, so T4 and T5 do not apply): its deadline was Saturday's closing time, so T6 is missed. K comes on Friday 2 October, in the holiday, and is answered, updated and moved
    // on at 10:00 on Thursday 8 October, 1.5 working hours after the office reopened: every limit kept. Counted by
    // weekdays alone, J would be in time and K late on T4, T5 and T6.
    let shop = try knownShop()
    let db = try Database(path: shop, mode: .readWrite(create: false))
    try db.execute("""
        INSERT INTO settings (key, value) VALUES ('working_weekdays', '12345');
        INSERT INTO shop_calendar (date, kind, name) VALUES ('2026-10-01', 'day_off', '国庆节'), ('2026-10-02', 'day_off', '国庆节'),
            ('2026-10-03', 'day_off', '国庆节'), ('2026-10-04', 'day_off', '国庆节'), ('2026-10-05', 'day_off', '国庆节'),
            ('2026-10-06', 'day_off', '国庆节'), ('2026-10-07', 'day_off', '国庆节'), ('2026-10-10', 'working_day', '国庆节调休上班');
        INSERT INTO complaints (id, complaint_no, channel, category, status, caller_name, caller_phone, subject, description,
            department_id, receiver_id, owner_id, responsible_id, received_at, handed_at, assigned_at, first_reply_at, resolved_at)
        VALUES (10, 'TS2026100901', '电话', '接待', 'resolved', '来电人10', '13522225555', '事由10', '经过10', 1, 1, 2, 4,
                '2026-10-09T18:00:00+08:00', '2026-10-09T18:03:00+08:00', NULL,
                '2026-10-12T09:00:00+08:00', '2026-10-12T10:00:00+08:00'),
               (11, 'TS2026100201', '电话', '接待', 'resolved', '来电人11', '13522226666', '事由11', '经过11', 1, 1, 2, 4,
                '2026-10-02T10:00:00+08:00', '2026-10-02T10:04:00+08:00', '2026-10-02T10:10:00+08:00',
                '2026-10-08T10:00:00+08:00', '2026-10-08T11:00:00+08:00');
        INSERT INTO complaint_events (complaint_id, kind, at, staff_id) VALUES
            (11, 'customer_update', '2026-10-08T10:00:00+08:00', 2), (11, 'progress', '2026-10-08T10:00:00+08:00', 2);
        """)
    let (official, _, _) = try complaintReport(shop, month: "2026-10")
    expect(official, contains: "TS20261009012026-10-0918:00接待事由10T6未指定陈责任", "J misses Saturday's closing time")
    let kLate = official.contains("TS20261002012026-10-0210:00接待事由11T")
    #expect(!kLate, "K keeps every limit")
    expect(official, contains: "10月1日至7日国庆节放假，10月10日（星期六）国庆节调休上班")

    try db.execute("DELETE FROM shop_calendar")
    let (weekdaysOnly, _, _) = try complaintReport(shop, month: "2026-10")
    let jLate = weekdaysOnly.contains("TS20261009012026-10-0918:00接待事由10T")
    #expect(!jLate, "by weekdays J is answered by Monday's closing time")
    expect(weekdaysOnly, contains: "TS20261002012026-10-0210:00接待事由11T4T5T6李部长")
    expect(weekdaysOnly, contains: "日历中没有2026年的节假日安排，本月只按星期计工作日")
}
