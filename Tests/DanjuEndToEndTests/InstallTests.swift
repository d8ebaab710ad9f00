import Foundation
import Testing

/// scripts/install into a temporary prefix, then the installed danju draws an intake sheet from /tmp: as the
/// user `nobody` (no home, no font cache of its own) when the tests run as root, else as this user.
@Test func anInstalledDanjuDrawsFromAnyFolderAsAnotherUser() throws {
    let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("danju-install-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: prefix) }
    let install = try run(packageRoot + "/scripts/install", ["--binary", danjuExecutable, prefix])
    try #require(install.status == 0, "\(install.stderr)")

    // The font files themselves, equal to the prepared ones: not links into the installing user's cache.
    let prepared = packageRoot + "/fonts/build/fonts", faces = prefix + "/share/danju/fonts/faces"
    let names = try FileManager.default.contentsOfDirectory(atPath: prepared).filter { $0.hasSuffix(".ttf") }.sorted()
    #expect(names.count == 8)
    #expect(try FileManager.default.contentsOfDirectory(atPath: faces).sorted() == names)
    for name in names {
        let type = try FileManager.default.attributesOfItem(atPath: "\(faces)/\(name)")[.type] as? FileAttributeType
        #expect(type == .typeRegular, "\(name)")
        #expect(FileManager.default.contentsEqual(atPath: "\(faces)/\(name)", andPath: "\(prepared)/\(name)"), "\(name)")
    }

    let order = try #require(try demoRows("""
        SELECT wo.order_no, c.name AS customer, m.serial_no FROM work_orders wo
        JOIN customers c ON c.id = wo.customer_id JOIN machines m ON m.id = wo.machine_id
        ORDER BY wo.arrived_at DESC, wo.id DESC LIMIT 1
        """).first)
    let orderNo = try #require(order["order_no"]?.text)
    let outputFolder = newPath("installed")
    try FileManager.default.createDirectory(atPath: outputFolder, withIntermediateDirectories: true)
    try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: outputFolder)  // not cut by the umask
    let pdf = outputFolder + "/sheet.pdf"
    func installedDanju(_ arguments: [String]) throws -> Output {
        let command = [prefix + "/bin/danju"] + arguments
        if getuid() == 0 {  // a fresh environment: HOME=/nonexistent, no DANJU_HOME, no XDG_CACHE_HOME
            return try run("/usr/bin/setpriv", ["--reuid=nobody", "--regid=nogroup", "--clear-groups", "--reset-env"] + command, in: "/tmp")
        }
        return try run("/usr/bin/env", ["-u", "DANJU_HOME", "-u", "FONTCONFIG_FILE"] + command, in: "/tmp")
    }

    let render = try installedDanju(["render", "intake-sheet", "--db", demoDatabase, "--param", "order=\(orderNo)", "-o", pdf])
    #expect(render.status == 0, "\(render.stderr)")
    // Nothing but danju's one-line summary: fontconfig read the installed cache and complained of none to write.
    #expect(render.stderr.hasPrefix("danju: 1 page into \(pdf)") && render.stderr.split(separator: "\n").count == 1,
            "fontconfig read the installed cache and wrote none: \(render.stderr)")
    let text = try compactText(pdf)
    for column in ["order_no", "customer", "serial_no"] {
        let expected = try #require(order[column]?.text).filter { !$0.isWhitespace }
        #expect(text.contains(expected), "\(column) “\(expected)” not in the PDF text")
    }
    let fonts = try run("pdffonts", [pdf]).stdout
    #expect(fonts.contains("DanjuHei-Regular") && fonts.contains("DanjuHei-Bold"), "\(fonts)")

    // Without its share/danju the same binary finds nothing (so it did not draw with the checkout's files).
    try FileManager.default.removeItem(atPath: prefix + "/share/danju/fonts/fonts.conf")
    let lost = try installedDanju(["render", "intake-sheet", "--db", demoDatabase, "--param", "order=\(orderNo)", "-o", outputFolder + "/lost.pdf"])
    #expect(lost.status != 0)
    #expect(lost.stderr.contains("cannot find fonts/fonts.conf") && lost.stderr.contains(prefix + "/share/danju"), "\(lost.stderr)")
}
