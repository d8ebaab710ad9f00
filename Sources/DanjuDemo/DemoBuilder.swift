import DanjuDatabase

/// Writes the demo shop's records. Each part of the shop draws from its own random stream, so the parts stay
/// stable when another part changes. Ids are assigned here, in insertion order.
final class DemoBuilder {
    static let firstDay = Day(2024, 11, 1)
    static let lastDay = Day(2026, 11, 30)
    /// The moment the demo's records were taken: nothing happens later, so later steps of open cases stay empty.
    static let cutoff = LocalTime(lastDay, 17, 0)
    /// Intake photos are kept for orders from this day on.
    static let photosFrom = Day(2026, 10, 1)
    static let labourRateFen = 12_000
    static let workdayStart = 8 * 60 + 30, workdayEnd = 17 * 60 + 30 // minutes of the day

    let insert: Inserter
    let seed: UInt64
    let photoFolder: String
    private(set) var photoJobs: [PhotoJob] = []

    var departments: [String: Int] = [:]
    var staffByRole: [String: [Int]] = [:]
    var manufacturerIDs: [Int] = [] // by Catalog.manufacturers index
    var partBook: [[PartEntry]] = [] // [manufacturer][Catalog.parts index]
    var inspectionItemIDs: [Int] = []
    var customers: [Customer] = []
    var machines: [Machine] = [] // by delivery date
    var orders: [OrderSummary] = []
    var closedComplaints: [(id: Int, at: LocalTime)] = []
    private var lastIDs: [String: Int] = [:]

    struct PartEntry {
        let partNo: String
        let priceFen: Int
        let supplierCode: String
    }

    init(database: Database, seed: UInt64, photoFolder: String) {
        insert = Inserter(database: database)
        self.seed = seed
        self.photoFolder = photoFolder
    }

    func build() throws {
        try writeSettings()
        try writeShopCalendar()
        try writeStaff()
        try writeManufacturers()
        try writeChecklist()
        try writeProcesses()
        try writeFleet()
        try writeWorkOrders()
        try writeComplaints()
        try writeCallbacks()
        try writeShowcase()
    }

    func nextID(_ table: String) -> Int {
        let id = (lastIDs[table] ?? 0) + 1
        lastIDs[table] = id
        return id
    }

    func stream(_ name: String) -> SplitMix64 { SplitMix64(seed: seed, stream: name) }

    func staff(_ role: String, _ rng: inout SplitMix64) -> Int { rng.pick(staffByRole[role]!) }

    /// Queues a photo for rendering and returns its path relative to the photo root.
    func addPhoto(_ path: String, _ subject: PhotoSubject, _ rng: inout SplitMix64) -> String {
        let exifRotated = photoJobs.count % 17 == 5 // a few portrait shots that only EXIF turns upright
        let portrait = !exifRotated && (subject == .nameplate || subject == .cylinder ? rng.chance(0.5) : rng.chance(0.1))
        photoJobs.append(PhotoJob(path: path, subject: subject, seed: rng.next(), portrait: portrait, exifRotated: exifRotated))
        return path
    }

    // MARK: Settings and staff

    private func writeSettings() throws {
        let settings: [(String, String, String)] = [
            ("shop_name", "湖南湘中工程机械服务有限公司", "承修方名称"),
            ("shop_address", "湖南省长沙市雨花区环保科技产业园振华路519号", "承修方地址"),
            ("shop_phone", "0731-85561234", "服务电话"),
            ("shop_hotline", "400-883-5166", "客服热线"),
            ("shop_email", "service@example.com", "E-mail"),
            ("shop_bank_name", "中国建设银行长沙雨花支行", "开户银行"),
            ("shop_bank_account", "43050162360800001234", "账号"),
            ("shop_tax_id", "91430111MA4L2X3K5R", "统一社会信用代码"),
            ("time_zone", "Asia/Shanghai", "all times are stored with this zone's offset"),
            ("workday_start", "08:30", "上班时间"),
            ("workday_end", "17:30", "下班时间: 'same day' limits end here (T6)"),
            ("photo_root", photoFolder, "photo folder, relative to the database file's folder"),
            ("labour_rate_fen", String(Self.labourRateFen), "工时单价 in fen per hour"),
            ("tax_rate_percent", "13", "增值税税率"),
        ]
        for (key, value, description) in settings {
            try insert.insert("settings", ["key": .text(key), "value": .text(value), "description": .text(description)])
        }
    }

