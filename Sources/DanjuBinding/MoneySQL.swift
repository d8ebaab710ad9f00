import DanjuDatabase
import DanjuFormat

/// How a work order line's figures read across on paper, defined once for every template that prints lines
/// (报价单, 派工单, 结算单): 数量 × 单价 − 优惠 = 金额, and for labour 工时 × 工时单价 − 优惠 = 金额.
///
/// - `line_amount(count_milli, price_fen)`: a count in thousandths (1.5 pieces = 1500) times a price in fen,
///   rounded to the fen half away from zero (half up, as the shop's system stores it), computed exactly in Swift;
///   NULL when an argument is NULL or not an INTEGER, or when the product is beyond 64 bits (SQLite's own `*`
///   would go on in floating point and round).
/// - the view `priced_lines`: every column of `work_order_lines`, plus `count_milli`, `count_unit` and
///   `price_fen` (the quantity, its unit and the unit price; for labour the hours in thousandths, 工时 and the
///   labour rate), `priced_fen` (their `line_amount`, what `amount_fen` must be) and `net_fen` (`amount_fen`
///   less the line's discount: the 金额 printed).
public enum MoneySQL {
    public static func register(on database: Database) throws {
        try database.defineFunction("line_amount", arguments: 2) { arguments in
            guard case .integer(let count) = arguments[0], case .integer(let price) = arguments[1],
                  let amount = try? Money(fen: price).multiplied(byThousandths: count) else { return .null }
            return .integer(amount.fen)
        }
        try database.defineView("priced_lines", as: pricedLines)
    }

    static let pricedLines = """
        SELECT p.*, line_amount(p.count_milli, p.price_fen) AS priced_fen
        FROM (SELECT l.*,
                     CASE WHEN l.kind = 'labour' THEN l.labour_hours_hundredths * 10 ELSE l.quantity_milli END AS count_milli,
                     CASE WHEN l.kind = 'labour' THEN '工时' ELSE l.unit END AS count_unit,
                     CASE WHEN l.kind = 'labour' THEN l.labour_rate_fen ELSE l.unit_price_fen END AS price_fen,
                     l.amount_fen - l.discount_fen AS net_fen
              FROM work_order_lines l) p
        """
}
