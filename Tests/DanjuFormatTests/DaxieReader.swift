/// Reads 人民币大写 back to fen, written from the PBOC rules independently of `ChineseAmount`, so
/// that the round trip catches mistakes the writer would repeat. Returns nil for anything malformed.
///
/// Works on Unicode scalars (each 大写 character is one) because it runs 230,000 times in debug builds.
enum DaxieReader {
    private typealias Scalars = ArraySlice<Unicode.Scalar>

    private static let digits: [Unicode.Scalar: Int64] = [
        "零": 0, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9,
    ]
    private static let placeUnits: [Unicode.Scalar: Int64] = ["拾": 10, "佰": 100, "仟": 1_000]
    private static let prefix = Array("人民币".unicodeScalars)

    static func fen(_ text: String) -> Int64? {
        var rest = Scalars(text.unicodeScalars)
        guard rest.starts(with: prefix) else { return nil }
        rest = rest.dropFirst(prefix.count)
        if rest.elementsEqual("零元整".unicodeScalars) { return 0 }
        if rest.last == "整" {
            rest = rest.dropLast()
            guard rest.last == "元" || rest.last == "角" else { return nil }
        }
        var yuan: Int64 = 0
        if let yuanEnd = rest.firstIndex(of: "元") {
            guard let value = integer(rest[..<yuanEnd]), value > 0 else { return nil }
            yuan = value
            rest = rest[(yuanEnd + 1)...]
        }
        guard let cents = cents(rest, afterYuan: yuan > 0) else { return nil }
        let total = yuan * 100 + cents
        return total > 0 ? total : nil
    }

    /// `[零]D角`, `D分`, `D角D分` or `零D分` (the 零 only after a yuan part).
    private static func cents(_ text: Scalars, afterYuan: Bool) -> Int64? {
        var rest = text
        var cents: Int64 = 0
        if rest.first == "零" {
            guard afterYuan else { return nil }
            rest = rest.dropFirst()
        }
        for (unit, scale) in [("角" as Unicode.Scalar, Int64(10)), ("分", 1)] {
            guard rest.count >= 2, rest[rest.startIndex + 1] == unit else { continue }
            guard let digit = digits[rest[rest.startIndex]], digit > 0 else { return nil }
            cents += digit * scale
            rest = rest.dropFirst(2)
        }
        return rest.isEmpty ? cents : nil
    }

    /// A positive integer in 亿/万 groups; every 拾 needs its digit (壹拾), a 零 stands only for skipped places.
    private static func integer(_ text: Scalars) -> Int64? {
        var total: Int64 = 0
        var group: Int64 = 0
        var digit: Int64?
        for scalar in text {
            if let value = digits[scalar] {
                guard digit == nil else { return nil }
                if value > 0 { digit = value }
            } else if let scale = placeUnits[scalar] {
                guard let value = digit else { return nil }
                group += value * scale
                digit = nil
            } else if scalar == "万" || scalar == "亿" {
                group += digit ?? 0
                digit = nil
                guard group > 0 else { return nil }
                total += group * (scalar == "万" ? 10_000 : 100_000_000)
                group = 0
            } else {
                return nil
            }
        }
        return total + group + (digit ?? 0)
    }
}
