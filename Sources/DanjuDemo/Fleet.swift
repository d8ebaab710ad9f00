struct Customer {
    let id: Int
    let isCompany: Bool
    let name: String
    let contact: String
    let phone: String
    let city: People.City
}

struct Machine {
    let id: Int
    let serialNo: String
    let customer: Int // index into DemoBuilder.customers
    let manufacturer: Int // index into Catalog.manufacturers
    let model: Catalog.Model
    let purchase: Day
    let registration: Day
    let delivery: Day
    let tenthsPerDay: Int // hour meter growth, hours × 10 per calendar day
    let kmPerDay: Int

    var maker: Catalog.Manufacturer { Catalog.manufacturers[manufacturer] }

    func hourMeterTenths(on day: Day) -> Int? {
        model.isTruck ? nil : max(delivery.distance(to: day), 0) * tenthsPerDay + 3 // a few tenths from the factory test
    }

    func odometerKm(on day: Day) -> Int? {
        model.isTruck ? max(delivery.distance(to: day), 0) * kmPerDay + 12 : nil
    }

    var warrantyStart: Day {
        switch maker.warranty.basis {
        case "purchase_date": purchase
        case "delivery_date": delivery
        default: registration
        }
    }

    /// Within the policy's months and hours (or km), whichever runs out first.
    func inWarranty(on day: Day) -> Bool {
        let policy = maker.warranty
        guard day < warrantyStart.adding(months: policy.months) else { return false }
        if let hours = policy.hours, let meter = hourMeterTenths(on: day), meter >= hours * 10 { return false }
        if let km = policy.km, let odometer = odometerKm(on: day), odometer >= km { return false }
        return true
    }
}

extension DemoBuilder {
    static let customerCount = 620

    /// Customers with characters outside the common set, at fixed places so every seed has them.
    private static let rareNamed: [Int: (isCompany: Bool, contact: String)] = [
        3: (false, "刘䶮"), 8: (true, "王㵘"), 15: (true, "陈𠀾"), 21: (false, "张䶮明"), 30: (false, "周𠀾华"), 44: (true, "李㵘涛"),
    ]

    func writeFleet() throws {
        var rng = stream("fleet")
        var serials: Set<String> = []
        var fleet: [Machine] = []
        for index in 0..<Self.customerCount {
            let rare = Self.rareNamed[index]
            let isCompany = rare?.isCompany ?? rng.chance(0.4)
            let city = rng.weighted(People.cities.enumerated().map { ($0.element, $0.offset == 0 ? 6 : 2) })
            let contact = rare?.contact ?? People.personName(&rng)
            let customer = Customer(id: nextID("customers"), isCompany: isCompany,
                                    name: isCompany ? People.companyName(city, &rng) : contact, contact: contact,
                                    phone: People.mobile(&rng), city: city)
            let count = isCompany ? rng.int(2...6) : rng.weighted([(1, 15), (2, 4), (3, 1)])
            var owned: [Machine] = []
            var preferredModel: Catalog.Model?
            for _ in 0..<count {
                let model = preferredModel.flatMap { rng.chance(0.6) ? $0 : nil }
                    ?? rng.weighted(Catalog.models.map { ($0, $0.popularity) })
                preferredModel = preferredModel ?? model
                owned.append(makeMachine(model, customer: index, serials: &serials, &rng))
            }
            try insert.insert("customers", [
                "id": .int(customer.id), "kind": .text(isCompany ? "company" : "person"), "name": .text(customer.name),
                "contact_person": .text(contact),
                "phone": .text(isCompany && rng.chance(0.3) ? People.landline(city, &rng) : customer.phone),
                "address": .text(People.address(city, &rng)),
                "tax_id": .string(isCompany ? "9143" + Catalog.fill("####@@##@@######", &rng) : nil),
                "since_date": .date(owned.map(\.purchase).min()), "note": .null,
            ])
            customers.append(customer)
            for machine in owned {
                try writeMachine(machine, city: city, &rng)
                fleet.append(machine)
            }
        }
        machines = fleet.sorted { ($0.delivery, $0.id) < ($1.delivery, $1.id) }
    }

    private func makeMachine(_ model: Catalog.Model, customer: Int, serials: inout Set<String>,
                             _ rng: inout SplitMix64) -> Machine {
        var serial = Catalog.fill(model.serialNo, &rng)
        while !serials.insert(serial).inserted { serial = Catalog.fill(model.serialNo, &rng) }
        let year = rng.weighted([(2015, 2), (2016, 3), (2017, 4), (2018, 5), (2019, 6), (2020, 7), (2021, 8), (2022, 8),
                                 (2023, 9), (2024, 10), (2025, 10), (2026, 8)])
        let purchase = min(Day(year, 1, 1).advanced(by: rng.int(0...364)), Day(2026, 10, 31))
        let delivery = purchase.advanced(by: rng.int(0...7))
        return Machine(id: nextID("machines"), serialNo: serial, customer: customer,
                       manufacturer: Catalog.manufacturers.firstIndex { $0.code == model.manufacturer }!, model: model,
                       purchase: purchase, registration: purchase.advanced(by: rng.int(0...20)), delivery: delivery,
                       tenthsPerDay: rng.int(22...70), kmPerDay: rng.int(120...400))
    }

    private func writeMachine(_ machine: Machine, city: People.City, _ rng: inout SplitMix64) throws {
        let plated = switch machine.model.category {
        case "自卸车", "牵引车": true
        case "装载机": rng.chance(0.5)
        default: rng.chance(0.05)
        }
        let cardDays = rng.int(3...35)
        try insert.insert("machines", [
            "id": .int(machine.id), "customer_id": .int(customers[machine.customer].id),
            "manufacturer_id": .int(manufacturerIDs[machine.manufacturer]), "category": .text(machine.model.category),
            "model": .text(machine.model.name), "serial_no": .text(machine.serialNo),
            "engine_no": .string(rng.chance(0.03) ? nil : Catalog.fill(machine.model.engineNo, &rng)),
            "plate_no": .string(plated ? People.plate(city, &rng) : nil),
            "purchase_date": .date(machine.purchase), "registration_date": .date(machine.registration),
            "delivery_date": .date(machine.delivery),
            "hour_meter_tenths": .int(machine.hourMeterTenths(on: Self.lastDay)),
            "odometer_km": .int(machine.odometerKm(on: Self.lastDay)),
            "meter_read_at": .time(Self.cutoff),
            "warranty_card_returned_date": .date(rng.chance(0.1) ? nil : machine.purchase.advanced(by: cardDays)),
            "note": .null,
        ])
    }

    /// Machines delivered before `day`: a prefix of `machines`.
    func deliveredCount(before day: Day) -> Int {
        var (low, high) = (0, machines.count)
        while low < high {
            let middle = (low + high) / 2
            if machines[middle].delivery < day { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