    private func writeStaff() throws {
        let departmentRows: [(String, String, String?)] = [
            ("GM", "总经理办公室", nil), ("RECEPTION", "服务接待部", "接待"), ("FIELD", "售后服务部", "售后"),
            ("WORKSHOP", "维修中心", "维修"), ("PARTS", "配件中心", "配件"), ("FINANCE", "财务部", "收银"),
            ("CS", "客服中心", nil), ("ADMIN", "行政部", nil),
        ]
        for (code, name, category) in departmentRows {
            let id = nextID("departments")
            departments[code] = id
            try insert.insert("departments", ["id": .int(id), "code": .text(code), "name": .text(name),
                                              "complaint_category": .string(category)])
        }
        let roster: [(role: String, title: String, department: String, count: Int)] = [
            ("general_manager", "总经理", "GM", 1), ("manager", "售后服务部部长", "FIELD", 1),
            ("manager", "服务经理", "RECEPTION", 1), ("manager", "配件经理", "PARTS", 1),
            ("advisor", "服务顾问", "RECEPTION", 5), ("workshop_director", "车间主任", "WORKSHOP", 2),
            ("technician", "维修技师", "WORKSHOP", 12), ("qc_inspector", "质检员", "WORKSHOP", 2),
            ("parts_clerk", "配件员", "PARTS", 3), ("claims_officer", "索赔员", "FIELD", 2),
            ("cashier", "收银员", "FINANCE", 2), ("cs_supervisor", "客服主管", "CS", 1), ("cs_agent", "客服专员", "CS", 3),
            ("regional_manager", "区域服务主管", "FIELD", 3), ("service_engineer", "服务工程师", "FIELD", 6),
            ("clerk", "内勤", "CS", 1), ("guard", "门卫", "ADMIN", 2),
        ]
        var rng = stream("staff")
        var used: Set<String> = []
        for entry in roster {
            for _ in 0..<entry.count {
                var name = People.personName(&rng)
                while !used.insert(name).inserted { name = People.personName(&rng) }
                let id = nextID("staff")
                staffByRole[entry.role, default: []].append(id)
                try insert.insert("staff", [
                    "id": .int(id), "employee_no": .text("XZ" + digits(id + 100, 4)), "name": .text(name),
                    "role": .text(entry.role), "title": .text(entry.title), "department_id": .int(departments[entry.department]),
                    "phone": .text(People.mobile(&rng)), "active": .flag(id % 23 != 7),
                ])
            }
        }
    }

    // MARK: Manufacturers, suppliers, parts, warranty policies

    private func writeManufacturers() throws {
        var rng = stream("manufacturers")
        for (index, maker) in Catalog.manufacturers.enumerated() {
            let id = nextID("manufacturers")
            manufacturerIDs.append(id)
            try insert.insert("manufacturers", [
                "id": .int(id), "code": .text(maker.code), "name": .text(maker.name), "short_name": .text(maker.shortName),
                "email": .text(maker.email), "phone": .text(maker.phone), "address": .text(maker.address),
            ])
            var supplierCodes: [String] = []
            for (number, supplier) in Catalog.suppliers.enumerated() {
                let code = maker.supplierPrefix + digits(number + 1, 2) + Catalog.fill("###", &rng)
                supplierCodes.append(code)
                try insert.insert("suppliers", ["code": .text(code), "name": .text(supplier), "manufacturer_id": .int(id)])
            }
            var entries: [PartEntry] = []
            var used: Set<String> = []
            for part in Catalog.parts {
                var partNo = Catalog.fill(rng.pick(maker.partNumbers), &rng)
                while !used.insert(partNo).inserted { partNo = Catalog.fill(rng.pick(maker.partNumbers), &rng) }
                let priceFen = Int(Double(part.yuan * 100) * rng.around(1, spread: 0.08, in: 0.85...1.15)) / 100 * 100
                let entry = PartEntry(partNo: partNo, priceFen: priceFen, supplierCode: supplierCodes[part.supplier])
                entries.append(entry)
                try insert.insert("parts", [
                    "id": .int(nextID("parts")), "manufacturer_id": .int(id), "part_no": .text(partNo), "name": .text(part.name),
                    "unit": .text(part.unit), "price_fen": .int(priceFen), "supplier_code": .text(entry.supplierCode),
                ])
            }
            partBook.append(entries)
            try writePolicies(of: maker, id: id, coverage: index % 3 == 0 ? "整机(易损件除外)" : "整机")
        }
    }

