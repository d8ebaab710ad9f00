import DanjuGeometry
import DanjuTemplate
import DanjuText

extension Page {
    /// Pre-printed paper (套打): the paper already carries the artwork, so only the data is drawn,
    /// shifted by the printer's calibration offset.
    public func keepDataOnly(shiftedBy offset: PrinterOffset) {
        artwork = []
        items = items.map { $0.offsetBy(dx: offset.x, dy: offset.y) }
    }

    /// A draft (a document the data refuses, printed anyway on request): a banner in the top margin
    /// that says so and why, on every page.
    public func markDraft(_ reasons: [String], typesetter: Typesetter) {
        let style = TextStyle(family: "Danju Hei", size: 8, bold: true, color: Color(red: 0.75, green: 0, blue: 0))
        let banner = typesetter.layout("草稿 DRAFT，不作正式单据：" + reasons.joined(separator: "；"), style: style, width: width - points(mm: 20))
        let frame = Rect(x: points(mm: 10), y: points(mm: 1.5), width: width - points(mm: 20), height: banner.height + 2)
        items += [.rect(frame, lineWidth: 1, fill: Color(red: 1, green: 0.92, blue: 0.92)), .text(banner, at: Point(x: frame.x + 1, y: frame.y + 1))]
    }
}

/// The page `danju calibrate` prints: millimetre rulers along the edges and crosses every 20 mm, so the
/// offset a printer adds can be read off the paper (套打 needs it to within half a millimetre).
public enum CalibrationSheet {
    public static func page(width: Double, height: Double, typesetter: Typesetter) -> Page {
        let page = Page(width: width, height: height)
        let label = TextStyle(family: "Danju Hei", size: 6)
        let widthMM = Int(width * 25.4 / 72), heightMM = Int(height * 25.4 / 72)
        for mm in 0...widthMM {
            let x = points(mm: Double(mm)), tick = points(mm: mm % 10 == 0 ? 6 : mm % 5 == 0 ? 4 : 2)
            page.items.append(.line(from: Point(x: x, y: 0), to: Point(x: x, y: tick), width: 0.3))
            if mm % 10 == 0, mm > 0 { page.items.append(.text(typesetter.layout("\(mm)", style: label), at: Point(x: x + 1, y: tick))) }
        }
        for mm in 0...heightMM {
            let y = points(mm: Double(mm)), tick = points(mm: mm % 10 == 0 ? 6 : mm % 5 == 0 ? 4 : 2)
            page.items.append(.line(from: Point(x: 0, y: y), to: Point(x: tick, y: y), width: 0.3))
            if mm % 10 == 0, mm > 0 { page.items.append(.text(typesetter.layout("\(mm)", style: label), at: Point(x: tick + 1, y: y - 3))) }
        }
        for x in stride(from: 20, through: widthMM - 10, by: 20) {
            for y in stride(from: 20, through: heightMM - 10, by: 20) {
                let center = Point(x: points(mm: Double(x)), y: points(mm: Double(y))), arm = points(mm: 2)
                page.items += [.line(from: Point(x: center.x - arm, y: center.y), to: Point(x: center.x + arm, y: center.y), width: 0.3),
                               .line(from: Point(x: center.x, y: center.y - arm), to: Point(x: center.x, y: center.y + arm), width: 0.3)]
            }
        }
        let note = "校准页：打印后量出任一十字中心与其标称位置（毫米，向右、向下为正）的偏差，写入 printers.yaml，例如 front-desk: {x: 1.5, y: -0.8}"
        page.items.append(.text(typesetter.layout(note, style: TextStyle(family: "Danju Hei", size: 8), width: width - points(mm: 40)),
                                at: Point(x: points(mm: 25), y: points(mm: 12))))
        return page
    }
}
