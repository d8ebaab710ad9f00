/// Migration 1: the whole after-sales domain of docs/domain.md (intake, work orders, money, warranty, complaints,
/// follow-ups, workflows). Released migrations are frozen, so the column helpers below must never change output.
enum SchemaV1 {
    static let sql = [shop, parties, machines, workOrders, money, warranty, complaints, followUps, processes]
        .joined(separator: "\n")

    // MARK: Shop, staff

    /// Settings keys the program reads: shop_name, shop_address, shop_phone, shop_bank_name, shop_bank_account,
    /// shop_tax_id, time_zone ('Asia/Shanghai'), workday_start / workday_end ('08:30' / '17:30'), working_weekdays
    /// (optional, ISO weekday digits: '123456' for a shop closed on Sundays; every day by default),
    /// photo_root (folder relative to the database file), labour_rate_fen (工时单价), tax_rate_percent.
    static let shop = """
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL,
            description TEXT
        ) STRICT;

        CREATE TABLE departments (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            -- the complaint category (S000 EM 五.1) this department answers for, if any
            \(oneOf("complaint_category", complaintCategories))
        ) STRICT;

        CREATE TABLE staff (
            id INTEGER PRIMARY KEY,
            employee_no TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            \(oneOf("role", ["general_manager", "manager", "advisor", "workshop_director", "technician",
                             "qc_inspector", "parts_clerk", "claims_officer", "cashier", "cs_supervisor", "cs_agent",
                             "regional_manager", "service_engineer", "clerk", "guard"], "NOT NULL")),
            title TEXT, -- 职务 as printed on forms
            department_id INTEGER REFERENCES departments(id),
            phone TEXT,
            \(flag("active", default: 1))
        ) STRICT;
        CREATE INDEX staff_department ON staff(department_id);

        """

    // MARK: Customers, manufacturers, parts

    static let parties = """
        CREATE TABLE customers (
            id INTEGER PRIMARY KEY,
            \(oneOf("kind", ["person", "company"], "NOT NULL")),
            name TEXT NOT NULL,
            contact_person TEXT,
            phone TEXT,
            address TEXT,
            tax_id TEXT,
            \(date("since_date")),
            note TEXT
        ) STRICT;
        CREATE INDEX customers_name ON customers(name);
        CREATE INDEX customers_phone ON customers(phone);

        CREATE TABLE manufacturers (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            short_name TEXT,
            email TEXT, -- claims go to the manufacturer by e-mail (S000 WC 三)
            phone TEXT,
            address TEXT
        ) STRICT;

        -- The manufacturer's own suppliers; claim parts carry their code (供应商代码).
        CREATE TABLE suppliers (
            code TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            manufacturer_id INTEGER REFERENCES manufacturers(id)
        ) STRICT;

        CREATE TABLE parts (
            id INTEGER PRIMARY KEY,
            manufacturer_id INTEGER NOT NULL REFERENCES manufacturers(id),
            part_no TEXT NOT NULL,
            name TEXT NOT NULL,
            unit TEXT NOT NULL,
            price_fen INTEGER NOT NULL CHECK (price_fen >= 0),
            supplier_code TEXT REFERENCES suppliers(code),
            UNIQUE (manufacturer_id, part_no)
        ) STRICT;
        CREATE INDEX parts_part_no ON parts(part_no);

        """

    // MARK: Machines, warranty policies, appointments

