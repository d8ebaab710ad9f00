/// `percentile(value, p)`: the nearest-rank p-th percentile of a group's non-NULL numbers, the smallest value
/// with at least p % of them at or below it (the value at rank ⌈p·n/100⌉); NULL for a group without any.
/// Reports print the median and 90th percentile of durations, and SQLite 3.40 has no such aggregate; ranking
/// with a window function costs several times more than this sort.
final class NearestRankPercentile: SQLAggregate {
    private var values: [(key: Double, value: SQLValue)] = []
    private var percent: Double?

    func step(_ arguments: [SQLValue]) throws {
        if percent == nil {
            let given: Double? = switch arguments[1] {
            case .integer(let integer): Double(integer)
            case .real(let real): real
            default: nil
            }
            guard let given, given > 0, given <= 100 else { throw DatabaseError("percentile(value, p): p must be a number above 0 and at most 100") }
            percent = given
        }
        switch arguments[0] {
        case .null: break
        case .integer(let integer): values.append((Double(integer), .integer(integer)))
        case .real(let real): values.append((real, .real(real)))
        case .text, .blob: throw DatabaseError("percentile(value, p): value must be a number")
        }
    }

    func result() throws -> SQLValue {
        guard let percent, !values.isEmpty else { return .null }
        // Rank in integer arithmetic where p is whole, so 90 % of 10 values is rank 9 exactly, not 9.000001.
        let rank = percent == percent.rounded() ? (Int(percent) * values.count + 99) / 100 : Int((percent * Double(values.count) / 100).rounded(.up))
        return values.sorted { $0.key < $1.key }[max(rank, 1) - 1].value
    }
}

extension Database {
    /// Defines `percentile(value, p)` (see `NearestRankPercentile`) on this connection.
    public func definePercentile() throws {
        try defineAggregate("percentile", arguments: 2) { NearestRankPercentile() }
    }
}
