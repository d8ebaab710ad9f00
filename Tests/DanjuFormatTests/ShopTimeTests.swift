import DanjuFormat
import Foundation
import Testing

@Suite struct ShopTimeTests {
    let shanghai = try! ShopTimeZone(identifier: "Asia/Shanghai")

    /// 2026-10-05T00:31:00Z
    static let instant: Int64 = 1_791_160_260

    @Test(arguments: [
        "2026-10-05T08:31:00+08:00", "2026-10-05T00:31:00Z", "2026-10-05T00:31:00z", "2026-10-05 08:31:00+08:00",
        "2026-10-05T08:31+08:00", "2026-10-05T08:31:00+0800", "2026-10-05T08:31:00+08", "2026-10-05T00:31:00.999Z",
        "2026-10-05T00:31:00,5Z", "2026-10-04T19:31:00-05:00",
    ])
    func parsesInstants(text: String) throws {
        #expect(try ShopTime(iso8601: text) == .instant(secondsSince1970: Self.instant))
    }

    @Test func parsesDates() throws {
        #expect(try ShopTime(iso8601: "2026-10-05") == .date(year: 2026, month: 10, day: 5))
        #expect(try ShopTime(iso8601: "2024-02-29") == .date(year: 2024, month: 2, day: 29))
    }

    /// The epoch arithmetic agrees with Foundation's ISO 8601 reader over many years.
    @Test func agreesWithFoundation() throws {
        let reference = ISO8601DateFormatter()
        var generator = SplitMix64(seed: 42)
        for _ in 0..<2_000 {
            let seconds = Int64(generator.next() % 8_000_000_000) - 2_000_000_000  // 1906 … 2223
            let text = reference.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
            #expect(try ShopTime(iso8601: text) == .instant(secondsSince1970: seconds), "\(text)")
        }
    }

    @Test(arguments: [
        "", "2026-10-5", "2026/10/05", "2026-13-01", "2026-02-29", "2026-04-31", "2026-10-05T08:31:00",
        "2026-10-05T24:00:00Z", "2026-10-05T08:60Z", "2026-10-05T08:31:00.Z", "2026-10-05T08:31:00+08:00 ",
        "2026-10-05T08:31:00+8:00", "2026-10-05T08Z", "2026-10-05X08:31Z", "２026-10-05",
    ])
    func refusesMalformed(text: String) {
        #expect {
            try ShopTime(iso8601: text)
        } throws: { error in
            guard case ShopTimeError.malformed(let bad, _) = error else { return false }
            return bad == text
        }
    }

    @Test(arguments: [
        (TimePattern.date, "2026-10-05"),
        (.dateTime, "2026-10-05 08:31"),
        (.chineseDate, "2026年10月5日"),
        (.chineseDateTime, "2026年10月5日 08:31"),
        (.time, "08:31"),
    ] as [(TimePattern, String)])
    func formatsNamedPatterns(pattern: TimePattern, expected: String) throws {
        let time = try ShopTime(iso8601: "2026-10-05T00:31:00Z")
        #expect(try pattern.string(from: time, in: shanghai) == expected)
    }

    @Test func formatsInTheShopsZoneNotTheMachines() throws {
        let time = try ShopTime(iso8601: "2026-10-04T23:59:30Z")
        #expect(try TimePattern.dateTime.string(from: time, in: shanghai) == "2026-10-05 07:59")
        let urumqi = try ShopTimeZone(identifier: "Asia/Urumqi")
        #expect(try TimePattern.dateTime.string(from: time, in: urumqi) == "2026-10-05 05:59")
        let utc = try ShopTimeZone(identifier: "UTC")
        #expect(try TimePattern.dateTime.string(from: time, in: utc) == "2026-10-04 23:59")
    }

    @Test func followsDaylightSavingTime() throws {
        let berlin = try ShopTimeZone(identifier: "Europe/Berlin")
        let summer = try ShopTime(iso8601: "2026-07-01T12:00:00Z")
        let winter = try ShopTime(iso8601: "2026-01-01T12:00:00Z")
        #expect(try TimePattern.time.string(from: summer, in: berlin) == "14:00")
        #expect(try TimePattern.time.string(from: winter, in: berlin) == "13:00")
    }

    @Test func instantsBefore1970() throws {
        let time = try ShopTime(iso8601: "1969-12-31T23:59:59Z")
        let utc = try ShopTimeZone(identifier: "UTC")
        #expect(try TimePattern("yyyy-MM-dd HH:mm:ss").string(from: time, in: utc) == "1969-12-31 23:59:59")
    }

    @Test func datesAreNotShifted() throws {
        let date = try ShopTime(iso8601: "2026-10-05")
        let honolulu = try ShopTimeZone(identifier: "Pacific/Honolulu")
        #expect(try TimePattern.chineseDate.string(from: date, in: honolulu) == "2026年10月5日")
        #expect(throws: ShopTimeError.noTimeOfDay(pattern: "yyyy-MM-dd HH:mm")) {
            try TimePattern.dateTime.string(from: date, in: honolulu)
        }
    }

    @Test func customPatterns() throws {
        let time = try ShopTime(iso8601: "2026-03-07T01:02:03Z")
        #expect(try TimePattern("M月d日").string(from: time, in: shanghai) == "3月7日")
        #expect(try TimePattern("yyyy/MM/dd H:mm:ss").string(from: time, in: shanghai) == "2026/03/07 9:02:03")
        #expect(try TimePattern("yyyy-MM-dd'T'HH:mm").string(from: time, in: shanghai) == "2026-03-07T09:02")
        #expect(try TimePattern("HH'h' mm''").string(from: time, in: shanghai) == "09h 02'")
        #expect(try TimePattern("第d日").string(from: time, in: shanghai) == "第7日")
    }

    @Test(arguments: ["YYYY-MM-dd", "yy-MM-dd", "HH:m", "hh:mm", "'open"])
    func refusesBadPatterns(pattern: String) {
        #expect {
            try TimePattern(pattern)
        } throws: { error in
            guard case ShopTimeError.badPattern(let bad, _) = error else { return false }
            return bad == pattern
        }
    }

    @Test func aWallClockTimeGetsTheShopsOffsetThen() throws {
        #expect(try shanghai.instant(wallClock: "2026-11-01T00:00:00") == "2026-11-01T00:00:00+08:00")
        #expect(try shanghai.instant(wallClock: "2026-11-01") == "2026-11-01T00:00:00+08:00")
        let berlin = try ShopTimeZone(identifier: "Europe/Berlin")
        #expect(try berlin.instant(wallClock: "2026-07-01T00:00:00") == "2026-07-01T00:00:00+02:00")
        #expect(try berlin.instant(wallClock: "2026-11-01T00:00:00") == "2026-11-01T00:00:00+01:00")
        #expect(try ShopTimeZone(identifier: "America/St_Johns").instant(wallClock: "2026-01-01") == "2026-01-01T00:00:00-03:30")
        #expect(throws: ShopTimeError.self) { try shanghai.instant(wallClock: "2026-11-01T00:00:00+08:00") }
        #expect(throws: ShopTimeError.self) { try shanghai.instant(wallClock: "2026-13-01") }
    }

    @Test func refusesUnknownTimeZones() {
        #expect(throws: ShopTimeError.unknownTimeZone("Asia/Beijing")) { try ShopTimeZone(identifier: "Asia/Beijing") }
    }
}