    static let machines = """
        CREATE TABLE machines (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customers(id),
            manufacturer_id INTEGER NOT NULL REFERENCES manufacturers(id),
            \(oneOf("category", ["挖掘机", "装载机", "自卸车", "牵引车", "起重机", "压路机", "其他"], "NOT NULL")),
            model TEXT NOT NULL,
            serial_no TEXT NOT NULL UNIQUE, -- 整机编号 or VIN
            engine_no TEXT,
            plate_no TEXT, -- most excavators have none
            \(date("purchase_date")),
            \(date("registration_date")), -- retail registration / invoice date: usual warranty start
            \(date("delivery_date")),
            hour_meter_tenths INTEGER CHECK (hour_meter_tenths >= 0), -- last reading, hours × 10
            odometer_km INTEGER CHECK (odometer_km >= 0), -- trucks
            \(time("meter_read_at")),
            \(date("warranty_card_returned_date")), -- 三包回执卡 (S004, T10: within 20 days of sale)
            note TEXT
        ) STRICT;
        CREATE INDEX machines_customer ON machines(customer_id);
        CREATE INDEX machines_plate ON machines(plate_no);

        CREATE TABLE warranty_policies (
            id INTEGER PRIMARY KEY,
            manufacturer_id INTEGER NOT NULL REFERENCES manufacturers(id),
            name TEXT NOT NULL,
            model_pattern TEXT NOT NULL, -- GLOB over machines.model, e.g. 'SY*'
            coverage TEXT, -- 整机 / 发动机 / 液压主件 …
            months INTEGER NOT NULL CHECK (months > 0),
            hours INTEGER CHECK (hours > 0), -- whichever limit comes first; NULL = no hour limit
            km INTEGER CHECK (km > 0),
            \(oneOf("start_basis", ["purchase_date", "registration_date", "delivery_date"], "NOT NULL")),
            \(date("effective_date"))
        ) STRICT;
        CREATE INDEX warranty_policies_manufacturer ON warranty_policies(manufacturer_id);

        CREATE TABLE appointments (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER REFERENCES customers(id), -- NULL: caller not yet a customer
            machine_id INTEGER REFERENCES machines(id),
            advisor_id INTEGER REFERENCES staff(id),
            \(time("called_at", "NOT NULL")),
            caller_name TEXT NOT NULL,
            caller_phone TEXT NOT NULL,
            model_text TEXT, -- 车型 as the caller said it
            purpose TEXT NOT NULL,
            special_requests TEXT,
            \(time("requested_at")),
            \(time("scheduled_at")),
            \(oneOf("status", ["booked", "arrived", "cancelled", "no_show"], "NOT NULL"))
        ) STRICT;
        CREATE INDEX appointments_scheduled ON appointments(scheduled_at);

        """

    // MARK: Work orders, intake, field visits

