/// Plain geometry in points, y downwards. The flowchart layout depends on nothing else, so it can be
/// tested without fonts or a PDF.
public struct ChartPoint: Sendable, Hashable {
    public var x, y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// The same point with the axes swapped: lanes as rows instead of columns.
    var transposed: ChartPoint { ChartPoint(x: y, y: x) }
}

public struct ChartSize: Sendable, Hashable {
    public var width, height: Double

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }
}

public struct ChartRect: Sendable, Hashable {
    public var x, y, width, height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
    public var midX: Double { x + width / 2 }
    public var midY: Double { y + height / 2 }

    var transposed: ChartRect { ChartRect(x: y, y: x, width: height, height: width) }

    public func insetBy(_ d: Double) -> ChartRect { ChartRect(x: x + d, y: y + d, width: width - 2 * d, height: height - 2 * d) }

    public func offsetBy(dx: Double, dy: Double) -> ChartRect { ChartRect(x: x + dx, y: y + dy, width: width, height: height) }

    /// True when the interiors overlap (touching edges do not count).
    public func intersects(_ other: ChartRect) -> Bool {
        x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
    }

    public func contains(_ point: ChartPoint, tolerance: Double = 0) -> Bool {
        point.x >= x - tolerance && point.x <= maxX + tolerance && point.y >= y - tolerance && point.y <= maxY + tolerance
    }

    public func contains(_ other: ChartRect, tolerance: Double = 0) -> Bool {
        other.x >= x - tolerance && other.maxX <= maxX + tolerance && other.y >= y - tolerance && other.maxY <= maxY + tolerance
    }

    /// True when the axis-parallel segment from `a` to `b` runs through the interior (shrunk by `margin`).
    public func isCrossed(from a: ChartPoint, to b: ChartPoint, margin: Double = 0.01) -> Bool {
        let inner = insetBy(margin)
        if a.x == b.x {
            return a.x > inner.x && a.x < inner.maxX && max(a.y, b.y) > inner.y && min(a.y, b.y) < inner.maxY
        }
        return a.y > inner.y && a.y < inner.maxY && max(a.x, b.x) > inner.x && min(a.x, b.x) < inner.maxX
    }
}
