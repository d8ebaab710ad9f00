import DanjuGeometry
import DanjuTemplate
import DanjuText

/// What a page shows, in points from the page's top left corner. The renderer draws these and nothing else,
/// so a test can check a page's geometry without making a PDF.
public enum PageItem: Sendable {
    case text(TextBlock, at: Point)
    case line(from: Point, to: Point, width: Double)
    case rect(Rect, lineWidth: Double, fill: Color?)
    /// The tick in a tick box (the box itself is a `rect`).
    case tick(in: Rect)
    case qr(QRCode, in: Rect)
    case image(JPEGImage, in: Rect)
    /// A vector shape (chart bars and slices, flowchart symbols and arrows), in page coordinates.
    case shape(Shape)

    func offsetBy(dx: Double, dy: Double) -> PageItem {
        switch self {
        case .text(let block, let at): .text(block, at: at.offsetBy(dx: dx, dy: dy))
        case .line(let from, let to, let width): .line(from: from.offsetBy(dx: dx, dy: dy), to: to.offsetBy(dx: dx, dy: dy), width: width)
        case .rect(let rect, let lineWidth, let fill): .rect(rect.offsetBy(dx: dx, dy: dy), lineWidth: lineWidth, fill: fill)
        case .tick(let rect): .tick(in: rect.offsetBy(dx: dx, dy: dy))
        case .qr(let code, let rect): .qr(code, in: rect.offsetBy(dx: dx, dy: dy))
        case .image(let image, let rect): .image(image, in: rect.offsetBy(dx: dx, dy: dy))
        case .shape(let shape): .shape(shape.offsetBy(dx: dx, dy: dy))
        }
    }

    /// The area the item covers, for overlap checks.
    public var frame: Rect {
        switch self {
        case .text(let block, let at): Rect(x: at.x, y: at.y, width: block.width, height: block.height)
        case .line(let from, let to, _): Rect(x: min(from.x, to.x), y: min(from.y, to.y), width: abs(to.x - from.x), height: abs(to.y - from.y))
        case .rect(let rect, _, _), .tick(let rect), .qr(_, let rect), .image(_, let rect): rect
        case .shape(let shape): shape.bounds
        }
    }
}

/// A page's items in two layers. `artwork` is what the template alone decides (labels, rules, empty boxes):
/// pages with equal artwork share it, so the renderer can store it once. `items` is what the data fills in.
///
/// Sendable by hand: a page is changed only while it is laid out and stamped, and handed to another thread
/// (the one writing the PDF) only when finished. Its items are plain data (a `TextBlock` holds no Pango object).
public final class Page: @unchecked Sendable {
    public let width: Double
    public let height: Double
    public internal(set) var artwork: [PageItem] = []
    public internal(set) var items: [PageItem] = []

    /// Both layers, artwork first (the order they are drawn in).
    public var allItems: [PageItem] { artwork + items }

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }
}

/// Text that could not be printed as the template asks: reported (stderr, or a failure with --strict),
/// while the page still shows all of it, never clipped.
public struct OverflowReport: Sendable, CustomStringConvertible {
    public enum Problem: Sendable {
        /// Still `overflow` points too tall for `box` at the minimum size `fontSize`.
        case tooTall(overflow: Double, box: Rect, fontSize: Double)
        /// Characters none of the fonts has.
        case missingGlyphs(Int)
        /// A band (a table row, a field row) taller than an empty page by `excess` points.
        case tallerThanPage(excess: Double)
        /// A figure `width` points wide in a table column of `column` points, even at `fontSize`.
        case figureTooWide(width: Double, column: Double, fontSize: Double)
        /// A value that does not print as stored (`what` says how it prints instead).
        case notAsStored(String)
    }

    public let location: SourceLocation
    public let element: String
    public let record: String
    public let text: String
    public let problem: Problem

    public var description: String {
        let mm = { (points: Double) in String(format: "%.1f", points * 25.4 / 72) }
        let excerpt = text.count > 24 ? String(text.prefix(24)) + "…" : text
        let what = switch problem {
        case .tooTall(let overflow, let box, let size):
            "does not fit its \(mm(box.width))×\(mm(box.height)) mm box: \(mm(overflow)) mm too tall at \(String(format: "%g", size)) pt"
        case .missingGlyphs(let count): "has \(count) character(s) no font provides"
        case .tallerThanPage(let excess): "is \(mm(excess)) mm taller than a page"
        case .figureTooWide(let width, let column, let size):
            "is \(mm(width)) mm wide at \(String(format: "%g", size)) pt, wider than its \(mm(column)) mm column; printed over its edge"
        case .notAsStored(let what): what
        }
        return "\(location): \(element) (\(record)): “\(excerpt)” \(what)"
    }
}

public struct LayoutError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
