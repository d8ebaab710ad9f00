import Foundation

/// The time zone of the shop whose forms are printed, e.g. `Asia/Shanghai`; never the machine's.
/// Create one per document run and reuse it: looking up a zone is slow, converting with it is not.
public struct ShopTimeZone: Sendable, Hashable {
    public let timeZone: TimeZone

    public init(identifier: String) throws(ShopTimeError) {
        guard let timeZone = TimeZone(identifier: identifier) else { throw .unknownTimeZone(identifier) }
        self.timeZone = timeZone
    }

    /// `text`, a time on the shop's wall clock without an offset (`2026-11-01T00:00:00`, or a date for its
    /// midnight), as the instant it names with the shop's UTC offset (`2026-11-01T00:00:00+08:00`): a report's
    /// cut-off, computed in SQL as local time, printed and stored as an instant.
    public func instant(wallClock text: String) throws(ShopTimeError) -> String {
        let local: Int64 = switch try ShopTime(iso8601: text.count == 10 ? text + "T00:00:00Z" : text + "Z") {
        case .instant(let seconds): seconds
        case .date: throw .malformed(text: text, reason: "expected a date or a date and time without an offset")
        }
        let stamp = text.count == 10 ? text + "T00:00:00" : text
        return stamp + Self.offsetText(offset(atWallClock: local))
    }

    /// The UTC offset in seconds east of Greenwich at an instant (seconds since 1970).
    public func offset(at instant: Int64) -> Int {
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
    }

    /// The offset in force at a wall-clock time given as seconds since 1970-01-01T00:00 on the shop's clock: first
    /// guessed from the local seconds read as UTC, then taken at the instant that guess gives (right except within
    /// an hour of a daylight-saving change).
    public func offset(atWallClock local: Int64) -> Int {
        offset(at: local - Int64(offset(at: local)))
    }

    /// An instant as ISO 8601 text on the shop's clock with its offset: `2026-11-01T00:00:00+08:00`.
    public func iso8601(_ instant: Int64) -> String {
        let offset = offset(at: instant)
        let local = instant + Int64(offset)
        let days = local.floorDivided(by: 86_400)
        let second = Int(local - days * 86_400)
        let date = CivilCalendar.date(days: Int(days))
        return digits(date.year, 4) + "-" + digits(date.month) + "-" + digits(date.day) + "T" + digits(second / 3_600) + ":"
            + digits(second / 60 % 60) + ":" + digits(second % 60) + Self.offsetText(offset)
    }

    private static func offsetText(_ offset: Int) -> String {
        let minutes = abs(offset) / 60
        return (offset < 0 ? "-" : "+") + digits(minutes / 60) + ":" + digits(minutes % 60)
    }

    /// The value as read on the shop's wall clock; a bare date has no time of day and is not shifted.
    func wallClock(_ time: ShopTime) -> WallClock {
        switch time {
        case .date(let year, let month, let day):
            return WallClock(year: year, month: month, day: day, timeOfDay: nil)
        case .instant(let utcSeconds):
            let localSeconds = utcSeconds + Int64(offset(at: utcSeconds))
            let days = localSeconds.floorDivided(by: 86_400)
            let secondOfDay = Int(localSeconds - days * 86_400)
            let date = CivilCalendar.date(days: Int(days))
            return WallClock(
                year: date.year, month: date.month, day: date.day,
                timeOfDay: (secondOfDay / 3_600, secondOfDay / 60 % 60, secondOfDay % 60))
        }
    }
}

/// Calendar fields of a value on the shop's clock.
struct WallClock {
    let year: Int
    let month: Int
    let day: Int
    let timeOfDay: (hour: Int, minute: Int, second: Int)?
}

extension Int64 {
    /// Division rounding toward negative infinity, so instants before 1970 fall on the right day.
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return self % divisor < 0 ? quotient - 1 : quotient
    }
}

/// A non-negative number with leading zeros to `width` digits (cheaper than `String(format:)` for each value).
private func digits(_ value: Int, _ width: Int = 2) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}