    static let workOrders = """
        CREATE TABLE work_orders (
            id INTEGER PRIMARY KEY,
            order_no TEXT NOT NULL UNIQUE,
            \(oneOf("kind", ["repair", "maintenance", "warranty", "comeback"], "NOT NULL")),
            comeback_of INTEGER REFERENCES work_orders(id), -- 返修: the order whose work failed
            \(oneOf("service_mode", ["shop", "field"], "NOT NULL DEFAULT 'shop'")),
            \(oneOf("status", ["received", "quoted", "approved", "in_progress", "completed", "settled", "delivered",
                               "cancelled"], "NOT NULL")),
            customer_id INTEGER NOT NULL REFERENCES customers(id),
            machine_id INTEGER NOT NULL REFERENCES machines(id),
            appointment_id INTEGER REFERENCES appointments(id),
            advisor_id INTEGER NOT NULL REFERENCES staff(id),
            sender_name TEXT, -- 送修人, often not the owner
            sender_phone TEXT,
            \(time("arrived_at", "NOT NULL")),
            hour_meter_in_tenths INTEGER CHECK (hour_meter_in_tenths >= 0),
            odometer_in_km INTEGER CHECK (odometer_in_km >= 0),
            \(oneOf("fuel_level", ["空", "1/4", "1/3", "1/2", "3/4", "满"])),
            complaint TEXT NOT NULL, -- 客户主诉, verbatim
            diagnosis TEXT, -- 检查结果
            valuables TEXT, -- 室内贵重物品
            \(flag("protection_fitted", default: 0)),
            \(time("promised_at")), -- 预计交车时间
            \(time("work_started_at")),
            \(time("completed_at")),
            \(time("qc_passed_at")),
            \(time("delivered_at")),
            hour_meter_out_tenths INTEGER CHECK (hour_meter_out_tenths >= 0),
            workshop_director_id INTEGER REFERENCES staff(id),
            lead_technician_id INTEGER REFERENCES staff(id), -- 主修人
            qc_inspector_id INTEGER REFERENCES staff(id),
            notes TEXT,
            CHECK ((kind = 'comeback') = (comeback_of IS NOT NULL))
        ) STRICT;
        CREATE INDEX work_orders_customer ON work_orders(customer_id);
        CREATE INDEX work_orders_machine ON work_orders(machine_id);
        CREATE INDEX work_orders_arrived ON work_orders(arrived_at);
        CREATE INDEX work_orders_comeback_of ON work_orders(comeback_of);

        -- 返修总结 (S000 RC 十一): 内返 archived, 外返 reported and reviewed at the next morning meeting (T13).
        CREATE TABLE comeback_reports (
            work_order_id INTEGER PRIMARY KEY REFERENCES work_orders(id),
            \(oneOf("kind", ["内返", "外返"], "NOT NULL")),
            cause TEXT NOT NULL,
            violated_rule TEXT,
            remedy TEXT,
            responsible_id INTEGER REFERENCES staff(id),
            \(time("reported_at", "NOT NULL")),
            \(time("reviewed_at"))
        ) STRICT;

        -- On-site service (S000 FS): dispatch, promised and actual arrival (T11).
        CREATE TABLE field_visits (
            work_order_id INTEGER PRIMARY KEY REFERENCES work_orders(id),
            engineer_id INTEGER NOT NULL REFERENCES staff(id),
            \(oneOf("task_source", ["客服中心", "区域自接", "工程师自接"], "NOT NULL")),
            \(time("accepted_at", "NOT NULL")),
            \(time("dispatched_at")),
            \(time("promised_arrival_at")),
            \(time("late_notice_at")), -- 迟到: called region, CS centre and customer
            \(time("arrived_at")),
            \(time("left_at")),
            site_address TEXT,
            travel_km INTEGER CHECK (travel_km >= 0),
            \(oneOf("vehicle", ["自备车", "非自备车"])),
            \(oneOf("trip", ["一次", "二次"])),
            \(oneOf("shift", ["白天", "夜间"]))
        ) STRICT;

        -- The shop's intake checklist (S000 四.1), printed in seq order.
        CREATE TABLE inspection_items (
            id INTEGER PRIMARY KEY,
            seq INTEGER NOT NULL UNIQUE,
            area TEXT NOT NULL, -- 部位
            item TEXT NOT NULL,
            check_points TEXT NOT NULL,
            \(flag("active", default: 1))
        ) STRICT;

        CREATE TABLE inspection_results (
            work_order_id INTEGER NOT NULL REFERENCES work_orders(id),
            item_id INTEGER NOT NULL REFERENCES inspection_items(id),
            \(oneOf("result", ["ok", "damaged", "missing"], "NOT NULL")),
            note TEXT,
            PRIMARY KEY (work_order_id, item_id)
        ) STRICT;

        CREATE TABLE work_order_photos (
            id INTEGER PRIMARY KEY,
            work_order_id INTEGER NOT NULL REFERENCES work_orders(id),
            path TEXT NOT NULL UNIQUE, -- relative to the photo_root setting
            caption TEXT,
            \(time("taken_at"))
        ) STRICT;
        CREATE INDEX work_order_photos_order ON work_order_photos(work_order_id);

        """

    // MARK: Quotes, lines, settlement, payment, gate pass

