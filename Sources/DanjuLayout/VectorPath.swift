import DanjuTemplate
import DanjuText

/// An outline of lines and Bézier curves in page points.
public struct VectorPath: Sendable, Hashable {
    public enum Element: Sendable, Hashable {
        case move(Point)
        case line(Point)
        case curve(Point, Point, Point)
        case close
    }

    public private(set) var elements: [Element] = []

    public init() {}

    mutating func move(_ x: Double, _ y: Double) { elements.append(.move(Point(x: x, y: y))) }
    mutating func line(_ x: Double, _ y: Double) { elements.append(.line(Point(x: x, y: y))) }
    mutating func curve(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ x: Double, _ y: Double) {
        elements.append(.curve(Point(x: x1, y: y1), Point(x: x2, y: y2), Point(x: x, y: y)))
    }
    mutating func close() { elements.append(.close) }

    /// A circle as four Bézier quarters.
    mutating func circle(center: Point, radius r: Double) {
        let k = 0.5523 * r, x = center.x, y = center.y
        move(x + r, y)
        curve(x + r, y + k, x + k, y + r, x, y + r)
        curve(x - k, y + r, x - r, y + k, x - r, y)
        curve(x - r, y - k, x - k, y - r, x, y - r)
        curve(x + k, y - r, x + r, y - k, x + r, y)
        close()
    }

    func offsetBy(dx: Double, dy: Double) -> VectorPath {
        var moved = VectorPath()
        moved.elements = elements.map {
            switch $0 {
            case .move(let p): .move(p.offsetBy(dx: dx, dy: dy))
            case .line(let p): .line(p.offsetBy(dx: dx, dy: dy))
            case .curve(let a, let b, let c): .curve(a.offsetBy(dx: dx, dy: dy), b.offsetBy(dx: dx, dy: dy), c.offsetBy(dx: dx, dy: dy))
            case .close: .close
            }
        }
        return moved
    }

    /// The box around every point, control points included.
    public var bounds: Rect {
        let points = elements.flatMap { element -> [Point] in
            switch element {
            case .move(let p), .line(let p): [p]
            case .curve(let a, let b, let c): [a, b, c]
            case .close: []
            }
        }
        let xs = points.map(\.x), ys = points.map(\.y)
        guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() else { return Rect(x: 0, y: 0, width: 0, height: 0) }
        return Rect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }
}

/// How a path is painted: stroked when `lineWidth` > 0, filled when `fill` is set.
public struct PathStyle: Sendable, Hashable {
    public var lineWidth: Double
    public var stroke: Color
    public var fill: Color?
    public var dash: [Double]

    public init(lineWidth: Double, stroke: Color = .black, fill: Color? = nil, dash: [Double] = []) {
        self.lineWidth = lineWidth
        self.stroke = stroke
        self.fill = fill
        self.dash = dash
    }
}
