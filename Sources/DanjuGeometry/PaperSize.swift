/// A paper size in millimetres: A4, A5, A3 or WIDTHxHEIGHT (the 241 mm continuous forms: 241x279, 241x140, 241x93).
public struct PaperSize: Sendable, Hashable {
    public let widthMM: Double
    public let heightMM: Double

    public var width: Double { points(mm: widthMM) }
    public var height: Double { points(mm: heightMM) }

    public static let expected = "expected A4, A5, A3 or WIDTHxHEIGHT in millimetres (e.g. 241x279) for the page size"

    private static let named: [String: (Double, Double)] = ["A4": (210, 297), "A5": (148, 210), "A3": (297, 420)]

    public init?(_ text: String) {
        if let (width, height) = Self.named[text.uppercased()] {
            widthMM = width
            heightMM = height
            return
        }
        let parts = text.lowercased().split(separator: "x").compactMap { Double($0) }
        guard parts.count == 2, parts.allSatisfy({ $0 >= 50 && $0 <= 1200 }) else { return nil }
        widthMM = parts[0]
        heightMM = parts[1]
    }
}
