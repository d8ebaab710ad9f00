import ArgumentParser
import DanjuDemo
import DanjuDocuments
import DanjuTemplate
import Foundation

/// The sample run of the README: make the demo shop if missing, then draw its sample documents.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Makes output/demo.sqlite if missing and draws the sample documents into output/.")

    @Option(help: "Folder for the database and the documents.")
    var output = "output"

    /// Samples: a blank form, the latest full order, the hardest record (longest complaint), a day's arrivals,
    /// the quote, work order, settlement and gate pass of the latest handover, the last month's order list,
    /// a 技术报告书, the latest month's claim package for each manufacturer, October's complaint report and the
    /// five workflow charts.
    private static let samples = [
        ("intake-sheet-latest", "SELECT order_no FROM work_orders WHERE id IN (SELECT work_order_id FROM work_order_photos) ORDER BY arrived_at DESC, id DESC LIMIT 1"),
        ("intake-sheet-long-complaint", "SELECT order_no FROM work_orders ORDER BY length(complaint) DESC, id LIMIT 1"),
    ]
    /// The latest handover whose papers can all be printed (quoted, settled, paid, discount authorised).
    private static let latestHandover = """
        SELECT wo.order_no FROM work_orders wo
        JOIN gate_passes g ON g.work_order_id = wo.id AND g.kind = '维修结算'
        JOIN settlements s ON s.work_order_id = wo.id
        WHERE (s.discount_fen = 0 OR s.discount_authoriser_id IS NOT NULL)
          AND EXISTS (SELECT 1 FROM quotes q JOIN work_order_lines l ON l.quote_id = q.id WHERE q.work_order_id = wo.id)
        ORDER BY g.issued_at DESC LIMIT 1
        """
    /// The latest claim with the most photos, for a sample 技术报告书.
    private static let sampleClaim = """
        SELECT claim_no FROM warranty_claims c ORDER BY (SELECT count(*) FROM claim_photos f WHERE f.claim_id = c.id) DESC, c.id DESC LIMIT 1
        """
    /// Every maker with claims in warranty in the latest claim month: the packages a clerk sends that month.
    private static let latestPackages = """
        SELECT m.code AS maker, c.claim_month AS month FROM submitted_claims c JOIN manufacturers m ON m.id = c.manufacturer_id
        JOIN claim_warranty w ON w.claim_id = c.id AND w.eligible = 1
        WHERE c.claim_month = (SELECT max(claim_month) FROM submitted_claims)
        GROUP BY m.code ORDER BY m.code
        """
    private static let dayOfArrivals = """
        SELECT order_no AS "order" FROM work_orders
        WHERE substr(arrived_at, 1, 10) = (SELECT max(substr(arrived_at, 1, 10)) FROM work_orders) ORDER BY arrived_at, id
        """

    /// The month of the latest arrival, for the order list.
    private static let lastMonth = """
        SELECT date(max(arrived_at), 'start of month') AS "from", substr(max(arrived_at), 1, 10) AS "to" FROM work_orders
        """

    func run() async throws {
        do {
            let paths = try ProjectPaths.locate()
            let database = "\(output)/demo.sqlite"
            if !FileManager.default.fileExists(atPath: database) {
                try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
                try DemoShop.write(to: database, seed: 1)
                print("made \(database)")
            }
            let template = try TemplateLoader.load(file: try paths.template("intake-sheet"))
            let policy = FitPolicy(strict: false, report: warn)
            let renderer = try DocumentRenderer(paths: paths, database: database)
            let blank = "\(output)/intake-sheet-blank.pdf"
            try renderer.render(template, parameters: [:], mode: PrintMode(blank: true), to: blank, format: .pdf, policy: policy)
            print("drew \(blank)")
            for (name, sql) in Self.samples {
                guard let order = try renderer.source.parameterRows(sql).first?.values.first else { continue }
                let file = "\(output)/\(name).pdf"
                try renderer.render(template, parameters: ["order": order], to: file, format: .pdf, policy: policy)
                print("drew \(file) (order \(order))")
            }
            if let order = try renderer.source.parameterRows(Self.latestHandover).first?.values.first {
                for name in ["quote", "work-order", "settlement", "gate-pass"] {
                    let file = "\(output)/\(name)-\(order).pdf"
                    try renderer.render(try TemplateLoader.load(file: try paths.template(name)), parameters: ["order": order],
                                        to: file, format: .pdf, policy: policy)
                    print("drew \(file)")
                }
            }
            if let claim = try renderer.source.parameterRows(Self.sampleClaim).first?.values.first {
                let file = "\(output)/warranty-report-\(claim).pdf"
                try renderer.render(try TemplateLoader.load(file: try paths.template("warranty-report")), parameters: ["claim": claim],
                                    to: file, format: .pdf, policy: policy)
                print("drew \(file)")
            }
            for row in try renderer.source.parameterRows(Self.latestPackages) {
                let (maker, month) = (row["maker"] ?? "", row["month"] ?? "")
                let file = "\(output)/warranty-package-\(maker)-\(month).pdf"
                let summary = try ClaimPackage(paths: paths, database: database, policy: policy).write(maker: maker, month: month, to: file)
                print("drew \(file) (\(summary.claims) \(summary.claims == 1 ? "claim" : "claims"), \(summary.pages) pages)")
            }
            let report = "\(output)/complaint-monthly-2026-10.pdf"
            try renderer.render(try TemplateLoader.load(file: try paths.template("complaint-monthly")), parameters: ["month": "2026-10"],
                                to: report, format: .pdf, policy: policy)
            print("drew \(report) (the October complaint report)")
            let flowchart = try TemplateLoader.load(file: try paths.template("flowchart"))
            for parameters in try renderer.source.parameterRows("SELECT code AS process FROM processes ORDER BY id") {
                let file = "\(output)/flowchart-\(parameters["process", default: ""]).pdf"
                try renderer.render(flowchart, parameters: parameters, to: file, format: .pdf, policy: policy)
                print("drew \(file)")
            }
            let batch = BatchRenderer(paths: paths, database: database, template: template, policy: policy) { _, _ in }
            let day = "\(output)/intake-sheets-last-day.pdf"
            let pages = try await batch.renderCombined(each: Self.dayOfArrivals, to: day, jobs: ProcessInfo.processInfo.activeProcessorCount).pages
            print("drew \(day) (\(pages) pages: the last day's arrivals)")
            if let month = try renderer.source.parameterRows(Self.lastMonth).first {
                let list = "\(output)/order-list-last-month.pdf"
                try renderer.render(try TemplateLoader.load(file: try paths.template("order-list")), parameters: month,
                                    to: list, format: .pdf, policy: policy)
                print("drew \(list)")
            }
        }
    }
}
