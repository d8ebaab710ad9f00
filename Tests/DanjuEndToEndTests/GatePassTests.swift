import Foundation
import Testing

@Test func aPaidOrdersGatePassHasBothCopies() throws {
    let order = try #require(try demoRows("""
        SELECT wo.order_no, g.pass_no, m.serial_no FROM work_orders wo
        JOIN gate_passes g ON g.work_order_id = wo.id AND g.kind = '维修结算' JOIN machines m ON m.id = wo.machine_id
        ORDER BY wo.arrived_at DESC LIMIT 1
        """).first)
    let path = newPath("gate.pdf")
    let result = try danju("render", "gate-pass", "--db", demoDatabase, "--param", "order=\(order["order_no"]!.text!)", "-o", path)
    #expect(result.status == 0, "\(result.stderr)")
    let info = try pdfInfo(path)
    #expect(info["Pages"] == "2")
    #expect(info["Page size"] == "683.15 x 263.622 pts", "241 × 93 mm")
    for (page, label) in [(1, "第一联收银存根"), (2, "第二联门卫留存")] {
        let text = try run("pdftotext", ["-f", "\(page)", "-l", "\(page)", path, "-"]).stdout.filter { !$0.isWhitespace }
        #expect(text.contains(label) && text.contains(order["pass_no"]!.text!) && text.contains(order["serial_no"]!.text!), "page \(page)")
    }
}

@Test func anUnsettledOrderGetsNoGatePass() throws {
    let order = try #require(try demoRows("""
        SELECT order_no, status FROM work_orders wo WHERE NOT EXISTS (SELECT 1 FROM settlements WHERE work_order_id = wo.id) LIMIT 1
        """).first)
    let path = newPath("refused.pdf")
    let result = try danju("render", "gate-pass", "--db", demoDatabase, "--param", "order=\(order["order_no"]!.text!)", "-o", path)
    #expect(result.status != 0)
    #expect(result.stderr.contains("工单 \(order["order_no"]!.text!) 不能开具出门证：尚未结算"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: path))
    #expect(try danju("check", "gate-pass", "--db", demoDatabase).status == 0)
}
