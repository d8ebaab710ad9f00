import DanjuGeometry

/// A straight piece of a trend line.
public struct Segment: Sendable, Hashable {
    public let x0, y0, x1, y1: Double

    /// True when the segment passes through `box` (sampled finely enough for label-sized boxes).
    public func crosses(_ box: Rect) -> Bool {
        let steps = 24
        return (0...steps).contains { step in
            let t = Double(step) / Double(steps)
            let x = x0 + (x1 - x0) * t, y = y0 + (y1 - y0) * t
            return x > box.x && x < box.maxX && y > box.y && y < box.maxY
        }
    }
}

/// Places value labels one after another so that none covers a mark or a label placed before it:
/// just above its anchor if free, else just below (for points), else stepped upwards until free.
struct LabelPlacer {
    let obstacles: [Rect]
    private var placed: [Rect] = []

    init(obstacles: [Rect]) { self.obstacles = obstacles }

    mutating func place(width: Double, height: Double, over anchor: Rect, segments: [Segment]) -> Rect {
        let x = anchor.midX - width / 2
        let above = Rect(x: x, y: anchor.y - height - 1, width: width, height: height)
        let below = Rect(x: x, y: anchor.maxY + 1, width: width, height: height)
        let taken = placed + obstacles
        func free(_ box: Rect) -> Bool { !taken.contains { $0.intersects(box, tolerance: 0.01) } }
        // A point's label may also go below it, and should not sit on the line.
        let candidates = segments.isEmpty ? [above] : [above, below]
        var box = candidates.first { candidate in free(candidate) && !segments.contains { $0.crosses(candidate) } }
            ?? candidates.first(where: free) ?? above
        while !free(box) {
            let blocker = taken.filter { $0.intersects(box, tolerance: 0.01) }.map(\.y).min() ?? box.y
            box.y = min(box.y - 0.5, blocker - height - 0.5)
        }
        placed.append(box)
        return box
    }
}