    /// Line amounts: labour = round(hours_hundredths × rate_fen / 100), others = round(quantity_milli × unit_price_fen / 1000),
    /// rounded half up; stored so printed sums never depend on a reader's rounding.
    static let money = """
        CREATE TABLE quotes (
            id INTEGER PRIMARY KEY,
            quote_no TEXT NOT NULL UNIQUE,
            work_order_id INTEGER NOT NULL REFERENCES work_orders(id),
            prepared_by INTEGER REFERENCES staff(id),
            \(time("issued_at", "NOT NULL")),
            \(date("valid_until", "NOT NULL")),
            prepay_percent INTEGER NOT NULL DEFAULT 0 CHECK (prepay_percent BETWEEN 0 AND 100),
            estimated_total_fen INTEGER NOT NULL CHECK (estimated_total_fen >= 0),
            \(oneOf("status", ["draft", "sent", "accepted", "rejected", "expired"], "NOT NULL")),
            \(time("decided_at")),
            payment_terms TEXT,
            note TEXT
        ) STRICT;
        CREATE INDEX quotes_work_order ON quotes(work_order_id);

        CREATE TABLE work_order_lines (
            id INTEGER PRIMARY KEY,
            work_order_id INTEGER NOT NULL REFERENCES work_orders(id),
            seq INTEGER NOT NULL,
            \(oneOf("kind", ["labour", "part", "outsourced", "transport", "other"], "NOT NULL")),
            description TEXT NOT NULL,
            part_no TEXT,
            brand TEXT, -- 厂牌
            spec TEXT, -- 规格
            quantity_milli INTEGER NOT NULL DEFAULT 1000 CHECK (quantity_milli > 0),
            unit TEXT,
            unit_price_fen INTEGER CHECK (unit_price_fen >= 0),
            labour_hours_hundredths INTEGER CHECK (labour_hours_hundredths > 0),
            labour_rate_fen INTEGER CHECK (labour_rate_fen >= 0),
            amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
            discount_fen INTEGER NOT NULL DEFAULT 0 CHECK (discount_fen BETWEEN 0 AND amount_fen),
            technician_id INTEGER REFERENCES staff(id),
            \(oneOf("payer", ["customer", "warranty", "internal"], "NOT NULL DEFAULT 'customer'")),
            claim_id INTEGER REFERENCES warranty_claims(id),
            quote_id INTEGER REFERENCES quotes(id), -- NULL: added after the quote
            \(oneOf("added_approval", ["signed", "recorded_call"])), -- new problem approved (S000 六)
            \(time("added_at")),
            \(flag("customer_supplied", default: 0)), -- 托修方自备配件
            UNIQUE (work_order_id, seq),
            CHECK ((kind = 'labour') = (labour_hours_hundredths IS NOT NULL))
        ) STRICT;
        CREATE INDEX work_order_lines_claim ON work_order_lines(claim_id);

        CREATE TABLE settlements (
            id INTEGER PRIMARY KEY,
            settlement_no TEXT NOT NULL UNIQUE,
            work_order_id INTEGER NOT NULL UNIQUE REFERENCES work_orders(id),
            \(time("settled_at", "NOT NULL")),
            settler_id INTEGER NOT NULL REFERENCES staff(id), -- 结算员
            qc_inspector_id INTEGER REFERENCES staff(id),
            labour_fen INTEGER NOT NULL DEFAULT 0,
            parts_fen INTEGER NOT NULL DEFAULT 0,
            outsourced_fen INTEGER NOT NULL DEFAULT 0,
            transport_fen INTEGER NOT NULL DEFAULT 0,
            other_fen INTEGER NOT NULL DEFAULT 0,
            total_fen INTEGER NOT NULL, -- all lines net of line discounts
            warranty_fen INTEGER NOT NULL DEFAULT 0, -- paid by the manufacturer (索赔挂账)
            internal_fen INTEGER NOT NULL DEFAULT 0, -- borne by the shop (返工, 内部)
            discount_fen INTEGER NOT NULL DEFAULT 0 CHECK (discount_fen >= 0),
            discount_authoriser_id INTEGER REFERENCES staff(id), -- NULL with a discount = unauthorised
            discount_reason TEXT,
            discount_standard TEXT, -- 优惠标准
            payable_fen INTEGER NOT NULL,
            tax_rate_percent INTEGER NOT NULL DEFAULT 13,
            tax_fen INTEGER NOT NULL DEFAULT 0, -- included in payable_fen
            \(oneOf("invoice_type", ["不开票", "增值税普通发票", "增值税专用发票"], "NOT NULL DEFAULT '不开票'")),
            invoice_no TEXT,
            \(oneOf("old_parts", ["客户收回", "客户声明放弃", "交旧件库", "无旧配件"], "NOT NULL")),
            note TEXT,
            CHECK (total_fen = labour_fen + parts_fen + outsourced_fen + transport_fen + other_fen),
            CHECK (payable_fen = total_fen - warranty_fen - internal_fen - discount_fen)
        ) STRICT;
        CREATE INDEX settlements_settled ON settlements(settled_at);

        CREATE TABLE payments (
            id INTEGER PRIMARY KEY,
            work_order_id INTEGER NOT NULL REFERENCES work_orders(id),
            settlement_id INTEGER REFERENCES settlements(id),
            \(oneOf("kind", ["deposit", "balance", "refund"], "NOT NULL")),
            \(oneOf("method", ["现金", "银行转账", "微信", "支付宝", "刷卡", "承兑汇票"], "NOT NULL")),
            amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
            \(time("paid_at", "NOT NULL")),
            cashier_id INTEGER REFERENCES staff(id),
            reference TEXT
        ) STRICT;
        CREATE INDEX payments_work_order ON payments(work_order_id);

        CREATE TABLE gate_passes (
            id INTEGER PRIMARY KEY,
            pass_no TEXT NOT NULL UNIQUE,
            \(oneOf("kind", ["维修结算", "车间路试", "洗车", "救援", "年检验车"], "NOT NULL")),
            machine_id INTEGER NOT NULL REFERENCES machines(id),
            work_order_id INTEGER REFERENCES work_orders(id),
            settlement_id INTEGER REFERENCES settlements(id),
            \(time("issued_at", "NOT NULL")),
            issued_by INTEGER NOT NULL REFERENCES staff(id),
            \(time("released_at")),
            guard_id INTEGER REFERENCES staff(id),
            note TEXT
        ) STRICT;
        CREATE INDEX gate_passes_work_order ON gate_passes(work_order_id);

        """

