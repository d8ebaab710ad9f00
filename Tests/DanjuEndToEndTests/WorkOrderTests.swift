import Foundation
import Testing

@Test(arguments: ["comeback", "repair"])
func aWorkOrderListsItsTasksAndPartsInTwoCopies(kind: String) throws {
    let order = try #require(try demoRows("""
        SELECT wo.order_no, original.order_no AS original FROM work_orders wo
        LEFT JOIN work_orders original ON original.id = wo.comeback_of
        WHERE wo.kind = '\(kind)' AND EXISTS (SELECT 1 FROM work_order_lines WHERE work_order_id = wo.id AND kind = 'part')
        ORDER BY wo.arrived_at DESC LIMIT 1
        """).first)
    let number = order["order_no"]!.text!
    let path = newPath("work-order.pdf")
    let result = try danju("render", "work-order", "--db", demoDatabase, "--param", "order=\(number)", "-o", path, "--strict")
    #expect(result.status == 0, "\(result.stderr)")
    let text = try compactText(path)
    #expect(text.contains(kind == "comeback" ? "返修单" : "派工单（施工单）"))
    if let original = order["original"]?.text { #expect(text.contains(original), "the order it returns to") }
    let parts = try demoRows("""
        SELECT l.part_no FROM work_order_lines l JOIN work_orders wo ON wo.id = l.work_order_id
        WHERE wo.order_no = '\(number)' AND l.kind = 'part' AND l.part_no IS NOT NULL
        """).compactMap { $0["part_no"]?.text }
    #expect(!parts.isEmpty && parts.allSatisfy { text.contains($0) })
    #expect(text.contains("第一联车间") && text.contains("第二联前台底联"))
}
