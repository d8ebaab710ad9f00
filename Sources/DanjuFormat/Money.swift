/// An exact amount of renminbi, counted in fen (分, 0.01 yuan).
///
/// Amounts are never held as floating point: a price list summed in `Double` drifts by fractions of a
/// fen, and a printed settlement must add up to the cent. The arithmetic is checked: a result beyond
/// `Int64` (about ±92 trillion yuan) throws `MoneyOverflow` instead of trapping, because the amounts
/// come from a shop's database, where a damaged or hostile row may hold any 64-bit value.
public struct Money: Sendable, Hashable, Comparable {
    /// The amount in fen; negative for refunds and discounts.
    public let fen: Int64

    public init(fen: Int64) {
        self.fen = fen
    }

    public static let zero = Money(fen: 0)

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.fen < rhs.fen }

    public static func + (lhs: Money, rhs: Money) throws(MoneyOverflow) -> Money {
        let (sum, overflow) = lhs.fen.addingReportingOverflow(rhs.fen)
        guard !overflow else { throw MoneyOverflow(operation: "\(lhs) + \(rhs)") }
        return Money(fen: sum)
    }

    public static func - (lhs: Money, rhs: Money) throws(MoneyOverflow) -> Money {
        let (difference, overflow) = lhs.fen.subtractingReportingOverflow(rhs.fen)
        guard !overflow else { throw MoneyOverflow(operation: "\(lhs) − \(rhs)") }
        return Money(fen: difference)
    }

    /// Throws only for `Int64.min` fen, which has no positive counterpart.
    public static prefix func - (amount: Money) throws(MoneyOverflow) -> Money {
        try .zero - amount
    }

    public static func += (lhs: inout Money, rhs: Money) throws(MoneyOverflow) { lhs = try lhs + rhs }
    public static func -= (lhs: inout Money, rhs: Money) throws(MoneyOverflow) { lhs = try lhs - rhs }
}

/// An amount, sum or product beyond what 64-bit fen can hold (±92,233,720,368,547,758.07 yuan): no shop's
/// figure, so the data feeding it is wrong.
public struct MoneyOverflow: Error, Sendable, Hashable, CustomStringConvertible {
    /// The computation that overflowed, e.g. `92233720368547758.07 + 0.01`.
    public let operation: String

    public init(operation: String) {
        self.operation = operation
    }

    public var description: String {
        "\(operation) is beyond the range of an amount (64-bit fen, ±92,233,720,368,547,758.07 yuan)"
    }
}

// MARK: - Rounded products

/// Products below are rounded to the fen half away from zero (四舍五入 as a cashier does it):
/// 0.005 yuan becomes 0.01 and -0.005 becomes -0.01, so a refund line mirrors its sale line.
extension Money {
    /// Quantity × unit price, where the quantity is in thousandths (1.5 pieces = 1500, as stored in
    /// the database), rounded to the fen half away from zero.
    public func multiplied(byThousandths quantity: Int64) throws(MoneyOverflow) -> Money {
        try Self.roundedQuotient(Int128(fen) * Int128(quantity), 1_000, "\(self) × \(quantity)/1000")
    }

    /// The discount (优惠金额) at a rate in basis points (12.5% = 1250), rounded to the fen half away
    /// from zero.
    public func discount(basisPoints rate: Int64) throws(MoneyOverflow) -> Money {
        try Self.roundedQuotient(Int128(fen) * Int128(rate), 10_000, "\(self) × \(rate)/10000")
    }

    /// The amount left after `discount(basisPoints:)`; computed as a difference so that the discount
    /// and the discounted amount printed on one line always add up to the original.
    public func discounted(basisPoints rate: Int64) throws(MoneyOverflow) -> Money {
        try self - discount(basisPoints: rate)
    }

    /// `numerator / denominator` in fen, rounded half away from zero; the wide numerator keeps
    /// quantity × price from overflowing before the division.
    private static func roundedQuotient(_ numerator: Int128, _ denominator: Int128, _ operation: String) throws(MoneyOverflow) -> Money {
        let quotient = numerator / denominator
        let remainder = numerator % denominator
        let roundsAway = remainder.magnitude * 2 >= denominator.magnitude
        let rounded = roundsAway ? quotient + (numerator < 0 ? -1 : 1) : quotient
        guard let fen = Int64(exactly: rounded) else { throw MoneyOverflow(operation: operation) }
        return Money(fen: fen)
    }
}

extension Sequence where Element == Money {
    /// The total of all amounts; zero for an empty sequence.
    public func sum() throws(MoneyOverflow) -> Money {
        var total = Money.zero
        for amount in self { try total += amount }
        return total
    }
}
