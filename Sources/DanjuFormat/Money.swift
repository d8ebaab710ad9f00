/// An exact amount of renminbi, counted in fen (分, 0.01 yuan).
///
/// Amounts are never held as floating point: a price list summed in `Double` drifts by fractions of a
/// fen, and a printed settlement must add up to the cent. Arithmetic traps on `Int64` overflow, far
/// beyond any amount a shop prints (the limit is about 92 trillion yuan).
public struct Money: Sendable, Hashable, Comparable {
    /// The amount in fen; negative for refunds and discounts.
    public let fen: Int64

    public init(fen: Int64) {
        self.fen = fen
    }

    public static let zero = Money(fen: 0)

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.fen < rhs.fen }

    public static func + (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen + rhs.fen) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen - rhs.fen) }
    public static prefix func - (amount: Money) -> Money { Money(fen: -amount.fen) }
    public static func += (lhs: inout Money, rhs: Money) { lhs = lhs + rhs }
    public static func -= (lhs: inout Money, rhs: Money) { lhs = lhs - rhs }
}

// MARK: - Rounded products

/// Products below are rounded to the fen half away from zero (四舍五入 as a cashier does it):
/// 0.005 yuan becomes 0.01 and -0.005 becomes -0.01, so a refund line mirrors its sale line.
extension Money {
    /// Quantity × unit price, where the quantity is in thousandths (1.5 pieces = 1500, as stored in
    /// the database), rounded to the fen half away from zero.
    public func multiplied(byThousandths quantity: Int64) -> Money {
        Money(fen: Self.roundedQuotient(Int128(fen) * Int128(quantity), 1_000))
    }

    /// The discount (优惠金额) at a rate in basis points (12.5% = 1250), rounded to the fen half away
    /// from zero.
    public func discount(basisPoints rate: Int64) -> Money {
        Money(fen: Self.roundedQuotient(Int128(fen) * Int128(rate), 10_000))
    }

    /// The amount left after `discount(basisPoints:)`; computed as a difference so that the discount
    /// and the discounted amount printed on one line always add up to the original.
    public func discounted(basisPoints rate: Int64) -> Money {
        self - discount(basisPoints: rate)
    }

    /// `numerator / denominator` rounded half away from zero; the wide numerator keeps
    /// quantity × price from overflowing before the division. Traps if the result does not fit.
    private static func roundedQuotient(_ numerator: Int128, _ denominator: Int128) -> Int64 {
        let quotient = numerator / denominator
        let remainder = numerator % denominator
        let roundsAway = remainder.magnitude * 2 >= denominator.magnitude
        let rounded = roundsAway ? quotient + (numerator < 0 ? -1 : 1) : quotient
        return Int64(rounded)
    }
}

extension Sequence where Element == Money {
    /// The total of all amounts; zero for an empty sequence.
    public func sum() -> Money {
        reduce(.zero, +)
    }
}
