import DanjuDatabase
import DanjuFormat
import Foundation
import Testing

/// The claims of `maker` booked in `month` that the clerk has submitted (not a 未提报 draft), neither voided nor
/// given up, as the raw table holds them.
private func submittedClaims(in database: String, maker: String, month: String) throws -> [Row] {
    try Database(path: database, mode: .readOnly).rows("""
        SELECT c.id, c.claim_no, c.claimed_fen, c.labour_fen, c.parts_fen, c.other_fen FROM warranty_claims c
        JOIN manufacturers m ON m.id = c.manufacturer_id
        WHERE m.code = :maker AND c.claim_month = :month AND c.status NOT IN ('未提报', '作废', '放弃提报') ORDER BY c.claim_no
        """, ["maker": .text(maker), "month": .text(month)])
}

/// The claims a package for `maker`/`month` must request: the submitted ones the test's own rule finds in warranty.
private func expectedClaims(in database: String = demoDatabase, maker: String, month: String) throws -> [Row] {
    let verdicts = try WarrantyOracle(database).verdicts()
    return try submittedClaims(in: database, maker: maker, month: month).filter { verdicts[$0["id"]!.integer!]!.eligible }
}

/// The maker and month with the most claims in the demo shop, and that package, made once.
private let busiest: (maker: String, month: String, pdf: String) = {
    let row = try! demoRows("""
        SELECT m.code, c.claim_month FROM warranty_claims c JOIN manufacturers m ON m.id = c.manufacturer_id
        WHERE c.status NOT IN ('未提报', '作废', '放弃提报') GROUP BY 1, 2 ORDER BY count(*) DESC, 2 DESC LIMIT 1
        """)[0]
    let (maker, month) = (row["code"]!.text!, row["claim_month"]!.text!)
    let pdf = newPath("package.pdf")
    _ = try! danju("package", "--maker", maker, "--month", month, "--db", demoDatabase, "-o", pdf)
    return (maker, month, pdf)
}()

/// The bookmarks as qpdf reads them: (title, 1-based page, children).
private struct Bookmark {
    let title: String
    let page: Int
    let kids: [Bookmark]

    init(_ json: [String: Any]) {
        title = json["title"] as? String ?? ""
        page = json["destpageposfrom1"] as? Int ?? 0
        kids = (json["kids"] as? [[String: Any]] ?? []).map(Bookmark.init)
    }
}

private func bookmarks(_ pdf: String) throws -> [Bookmark] {
    let json = try JSONSerialization.jsonObject(with: try run("qpdf", ["--json", "--json-key=outlines", pdf]).data) as? [String: Any]
    return (json?["outlines"] as? [[String: Any]] ?? []).map(Bookmark.init)
}

private func pageText(_ pdf: String, _ page: Int, layout: Bool = false) throws -> String {
    try run("pdftotext", (layout ? ["-layout"] : []) + ["-f", "\(page)", "-l", "\(page)", pdf, "-"]).stdout
}

private func money(_ claims: [Row], _ column: String) -> String {
    Money(fen: claims.reduce(0) { $0 + $1[column]!.integer! }).formatted(.yuan)
}

/// The letter and the summary of `pdf` (its first two pages), without white space.
private func front(_ pdf: String) throws -> String {
    try pageText(pdf, 1).filter { !$0.isWhitespace } + (try pageText(pdf, 2).filter { !$0.isWhitespace })
}

@Test func theTotalsAreTheSumOfTheClaimsInWarranty() throws {
    let claims = try expectedClaims(maker: busiest.maker, month: busiest.month)
    #expect(try qpdfCheck(busiest.pdf))
    let front = try front(busiest.pdf)
    #expect(front.contains("索赔单数\(claims.count)单"), "the cover letter counts the claims")
    #expect(front.contains("索赔金额合计\(money(claims, "claimed_fen"))"), "cover letter total \(money(claims, "claimed_fen"))")
    #expect(front.contains("合计：\(money(claims, "claimed_fen"))"), "the summary table's total")
    #expect(front.contains("工时费合计\(money(claims, "labour_fen"))") && front.contains("材料费合计\(money(claims, "parts_fen"))"))
}