    // MARK: Warranty claims

    static let claimStatuses = ["未提报", "已提报", "自动审核通过", "审核驳回", "初审通过", "退回", "作废", "转领导审批",
                                "终审通过", "已结算", "放弃提报"]

    static let warranty = """
        CREATE TABLE warranty_claims (
            id INTEGER PRIMARY KEY,
            claim_no TEXT NOT NULL UNIQUE,
            work_order_id INTEGER NOT NULL REFERENCES work_orders(id),
            machine_id INTEGER NOT NULL REFERENCES machines(id),
            manufacturer_id INTEGER NOT NULL REFERENCES manufacturers(id),
            policy_id INTEGER REFERENCES warranty_policies(id),
            \(oneOf("claim_type", ["正常保修", "强保", "服务活动", "售前维修", "定保", "照顾性保修", "事故车维修",
                                   "安全检查"], "NOT NULL")),
            \(oneOf("pre_authorisation", ["照顾性保修", "跨区服务", "其它", "单车材料费"])),
            \(oneOf("status", claimStatuses, "NOT NULL")),
            \(month("claim_month", "NOT NULL")), -- the month the claim is booked in
            claims_officer_id INTEGER REFERENCES staff(id),
            \(oneOf("reporter_type", ["车主", "家人", "司机", "朋友", "其他"])),
            \(date("warranty_start_date")),
            \(date("failure_date", "NOT NULL")),
            \(date("repair_date")),
            hours_at_failure_tenths INTEGER CHECK (hours_at_failure_tenths >= 0),
            km_at_failure INTEGER CHECK (km_at_failure >= 0),
            \(oneOf("usage", ["运输", "工程", "专用", "其他"])),
            \(oneOf("daily_hours", [">8h", "4-8h", "<4h"])),
            \(oneOf("site", ["公路", "非公路", "矿"])),
            \(oneOf("road", ["高速", "普通", "非硬化路面", "坡道"])),
            \(oneOf("maintenance", ["良好", "一般", "差"])),
            \(oneOf("load", ["标载", "超载", "严重超载"])),
            failure_code TEXT,
            \(oneOf("severity", ["一般", "严重", "致命"])),
            complaint TEXT NOT NULL, -- 3C: complaint
            cause TEXT, -- 3C: cause
            correction TEXT, -- 3C: correction
            failure_description TEXT, -- 技术报告书: full description in proper terms
            measures TEXT, -- 措施方案
            labour_fen INTEGER NOT NULL DEFAULT 0,
            parts_fen INTEGER NOT NULL DEFAULT 0,
            other_fen INTEGER NOT NULL DEFAULT 0,
            claimed_fen INTEGER NOT NULL DEFAULT 0,
            approved_fen INTEGER,
            reimbursed_fen INTEGER,
            \(time("submitted_at")),
            \(time("decided_at")),
            \(time("reimbursed_at")),
            reject_reason TEXT,
            CHECK (claimed_fen = labour_fen + parts_fen + other_fen)
        ) STRICT;
        CREATE INDEX warranty_claims_month ON warranty_claims(claim_month, manufacturer_id);
        CREATE INDEX warranty_claims_work_order ON warranty_claims(work_order_id);

        CREATE TABLE warranty_claim_events (
            id INTEGER PRIMARY KEY,
            claim_id INTEGER NOT NULL REFERENCES warranty_claims(id),
            \(oneOf("status", claimStatuses, "NOT NULL")),
            \(time("at", "NOT NULL")),
            staff_id INTEGER REFERENCES staff(id),
            note TEXT
        ) STRICT;
        CREATE INDEX warranty_claim_events_claim ON warranty_claim_events(claim_id, at);

        CREATE TABLE claim_parts (
            id INTEGER PRIMARY KEY,
            claim_id INTEGER NOT NULL REFERENCES warranty_claims(id),
            seq INTEGER NOT NULL,
            \(oneOf("damage", ["主损件", "附损件"], "NOT NULL")),
            part_no TEXT NOT NULL,
            part_name TEXT NOT NULL,
            supplier_code TEXT REFERENCES suppliers(code),
            quantity_milli INTEGER NOT NULL DEFAULT 1000 CHECK (quantity_milli > 0),
            unit TEXT,
            unit_price_fen INTEGER NOT NULL CHECK (unit_price_fen >= 0),
            amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
            \(flag("return_required", default: 1)), -- 是否回运
            \(oneOf("return_status", ["待回运", "已回运", "不回运", "缺失"])),
            \(date("returned_date")),
            waybill_no TEXT,
            old_serial_no TEXT,
            new_serial_no TEXT,
            \(oneOf("new_part_source", ["站内储备", "紧急自购"])),
            UNIQUE (claim_id, seq)
        ) STRICT;

        CREATE TABLE claim_labour (
            id INTEGER PRIMARY KEY,
            claim_id INTEGER NOT NULL REFERENCES warranty_claims(id),
            seq INTEGER NOT NULL,
            operation_code TEXT NOT NULL,
            description TEXT NOT NULL,
            hours_hundredths INTEGER NOT NULL CHECK (hours_hundredths > 0),
            rate_fen INTEGER NOT NULL CHECK (rate_fen >= 0),
            amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
            technician_id INTEGER REFERENCES staff(id),
            UNIQUE (claim_id, seq)
        ) STRICT;

        CREATE TABLE claim_photos (
            id INTEGER PRIMARY KEY,
            claim_id INTEGER NOT NULL REFERENCES warranty_claims(id),
            seq INTEGER NOT NULL,
            \(oneOf("subject", ["铭牌", "整机", "小时表", "故障点", "故障码", "新旧件对比", "其他"], "NOT NULL")),
            path TEXT NOT NULL UNIQUE, -- relative to the photo_root setting
            caption TEXT,
            \(time("taken_at")),
            UNIQUE (claim_id, seq)
        ) STRICT;

        """

