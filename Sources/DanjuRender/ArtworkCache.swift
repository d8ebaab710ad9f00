import CCairo
import DanjuLayout

/// Page artwork (labels, rules, empty boxes) recorded once and replayed on every page that has the same
/// artwork. Each recording carries a unique id, so the PDF stores it once as a form XObject that all those
/// pages reference: a 500-sheet batch writes its form grid once, not 500 times. Text in it stays text.
public final class ArtworkCache {
    private var recordings: [ArtworkKey: Recording] = [:]
    private var order: [ArtworkKey] = []
    private var created = 0
    /// Distinct artworks kept; a batch of one form has a handful (rows that grew with long text).
    private static let capacity = 24

    public init() {}

    /// Paints the artwork of `key`, recording it with `record` the first time it is seen.
    func paint(_ key: ArtworkKey, on cairo: OpaquePointer, record: () throws -> Recording) rethrows {
        if let cached = recordings[key] { return cached.paint(on: cairo) }
        let recording = try record()
        created += 1
        attachMimeData(recording.surface, type: CAIRO_MIME_TYPE_UNIQUE_ID, bytes: Array("danju-artwork-\(created)".utf8))
        if order.count == Self.capacity { recordings[order.removeFirst()] = nil }
        recordings[key] = recording
        order.append(key)
        recording.paint(on: cairo)
    }
}
