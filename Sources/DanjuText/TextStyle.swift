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

/// An sRGB colour with components 0…1.
public struct Color: Sendable, Hashable {
    public var red, green, blue: Double

    public init(red: Double, green: Double, blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    public static let black = Color(red: 0, green: 0, blue: 0)

    public static func gray(_ level: Double) -> Color { Color(red: level, green: level, blue: level) }

    /// Parses `#rrggbb`.
    public init?(hex: String) {
        guard hex.count == 7, hex.first == "#", let value = UInt32(hex.dropFirst(), radix: 16) else { return nil }
        self.init(red: Double((value >> 16) & 0xFF) / 255, green: Double((value >> 8) & 0xFF) / 255,
                  blue: Double(value & 0xFF) / 255)
    }
}
