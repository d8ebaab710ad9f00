import DanjuGeometry
import DanjuTemplate
import DanjuText

/// Drawing helpers shared by the ruled grids (fields, tables): cell text with padding, tick boxes, fills.
enum RuledCell {
    static let labelFill = Color.gray(0.93)
    static let rule = 0.5
    static let tickBox = points(mm: 3.2)

    /// Text placed in a cell: centred vertically when it is shorter than the cell, else from the top.
    static func text(_ block: TextBlock, in cell: Rect, centered: Bool) -> PageItem {
        let free = cell.height - block.height
        let y = centered && free > 0 ? cell.y + free / 2 : cell.y + DocumentLayout.padY
        return .text(block, at: Point(x: cell.x + DocumentLayout.padX, y: y))
    }

    /// The height a cell needs for `block` with its padding.
    static func height(for block: TextBlock) -> Double { block.height + 2 * DocumentLayout.padY }

    /// A drawn tick box (artwork) and, when checked, its tick (data): never a font glyph.
    static func tickBox(_ box: Rect, checked: Bool) -> (box: PageItem, tick: PageItem?) {
        (.rect(box, lineWidth: 0.6, fill: nil), checked ? .tick(in: box) : nil)
    }

    static func tickBox(centeredIn cell: Rect, checked: Bool) -> (box: PageItem, tick: PageItem?) {
        tickBox(Rect(x: cell.x + (cell.width - tickBox) / 2, y: cell.y + (cell.height - tickBox) / 2, width: tickBox, height: tickBox),
                checked: checked)
    }
}