    // MARK: Complaints (S000 EM; time limits T1–T7 of docs/domain.md §3)

    static let complaintCategories = ["接待", "售后", "维修", "配件", "收银"]

    static let complaints = """
        CREATE TABLE complaints (
            id INTEGER PRIMARY KEY,
            complaint_no TEXT NOT NULL UNIQUE,
            \(oneOf("channel", ["电话", "400", "来访", "来信", "网络"], "NOT NULL")),
            \(oneOf("category", complaintCategories, "NOT NULL")),
            \(oneOf("priority", ["一般", "重大", "紧急"], "NOT NULL DEFAULT '一般'")),
            \(oneOf("status", ["open", "replied", "on_hold", "resolved", "closed"], "NOT NULL")),
            customer_id INTEGER REFERENCES customers(id),
            machine_id INTEGER REFERENCES machines(id),
            work_order_id INTEGER REFERENCES work_orders(id),
            caller_name TEXT NOT NULL,
            caller_phone TEXT,
            caller_company TEXT,
            subject TEXT NOT NULL,
            description TEXT NOT NULL, -- 来电目的, in the caller's words
            remedy_sought TEXT,
            reply_content TEXT, -- 回复内容 given at intake
            \(flag("machine_down", default: 0)), -- 是否停机
            department_id INTEGER REFERENCES departments(id), -- 责任部门
            receiver_id INTEGER NOT NULL REFERENCES staff(id), -- 接听人 = 首问负责人
            \(time("received_at", "NOT NULL")),
            \(time("handed_at")), -- T1: to the CS supervisor, 3–5 min
            cs_supervisor_id INTEGER REFERENCES staff(id),
            \(time("assigned_at")), -- 传达 to the owner
            owner_id INTEGER REFERENCES staff(id), -- 第一责任人
            \(flag("owner_signed", default: 0)), -- 当事人签字
            \(time("first_reply_at")), -- T6: first reply to the customer, same working day
            \(time("cannot_handle_at")), -- T2 start
            \(time("superior_notified_at")), -- T2 stop, 3 min
            superior_id INTEGER REFERENCES staff(id),
            \(time("escalated_at")), -- T5: to the general manager after 4 h without progress
            general_manager_id INTEGER REFERENCES staff(id),
            \(time("parts_shortage_at")), -- T7 start
            \(time("parts_ordered_at")), -- T7: same day
            \(time("parts_shipped_at")),
            \(time("resolved_at")),
            \(time("result_reply_at")), -- result told to the customer
            \(time("closed_at")),
            \(date("due_date")), -- 限时办结 (T15)
            \(date("extended_to")),
            extension_reason TEXT,
            cause TEXT,
            solution TEXT,
            responsible_id INTEGER REFERENCES staff(id), -- 责任人
            accountability TEXT, -- 责任追究
            corrective_action TEXT, -- 整改预防措施
            satisfaction INTEGER CHECK (satisfaction BETWEEN 1 AND 5)
        ) STRICT;
        CREATE INDEX complaints_received ON complaints(received_at);
        CREATE INDEX complaints_customer ON complaints(customer_id);
        CREATE INDEX complaints_status ON complaints(status);

        -- T3 internal follow-ups (hourly), T4 customer updates (two-hourly), T5 progress and escalation.
        CREATE TABLE complaint_events (
            id INTEGER PRIMARY KEY,
            complaint_id INTEGER NOT NULL REFERENCES complaints(id),
            \(oneOf("kind", ["internal_followup", "customer_update", "progress", "escalation", "note"], "NOT NULL")),
            \(time("at", "NOT NULL")),
            staff_id INTEGER REFERENCES staff(id),
            note TEXT
        ) STRICT;
        CREATE INDEX complaint_events_complaint ON complaint_events(complaint_id, at);

        """

