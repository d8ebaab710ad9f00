import DanjuBinding
import DanjuDatabase
import DanjuFormat
import DanjuGeometry
import DanjuTemplate
import DanjuText

/// The rows of a query as a ruled table: a header row repeated on every page, rows moved whole to the next
/// page, optionally split into `across` side-by-side halves, and a `group` column printed once per run of
/// equal values as one merged cell (its text repeated at the top of a new page).
struct TableLayout {
    let element: TableElement
    let document: DocumentLayout
    let width: Double

    private static let setGap = points(mm: 3)

    private var setWidth: Double {
        (width - Double(element.across - 1) * Self.setGap) / Double(element.across)
    }

    private var columnWidths: [Double] {
        let fixed = element.columns.reduce(0.0) { if case .fixed(let w) = $1.width { $0 + w } else { $0 } }
        let shares = element.columns.reduce(0.0) { if case .fraction(let s) = $1.width { $0 + s } else { $0 } }
        let free = max(0, setWidth - fixed)
        return element.columns.map {
            switch $0.width {
            case .fixed(let w): w
            case .fraction(let share): free * share / max(shares, 1e-9)
            }
        }
    }

    /// The column showing the group value: the first whose text is exactly `{{group}}`.
    private var groupColumn: Int? {
        guard let group = element.group else { return nil }
        return element.columns.firstIndex {
            if case .text(let value) = $0.content, value.references.map(\.name) == [group], value.references.first?.source == nil { true } else { false }
        }
    }

    /// No bands for a query without rows (unless blank rows are asked for): an empty table says nothing.
    /// Rows become bands only as the paginator reaches them.
    func bands() throws -> BandStream {
        var rows = document.bindings.rows(of: element.query)
        if rows.isEmpty, element.blankRows == 0 { return BandStream([]) }
        // Side-by-side sets read rows out of order: hold them (such tables are short checklists).
        if element.across > 1 { rows = TableRows(try rows.all()) }
        let header = headerBand()
        var bands: [Band] = []
        if let title = element.title {
            var style = element.headerStyle
            style.bold = true
            let block = document.typesetter.layout(try document.bindings.text(title), style: style, width: width)
            var band = Band(height: block.height + points(mm: 1), keepWithNext: true)
            band.add(.text(block, at: Point(x: 0, y: 0)), artwork: title.references.isEmpty)
            bands.append(band)
        }
        bands.append(header)
        // A row taller than this is cut over pages: room below the repeated header (and the carried totals).
        let carried = element.totals?.carry.map { line($0.forward, amount: .zero).height + line($0.back, amount: .zero).height } ?? 0
        let limit = document.bodyHeight - header.height - carried - DocumentLayout.gap
        let body: BandStream
        if let totals = element.totals, !rows.isEmpty {
            body = totalledRows(rows, totals: totals, header: header, limit: limit)
        } else {
            let perSet = rows.isEmpty ? element.blankRows : (rows.count + element.across - 1) / element.across
            body = BandStream(count: perSet) { index in
                try rowBands(index: index, perSet: perSet, rows: rows, limit: limit).map { band in
                    var band = band
                    band.repeatOnNewPage = [header]
                    return band
                }
            }
        }
        return BandStream(concatenating: [{ BandStream(bands) }, { body }])
    }

