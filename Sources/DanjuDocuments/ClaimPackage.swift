import DanjuBinding
import DanjuDatabase
import DanjuLayout
import DanjuRender
import DanjuTemplate
import Foundation

/// The monthly claim package one manufacturer receives (保修索赔申报): the cover letter and summary table
/// (`warranty-package`), the table of contents (`warranty-package-toc`), each claim's 技术报告书 with its
/// photo pages (`warranty-report`), then the old-part return tags (`warranty-return-tags`), with a bookmark
/// per claim nested under the summary.
///
/// Only the claims the package requests (the front's `claims`: in warranty) get a report and tags; the month's
/// claims out of warranty (`declined`) appear in the summary alone, marked 不申请, and a month with nothing to
/// request is refused.
///
/// Everything is read inside one read transaction, so a shop system writing meanwhile can never make the
/// summary disagree with the reports. The table of contents needs every part's first page, so the parts
/// are laid out once to count their pages (without reading photos), then again while writing; each claim's
/// pages are written and let go before the next claim is laid out, so memory stays flat however many photos
/// the package has.
public struct ClaimPackage {
    public let paths: ProjectPaths
    public let database: String
    public let policy: FitPolicy
    /// Missing or unreadable photos become marked placeholders instead of failing the package.
    public let draft: Bool
    /// Called with (reports laid out, reports to lay out) as the claims' reports are counted, then written:
    /// twice the claims in all.
    public let progress: (Int, Int) -> Void

    public init(paths: ProjectPaths, database: String, policy: FitPolicy, draft: Bool = false,
                progress: @escaping (Int, Int) -> Void = { _, _ in }) {
        self.paths = paths
        self.database = database
        self.policy = policy
        self.draft = draft
        self.progress = progress
    }

    public struct Summary: Sendable {
        /// Claims requested: each has its report in the package.
        public let claims: Int
        /// Claims of the month left out as out of warranty (不申请), listed in the summary only.
        public let declined: Int
        public let pages: Int
    }

    /// A table-of-contents line: a part of the package and its first page.
    private struct Entry: Encodable {
        let title: String
        var claim_no: String?
        var page: Int
    }

    /// The package's four templates.
    private struct Parts {
        let front, toc, report, tags: Template

        init(_ paths: ProjectPaths) throws {
            func load(_ name: String) throws -> Template { try TemplateLoader.load(file: try paths.template(name)) }
            (front, toc, report, tags) = (try load("warranty-package"), try load("warranty-package-toc"),
                                          try load("warranty-report"), try load("warranty-return-tags"))
        }
    }

    /// What the first pass learns: the claims, every part's pages and where each starts.
    private struct Plan {
        let claims: [Row]
        let declined: Int
        let front: LaidOutDocument
        let toc: LaidOutDocument
        /// Nil when no claim returns a part.
        let tags: LaidOutDocument?
        let reportPages: [Int]
        /// Letter, summary, one per claim, then the tags if any.
        let entries: [Entry]
        var claimNos: [String] { claims.map { $0["claim_no"]?.text ?? "" } }
        var totalPages: Int { front.pages.count + toc.pages.count + reportPages.reduce(0, +) + (tags?.pages.count ?? 0) }
    }

    public func write(maker: String, month: String, to output: String) throws -> Summary {
        let renderer = try DocumentRenderer(paths: paths, database: database)
        let parts = try Parts(paths)
        let file = try AtomicFile(output)
        let summary = try renderer.source.snapshot {
            let plan = try self.plan(maker: maker, month: month, parts: parts, renderer: renderer)
            return try write(plan, label: "\(maker) \(month) 保修索赔资料包", parts: parts, renderer: renderer, to: file.temporaryPath)
        }
        try file.commit()
        return summary
    }

    /// First pass: the month's claims and every part laid out once to count its pages, in package order.
    private func plan(maker: String, month: String, parts: Parts, renderer: DocumentRenderer) throws -> Plan {
        let period = ["maker": maker, "month": month]
        try Self.checkMaker(maker, in: renderer.source.database)
        let (claims, declined) = try renderer.source.read(parts.front, parameters: period, blank: false) {
            (try $0.rows(of: "claims").all(), try $0.rows(of: "declined").all())
        }
        guard !claims.isEmpty else {
            guard declined.isEmpty else { throw Self.nothingToClaim(maker: maker, month: month, declined: declined) }
            throw RequestError("no submitted warranty claims of “\(maker)” booked in \(month): no package written"
                                + (try Self.monthsWithClaims(maker, in: renderer.source.database)))
        }
        let claimNos = claims.map { $0["claim_no"]?.text ?? "" }
        let tagParameters = ["claims": try Self.json(claimNos)]
        let front = try renderer.layout(parts.front, parameters: period, policy: policy)
        // Photo frames are fixed, so counting needs no photo; they are read, checked and written in the second pass.
        let reportPages = try claimNos.enumerated().map { index, claimNo in
            defer { progress(index + 1, 2 * claimNos.count) }
            return try renderer.layout(parts.report, parameters: ["claim": claimNo], mode: PrintMode(draft: draft), policy: policy, readImages: false)
                .pages.count
        }
        let hasTags = try renderer.source.read(parts.tags, parameters: tagParameters, blank: false) { !$0.rows(of: "tags").isEmpty }
        let tags = hasTags ? try renderer.layout(parts.tags, parameters: tagParameters, policy: policy) : nil

        // The letter, then the summary, which starts a new page: on the one after the letter's last.
        let sections = parts.front.pageSections
        guard sections.count > 1 else {
            throw DocumentError("\(parts.front.file): the summary must start a new page (new-page: true) after the letter")
        }
        let letterPages = try renderer.layout(sections[0], parameters: period, policy: Self.quiet).pages.count
        var entries = [Entry(title: "保修索赔申报函", page: 1), Entry(title: "索赔汇总表", page: letterPages + 1)]
        entries += claimNos.map { Entry(title: "技术报告书", claim_no: $0, page: 0) }
        if hasTags { entries.append(Entry(title: "旧件回运标签", page: 0)) }
        // The contents' own length, then its page numbers: the parts after it start where the counts say.
        let tocPages = try renderer.layout(parts.toc, parameters: ["pages": try Self.json(entries)], policy: policy).pages.count
        var next = front.pages.count + tocPages + 1
        for (index, pages) in reportPages.enumerated() {
            entries[2 + index].page = next
            next += pages
        }
        if hasTags { entries[entries.count - 1].page = next }
        let toc = try renderer.layout(parts.toc, parameters: ["pages": try Self.json(entries)], policy: Self.quiet)
        guard toc.pages.count == tocPages else {
            throw DocumentError("\(parts.toc.file): the table of contents changed length once page numbers were filled in")
        }
        return Plan(claims: claims, declined: declined.count, front: front, toc: toc, tags: tags, reportPages: reportPages, entries: entries)
    }

