import DanjuGeometry

/// Figures for comparing layouts: the benchmark prints them next to Graphviz's.
extension Flowchart {
    /// Points where a segment of one arrow crosses a segment of another (touching at ends does not count).
    public var crossings: Int { Self.crossings(of: edges.map(\.points)) }

    static func crossings(of paths: [[Point]]) -> Int {
        let segments = paths.map { points in zip(points, points.dropFirst()).map { ($0, $1) } }
        var count = 0
        for i in segments.indices {
            for j in segments.indices where j > i {
                for a in segments[i] { for b in segments[j] where Self.cross(a, b) { count += 1 } }
            }
        }
        return count
    }

    /// Crossings of path `index` with the others.
    static func crossings(of paths: [[Point]], involving index: Int) -> Int {
        let own = zip(paths[index], paths[index].dropFirst()).map { ($0, $1) }
        var count = 0
        for (other, points) in paths.enumerated() where other != index {
            for b in zip(points, points.dropFirst()) { for a in own where cross(a, b) { count += 1 } }
        }
        return count
    }

    /// Total length of all arrows, in points.
    public var edgeLength: Double {
        edges.reduce(0) { total, edge in
            total + zip(edge.points, edge.points.dropFirst()).reduce(0) { $0 + abs($1.0.x - $1.1.x) + abs($1.0.y - $1.1.y) }
        }
    }

    /// A horizontal and a vertical segment crossing strictly inside both.
    static func cross(_ a: (Point, Point), _ b: (Point, Point)) -> Bool {
        let aVertical = abs(a.0.x - a.1.x) < 0.001, bVertical = abs(b.0.x - b.1.x) < 0.001
        guard aVertical != bVertical else { return false }
        let (v, h) = aVertical ? (a, b) : (b, a)
        let x = v.0.x, y = h.0.y
        let e = 0.01
        return x > min(h.0.x, h.1.x) + e && x < max(h.0.x, h.1.x) - e && y > min(v.0.y, v.1.y) + e && y < max(v.0.y, v.1.y) - e
    }
}