@Test func everyClaimOnceInTheContentsAndTheBookmarksAtItsReport() throws {
    let claimNos = try expectedClaims(maker: busiest.maker, month: busiest.month).map { $0["claim_no"]!.text! }
    let marks = try bookmarks(busiest.pdf)
    let summary = try #require(marks.first { $0.title.hasPrefix("索赔汇总表") })
    #expect(summary.kids.map { String($0.title.prefix { $0 != " " }) } == claimNos, "one bookmark per claim, in order, under the summary")
    #expect(try pageText(busiest.pdf, summary.page).contains("保修索赔汇总表"))

    let contentsPage = try #require(marks.first { $0.title == "目录" }).page
    let contents = try pageText(busiest.pdf, contentsPage, layout: true).split(separator: "\n")
    let pages = Int(try #require(pdfInfo(busiest.pdf)["Pages"]))!
    for (claimNo, mark) in zip(claimNos, summary.kids) {
        let lines = contents.filter { $0.contains(claimNo) }
        #expect(lines.count == 1, "\(claimNo) once in the table of contents")
        #expect(lines.first?.split(separator: " ").last.map(String.init) == String(mark.page), "\(claimNo): contents and bookmark agree")
        #expect(mark.page <= pages)
        let report = try pageText(busiest.pdf, mark.page).filter { !$0.isWhitespace }
        #expect(report.contains("技术报告书") && report.contains("索赔单号\(claimNo)") && report.contains("第1页/共"),
                "\(claimNo): the bookmark leads to the first page of its report")
        #expect(report.contains("保修索赔资料包第\(mark.page)页/共\(pages)页"), "\(claimNo): the printed package page is the one in the contents")
    }
}

@Test func photosAreEmbeddedByteForByte() throws {
    let claims = try expectedClaims(maker: busiest.maker, month: busiest.month).map { String($0["id"]!.integer!) }
    let photos = try demoRows("SELECT path FROM claim_photos WHERE claim_id IN (\(claims.joined(separator: ", ")))").map { $0["path"]!.text! }
    let root = try #require(try demoRows("SELECT value FROM settings WHERE key = 'photo_root'").first?["value"]?.text)
    let sources = Set(try photos.map { try Data(contentsOf: URL(fileURLWithPath: "\(demoFolder)/\(root)/\($0)")) })
    let list = try run("pdfimages", ["-list", busiest.pdf]).stdout.split(separator: "\n").dropFirst(2)
    #expect(list.allSatisfy { $0.contains("jpeg") })
    let objects = Set(list.map { String($0.split(separator: " ", omittingEmptySubsequences: true)[10]) })
    let streams = Set(try objects.map { try run("qpdf", ["--show-object=\($0)", "--raw-stream-data", busiest.pdf]).data })
    #expect(streams == sources, "\(photos.count) photos: every image stream is one of the claims' JPEG files, unchanged, and every file is there")
    let pdfSize = try #require(try FileManager.default.attributesOfItem(atPath: busiest.pdf)[.size] as? Int)
    let photoBytes = sources.reduce(0) { $0 + $1.count }
    #expect(pdfSize > photoBytes)
}

/// A copy of the demo shop whose photos are hard links to the originals, so one can be spoilt (replaced) without
/// harm. (Symbolic links would lead out of the copy's photo root, which danju refuses.)
private func shopCopy() throws -> (database: String, photos: String) {
    let folder = newPath("shop")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let root = try #require(try demoRows("SELECT value FROM settings WHERE key = 'photo_root'").first?["value"]?.text)
    try run("cp", [demoDatabase, folder + "/demo.sqlite"])
    try run("cp", ["-rl", "\(demoFolder)/\(root)", "\(folder)/\(root)"])
    return (folder + "/demo.sqlite", "\(folder)/\(root)")
}

/// Two ways a photo goes bad: a transfer cut off half way, and damaged data behind intact markers.
enum Damage: CaseIterable, Sendable {
    case truncated, scrambled