    /// Second pass: writes the parts, one claim's report at a time (each page on the writer's thread while the
    /// next are laid out), then the bookmarks.
    private func write(_ plan: Plan, label: String, parts: Parts, renderer: DocumentRenderer, to path: String) throws -> Summary {
        let writer = BackgroundPDFWriter(try PDFWriter(path: path, metadata: plan.front.info.metadata, artwork: renderer.artwork))
        defer { writer.drain() }
        let total = plan.totalPages
        var written = 0
        // Each document numbers its own pages; the package's number, the one the contents give, goes below.
        func add(_ pages: [Page]) throws {
            renderer.numberPages(pages, first: written + 1, total: total, label: label)
            try pages.forEach(writer.add)
            written += pages.count
        }
        try add(plan.front.pages)
        try add(plan.toc.pages)
        for (index, (claimNo, pages)) in zip(plan.claimNos, plan.reportPages).enumerated() {
            let document = try renderer.layout(parts.report, parameters: ["claim": claimNo], mode: PrintMode(draft: draft), policy: Self.quiet)
            guard document.pages.count == pages else {
                throw DocumentError("claim \(claimNo): its report changed length between the two passes")
            }
            try add(document.pages)
            progress(plan.claims.count + index + 1, 2 * plan.claims.count)
        }
        if let tags = plan.tags { try add(tags.pages) }

        try writer.finish { pdf in
            let entries = plan.entries
            pdf.addBookmark("保修索赔申报函", page: 1)
            let summaryMark = pdf.addBookmark("索赔汇总表（\(plan.claims.count) 单）", page: entries[1].page, open: true)
            for (claim, entry) in zip(plan.claims, entries[2...]) {
                let label = [claim["claim_no"], claim["customer"], claim["model"]].compactMap { $0?.text }.joined(separator: " ")
                pdf.addBookmark(label, page: entry.page, under: summaryMark)
            }
            pdf.addBookmark("目录", page: plan.front.pages.count + 1)
            if plan.tags != nil, let last = entries.last { pdf.addBookmark("旧件回运标签", page: last.page) }
        }
        return Summary(claims: plan.claims.count, declined: plan.declined, pages: written)
    }

    /// The second layout of each part repeats the first; its misfits were reported already.
    private static let quiet = FitPolicy(strict: false, report: { _ in })

    /// The maker must be one the shop knows (by code, full name or short name); otherwise the error lists them.
    private static func checkMaker(_ maker: String, in database: Database) throws {
        let makers = try database.rows("SELECT code, short_name, :maker IN (code, name, short_name) AS chosen FROM manufacturers ORDER BY code",
                                       ["maker": .text(maker)])
        guard !makers.contains(where: { $0["chosen"] == .integer(1) }) else { return }
        let known = makers.map { row in
            (row["code"]?.text ?? "") + (row["short_name"]?.text.map { "（\($0)）" } ?? "")
        }
        throw RequestError("no manufacturer “\(maker)”: --maker takes the code, full name or short name of one of "
                            + (known.isEmpty ? "none (the shop has no manufacturers)" : known.joined(separator: ", ")))
    }

    /// A month whose submitted claims are all out of warranty: a package would request nothing.
    private static func nothingToClaim(maker: String, month: String, declined: [Row]) -> RefusedDocument {
        let shown = 5
        let listed = declined.prefix(shown).map { "\($0["claim_no"]?.text ?? "") (\($0["reason"]?.text ?? ""))" }
        return RefusedDocument("no claim of “\(maker)” booked in \(month) is in warranty, so there is nothing to request: no package "
                             + "written. Out of warranty (不申请): " + listed.joined(separator: "; ") + (declined.count > shown ? "; …" : ""))
    }

    /// For a month without claims: the latest months that have some, with how many (package claims only).
    private static func monthsWithClaims(_ maker: String, in database: Database) throws -> String {
        let shown = 6
        let months = try database.rows("""
            SELECT c.claim_month, count(*) AS claims FROM submitted_claims c JOIN manufacturers mf ON mf.id = c.manufacturer_id
            WHERE :maker IN (mf.code, mf.name, mf.short_name) GROUP BY c.claim_month ORDER BY c.claim_month DESC
            """, ["maker": .text(maker)])
        guard !months.isEmpty else { return "; it has no submitted claims in any month" }
        let listed = months.prefix(shown).map { "\($0["claim_month"]?.text ?? "") (\($0["claims"]?.integer ?? 0) claims)" }
        return "; months with claims, latest first: " + listed.joined(separator: ", ") + (months.count > shown ? ", …" : "")
    }

    private static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
