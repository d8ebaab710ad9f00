import DanjuFormat
import Testing

@Suite struct ChineseAmountTests {
    /// The examples in the PBOC rules, with every variant the rules allow.
    @Test(arguments: [
        (1_409_50, ["人民币壹仟肆佰零玖元伍角"]),
        (6_007_14, ["人民币陆仟零柒元壹角肆分"]),
        (1_680_32, ["人民币壹仟陆佰捌拾元零叁角贰分", "人民币壹仟陆佰捌拾元叁角贰分"]),
        (107_000_53, ["人民币壹拾万柒仟元零伍角叁分", "人民币壹拾万零柒仟元伍角叁分"]),
        (16_409_02, ["人民币壹万陆仟肆佰零玖元零贰分"]),
        (325_04, ["人民币叁佰贰拾伍元零肆分"]),
    ] as [(Int64, [String])])
    func officialExamples(fen: Int64, allowed: [String]) throws {
        let words = try ChineseAmount.words(for: Money(fen: fen))
        #expect(allowed.contains(words))
    }

    /// The variants this implementation chose (documented on `ChineseAmount`).
    @Test(arguments: [
        (0, "人民币零元整"),
        (1, "人民币壹分"),
        (50, "人民币伍角"),
        (55, "人民币伍角伍分"),
        (1_00, "人民币壹元整"),
        (10_00, "人民币壹拾元整"),
        (15_00, "人民币壹拾伍元整"),
        (1_005_00, "人民币壹仟零伍元整"),
        (1_680_32, "人民币壹仟陆佰捌拾元叁角贰分"),
        (107_000_53, "人民币壹拾万零柒仟元伍角叁分"),
        (100_010_00, "人民币壹拾万零壹拾元整"),
        (110_000_00, "人民币壹拾壹万元整"),
        (100_000_000_01, "人民币壹亿元零壹分"),
        (100_000_001_00, "人民币壹亿零壹元整"),
        (1_000_100_000_00, "人民币壹拾亿零壹拾万元整"),
        (99_999_999_99, "人民币玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
        (99_999_999_999_999, "人民币玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
    ] as [(Int64, String)])
    func chosenVariants(fen: Int64, expected: String) throws {
        #expect(try ChineseAmount.words(for: Money(fen: fen)) == expected)
    }

    @Test func refusesNegativeAndTooLarge() {
        #expect(throws: ChineseAmount.Error.negative(Money(fen: -1))) {
            try ChineseAmount.words(for: Money(fen: -1))
        }
        let tooLarge = Money(fen: 100_000_000_000_000)
        #expect(throws: ChineseAmount.Error.tooLarge(tooLarge)) { try ChineseAmount.words(for: tooLarge) }
    }

    @Test func everyAmountUpToOneHundredYuan() {
        expectWellFormed(Array(1...10_000))
    }

    /// ~200,000 deterministic pseudo-random amounts from 100.01 to 99,999,999.99, in parallel chunks.
    @Test(arguments: 0..<8)
    func randomLargerAmounts(chunk: UInt64) {
        var generator = SplitMix64(seed: 0xDA_0001 + chunk)
        let amounts = (0..<25_000).map { _ in Int64(10_001 + generator.next() % (9_999_999_999 - 10_000)) }
        expectWellFormed(amounts)
    }

    /// Every pattern of zero and non-zero digits over the 10 places 千万…分, so that runs of zeros
    /// start and end at each place (万位, 元位, 角位 included); non-zero places are filled with each
    /// digit 1–9 and with three pseudo-random fills.
    @Test func everyZeroPattern() {
        var generator = SplitMix64(seed: 0x5EED)
        var amounts: [Int64] = []
        for mask in 1..<1_024 {
            for fill in 0..<12 {
                var amount: Int64 = 0
                for place in 0..<10 {
                    let digit = fill < 9 ? Int64(fill + 1) : Int64(1 + generator.next() % 9)
                    amount = amount * 10 + (mask >> place & 1 == 1 ? digit : 0)
                }
                amounts.append(amount)
            }
        }
        expectWellFormed(amounts)
    }

    @Test func zeroIsWellFormed() throws {
        #expect(DaxieReader.fen(try ChineseAmount.words(for: .zero)) == 0)
    }
}

/// Checks every amount and reports the first failures, rather than one expectation per amount.
private func expectWellFormed(_ amounts: [Int64], sourceLocation: SourceLocation = #_sourceLocation) {
    var problems: [String] = []
    for fen in amounts {
        if let problem = daxieProblem(fen) { problems.append("\(Money(fen: fen)): \(problem)") }
        if problems.count == 10 { break }
    }
    #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))", sourceLocation: sourceLocation)
}

// Unicode scalars rather than Characters: every 大写 character is one scalar, and the checks run
// 230,000 times in a debug build.
private let allowedCharacters = Set("人民币零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整".unicodeScalars)
private let forbiddenCharacters = Set("一二三四五六七八九十廿毛另0".unicodeScalars)
private let nonZeroDigits = Set("壹贰叁肆伍陆柒捌玖".unicodeScalars)

/// What is wrong with the 大写 of `fen` (> 0), or nil.
private func daxieProblem(_ fen: Int64) -> String? {
    let words: String
    do {
        words = try ChineseAmount.words(for: Money(fen: fen))
    } catch {
        return "threw \(error)"
    }
    let characters = Array(words.unicodeScalars)
    if let bad = characters.first(where: { forbiddenCharacters.contains($0) || !allowedCharacters.contains($0) }) {
        return "\(words) contains \(bad)"
    }
    guard DaxieReader.fen(words) == fen else { return "\(words) reads back as \(String(describing: DaxieReader.fen(words)))" }
    guard (characters.last == "整") == (fen % 100 == 0) else { return "\(words): 整 only and always when it ends at 元" }
    for (index, character) in characters.enumerated() {
        if character == "零", !(index + 1 < characters.count && nonZeroDigits.contains(characters[index + 1])) {
            return "\(words): 零 not followed by a non-zero digit"
        }
        if character == "拾", !(index > 0 && nonZeroDigits.contains(characters[index - 1])) {
            return "\(words): 拾 without its digit"
        }
    }
    let zeros = characters.filter { $0 == "零" }.count
    guard zeros == expectedZeroCount(fen) else { return "\(words): expected \(expectedZeroCount(fen)) 零" }
    return nil
}

/// The chosen variant writes one 零 per run of zeros between non-zero digits of the yuan part, and
/// one after 元 when 角 is zero and 分 is not; none between 元 and a non-zero 角.
private func expectedZeroCount(_ fen: Int64) -> Int {
    var zeros = fen / 10 % 10 == 0 && fen % 10 != 0 && fen >= 100 ? 1 : 0
    // From the 个位 up: a zero run after a non-zero digit ends below the leading digit, so it is interior.
    var yuan = fen / 100
    var seenNonZero = false
    var inRun = false
    while yuan > 0 {
        if yuan % 10 != 0 {
            seenNonZero = true
            inRun = false
        } else if seenNonZero, !inRun {
            zeros += 1
            inRun = true
        }
        yuan /= 10
    }
    return zeros
}

/// A small deterministic generator (SplitMix64), so that failures reproduce.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