    func apply(to bytes: Data) -> Data {
        switch self {
        case .truncated: return bytes.prefix(bytes.count / 2)
        case .scrambled:
            var damaged = bytes
            for index in bytes.count / 2..<bytes.count / 2 + 40 { damaged[index] ^= 0x5A }
            return damaged
        }
    }
}

@Test(arguments: Damage.allCases)
func aCorruptPhotoNamesClaimAndFileAndWritesNothing(damage: Damage) throws {
    let shop = try shopCopy()
    let claim = try #require(try expectedClaims(in: shop.database, maker: busiest.maker, month: busiest.month).first?["id"]?.integer)
    let victim = try #require(try Database(path: shop.database, mode: .readOnly).rows("""
        SELECT c.claim_no, f.path FROM claim_photos f JOIN warranty_claims c ON c.id = f.claim_id WHERE c.id = \(claim) ORDER BY f.id LIMIT 1
        """).first)
    let (claimNo, path) = (victim["claim_no"]!.text!, victim["path"]!.text!)
    let file = "\(shop.photos)/\(path)"
    let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
    try FileManager.default.removeItem(atPath: file)
    try damage.apply(to: bytes).write(to: URL(fileURLWithPath: file))

    let output = newPath("corrupt.pdf")
    let result = try danju("package", "--maker", busiest.maker, "--month", busiest.month, "--db", shop.database, "-o", output)
    #expect(result.status == 3)
    #expect(result.stderr.contains("claim=\(claimNo)") && result.stderr.contains(path) && result.stderr.contains("not a readable JPEG"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: output))

    let draft = newPath("draft.pdf")
    let drafted = try danju("package", "--maker", busiest.maker, "--month", busiest.month, "--db", shop.database, "-o", draft, "--draft")
    #expect(drafted.status == 0, "\(drafted.stderr)")
    #expect(try compactText(draft).contains("照片缺失或损坏\(path)"), "a draft shows a marked placeholder")
}

@Test func aPhotoPathOutsideThePhotoRootIsRefused() throws {
    let shop = try shopCopy()
    let database = try Database(path: shop.database, mode: .readWrite(create: false))
    let claimNo = try #require(try expectedClaims(in: shop.database, maker: busiest.maker, month: busiest.month).first?["claim_no"]?.text)
    try database.execute("UPDATE claim_photos SET path = '../../../etc/passwd' WHERE seq = 1 AND claim_id = (SELECT id FROM warranty_claims WHERE claim_no = '\(claimNo)')")
    let output = newPath("escape.pdf")
    let result = try danju("package", "--maker", busiest.maker, "--month", busiest.month, "--db", shop.database, "-o", output, "--draft")
    #expect(result.status == 3, "refused even in a draft")
    #expect(result.stderr.contains("../../../etc/passwd") && result.stderr.contains("outside the photo root") && result.stderr.contains(claimNo), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: output))
}

/// Another process adds parts to the package's last claim and new claims to its month while the package is
/// being written: the package must come out exactly as it would have before any of those writes.
@Test func aConcurrentWriterNeverChangesAPackageAlreadyStarted() throws {
    let shop = try shopCopy()
    try run("sqlite3", [shop.database, "PRAGMA journal_mode = WAL"])
    // The last claim: its report is laid out again last, when the writer has surely been at work.
    let last = try #require(try expectedClaims(in: shop.database, maker: busiest.maker, month: busiest.month).last?["claim_no"]?.text)
    let folder = URL(fileURLWithPath: shop.database).deletingLastPathComponent().path
    let output = folder + "/package.pdf", stop = folder + "/stop"
    let write = """
        BEGIN IMMEDIATE;
        INSERT INTO claim_parts (claim_id, seq, damage, part_no, part_name, unit_price_fen, amount_fen)
          SELECT id, (SELECT max(seq) + 1 FROM claim_parts WHERE claim_id = c.id), '附损件', 'RACE-1', '并发写入配件', 100, 100
          FROM warranty_claims c WHERE claim_no = '\(last)';
        UPDATE warranty_claims SET parts_fen = parts_fen + 100, claimed_fen = claimed_fen + 100 WHERE claim_no = '\(last)';
        INSERT INTO warranty_claims (claim_no, work_order_id, machine_id, manufacturer_id, policy_id, claim_type, status, claim_month,
                                     failure_date, complaint)
          SELECT claim_no || '-R' || (SELECT count(*) FROM warranty_claims), work_order_id, machine_id, manufacturer_id, policy_id,
                 claim_type, '未提报', claim_month, failure_date, complaint FROM warranty_claims WHERE claim_no = '\(last)';
        COMMIT;
        """
    // Starts writing once the package has begun its output file (its snapshot is open by then), stops when told.
    let writer = Process()
    writer.executableURL = URL(fileURLWithPath: "/bin/bash")
    writer.arguments = ["-c", """
        until ls '\(folder)'/.package.pdf.*.tmp >/dev/null 2>&1; do sleep 0.005; done
        while [ ! -e '\(stop)' ]; do sqlite3 -cmd '.timeout 5000' '\(shop.database)' "$0" || exit 1; done
        """, write]
    try writer.run()
    let result = try run(danjuExecutable, ["package", "--maker", busiest.maker, "--month", busiest.month, "--db", shop.database, "-o", output])
    FileManager.default.createFile(atPath: stop, contents: nil)
    writer.waitUntilExit()
    #expect(result.status == 0, "\(result.stderr)")
    #expect(writer.terminationStatus == 0)

    let written = try Database(path: shop.database, mode: .readOnly).rows("SELECT count(*) AS n FROM claim_parts WHERE part_no = 'RACE-1'")[0]["n"]!.integer!
    #expect(written > 0, "the writer committed while the package was being written")
    #expect(try Data(contentsOf: URL(fileURLWithPath: output)) == (try Data(contentsOf: URL(fileURLWithPath: busiest.pdf))),
            "byte for byte the package of the unchanged shop")
}

/// A danju folder whose cover letter has a long explanation, so the letter takes more than one page.
private func homeWithLongLetter() throws -> String {
    let home = newPath("home")
    try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    try run("ln", ["-s", packageRoot + "/fonts", home + "/fonts"])
    try run("cp", ["-r", packageRoot + "/templates", home + "/templates"])
    let file = home + "/templates/warranty-package.yaml"
    let yaml = try String(contentsOfFile: file, encoding: .utf8)
    let attachments = "  - text: \"附件："
    let note = String(repeating: "本月索赔单均经站内质检复核，故障件已拍照封存，旧件待厂家通知回运。", count: 45)
    #expect(yaml.components(separatedBy: attachments).count == 2)
    try yaml.replacingOccurrences(of: attachments, with: "  - text: \"说明：\(note)\"\n\(attachments)")
        .write(toFile: file, atomically: true, encoding: .utf8)
    return home
}

@Test func aLongLetterMovesTheSummaryAndTheContentsFollow() throws {
    let pdf = newPath("long-letter.pdf")
    let result = try run("/usr/bin/env", ["DANJU_HOME=\(try homeWithLongLetter())", danjuExecutable, "package",
                                          "--maker", busiest.maker, "--month", busiest.month, "--db", demoDatabase, "-o", pdf])
    #expect(result.status == 0, "\(result.stderr)")
    let pages = Int(try #require(pdfInfo(pdf)["Pages"]))!
    let summaryPage = try #require((1...pages).first { try pageText(pdf, $0).contains("保修索赔汇总表") })
    #expect(summaryPage > 2, "the letter takes more than one page")
    let marks = try bookmarks(pdf)
    #expect(marks.first { $0.title.hasPrefix("索赔汇总表") }?.page == summaryPage, "the summary's bookmark")
    let contentsPage = try #require(marks.first { $0.title == "目录" }).page
    let contents = try pageText(pdf, contentsPage, layout: true).split(separator: "\n")
    let line = try #require(contents.first { $0.contains("索赔汇总表") })
    #expect(line.split(separator: " ").last.map(String.init) == String(summaryPage), "the summary's line in the contents: \(line)")
    #expect(try pageText(pdf, 2).contains("说明"), "the letter goes on on page 2")
}

@Test func anUnknownMakerIsAnErrorListingTheMakers() throws {
    let output = newPath("unknown.pdf")
    let result = try danju("package", "--maker", "NO-SUCH-MAKER", "--month", busiest.month, "--db", demoDatabase, "-o", output)
    #expect(result.status == 2)
    let codes = try demoRows("SELECT code FROM manufacturers ORDER BY code").map { $0["code"]!.text! }
    #expect(result.stderr.contains("no manufacturer “NO-SUCH-MAKER”") && codes.allSatisfy(result.stderr.contains), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: output))
}

@Test func aMonthWithoutClaimsIsAnErrorListingTheLatestMonthsWithClaims() throws {
    let output = newPath("empty-month.pdf")
    let result = try danju("package", "--maker", busiest.maker, "--month", "2099-01", "--db", demoDatabase, "-o", output)
    #expect(result.status == 2)
    let months = try demoRows("""
        SELECT c.claim_month FROM warranty_claims c JOIN manufacturers m ON m.id = c.manufacturer_id
        WHERE m.code = '\(busiest.maker)' AND c.status NOT IN ('未提报', '作废', '放弃提报')
        GROUP BY 1 ORDER BY 1 DESC LIMIT 3
        """).map { $0["claim_month"]!.text! }
    #expect(months.count == 3)
    let positions = months.map { result.stderr.range(of: $0)?.lowerBound }
    #expect(positions.allSatisfy { $0 != nil } && positions == positions.sorted { $0! < $1! }, "latest first: \(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: output))
}

/// A claim still 未提报 is the clerk's draft: booked in the month it is submitted, it goes out then, not now.
@Test func aClaimNotYetSubmittedStaysOutOfThePackage() throws {
    let draft = try #require(try demoRows("""
        SELECT c.claim_no, m.code, c.claim_month FROM warranty_claims c JOIN manufacturers m ON m.id = c.manufacturer_id
        WHERE c.status = '未提报' AND EXISTS (SELECT 1 FROM warranty_claims o WHERE o.manufacturer_id = c.manufacturer_id
          AND o.claim_month = c.claim_month AND o.status NOT IN ('未提报', '作废', '放弃提报'))
        ORDER BY c.id LIMIT 1
        """).first, "the demo shop has a draft claim in a month with a package")
    let (claimNo, maker, month) = (draft["claim_no"]!.text!, draft["code"]!.text!, draft["claim_month"]!.text!)
    let pdf = newPath("without-draft.pdf")
    let result = try danju("package", "--maker", maker, "--month", month, "--db", demoDatabase, "-o", pdf)
    #expect(result.status == 0, "\(result.stderr)")
    let text = try compactText(pdf)
    #expect(!text.contains(claimNo), "\(claimNo) is not sent")
    for claim in try expectedClaims(maker: maker, month: month) {
        #expect(text.contains(claim["claim_no"]!.text!))
    }
}

/// One claim of the busiest month loses its repair date on a copy of the shop, so the package no longer requests
/// it: its totals are those of the other claims, summed here from the raw tables; the claim appears once, in the
/// summary's 不申请 part with its reason and no amount, with no report, contents line, bookmark, tag or photo.
@Test func aClaimOutOfWarrantyIsListedApartAndLeftOutOfTheRequest() throws {
    let shop = try shopCopy()
    let before = try expectedClaims(in: shop.database, maker: busiest.maker, month: busiest.month)
    let victim = try #require(before.max { $0["claimed_fen"]!.integer! < $1["claimed_fen"]!.integer! })
    let claimNo = victim["claim_no"]!.text!
    try Database(path: shop.database, mode: .readWrite(create: false))
        .execute("UPDATE warranty_claims SET repair_date = NULL WHERE id = \(victim["id"]!.integer!)")
    let claims = try expectedClaims(in: shop.database, maker: busiest.maker, month: busiest.month)
    #expect(claims.count == before.count - 1, "the test's own rule leaves it out")

    let pdf = newPath("declined.pdf")
    let result = try danju("package", "--maker", busiest.maker, "--month", busiest.month, "--db", shop.database, "-o", pdf)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("\(claims.count) claims (1 out of warranty"), "\(result.stderr)")
    #expect(try qpdfCheck(pdf))
    let front = try front(pdf)
    #expect(front.contains("索赔单数\(claims.count)单"))
    #expect(front.contains("索赔金额合计\(money(claims, "claimed_fen"))"), "the letter's total: \(money(claims, "claimed_fen"))")
    #expect(front.contains("合计：\(money(claims, "claimed_fen"))"), "the summary's total")
    #expect(front.contains("另有1单经核对不在保修范围，不予申请") && front.contains("技术报告书\(claims.count)份"))

    #expect(try compactText(pdf).components(separatedBy: claimNo).count == 2, "\(claimNo) once in the whole package")
    let summary = try #require(try bookmarks(pdf).first { $0.title.hasPrefix("索赔汇总表") })
    #expect(summary.kids.map { String($0.title.prefix { $0 != " " }) } == claims.map { $0["claim_no"]!.text! })
    let page = try pageText(pdf, summary.page).filter { !$0.isWhitespace }
    let apart = try #require(page.range(of: "不申请：经核对不在保修范围"), "the summary's 不申请 part")
    let row = page[apart.upperBound...]
    #expect(row.contains(claimNo) && row.contains("不在保：缺少维修日期") && row.contains("不申请"), "\(row)")
    #expect(!row.contains(Money(fen: victim["claimed_fen"]!.integer!).formatted()), "no amount is claimed for it")
    let photos = try Database(path: shop.database, mode: .readOnly)
        .rows("SELECT count(*) AS n FROM claim_photos WHERE claim_id IN (\(claims.map { String($0["id"]!.integer!) }.joined(separator: ", ")))")
    #expect(try run("pdfimages", ["-list", pdf]).stdout.split(separator: "\n").count - 2 == Int(photos[0]["n"]!.integer!),
            "the photos of the requested claims only")
}

/// A month whose submitted claims are all out of warranty (their repair dates removed on a copy): nothing to
/// request, so no package; the message names the maker, the month and each claim with its reason.
@Test func aMonthWithNothingInWarrantyIsRefused() throws {
    let month = try #require(try demoRows("""
        SELECT m.code, c.claim_month, group_concat(c.id) AS ids FROM warranty_claims c JOIN manufacturers m ON m.id = c.manufacturer_id
        WHERE c.status NOT IN ('未提报', '作废', '放弃提报') GROUP BY 1, 2 HAVING count(*) BETWEEN 2 AND 5 ORDER BY 2 DESC, 1 LIMIT 1
        """).first)
    let (maker, period) = (month["code"]!.text!, month["claim_month"]!.text!)
    let folder = newPath("refused")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let database = folder + "/shop.sqlite"
    try run("cp", [demoDatabase, database])
    try Database(path: database, mode: .readWrite(create: false))
        .execute("UPDATE warranty_claims SET repair_date = NULL WHERE id IN (\(month["ids"]!.text!))")
    #expect(try expectedClaims(in: database, maker: maker, month: period).isEmpty, "the test's own rule finds none in warranty")

    let output = folder + "/package.pdf"
    let result = try danju("package", "--maker", maker, "--month", period, "--db", database, "-o", output)
    #expect(result.status == 1)
    #expect(result.stderr.contains("no claim of “\(maker)” booked in \(period) is in warranty"), "\(result.stderr)")
    for claim in try submittedClaims(in: database, maker: maker, month: period) {
        #expect(result.stderr.contains("\(claim["claim_no"]!.text!) (不在保：缺少维修日期)"), "\(result.stderr)")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["shop.sqlite"], "nothing written, no temporary file")
}

private func qpdfCheck(_ pdf: String) throws -> Bool {
    try run("qpdf", ["--check", pdf]).status == 0
}
