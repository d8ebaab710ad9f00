/// One step of a path; angles in radians, clockwise from the positive x axis (y points down).
public enum PathStep: Sendable, Hashable {
    case move(Double, Double)
    case line(Double, Double)
    /// A cubic Bézier curve: two control points, then the end point.
    case curve(Double, Double, Double, Double, Double, Double)
    case arc(centerX: Double, centerY: Double, radius: Double, from: Double, to: Double)
    case arcBack(centerX: Double, centerY: Double, radius: Double, from: Double, to: Double)
    case close

    func offsetBy(dx: Double, dy: Double) -> PathStep {
        switch self {
        case .move(let x, let y): .move(x + dx, y + dy)
        case .line(let x, let y): .line(x + dx, y + dy)
        case .curve(let x1, let y1, let x2, let y2, let x, let y): .curve(x1 + dx, y1 + dy, x2 + dx, y2 + dy, x + dx, y + dy)
        case .arc(let cx, let cy, let r, let a0, let a1): .arc(centerX: cx + dx, centerY: cy + dy, radius: r, from: a0, to: a1)
        case .arcBack(let cx, let cy, let r, let a0, let a1): .arcBack(centerX: cx + dx, centerY: cy + dy, radius: r, from: a0, to: a1)
        case .close: .close
        }
    }

    /// The outline of `rect`, clockwise from its top left corner.
    public static func rectangle(_ rect: Rect) -> [PathStep] {
        [.move(rect.x, rect.y), .line(rect.maxX, rect.y), .line(rect.maxX, rect.maxY), .line(rect.x, rect.maxY), .close]
    }

    /// Points the step's drawing stays within: end and control points, or an arc's whole circle.
    var extremes: [Point] {
        switch self {
        case .move(let x, let y), .line(let x, let y): [Point(x: x, y: y)]
        case .curve(let x1, let y1, let x2, let y2, let x, let y): [Point(x: x1, y: y1), Point(x: x2, y: y2), Point(x: x, y: y)]
        case .arc(let cx, let cy, let r, _, _), .arcBack(let cx, let cy, let r, _, _):
            [Point(x: cx - r, y: cy - r), Point(x: cx + r, y: cy + r)]
        case .close: []
        }
    }
}

/// How a shape's inside is painted. A hatch keeps areas apart on a black-and-white printer.
public struct Fill: Sendable, Hashable {
    public enum Hatch: Sendable, Hashable { case none, diagonal, backDiagonal, cross, horizontal, dots }

    public let color: Color
    public let hatch: Hatch

    public init(_ color: Color, hatch: Hatch = .none) {
        self.color = color
        self.hatch = hatch
    }
}

/// How a shape's outline is painted; joins are always round.
public struct Stroke: Sendable, Hashable {
    public let width: Double
    public let color: Color
    /// Alternating on and off lengths; empty is a solid line.
    public let dash: [Double]

    public init(width: Double, color: Color = .black, dash: [Double] = []) {
        self.width = width
        self.color = color
        self.dash = dash
    }
}

/// A vector shape on a page: chart bars, slices and axes, flowchart symbols and arrows.
public struct Shape: Sendable, Hashable {
    public let path: [PathStep]
    /// Nil leaves the inside unpainted.
    public let fill: Fill?
    /// Nil draws no outline.
    public let stroke: Stroke?
    /// The area the shape covers, for overlap checks, and the area a hatch is drawn across.
    public let bounds: Rect

    /// Without `bounds`, the box around the path's points (control points and arcs' whole circles included).
    public init(path: [PathStep], fill: Fill? = nil, stroke: Stroke? = nil, bounds: Rect? = nil) {
        self.path = path
        self.fill = fill
        self.stroke = stroke
        self.bounds = bounds ?? Self.box(around: path.flatMap(\.extremes))
    }

    /// The same shape moved by (dx, dy).
    public func offsetBy(dx: Double, dy: Double) -> Shape {
        Shape(path: path.map { $0.offsetBy(dx: dx, dy: dy) }, fill: fill, stroke: stroke, bounds: bounds.offsetBy(dx: dx, dy: dy))
    }

    private static func box(around points: [Point]) -> Rect {
        let xs = points.map(\.x), ys = points.map(\.y)
        guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() else { return Rect(x: 0, y: 0, width: 0, height: 0) }
        return Rect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }
}
