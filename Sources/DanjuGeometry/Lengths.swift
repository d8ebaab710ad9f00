/// Millimetres to PDF points: templates and paper sizes are given in millimetres, everything drawn is in points.
public func points(mm: Double) -> Double { mm * 72 / 25.4 }

/// Distances from the four edges of a page or box, in points.
public struct Insets: Sendable, Hashable {
    public let top, right, bottom, left: Double

    public init(top: Double, right: Double, bottom: Double, left: Double) {
        self.top = top
        self.right = right
        self.bottom = bottom
        self.left = left
    }
}
