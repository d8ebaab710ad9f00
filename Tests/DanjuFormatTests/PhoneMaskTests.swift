import DanjuFormat
import Testing

@Suite struct PhoneMaskTests {
    @Test(arguments: [
        // Mobile numbers: digits 4–7 hidden, separators and country code kept.
        ("13812341234", "138****1234"),
        ("138 1234 1234", "138 **** 1234"),
        ("138-1234-1234", "138-****-1234"),
        ("+86 138 1234 1234", "+86 138 **** 1234"),
        ("+8613812341234", "+86138****1234"),
        ("008613812341234", "0086138****1234"),
        // Landlines with a separate area code: the local number but its last four digits.
        ("0531-88881234", "0531-****1234"),
        ("010-66661234", "010-****1234"),
        ("(0531)88881234", "(0531)****1234"),
        ("0531-8888123", "0531-***8123"),
        ("0531-88881234-808", "0531-****1234-808"),
        // Anything else with 7 or more digits: the four digits before the last four.
        ("053188881234", "0531****1234"),
        ("010 6666 1234", "010 **** 1234"),
        ("88881234", "****1234"),
        ("8888123", "***8123"),
        ("400-800-1234", "40*-***-1234"),
        // Too short to be a personal number, or no number at all: unchanged.
        ("95588", "95588"),
        ("110", "110"),
        ("", ""),
        ("无", "无"),
    ] as [(String, String)])
    func masks(phone: String, expected: String) {
        #expect(PhoneMask.masked(phone) == expected)
    }
}
