import CCairo
import DanjuGeometry
import DanjuLayout
import DanjuTemplate
import DanjuText

/// A Cairo recording surface: drawing commands kept to be replayed into a PDF later.
///
/// Sendable by hand: once recorded, a recording surface is never drawn into again, only replayed, and
/// Cairo's reference counts, font caches and FreeType face locks are thread-safe. What must not cross
/// threads, the Pango objects that laid the text out, is not referenced by a recording (it holds Cairo
/// glyphs and scaled fonts). This lets one task lay out and record a document while another writes the PDF.
public final class Recording: @unchecked Sendable {
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

/// A page drawn ahead of writing: its artwork (with the key that identifies it) and its data, recorded.
public struct RecordedPage: Sendable {
    let width: Double
    let height: Double
    let artworkKey: ArtworkKey?
    let artwork: Recording?
    let data: Recording

    public init(_ page: Page) throws {
        width = page.width
        height = page.height
        artworkKey = page.artwork.isEmpty ? nil : ArtworkKey(page)
        artwork = page.artwork.isEmpty ? nil : try Recording(width: page.width, height: page.height, items: page.artwork)
        data = try Recording(width: page.width, height: page.height, items: page.items)
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
