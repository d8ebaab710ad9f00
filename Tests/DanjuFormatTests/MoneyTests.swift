import DanjuFormat
import Testing

@Suite struct MoneyTests {
    @Test(arguments: [
        (Int64(140_950), "1,409.50", "¥1,409.50", "1409.50"),
        (-320, "-3.20", "-¥3.20", "-3.20"),
        (1, "0.01", "¥0.01", "0.01"),
        (0, "0.00", "¥0.00", "0.00"),
        (100_000, "1,000.00", "¥1,000.00", "1000.00"),
        (9_999_999_999, "99,999,999.99", "¥99,999,999.99", "99999999.99"),
        (Int64.min, "-92,233,720,368,547,758.08", "-¥92,233,720,368,547,758.08", "-92233720368547758.08"),
    ] as [(Int64, String, String, String)])
    func formats(fen: Int64, grouped: String, yuan: String, plain: String) {
        let amount = Money(fen: fen)
        #expect(amount.formatted() == grouped)
        #expect(amount.formatted(.yuan) == yuan)
        #expect(amount.formatted(.plain) == plain)
        #expect(amount.description == plain)
    }

    @Test func arithmetic() throws {
        var total = Money(fen: 100)
        try total += Money(fen: 50)
        try total -= Money(fen: 30)
        #expect(total == Money(fen: 120))
        #expect(try -total == Money(fen: -120))
        #expect(try Money(fen: 1) + Money(fen: 2) - Money(fen: 5) == Money(fen: -2))
        #expect(try [Money(fen: 1), Money(fen: 2), Money(fen: 3)].sum() == Money(fen: 6))
        #expect(try [Money]().sum() == .zero)
        #expect(Money(fen: -1) < .zero)
    }

    /// Amounts come from a shop's database, where a row may hold any 64-bit value: a result beyond Int64 is an
    /// error naming the computation, never a trap.
    @Test func arithmeticBeyondSixtyFourBitsThrows() throws {
        let most = Money(fen: .max), least = Money(fen: .min)
        #expect(throws: MoneyOverflow(operation: "92233720368547758.07 + 0.01")) { try most + Money(fen: 1) }
        #expect(throws: MoneyOverflow.self) { try least - Money(fen: 1) }
        #expect(throws: MoneyOverflow.self) { try -least }
        #expect(throws: MoneyOverflow.self) { try [most, most, least].sum() }
        #expect(throws: MoneyOverflow.self) { try most.multiplied(byThousandths: 1_001) }
        #expect(throws: MoneyOverflow.self) { try most.discount(basisPoints: 20_000) }
        #expect(try most - most == .zero)
        #expect(try [most, least, Money(fen: 1)].sum() == .zero, "a running total that stays in range")
        #expect(try most.multiplied(byThousandths: 1_000) == most)
        #expect("\(MoneyOverflow(operation: "a + b"))".contains("±92,233,720,368,547,758.07"))
    }

    /// Quantity in thousandths × unit price, rounded half away from zero.
    @Test(arguments: [
        (Int64(1_000), Int64(1_500), Int64(1_500)),  // 10.00 × 1.5 = 15.00
        (333, 1_000, 333),  // 3.33 × 1
        (333, 500, 167),  // 3.33 × 0.5 = 1.665 → 1.67
        (-333, 500, -167),  // a refund mirrors its sale
        (1, 500, 1),  // 0.005 → 0.01
        (1, 499, 0),
        (-1, 500, -1),
        (12_345, 2_250, 27_776),  // 123.45 × 2.25 = 277.7625 → 277.76
        (9_999_999_999, 1_000, 9_999_999_999),
        (9_999_999_999, 1_000_000_000, 9_999_999_999_000_000),  // × 1,000,000: fen × thousandths exceeds Int64
    ] as [(Int64, Int64, Int64)])
    func multipliesByThousandths(priceFen: Int64, quantity: Int64, expectedFen: Int64) throws {
        #expect(try Money(fen: priceFen).multiplied(byThousandths: quantity) == Money(fen: expectedFen))
    }

    @Test(arguments: [
        (Int64(10_000), Int64(1_000), Int64(1_000)),  // 10% of 100.00
        (999, 1_250, 125),  // 12.5% of 9.99 = 1.24875 → 1.25
        (999, 850, 85),  // 8.5% of 9.99 = 0.84915 → 0.85
        (10, 500, 1),  // 5% of 0.10 = 0.005 → 0.01
        (-10, 500, -1),
        (12_345, 0, 0),
        (12_345, 10_000, 12_345),
    ] as [(Int64, Int64, Int64)])
    func discounts(fen: Int64, basisPoints: Int64, discountFen: Int64) throws {
        let amount = Money(fen: fen)
        #expect(try amount.discount(basisPoints: basisPoints) == Money(fen: discountFen))
        #expect(try amount.discounted(basisPoints: basisPoints) + amount.discount(basisPoints: basisPoints) == amount)
    }
}
