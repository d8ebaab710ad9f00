import DanjuFormat
import Testing

@Suite struct ValueFormatTests {
    let shanghai = try! ShopTimeZone(identifier: "Asia/Shanghai")

    private func format(_ name: String, _ input: FormatInput) throws -> String {
        try ValueFormat(name: name).format(input, in: shanghai)
    }

    @Test(arguments: [
        ("money", FormatInput.integer(140_950), "1,409.50"),
        ("money-yuan", .integer(140_950), "¥1,409.50"),
        ("money-yuan", .integer(-320), "-¥3.20"),
        ("money-plain", .integer(140_950), "1409.50"),
        ("daxie", .integer(140_950), "人民币壹仟肆佰零玖元伍角"),
        ("daxie", .integer(0), "人民币零元整"),
        ("date", .text("2026-10-05T08:31:00+08:00"), "2026-10-05"),
        ("date", .text("2026-10-05"), "2026-10-05"),
        ("datetime", .text("2026-10-05T00:31:00Z"), "2026-10-05 08:31"),
        ("cn-date", .text("2026-10-05"), "2026年10月5日"),
        ("cn-datetime", .text("2026-10-05T08:31:00.5+08:00"), "2026年10月5日 08:31"),
        ("time", .text("2026-10-05T08:31:00+08:00"), "08:31"),
        ("pattern:M月d日 H时", .text("2026-10-05T08:31:00+08:00"), "10月5日 8时"),
        ("phone-masked", .text("13812341234"), "138****1234"),
        ("phone-masked", .integer(13_812_341_234), "138****1234"),
        ("hours-tenths", .integer(12_345), "1234.5 h"),
        ("hours-tenths", .integer(10), "1.0 h"),
        ("hours-tenths", .integer(0), "0.0 h"),
        ("hours-tenths", .integer(-5), "-0.5 h"),
        ("thousandths", .integer(1_500), "1.5"),
        ("thousandths", .integer(2_000), "2"),
        ("thousandths", .integer(1_234), "1.234"),
        ("thousandths", .integer(5), "0.005"),
        ("thousandths", .integer(-1_050), "-1.05"),
        ("thousandths", .integer(0), "0"),
    ] as [(String, FormatInput, String)])
    func formats(name: String, input: FormatInput, expected: String) throws {
        #expect(try format(name, input) == expected)
    }

    @Test(arguments: [
        "money", "money-yuan", "money-plain", "daxie", "date", "datetime", "cn-date", "cn-datetime", "time",
        "pattern:yyyy", "phone-masked", "hours-tenths", "thousandths",
    ])
    func nullIsBlank(name: String) throws {
        #expect(try format(name, .null) == "")
    }

    @Test(arguments: [
        ("daxie", FormatInput.integer(100_000_000_000_000), "format \"daxie\" cannot print 100000000000000: 1000000000000.00 is too large for 人民币大写 (limit 999,999,999,999.99)"),
        ("daxie", .integer(-1), "format \"daxie\" cannot print -1: -0.01 is negative; 人民币大写 is only written for amounts ≥ 0"),
        ("date", .text("05/10/2026"), "format \"date\" cannot print \"05/10/2026\": \"05/10/2026\" is not an ISO 8601 date or time: expected a date like 2026-10-05"),
        ("datetime", .text("2026-10-05"), "format \"datetime\" cannot print \"2026-10-05\": pattern \"yyyy-MM-dd HH:mm\" shows a time of day but the value is a date only"),
        ("time", .integer(1_791_160_260), "format \"time\" cannot print 1791160260: expects ISO 8601 text such as 2026-10-05T08:31:00+08:00"),
        ("hours-tenths", .text("1.5"), "format \"hours-tenths\" cannot print \"1.5\": expects an INTEGER"),
        ("thousandths", .text("2"), "format \"thousandths\" cannot print \"2\": expects an INTEGER"),
        ("thousandths", .real(2), "format \"thousandths\" cannot print the REAL 2.0: expects an INTEGER"),
        ("phone-masked", .real(13_812_341_234), "format \"phone-masked\" cannot print the REAL 13812341234.0: expects a phone number as TEXT"),
    ] as [(String, FormatInput, String)])
    func namesFormatAndInputInErrors(name: String, input: FormatInput, message: String) {
        #expect {
            try format(name, input)
        } throws: { error in
            (error as? ValueFormatError)?.description == message
        }
    }

    /// Money is INTEGER fen and nothing else: a REAL (a template's `total()`, a non-STRICT column holding 2019700.5)
    /// or a TEXT would print 100× too large or a guessed amount, so every money format refuses it.
    @Test(arguments: ["money", "money-yuan", "money-plain", "daxie"], [
        FormatInput.real(2_019_700.5), .real(2_019_700), .real(-0.0), .real(.infinity), .text("2019700.5"), .text("1,409.50"), .text(""),
    ])
    func moneyFormatsRefuseAnythingButIntegerFen(name: String, input: FormatInput) {
        #expect {
            try format(name, input)
        } throws: { error in
            let description = (error as? ValueFormatError)?.description ?? ""
            return description.hasPrefix("format \"\(name)\" cannot print ") && description.contains("money must be an INTEGER amount of fen")
        }
    }

    @Test func inputFromOptionals() {
        #expect(FormatInput("a") == .text("a"))
        #expect(FormatInput(String?.none) == .null)
        #expect(FormatInput(Int64(5)) == .integer(5))
        #expect(FormatInput(Int64?.none) == .null)
    }

    @Test func refusesUnknownNamesAndBadPatterns() {
        #expect {
            try ValueFormat(name: "mony")
        } throws: { error in
            let description = (error as? ValueFormatError)?.description ?? ""
            return description.hasPrefix("format \"mony\": unknown format; known: cn-date, cn-datetime, date,")
        }
        #expect {
            try ValueFormat(name: "pattern:YYYY")
        } throws: { error in
            (error as? ValueFormatError)?.description
                == "format \"pattern:YYYY\": bad time pattern \"YYYY\": unknown field \"YYYY\"; use yyyy MM M dd d HH H mm ss"
        }
    }
}
