/// 人民币大写: the amount in words that cheques, receipts and settlements print next to the figures,
/// written by the PBOC rules (中国人民银行《正确填写票据和结算凭证的基本规定》).
///
/// Where the rules leave a choice, this writes:
/// - 整 after 元 (`人民币壹佰元整`), but not after 角 (`人民币壹仟肆佰零玖元伍角`), as in the official examples.
/// - One 零 for every run of zeros between non-zero digits of the yuan part, including a run that
///   ends at 万位 before a non-zero 千位 (`壹拾万零柒仟`), since that is how most readers expect it.
/// - No 零 between 元 and a non-zero 角 (`壹仟陆佰捌拾元叁角贰分`): the 元 already separates them.
/// - 零 after 元 when 角 is zero and 分 is not (`叁佰贰拾伍元零肆分`), which the rules require.
/// - 壹拾 for a 1 in any 拾 position (`壹拾伍元整`), never a bare 拾.
/// - No yuan part when it is zero (`人民币伍角`, `人民币叁分`) and `人民币零元整` for zero.
///
/// Both official ¥107,000.53 variants are allowed; this produces `壹拾万零柒仟元伍角叁分`.
public enum ChineseAmount {
    /// Why an amount has no 大写 form.
    public enum Error: Swift.Error, Sendable, Hashable, CustomStringConvertible {
        /// Negative amounts have no 大写 form; a refund is printed as a positive amount with its label.
        case negative(Money)
        /// The units stop at 亿: amounts of 1万亿 yuan and more are refused.
        case tooLarge(Money)

        public var description: String {
            switch self {
            case .negative(let amount): "\(amount) is negative; 人民币大写 is only written for amounts ≥ 0"
            case .tooLarge(let amount): "\(amount) is too large for 人民币大写 (limit 999,999,999,999.99)"
            }
        }
    }

    /// The 大写 text of `amount`, for example `人民币壹仟肆佰零玖元伍角` for ¥1,409.50.
    public static func words(for amount: Money) throws(Error) -> String {
        guard amount.fen >= 0 else { throw .negative(amount) }
        guard amount.fen < 100_000_000_000_000 else { throw .tooLarge(amount) }

        let yuan = amount.fen / 100
        let jiaoDigit = Int(amount.fen / 10 % 10)
        let fenDigit = Int(amount.fen % 10)

        var text = "人民币"
        if yuan > 0 { text += yuanWords(yuan) + "元" }
        if jiaoDigit == 0 && fenDigit == 0 {
            text += yuan == 0 ? "零元整" : "整"
            return text
        }
        if jiaoDigit > 0 {
            text += digits[jiaoDigit] + "角"
        } else if yuan > 0 {
            text += "零"
        }
        if fenDigit > 0 { text += digits[fenDigit] + "分" }
        return text
    }

    private static let digits = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"]
    /// Units of the four places inside a group, from 千位 down to 个位.
    private static let placeUnits = ["仟", "佰", "拾", ""]

    /// The words for 1 ≤ `yuan` < 10¹², read in groups of four digits (亿, 万, units).
    private static func yuanWords(_ yuan: Int64) -> String {
        let groups: [(value: Int64, unit: String)] = [
            (yuan / 100_000_000, "亿"), (yuan / 10_000 % 10_000, "万"), (yuan % 10_000, ""),
        ]
        var text = ""
        // A zero seen after the first written digit; written as one 零 before the next non-zero digit.
        var zeroPending = false
        for group in groups {
            let groupDigits = [group.value / 1_000, group.value / 100 % 10, group.value / 10 % 10, group.value % 10]
            for (digit, unit) in zip(groupDigits.map { Int($0) }, placeUnits) {
                if digit == 0 {
                    if !text.isEmpty { zeroPending = true }
                } else {
                    if zeroPending { text += "零" }
                    zeroPending = false
                    text += digits[digit] + unit
                }
            }
            if group.value > 0 { text += group.unit }
        }
        return text
    }
}
