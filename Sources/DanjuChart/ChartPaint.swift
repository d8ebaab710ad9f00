import DanjuGeometry

/// Fills that keep series apart in black-and-white print: neighbours differ in grey level and pattern.
extension Fill {
    public static let series: [Fill] = [
        Fill(.gray(0.25)), Fill(.gray(0.72)), Fill(.gray(1), hatch: .diagonal), Fill(.gray(0.5)),
        Fill(.gray(1), hatch: .cross), Fill(.gray(0.88)), Fill(.gray(1), hatch: .dots), Fill(.gray(0.88), hatch: .backDiagonal),
    ]

    public static func series(_ index: Int) -> Fill { series[index % series.count] }

    /// A single series' bars, and the highlighted one (the current month).
    public static let plain = Fill(.gray(0.62))
    public static let highlight = Fill(.gray(0.2))
    public static let band = Fill(.gray(0.93))
}

extension Stroke {
    /// A chart line: grey `gray`, dashed `dash` on and 0.7 × `dash` off when given.
    static func chart(width: Double, gray: Double = 0, dash: Double? = nil) -> Stroke {
        Stroke(width: width, color: .gray(gray), dash: dash.map { [$0, $0 * 0.7] } ?? [])
    }
}

extension Shape {
    static func rect(_ box: Rect, fill: Fill?, stroke: Double? = 0.4) -> Shape {
        Shape(path: PathStep.rectangle(box), fill: fill, stroke: stroke.map { .chart(width: $0) }, bounds: box)
    }

    static func line(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, width: Double, gray: Double = 0,
                     dash: Double? = nil) -> Shape {
        Shape(path: [.move(x0, y0), .line(x1, y1)], stroke: .chart(width: width, gray: gray, dash: dash))
    }
}
