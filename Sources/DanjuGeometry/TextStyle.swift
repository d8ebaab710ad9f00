/// How a run of text looks. Sizes are in points.
public struct TextStyle: Sendable, Hashable {
    public enum Alignment: String, Sendable, Hashable, CaseIterable { case left, center, right }

    public var family: String
    public var size: Double
    public var bold: Bool
    public var color: Color
    public var alignment: Alignment
    /// Line height as a multiple of the font's natural line height (1 = Pango's default).
    public var lineSpacing: Double

    public init(family: String, size: Double, bold: Bool = false, color: Color = .black,
                alignment: Alignment = .left, lineSpacing: Double = 1) {
        self.family = family
        self.size = size
        self.bold = bold
        self.color = color
        self.alignment = alignment
        self.lineSpacing = lineSpacing
    }

    public func withSize(_ size: Double) -> TextStyle {
        var copy = self
        copy.size = size
        return copy
    }
}