    /// Rows with their sums: section headings and subtotals, the running total carried over page breaks,
    /// and the grand total kept with the last row.
    private func totalledRows(_ rows: TableRows, totals: TableTotals, header: Band, limit: Double) -> BandStream {
        var running = Money.zero, section = Money.zero
        func repeatingHeader(_ band: Band) -> Band {
            var band = band
            band.repeatOnNewPage = [header]
            return band
        }
        let body = BandStream(count: rows.count) { index in
            let row = try rows.row(index), last = index == rows.count - 1
            var bands: [Band] = []
            if let sections = totals.sections, try index == 0 || rows.row(index - 1)[sections] != row[sections] {
                let title = try totals.sectionTitle.map { try document.bindings.text($0, row: row) } ?? row[sections]?.text ?? ""
                var heading = line(title, amount: nil)
                heading.keepWithNext = true
                bands.append(heading)
            }
            let amount = try fen(of: row, number: index + 1, column: totals.column)
            do {
                try running += amount
                try section += amount
            } catch {
                throw TemplateError("query “\(element.query)”, column “\(totals.column)”: the total up to row \(index + 1) \(row.identification) overflows: \(error)",
                                    at: element.location)
            }
            var pieces = try rowBands(index: index, perSet: rows.count, rows: rows, limit: limit)
            pieces[pieces.count - 1].keepWithNext = last
            bands += pieces
            if let sections = totals.sections, try last || rows.row(index + 1)[sections] != row[sections] {
                var subtotal = line(totals.subtotalLabel, amount: section)
                subtotal.keepWithNext = last
                bands.append(subtotal)
                section = .zero
            }
            if let carry = totals.carry, !last {
                bands[bands.count - 1].carried = CarriedTotal(forward: line(carry.forward, amount: running),
                                                              back: line(carry.back, amount: running))
            }
            return bands.map(repeatingHeader)
        }
        return BandStream(concatenating: [{ body }, { BandStream([repeatingHeader(line(totals.totalLabel, amount: running))]) }])
    }

    /// A full-width line: a section heading (no amount) or a labelled total, right-aligned.
    private func line(_ label: String, amount: Money?) -> Band {
        var style = element.style
        style.bold = true
        style.alignment = amount == nil ? .left : .right
        let text = amount.map { "\(label)：\($0.formatted(.yuan))" } ?? label
        let block = document.typesetter.layout(text, style: style, width: width - 2 * DocumentLayout.padX)
        let height = max(element.rowHeight, RuledCell.height(for: block))
        let cell = Rect(x: 0, y: 0, width: width, height: height)
        return Band(height: height, items: [.rect(cell, lineWidth: RuledCell.rule, fill: Color.gray(0.96)),
                                            RuledCell.text(block, in: cell, centered: true)])
    }

    /// The amount of a row, which must be an INTEGER of fen: money is never a floating-point number.
    private func fen(of row: Row, number: Int, column: String) throws -> Money {
        let found: String
        switch row[column] {
        case .integer(let fen)?: return Money(fen: fen)
        case .real(let real)?: found = "the REAL \(real) (from total(), avg(), a decimal division, a sum or product beyond 64 bits or a non-STRICT column)"
        case .text(let text)?: found = "the TEXT “\(text)”"
        case .null?: found = "NULL"
        case .blob?: found = "a BLOB"
        case nil: found = "nothing: the query has no such column"
        }
        throw TemplateError("query “\(element.query)”, row \(number) \(row.identification), column “\(column)”: a table total sums INTEGER amounts of fen, not \(found)",
                            at: element.location)
    }

    private func headerBand() -> Band {
        var style = element.headerStyle
        style.alignment = .center
        let widths = columnWidths
        let blocks = zip(element.columns, widths).map { column, width in
            document.typesetter.layout(column.title, style: style, width: width - 2 * DocumentLayout.padX)
        }
        let height = blocks.map(RuledCell.height).reduce(element.rowHeight, max)
        var band = Band(height: height, keepWithNext: true)
        for set in 0..<element.across {
            var x = Double(set) * (setWidth + Self.setGap)
            for (block, width) in zip(blocks, widths) {
                let cell = Rect(x: x, y: 0, width: width, height: height)
                band.artwork += [.rect(cell, lineWidth: RuledCell.rule, fill: RuledCell.labelFill), RuledCell.text(block, in: cell, centered: true)]
                x += width
            }
        }
        return band
    }