    // MARK: Callbacks (T8), three-guarantee requests (T9)

    static let followUps = """
        CREATE TABLE callbacks (
            id INTEGER PRIMARY KEY,
            work_order_id INTEGER REFERENCES work_orders(id),
            complaint_id INTEGER REFERENCES complaints(id),
            \(oneOf("kind", ["交车回访", "投诉回访", "满意度调查"], "NOT NULL")),
            \(time("basis_at", "NOT NULL")), -- delivery or closure the deadline counts from
            \(time("due_at", "NOT NULL")),
            staff_id INTEGER REFERENCES staff(id),
            \(oneOf("status", ["pending", "done", "unreachable", "skipped"], "NOT NULL")),
            satisfaction INTEGER CHECK (satisfaction BETWEEN 1 AND 5),
            feedback TEXT,
            forwarded_department_id INTEGER REFERENCES departments(id),
            CHECK ((work_order_id IS NULL) <> (complaint_id IS NULL))
        ) STRICT;
        CREATE INDEX callbacks_due ON callbacks(due_at);
        CREATE INDEX callbacks_work_order ON callbacks(work_order_id);
        CREATE INDEX callbacks_complaint ON callbacks(complaint_id);

        CREATE TABLE callback_attempts (
            id INTEGER PRIMARY KEY,
            callback_id INTEGER NOT NULL REFERENCES callbacks(id),
            \(time("at", "NOT NULL")),
            staff_id INTEGER REFERENCES staff(id),
            \(flag("reached", default: 0)),
            note TEXT
        ) STRICT;
        CREATE INDEX callback_attempts_callback ON callback_attempts(callback_id, at);

        -- 三包服务 (S004 方案2): arrange within 2 h, office checks within 4 h, unresolved → reported.
        CREATE TABLE three_guarantee_requests (
            id INTEGER PRIMARY KEY,
            request_no TEXT NOT NULL UNIQUE,
            customer_id INTEGER REFERENCES customers(id),
            machine_id INTEGER REFERENCES machines(id),
            complaint_id INTEGER REFERENCES complaints(id),
            work_order_id INTEGER REFERENCES work_orders(id),
            description TEXT NOT NULL,
            \(time("received_at", "NOT NULL")),
            receiver_id INTEGER REFERENCES staff(id),
            \(time("forwarded_at")),
            department_id INTEGER REFERENCES departments(id),
            \(time("arranged_at")),
            \(time("user_informed_at")),
            arrangement TEXT,
            \(time("checked_at")),
            checker_id INTEGER REFERENCES staff(id),
            \(oneOf("check_result", ["已落实", "未落实"])),
            \(time("reported_at")),
            \(flag("record_signed", default: 0)), -- 《三包维修记录》 signed by the user
            \(flag("old_part_returned", default: 0))
        ) STRICT;
        CREATE INDEX three_guarantee_requests_received ON three_guarantee_requests(received_at);

        """

