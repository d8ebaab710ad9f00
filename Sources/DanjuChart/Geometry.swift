/// A rectangle in points, y downwards, relative to the chart's top left corner.
public struct Box: Sendable, Hashable {
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

    /// True when the two boxes share area (touching edges do not count).
    public func overlaps(_ other: Box) -> Bool {
        x < other.maxX - 0.01 && other.x < maxX - 0.01 && y < other.maxY - 0.01 && other.y < maxY - 0.01
    }

    public func contains(_ other: Box) -> Bool {
        other.x >= x - 0.01 && other.maxX <= maxX + 0.01 && other.y >= y - 0.01 && other.maxY <= maxY + 0.01
    }
}

/// How a shape is filled so that series stay apart in black-and-white print: a grey level and a hatch.
public struct Fill: Sendable, Hashable {
    public enum Hatch: Sendable, Hashable { case none, diagonal, backDiagonal, cross, horizontal, dots }

    /// 0 = black, 1 = white.
    public let gray: Double
    public let hatch: Hatch

    public init(gray: Double, hatch: Hatch = .none) {
        self.gray = gray
        self.hatch = hatch
    }

    /// Fills for series or slices in order: neighbours differ in grey level and pattern.
    public static let series: [Fill] = [
        Fill(gray: 0.25), Fill(gray: 0.72), Fill(gray: 1, hatch: .diagonal), Fill(gray: 0.5),
        Fill(gray: 1, hatch: .cross), Fill(gray: 0.88), Fill(gray: 1, hatch: .dots), Fill(gray: 0.88, hatch: .backDiagonal),
    ]

    public static func series(_ index: Int) -> Fill { series[index % series.count] }

    /// A single series' bars, and the highlighted one (the current month).
    public static let plain = Fill(gray: 0.62)
    public static let highlight = Fill(gray: 0.2)
    public static let band = Fill(gray: 0.93)
}

/// One step of a path; angles in radians, clockwise from the positive x axis (y points down).
public enum PathStep: Sendable, Hashable {
    case move(Double, Double)
    case line(Double, Double)
    case arc(centerX: Double, centerY: Double, radius: Double, from: Double, to: Double)
    case arcBack(centerX: Double, centerY: Double, radius: Double, from: Double, to: Double)
    case close
}

/// A vector shape of a chart: bars, slices, axes, grid lines, the trend line.
public struct Shape: Sendable, Hashable {
    public let path: [PathStep]
    public let fill: Fill?
    /// Line width of the outline; nil draws none.
    public let stroke: Double?
    /// Grey level of the outline.
    public let strokeGray: Double
    /// Dash length of the outline; nil is a solid line.
    public let dash: Double?
    /// The area the shape covers, for overlap checks.
    public let bounds: Box

    public init(path: [PathStep], fill: Fill?, stroke: Double?, strokeGray: Double = 0, dash: Double? = nil, bounds: Box) {
        self.path = path
        self.fill = fill
        self.stroke = stroke
        self.strokeGray = strokeGray
        self.dash = dash
        self.bounds = bounds
    }

    public static func rect(_ box: Box, fill: Fill?, stroke: Double? = 0.4) -> Shape {
        Shape(path: [.move(box.x, box.y), .line(box.maxX, box.y), .line(box.maxX, box.maxY), .line(box.x, box.maxY), .close],
              fill: fill, stroke: stroke, bounds: box)
    }

    public static func line(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, width: Double, gray: Double = 0,
                            dash: Double? = nil) -> Shape {
        Shape(path: [.move(x0, y0), .line(x1, y1)], fill: nil, stroke: width, strokeGray: gray, dash: dash,
              bounds: Box(x: min(x0, x1), y: min(y0, y1), width: abs(x1 - x0), height: abs(y1 - y0)))
    }

    /// The same shape moved by (dx, dy).
    public func offsetBy(dx: Double, dy: Double) -> Shape {
        let moved = path.map { step -> PathStep in
            switch step {
            case .move(let x, let y): .move(x + dx, y + dy)
            case .line(let x, let y): .line(x + dx, y + dy)
            case .arc(let cx, let cy, let r, let a0, let a1): .arc(centerX: cx + dx, centerY: cy + dy, radius: r, from: a0, to: a1)
            case .arcBack(let cx, let cy, let r, let a0, let a1):
                .arcBack(centerX: cx + dx, centerY: cy + dy, radius: r, from: a0, to: a1)
            case .close: .close
            }
        }
        return Shape(path: moved, fill: fill, stroke: stroke, strokeGray: strokeGray, dash: dash,
                     bounds: Box(x: bounds.x + dx, y: bounds.y + dy, width: bounds.width, height: bounds.height))
    }
}