    /// The bands of row `index` of each side-by-side set (row `set * perSet + index` of the query): one band,
    /// or, for a row taller than `limit`, pieces cut between text lines, each fitting a page below the header.
    private func rowBands(index: Int, perSet: Int, rows: TableRows, limit: Double) throws -> [Band] {
        let widths = columnWidths
        var cells: [(set: Int, row: Row?, position: Int)] = []
        for set in 0..<element.across {
            let position = set * perSet + index
            if rows.isEmpty || position < rows.count { cells.append((set, rows.isEmpty ? nil : try rows.row(position), position)) }
        }
        // Lay out every cell's content first: the band is as tall as its tallest cell.
        var pieces: [[[CellContent]]] = [[]]
        for cell in cells {
            pieces[0].append(try zip(element.columns, widths).map { column, width in try content(column, width: width, row: cell.row, position: cell.position) })
        }
        while height(of: pieces[pieces.count - 1]) > limit, let cut = cut(pieces[pieces.count - 1], within: limit) {
            pieces[pieces.count - 1] = cut.head
            pieces.append(cut.tail)
        }
        return try pieces.indices.map { piece in
            try band(of: pieces[piece], cells: cells, perSet: perSet, rows: rows, continues: piece > 0, continued: piece < pieces.count - 1)
        }
    }

    private func height(of contents: [[CellContent]]) -> Double {
        contents.flatMap { $0 }.map(\.height).reduce(element.rowHeight, max)
    }

    /// Every cell's text cut after the last line that fits `limit`: what goes on this page and what on the
    /// next. Nil when no text can be cut (a single line taller than the page).
    private func cut(_ contents: [[CellContent]], within limit: Double) -> (head: [[CellContent]], tail: [[CellContent]])? {
        var cutAny = false
        let widths = columnWidths
        let parts = contents.map { cells in
            zip(cells, widths).map { cell, width -> (CellContent, CellContent) in
                guard case .text(let block) = cell, cell.height > limit else { return (cell, .empty) }
                let lines = block.lineBreaks
                let fitting = lines.filter { $0.bottom + 2 * DocumentLayout.padY <= limit }.count
                guard fitting > 0, fitting < lines.count else { return (cell, .empty) }
                cutAny = true
                let utf8 = Array(block.text.utf8), at = lines[fitting].start
                var head = String(decoding: utf8[..<at], as: UTF8.self)
                if head.hasSuffix("\n") { head.removeLast() }
                let layout = { (text: String) in document.typesetter.layout(text, style: block.style, width: width - 2 * DocumentLayout.padX) }
                return (.text(layout(head)), .text(layout(String(decoding: utf8[at...], as: UTF8.self))))
            }
        }
        guard cutAny else { return nil }
        return (parts.map { $0.map(\.0) }, parts.map { $0.map(\.1) })
    }

    /// One band of laid-out cells. A piece that `continues` a row cut over pages, or is `continued` by one,
    /// leaves the group column's merged cell open on that side.
    private func band(of contents: [[CellContent]], cells: [(set: Int, row: Row?, position: Int)], perSet: Int, rows: TableRows,
                      continues: Bool, continued: Bool) throws -> Band {
        let widths = columnWidths
        let height = height(of: contents)
        var band = Band(height: height)
        for (cell, content) in zip(cells, contents) {
            var x = Double(cell.set) * (setWidth + Self.setGap)
            let run = try groupRun(at: cell.position, setStart: cell.set * perSet, setEnd: min((cell.set + 1) * perSet, rows.count), rows: rows)
                .map { (starts: $0.starts && !continues, ends: $0.ends && !continued) }
            for (column, (width, part)) in zip(widths, content).enumerated() {
                let rect = Rect(x: x, y: 0, width: width, height: height)
                if column == groupColumn, let run {
                    band.artwork += [.line(from: Point(x: rect.x, y: 0), to: Point(x: rect.x, y: height), width: RuledCell.rule),
                                     .line(from: Point(x: rect.maxX, y: 0), to: Point(x: rect.maxX, y: height), width: RuledCell.rule)]
                    let top = PageItem.line(from: Point(x: rect.x, y: 0), to: Point(x: rect.maxX, y: 0), width: RuledCell.rule)
                    let bottom = PageItem.line(from: Point(x: rect.x, y: height), to: Point(x: rect.maxX, y: height), width: RuledCell.rule)
                    let text = part.drawn(in: rect, centered: false)
                    if run.starts {
                        band.artwork.append(top)
                        band.items += text.items
                    } else {
                        band.ifFirstOnPage += [top] + text.items
                    }
                    if run.ends { band.artwork.append(bottom) } else { band.ifLastOnPage.append(bottom) }
                } else {
                    let drawn = part.drawn(in: rect, centered: true)
                    band.artwork += [.rect(rect, lineWidth: RuledCell.rule, fill: nil)] + drawn.artwork
                    band.items += drawn.items
                }
                x += width
            }
        }
        return band
    }

