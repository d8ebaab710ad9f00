import CCairo
import DanjuLayout
import DanjuTemplate
import DanjuText

/// A page's artwork (labels, rules, empty boxes) recorded once and replayed on every page that has the same
/// artwork. Each recording carries a unique id, so the PDF stores it once as a form XObject that all those
/// pages reference: a 500-sheet batch writes its form grid once, not 500 times. Text in it stays text.
public final class ArtworkCache {
    private var recordings: [Key: Recording] = [:]
    private var order: [Key] = []
    private var created = 0

    public init() {}
    /// Distinct artworks kept; a batch of one form has a handful (rows that grew with long text).
    private static let capacity = 24

    func paint(_ page: Page, on cairo: OpaquePointer) throws {
        guard !page.artwork.isEmpty else { return }
        let key = Self.key(page)
        let recording = try recordings[key] ?? record(page, key: key)
        cairo_set_source_surface(cairo, recording.surface, 0, 0)
        cairo_paint(cairo)
    }

    private func record(_ page: Page, key: Key) throws -> Recording {
        created += 1
        let recording = Recording(width: page.width, height: page.height, id: "danju-artwork-\(created)")
        let cairo = cairo_create(recording.surface)!
        defer { cairo_destroy(cairo) }
        try PageRenderer(cairo: cairo, decodeImages: false).draw(page.artwork)
        if order.count == Self.capacity { recordings[order.removeFirst()] = nil }
        recordings[key] = recording
        order.append(key)
        return recording
    }

    /// Everything that decides how the artwork looks: equal keys draw equal pixels.
    private static func key(_ page: Page) -> Key {
        Key(width: page.width, height: page.height, items: page.artwork.map { item in
            switch item {
            case .text(let block, let at): .text(block.text, block.style, at, block.width)
            case .line(let from, let to, let width): .line(from, to, width)
            case .rect(let rect, let width, let fill): .rect(rect, width, fill)
            case .tick(let rect): .tick(rect)
            case .qr(let code, let rect): .qr(code, rect)
            case .image(let image, let rect): .image(image.path, image.bytes.count, rect)
            }
        })
    }

    private struct Key: Hashable {
        let width, height: Double
        let items: [Token]
    }

    private enum Token: Hashable {
        case text(String, TextStyle, Point, Double)
        case line(Point, Point, Double)
        case rect(Rect, Double, Color?)
        case tick(Rect)
        case qr(QRCode, Rect)
        case image(String, Int, Rect)
    }
}

/// A recording surface with a unique id, released with its owner.
private final class Recording {
    let surface: OpaquePointer

    init(width: Double, height: Double, id: String) {
        var extents = cairo_rectangle_t(x: 0, y: 0, width: width, height: height)
        surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents)
        attachMimeData(surface, type: CAIRO_MIME_TYPE_UNIQUE_ID, bytes: Array(id.utf8))
    }

    deinit { cairo_surface_destroy(surface) }
}
