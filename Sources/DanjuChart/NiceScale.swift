/// An axis from 0 to a round top in steps of 1, 2 or 5 times a power of ten, with about `target` steps.
public struct NiceScale: Sendable, Hashable {
    public let step: Double
    public let top: Double

    public init(maximum: Double, target: Int = 5) {
        guard maximum > 0, maximum.isFinite else {
            (step, top) = (1, 1)
            return
        }
        let rough = maximum / Double(max(target, 1))
        var magnitude = 1.0
        while magnitude * 10 <= rough { magnitude *= 10 }
        while magnitude > rough { magnitude /= 10 }
        let multiple = [1.0, 2, 5, 10].first { $0 * magnitude >= rough } ?? 10
        // Counts are whole: never a step below 1.
        step = max(multiple * magnitude, maximum >= 1 ? 1 : multiple * magnitude)
        top = (maximum / step).rounded(.up) * step
    }

    /// The tick values from 0 to `top`.
    public var ticks: [Double] {
        (0...Int((top / step).rounded())).map { Double($0) * step }
    }

    /// A tick or data value as printed: no decimals for whole numbers.
    public static func format(_ value: Double) -> String {
        if value == value.rounded() { return String(Int(value)) }
        let tenths = (value * 10).rounded() / 10
        return tenths == tenths.rounded() ? String(Int(tenths)) : String(tenths)
    }
}