    /// Whether the row at `position` starts and ends its run of equal group values within its set.
    private func groupRun(at position: Int, setStart: Int, setEnd: Int, rows: TableRows) throws -> (starts: Bool, ends: Bool)? {
        guard let group = element.group, groupColumn != nil, position < rows.count else { return nil }
        let value = try rows.row(position)[group]
        return (try position == setStart || rows.row(position - 1)[group] != value,
                try position + 1 >= setEnd || rows.row(position + 1)[group] != value)
    }

    private func content(_ column: TableColumn, width: Double, row: Row?, position: Int) throws -> CellContent {
        let place = RowPlace(query: element.query, number: position + 1)
        switch column.content {
        case .text(let interpolation):
            guard let row else { return .empty }
            var style = element.style
            if let alignment = column.alignment { style.alignment = alignment }
            let text = try document.bindings.text(interpolation, row: row, place: place)
            return .text(keepingFiguresWhole(text, style: style, width: width - 2 * DocumentLayout.padX, at: interpolation.location,
                                             column: column.title))
        case .check(let interpolation, let when):
            let value = try row.map { try document.bindings.text(interpolation, row: $0, place: place) }
            return .check(value == when)
        }
    }

    /// The smallest size a figure is shrunk to so that it stays on one line.
    private static let figureFloor = 5.0

    /// `text` wrapped at `width`, but never inside a figure: `2,157,588.21` split after `588` reads as two amounts.
    /// A cell that would split one is set smaller, in 0.25 pt steps down to `figureFloor`; one still too narrow
    /// gets its text on one line at that size, over the cell's edge, and a report.
    private func keepingFiguresWhole(_ text: String, style: TextStyle, width: Double, at location: SourceLocation, column: String) -> TextBlock {
        var block = document.typesetter.layout(text, style: style, width: width)
        var size = style.size
        while Self.splitsAFigure(block), size - 0.25 >= Self.figureFloor - 0.001 {
            size -= 0.25
            block = document.typesetter.layout(text, style: style.withSize(size), width: width)
        }
        guard Self.splitsAFigure(block) else { return block }
        block = document.typesetter.layout(text, style: style.withSize(Self.figureFloor), width: nil)
        document.overflows.append(OverflowReport(location: location, element: "table “\(element.query)”, column “\(column)”",
                                                 record: document.options.record, text: text,
                                                 problem: .figureTooWide(width: block.width, column: width, fontSize: Self.figureFloor)))
        return block
    }

    /// Whether a line of `block` starts inside a number: a digit, comma or point on both sides of the break.
    private static func splitsAFigure(_ block: TextBlock) -> Bool {
        guard block.lineCount > 1 else { return false }
        let utf8 = Array(block.text.utf8)
        func isFigure(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".") }
        return block.lineBreaks.dropFirst().contains { line in
            line.start > 0 && line.start < utf8.count && isFigure(utf8[line.start - 1]) && isFigure(utf8[line.start])
        }
    }

    private enum CellContent {
        case empty
        case text(TextBlock)
        case check(Bool)

        var height: Double {
            switch self {
            case .empty, .check: 0
            case .text(let block): RuledCell.height(for: block)
            }
        }

        /// The cell's drawing: a tick box is artwork, what fills it is data.
        func drawn(in cell: Rect, centered: Bool) -> (artwork: [PageItem], items: [PageItem]) {
            switch self {
            case .empty:
                return ([], [])
            case .text(let block):
                return ([], [RuledCell.text(block, in: cell, centered: centered)])
            case .check(let checked):
                let box = RuledCell.tickBox(centeredIn: cell, checked: checked)
                return ([box.box], box.tick.map { [$0] } ?? [])
            }
        }
    }
}
