import DanjuGeometry
import DanjuTemplate

/// A grid element as bands: an optional title kept with the first row, then one band per row of cells.
struct GridLayout {
    let element: GridElement
    let document: DocumentLayout
    let width: Double

    /// No bands for a query without rows: a claim without photos has no photo sheet.
    func bands() throws -> [Band] {
        let rows = document.bindings.tables[element.query] ?? []
        guard !rows.isEmpty else { return [] }
        let cellWidth = (width - Double(element.columns - 1) * element.gap) / Double(element.columns)
        if let over = element.cell.items.first(where: { $0.frame.maxX > cellWidth + 0.01 }) {
            throw TemplateError("this item reaches beyond the cell's width (\(Self.mm(cellWidth)) mm with \(element.columns) columns)",
                                at: over.location)
        }
        var bands: [Band] = []
        if let title = element.title {
            let block = document.typesetter.layout(try document.bindings.text(title), style: element.titleStyle, width: width)
            var band = Band(height: block.height + points(mm: 1.5), keepWithNext: true)
            band.add(.text(block, at: Point(x: 0, y: 0)), artwork: title.references.isEmpty)
            bands.append(band)
        }
        for start in stride(from: 0, to: rows.count, by: element.columns) {
            var band = Band(height: element.cell.height + element.gap)
            for (column, row) in rows[start..<min(start + element.columns, rows.count)].enumerated() {
                let cell = try document.band(for: element.cell, row: row, page: 1, pages: 1)
                let dx = Double(column) * (cellWidth + element.gap)
                // Cells differ from row to row, so all of a cell is data: no shared artwork to key pages on.
                band.items += (cell.artwork + cell.items).map { $0.offsetBy(dx: dx, dy: 0) }
            }
            bands.append(band)
        }
        return bands
    }

    private static func mm(_ points: Double) -> String { String(format: "%.1f", points * 25.4 / 72) }
}
