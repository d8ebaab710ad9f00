import DanjuGeometry
import DanjuTemplate
import DanjuText

/// A label/value grid: `columns` pairs a row, each cell spanning one or more pairs; a row is as tall as
/// its tallest cell, so long values grow the row instead of being cut.
struct FieldsLayout {
    let element: FieldsElement
    let document: DocumentLayout
    let width: Double

    private var pairWidth: Double { width / Double(element.columns) }

    func bands() throws -> [Band] {
        try rows().map(band)
    }

    /// Cells grouped into rows; the last cell of a row stretches over pairs left free.
    private func rows() -> [[(cell: FieldCell, span: Int)]] {
        var rows: [[(cell: FieldCell, span: Int)]] = []
        var current: [(cell: FieldCell, span: Int)] = []
        var used = 0
        func close() {
            guard !current.isEmpty else { return }
            current[current.count - 1].span += element.columns - used
            rows.append(current)
            current = []
            used = 0
        }
        for cell in element.cells {
            if used + cell.span > element.columns { close() }
            current.append((cell, cell.span))
            used += cell.span
        }
        close()
        return rows
    }

    private struct Prepared {
        var label: TextBlock
        /// Tick boxes of a choices cell: boxes and captions are artwork, ticks data.
        var choices: (artwork: [PageItem], ticks: [PageItem])
        var valueHeight: Double
        var labelRect: Rect
        var valueRect: Rect
        var centered: Bool
        var fitted: FittedText?
    }

    private func band(_ row: [(cell: FieldCell, span: Int)]) throws -> Band {
        var x = 0.0
        var prepared: [Prepared] = []
        for (cell, span) in row {
            let spanWidth = Double(span) * pairWidth
            let labelRect = Rect(x: x, y: 0, width: element.labelWidth, height: 0)
            let valueRect = Rect(x: x + element.labelWidth, y: 0, width: spanWidth - element.labelWidth, height: cell.height ?? 0)
            let label = document.typesetter.layout(cell.label, style: element.labelStyle, width: element.labelWidth - 2 * DocumentLayout.padX)
            let inner = valueRect.insetBy(dx: DocumentLayout.padX, dy: DocumentLayout.padY)
            switch cell.content {
            case .text(let interpolation):
                let text = try document.bindings.text(interpolation)
                let fitted = document.fit(text, style: cell.style ?? element.valueStyle, in: inner, fixed: cell.height != nil,
                                          minSize: cell.minSize, location: cell.location, element: "field “\(cell.label)”")
                prepared.append(Prepared(label: label, choices: ([], []), valueHeight: RuledCell.height(for: fitted.block), labelRect: labelRect,
                                         valueRect: valueRect, centered: cell.minHeight == nil && cell.height == nil, fitted: fitted))
            case .choices(let choices, let interpolation):
                let value = try document.bindings.text(interpolation)
                if !value.isEmpty, !choices.contains(value) {
                    document.overflows.append(OverflowReport(location: cell.location, element: "field “\(cell.label)”", record: document.options.record, text: value,
                                                             problem: .notAsStored("is none of its choices (\(choices.joined(separator: ", "))): printed beside the boxes, none ticked")))
                }
                let (drawn, height) = self.choices(choices, selected: value, style: cell.style ?? element.valueStyle, width: inner.width)
                prepared.append(Prepared(label: label, choices: drawn, valueHeight: height + 2 * DocumentLayout.padY, labelRect: labelRect,
                                         valueRect: valueRect, centered: true, fitted: nil))
            }
            x += spanWidth
        }
        let height = zip(row, prepared).map { cell, part in
            max(cell.cell.height ?? 0, cell.cell.minHeight ?? 0, RuledCell.height(for: part.label),
                cell.cell.height == nil ? part.valueHeight : 0)
        }.reduce(element.rowHeight, max)

        var band = Band(height: height)
        for part in prepared {
            let labelCell = Rect(x: part.labelRect.x, y: 0, width: part.labelRect.width, height: height)
            let valueCell = Rect(x: part.valueRect.x, y: 0, width: part.valueRect.width, height: height)
            band.artwork += [.rect(labelCell, lineWidth: RuledCell.rule, fill: RuledCell.labelFill),
                             .rect(valueCell, lineWidth: RuledCell.rule, fill: nil),
                             RuledCell.text(part.label, in: labelCell, centered: true)]
            if let fitted = part.fitted {
                band.items.append(RuledCell.text(fitted.block, in: valueCell, centered: part.centered))
            } else {
                let dx = valueCell.x + DocumentLayout.padX, dy = (height - part.valueHeight) / 2 + DocumentLayout.padY
                band.artwork += part.choices.artwork.map { $0.offsetBy(dx: dx, dy: dy) }
                band.items += part.choices.ticks.map { $0.offsetBy(dx: dx, dy: dy) }
            }
        }
        return band
    }

    /// Tick boxes with their captions in a line, wrapping when the cell is too narrow. A value that is none of the
    /// choices ticks nothing and is printed after the boxes, as data, so the paper still says what the record says.
    private func choices(_ choices: [String], selected: String, style: TextStyle, width: Double) -> ((artwork: [PageItem], ticks: [PageItem]), Double) {
        let box = RuledCell.tickBox
        let spacing = points(mm: 1), after = points(mm: 3.5)
        var artwork: [PageItem] = [], ticks: [PageItem] = []
        var x = 0.0, y = 0.0, lineHeight = box
        for choice in choices {
            let caption = document.typesetter.layout(choice, style: style)
            let needed = box + spacing + caption.width
            if x > 0, x + needed > width {
                x = 0
                y += lineHeight + spacing
            }
            lineHeight = max(box, caption.height)
            let drawn = RuledCell.tickBox(Rect(x: x, y: y + (lineHeight - box) / 2, width: box, height: box), checked: choice == selected)
            artwork += [drawn.box, .text(caption, at: Point(x: x + box + spacing, y: y + (lineHeight - caption.height) / 2))]
            ticks += [drawn.tick].compactMap { $0 }
            x += needed + after
        }
        if !selected.isEmpty, !choices.contains(selected) {
            let value = document.typesetter.layout("（\(selected)）", style: style, width: width)
            if x > 0, x + value.width > width {
                x = 0
                y += lineHeight + spacing
                lineHeight = 0
            }
            lineHeight = max(lineHeight, value.height)
            ticks.append(.text(value, at: Point(x: x, y: y + (lineHeight - value.height) / 2)))
        }
        return ((artwork, ticks), y + lineHeight)
    }
}