    // MARK: Workflows (docs/domain.md §4)

    static let processes = """
        CREATE TABLE processes (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            version TEXT NOT NULL,
            \(date("effective_date", "NOT NULL")),
            source TEXT,
            note TEXT
        ) STRICT;

        CREATE TABLE process_lanes (
            process_id INTEGER NOT NULL REFERENCES processes(id),
            code TEXT NOT NULL,
            name TEXT NOT NULL,
            seq INTEGER NOT NULL,
            PRIMARY KEY (process_id, code)
        ) STRICT;

        CREATE TABLE process_nodes (
            process_id INTEGER NOT NULL REFERENCES processes(id),
            code TEXT NOT NULL,
            lane_code TEXT NOT NULL,
            seq INTEGER NOT NULL,
            \(oneOf("kind", ["start", "end", "task", "decision", "doc", "subprocess"], "NOT NULL")),
            label TEXT NOT NULL,
            time_limit TEXT,
            form_name TEXT,
            \(flag("implied", default: 0)), -- (i): implied by the seed, not spelled out
            PRIMARY KEY (process_id, code),
            FOREIGN KEY (process_id, lane_code) REFERENCES process_lanes(process_id, code)
        ) STRICT;

        CREATE TABLE process_edges (
            id INTEGER PRIMARY KEY,
            process_id INTEGER NOT NULL REFERENCES processes(id),
            from_code TEXT NOT NULL,
            to_code TEXT NOT NULL,
            label TEXT,
            \(flag("implied", default: 0)),
            seq INTEGER NOT NULL,
            FOREIGN KEY (process_id, from_code) REFERENCES process_nodes(process_id, code),
            FOREIGN KEY (process_id, to_code) REFERENCES process_nodes(process_id, code)
        ) STRICT;
        CREATE INDEX process_edges_process ON process_edges(process_id, seq);

        """

    // MARK: Column helpers (frozen with this migration)

    private static let datePattern = "[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]"

    /// A timestamp column: ISO 8601 to the second with an explicit offset.
    private static func time(_ column: String, _ constraint: String = "") -> String {
        let pattern = datePattern + "T[0-2][0-9]:[0-5][0-9]:[0-5][0-9][+-][01][0-9]:[0-5][0-9]"
        return "\(column) TEXT \(constraint) CHECK (\(column) GLOB '\(pattern)')"
    }

    private static func date(_ column: String, _ constraint: String = "") -> String {
        "\(column) TEXT \(constraint) CHECK (\(column) GLOB '\(datePattern)')"
    }

    private static func month(_ column: String, _ constraint: String = "") -> String {
        "\(column) TEXT \(constraint) CHECK (\(column) GLOB '[12][0-9][0-9][0-9]-[01][0-9]')"
    }

    private static func flag(_ column: String, default value: Int) -> String {
        "\(column) INTEGER NOT NULL DEFAULT \(value) CHECK (\(column) IN (0, 1))"
    }

    private static func oneOf(_ column: String, _ values: [String], _ constraint: String = "") -> String {
        let list = values.map { "'\($0)'" }.joined(separator: ", ")
        return "\(column) TEXT \(constraint) CHECK (\(column) IN (\(list)))"
    }
}
