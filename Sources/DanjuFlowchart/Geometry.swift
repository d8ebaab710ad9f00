import DanjuGeometry

/// Plain geometry in points, y downwards (points and rectangles from DanjuGeometry). The flowchart layout
/// depends on nothing else, so it can be tested without fonts or a PDF.
public struct ChartSize: Sendable, Hashable {
    public var width, height: Double

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }
}

extension Point {
    /// The same point with the axes swapped: lanes as rows instead of columns.
    var transposed: Point { Point(x: y, y: x) }
}

extension Rect {
    var transposed: Rect { Rect(x: y, y: x, width: height, height: width) }

    /// True when the axis-parallel segment from `a` to `b` runs through the interior (shrunk by `margin`).
    public func isCrossed(from a: Point, to b: Point, margin: Double = 0.01) -> Bool {
        let inner = insetBy(dx: margin, dy: margin)
        if a.x == b.x {
            return a.x > inner.x && a.x < inner.maxX && max(a.y, b.y) > inner.y && min(a.y, b.y) < inner.maxY
        }
        return a.y > inner.y && a.y < inner.maxY && max(a.x, b.x) > inner.x && min(a.x, b.x) < inner.maxX
    }
}
