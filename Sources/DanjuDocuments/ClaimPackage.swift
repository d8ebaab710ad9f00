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

    public init(paths: ProjectPaths, database: String, policy: FitPolicy, draft: Bool = false) {
        self.paths = paths
        self.database = database
        self.policy = policy
        self.draft = draft
    }

    public struct Summary: Sendable {
        public let claims: Int
        public let pages: Int
    }

    /// A table-of-contents line: a part of the package and its first page.
    private struct Entry: Encodable {
        let title: String
        var claim_no: String?
        var page: Int
    }

    public func write(maker: String, month: String, to output: String) throws -> Summary {
        let renderer = try DocumentRenderer(paths: paths, database: database)
        func load(_ name: String) throws -> Template { try TemplateLoader.load(file: try paths.template(name)) }
        let (front, toc, report, tags) = (try load("warranty-package"), try load("warranty-package-toc"),
                                          try load("warranty-report"), try load("warranty-return-tags"))
        let mode = PrintMode(draft: draft)
        // The second layout of each part repeats the first; its misfits were reported already.
        let quiet = FitPolicy(strict: false, report: { _ in })
        let file = try AtomicFile(output)
        let summary = try renderer.source.snapshot {
            let period = ["maker": maker, "month": month]
            try Self.checkMaker(maker, in: renderer.source.database)
            let claims = try renderer.source.read(front, parameters: period, blank: false) { try $0.rows(of: "claims").all() }
            guard !claims.isEmpty else {
                throw DocumentError("no submitted warranty claims of “\(maker)” booked in \(month): no package written"
                                    + (try Self.monthsWithClaims(maker, in: renderer.source.database)))
            }
            let claimNos = claims.map { $0["claim_no"]?.text ?? "" }
            let tagParameters = ["claims": try Self.json(claimNos)]

            // First pass: page counts, in package order.
            let frontDocument = try renderer.layout(front, parameters: period, policy: policy)
            // Photo frames are fixed, so counting needs no photo; they are read, checked and written in the second pass.
            let reportPages = try claimNos.map {
                try renderer.layout(report, parameters: ["claim": $0], mode: mode, policy: policy, readImages: false).pages.count
            }
            let tagDocument = try renderer.layout(tags, parameters: tagParameters, policy: policy)
            let hasTags = try renderer.source.read(tags, parameters: tagParameters, blank: false) { !$0.rows(of: "tags").isEmpty }

            // The letter, then the summary, which starts a new page: on the one after the letter's last.
            let sections = front.pageSections
            guard sections.count > 1 else {
                throw DocumentError("\(front.file): the summary must start a new page (new-page: true) after the letter")
            }
            let letterPages = try renderer.layout(sections[0], parameters: period, policy: quiet).pages.count
            var entries = [Entry(title: "保修索赔申报函", page: 1), Entry(title: "索赔汇总表", page: letterPages + 1)]
            entries += claimNos.map { Entry(title: "技术报告书", claim_no: $0, page: 0) }
            if hasTags { entries.append(Entry(title: "旧件回运标签", page: 0)) }
            let tocPages = try renderer.layout(toc, parameters: ["pages": try Self.json(entries)], policy: policy).pages.count
            var next = frontDocument.pages.count + tocPages + 1
            for (index, pages) in reportPages.enumerated() {
                entries[2 + index].page = next
                next += pages
            }
            if hasTags { entries[entries.count - 1].page = next }
            let tocDocument = try renderer.layout(toc, parameters: ["pages": try Self.json(entries)], policy: quiet)
            guard tocDocument.pages.count == tocPages else {
                throw DocumentError("\(toc.file): the table of contents changed length once page numbers were filled in")
            }

            // Second pass: write, one claim at a time.
            let writer = try PDFWriter(path: file.temporaryPath, metadata: frontDocument.info.metadata, artwork: renderer.artwork)
            let total = next - 1 + (hasTags ? tagDocument.pages.count : 0)
            // Each document numbers its own pages; the package's number, the one the contents give, goes below.
            func add(_ pages: [Page]) throws {
                renderer.numberPages(pages, first: writer.pageCount + 1, total: total, label: "\(maker) \(month) 保修索赔资料包")
                try writer.add(pages)
            }
            try add(frontDocument.pages)
            try add(tocDocument.pages)
            for (index, claimNo) in claimNos.enumerated() {
                let document = try renderer.layout(report, parameters: ["claim": claimNo], mode: mode, policy: quiet)
                guard document.pages.count == reportPages[index] else {
                    throw DocumentError("claim \(claimNo): its report changed length between the two passes")
                }
                try add(document.pages)
            }
            if hasTags { try add(tagDocument.pages) }

            writer.addBookmark("保修索赔申报函", page: 1)
            let summaryMark = writer.addBookmark("索赔汇总表（\(claims.count) 单）", page: entries[1].page, open: true)
            for (claim, entry) in zip(claims, entries[2...]) {
                let label = [claim["claim_no"], claim["customer"], claim["model"]].compactMap { $0?.text }.joined(separator: " ")
                writer.addBookmark(label, page: entry.page, under: summaryMark)
            }
            writer.addBookmark("目录", page: frontDocument.pages.count + 1)
            if hasTags, let last = entries.last { writer.addBookmark("旧件回运标签", page: last.page) }
            try writer.finish()
            return Summary(claims: claims.count, pages: writer.pageCount)
        }
        try file.commit()
        return summary
    }

    /// The maker must be one the shop knows (by code, full name or short name); otherwise the error lists them.
    private static func checkMaker(_ maker: String, in database: Database) throws {
        let makers = try database.rows("SELECT code, short_name, :maker IN (code, name, short_name) AS chosen FROM manufacturers ORDER BY code",
                                       ["maker": .text(maker)])
        guard !makers.contains(where: { $0["chosen"] == .integer(1) }) else { return }
        let known = makers.map { row in
            (row["code"]?.text ?? "") + (row["short_name"]?.text.map { "（\($0)）" } ?? "")
        }
        throw DocumentError("no manufacturer “\(maker)”: --maker takes the code, full name or short name of one of "
                            + (known.isEmpty ? "none (the shop has no manufacturers)" : known.joined(separator: ", ")))
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