    /// A policy that replaced a maker's standing one (its `Catalog` terms, in force since 2015), for the machines
    /// whose warranty starts from its effective date on.
    private static let successors: [String: (name: String, effective: Day, months: Int, hours: Int?, km: Int?)] = [
        "SANY": ("三一重工整机保修（2026版）", Day(2026, 9, 1), 48, 4_000, nil),
    ]

    /// The maker's policies for all its models: the standing one, and its successor if it has one. No demo claim
    /// names its policy, so each is judged under the one in force when the machine's warranty started: the
    /// standing one for every machine the demo repairs under warranty (the successor's machines are at most three
    /// months old), though the successor is newer and would refuse readings from 4,000 h.
    private func writePolicies(of maker: Catalog.Manufacturer, id: Int, coverage: String) throws {
        let models = Catalog.models.filter { $0.manufacturer == maker.code }
        let pattern = models.count == 1 ? models[0].name : commonPrefix(models.map(\.name)) + "*"
        let successor = Self.successors[maker.code]
        try insert.insert("warranty_policies", [
            "id": .int(nextID("warranty_policies")), "manufacturer_id": .int(id),
            "name": .text("\(maker.shortName)整机保修" + (successor == nil ? "" : "（2015版）")),
            "model_pattern": .text(pattern), "coverage": .text(coverage),
            "months": .int(maker.warranty.months), "hours": .int(maker.warranty.hours), "km": .int(maker.warranty.km),
            "start_basis": .text(maker.warranty.basis), "effective_date": .date(Day(2015, 1, 1)),
            "withdrawn_date": .date(successor?.effective),
        ])
        guard let successor else { return }
        try insert.insert("warranty_policies", [
            "id": .int(nextID("warranty_policies")), "manufacturer_id": .int(id), "name": .text(successor.name),
            "model_pattern": .text(pattern), "coverage": .text(coverage),
            "months": .int(successor.months), "hours": .int(successor.hours), "km": .int(successor.km),
            "start_basis": .text(maker.warranty.basis), "effective_date": .date(successor.effective),
        ])
    }

    private func commonPrefix(_ names: [String]) -> String {
        guard var prefix = names.first else { return "" }
        for name in names.dropFirst() { while !name.hasPrefix(prefix) { prefix.removeLast() } }
        return prefix
    }

    // MARK: Checklist and workflows

    private func writeChecklist() throws {
        for (index, item) in Checklist.items.enumerated() {
            let id = nextID("inspection_items")
            inspectionItemIDs.append(id)
            try insert.insert("inspection_items", [
                "id": .int(id), "seq": .int((index + 1) * 10), "area": .text(item.area), "item": .text(item.item),
                "check_points": .text(item.checkPoints), "active": .flag(true),
            ])
        }
    }

    private func writeProcesses() throws {
        for process in Workflows.all {
            let id = nextID("processes")
            try insert.insert("processes", [
                "id": .int(id), "code": .text(process.code), "name": .text(process.name), "version": .text("V1.0"),
                "effective_date": .date(Day(2024, 10, 1)), "source": .text("各项工作流程 (S000)"), "note": .null,
            ])
            for (seq, lane) in process.lanes.enumerated() {
                try insert.insert("process_lanes", ["process_id": .int(id), "code": .text(lane.code), "name": .text(lane.name),
                                                    "seq": .int(seq + 1)])
            }
            for (seq, node) in process.nodes.enumerated() {
                try insert.insert("process_nodes", [
                    "process_id": .int(id), "code": .text(node.code), "lane_code": .text(node.lane), "seq": .int(seq + 1),
                    "kind": .text(node.kind.rawValue), "label": .text(node.label), "time_limit": .string(node.timeLimit),
                    "form_name": .string(node.form), "implied": .flag(node.implied),
                ])
            }
            for (seq, edge) in process.edges.enumerated() {
                try insert.insert("process_edges", [
                    "id": .int(nextID("process_edges")), "process_id": .int(id), "from_code": .text(edge.from),
                    "to_code": .text(edge.to), "label": .string(edge.label), "implied": .flag(edge.implied), "seq": .int(seq + 1),
                ])
            }
        }
    }
}
