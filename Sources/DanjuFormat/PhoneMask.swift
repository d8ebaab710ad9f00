/// Hides the middle of a phone number on printed forms, which customers carry away and lose.
///
/// Separators and prefixes are kept; only digits become `*`:
/// - Mobile (11 digits starting with 1, optionally after `+86`/`86`/`0086`): digits 4–7 are hidden,
///   `13812341234` → `138****1234`, `+86 138-1234-1234` → `+86 138-****-1234`.
/// - Landline with a separate area code (`0531-88881234`, `(0531)88881234`): the local number except
///   its last four digits is hidden, `0531-88881234` → `0531-****1234`,
///   `0531-8888123-808` → `0531-***8123-808` (an extension stays readable).
/// - Anything else with at least 7 digits: the four digits before the last four are hidden,
///   `053188881234` → `0531****1234`, `010 6666 1234` → `010 **** 1234`, `8888123` → `***8123`.
/// - Fewer than 7 digits (service numbers like 95588, empty text): unchanged.
public enum PhoneMask {
    public static func masked(_ phone: String) -> String {
        let characters = Array(phone)
        let digitIndices = characters.indices.filter { characters[$0].isASCIIDigit }
        guard digitIndices.count >= 7 else { return phone }

        let hidden = mobileDigits(characters, digitIndices)
            ?? landlineLocalDigits(characters)
            ?? Array(digitIndices[max(0, digitIndices.count - 8)..<(digitIndices.count - 4)])
        var result = characters
        for index in hidden { result[index] = "*" }
        return String(result)
    }

    private static let countryPrefixes = ["", "86", "0086"]

    /// Positions of the 4th–7th digits of a mobile number, if the digits are one.
    private static func mobileDigits(_ characters: [Character], _ digitIndices: [Int]) -> [Int]? {
        let digits = String(digitIndices.map { characters[$0] })
        for prefix in countryPrefixes where digits.count == prefix.count + 11 && digits.hasPrefix(prefix) {
            let start = prefix.count
            guard characters[digitIndices[start]] == "1" else { return nil }
            return Array(digitIndices[(start + 3)..<(start + 7)])
        }
        return nil
    }

    /// Positions of the local number's digits but its last four, when a 3–4 digit area code starting
    /// with 0 is followed by a separate 7–8 digit local number.
    private static func landlineLocalDigits(_ characters: [Character]) -> [Int]? {
        let runs = digitRuns(characters)
        guard runs.count >= 2,
              characters[runs[0].lowerBound] == "0", (3...4).contains(runs[0].count),
              (7...8).contains(runs[1].count)
        else { return nil }
        return Array(runs[1].lowerBound..<(runs[1].upperBound - 4))
    }

    /// Maximal ranges of consecutive digits.
    private static func digitRuns(_ characters: [Character]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var index = 0
        while index < characters.count {
            guard characters[index].isASCIIDigit else {
                index += 1
                continue
            }
            let start = index
            while index < characters.count, characters[index].isASCIIDigit { index += 1 }
            runs.append(start..<index)
        }
        return runs
    }
}

extension Character {
    /// 0–9 only; `isNumber` would also accept full-width and other scripts' digits.
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
