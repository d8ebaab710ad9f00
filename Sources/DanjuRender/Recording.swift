import CCairo
import DanjuGeometry
import DanjuLayout
import DanjuText

/// A Cairo recording surface: drawing commands kept to be replayed into a PDF later (a form's artwork,
/// stored once and shown on every page that has it).
final class Recording {
    let surface: OpaquePointer

    /// Records `items` on a canvas of the given size.
    init(width: Double, height: Double, items: [PageItem]) throws {
        var extents = cairo_rectangle_t(x: 0, y: 0, width: width, height: height)
        surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents)
        let cairo = cairo_create(surface)!
        defer { cairo_destroy(cairo) }
        try PageRenderer(cairo: cairo, decodeImages: false).draw(items)
    }

    deinit { cairo_surface_destroy(surface) }

    func paint(on cairo: OpaquePointer) {
        cairo_set_source_surface(cairo, surface, 0, 0)
        cairo_paint(cairo)
    }
}

/// Everything that decides how a page's artwork looks: equal keys draw equal pixels.
struct ArtworkKey: Hashable, Sendable {
    let width, height: Double
    let items: [Token]

    init(_ page: Page) {
        width = page.width
        height = page.height
        items = page.artwork.map { item in
            switch item {
            case .text(let block, let at): .text(block.text, block.style, at, block.width)
            case .line(let from, let to, let width): .line(from, to, width)
            case .rect(let rect, let width, let fill): .rect(rect, width, fill)
            case .tick(let rect): .tick(rect)
            case .qr(let code, let rect): .qr(code, rect)
            case .image(let image, let rect): .image(image.path, image.bytes.count, rect)
            case .shape(let shape): .shape(shape)
            }
        }
    }

    enum Token: Hashable, Sendable {
        case text(String, TextStyle, Point, Double)
        case line(Point, Point, Double)
        case rect(Rect, Double, Color?)
        case tick(Rect)
        case qr(QRCode, Rect)
        case image(String, Int, Rect)
        case shape(Shape)
    }
}
