import CCairo
import DanjuGeometry

/// Draws vector shapes: the path filled with its colour, its hatch drawn clipped to the path, then the
/// outline. Hatches keep chart series apart on a black-and-white printer.
struct ShapeRenderer {
    let cairo: OpaquePointer
    /// Distance between hatch lines, in points.
    private static let pitch = 3.0

    func draw(_ shape: Shape) {
        cairo_save(cairo)
        defer { cairo_restore(cairo) }
        cairo_new_path(cairo)
        for step in shape.path {
            switch step {
            case .move(let x, let y): cairo_move_to(cairo, x, y)
            case .line(let x, let y): cairo_line_to(cairo, x, y)
            case .curve(let x1, let y1, let x2, let y2, let x, let y): cairo_curve_to(cairo, x1, y1, x2, y2, x, y)
            case .arc(let cx, let cy, let r, let a0, let a1): cairo_arc(cairo, cx, cy, r, a0, a1)
            case .arcBack(let cx, let cy, let r, let a0, let a1): cairo_arc_negative(cairo, cx, cy, r, a0, a1)
            case .close: cairo_close_path(cairo)
            }
        }
        if let fill = shape.fill {
            setSource(fill.color, on: cairo)
            cairo_fill_preserve(cairo)
            if fill.hatch != .none {
                cairo_save(cairo)
                cairo_clip_preserve(cairo)
                hatch(fill.hatch, in: shape.bounds)
                cairo_restore(cairo)
            }
        }
        // The path outlives cairo_restore: an unstroked shape must not leave it to the next item's stroke.
        guard let stroke = shape.stroke else { return cairo_new_path(cairo) }
        setSource(stroke.color, on: cairo)
        cairo_set_line_width(cairo, stroke.width)
        cairo_set_line_join(cairo, CAIRO_LINE_JOIN_ROUND)
        if !stroke.dash.isEmpty { cairo_set_dash(cairo, stroke.dash, Int32(stroke.dash.count), 0) }
        cairo_stroke(cairo)
    }

    /// Pattern lines (or dots) across `box`; the caller has clipped to the shape. Keeps the current path.
    private func hatch(_ hatch: Fill.Hatch, in box: Rect) {
        let path = cairo_copy_path(cairo)
        defer {
            cairo_new_path(cairo)
            cairo_append_path(cairo, path)
            cairo_path_destroy(path)
        }
        cairo_new_path(cairo)
        setSource(.black, on: cairo)
        cairo_set_line_width(cairo, 0.4)
        let span = box.width + box.height
        var offset = 0.0
        while offset <= span {
            switch hatch {
            case .diagonal, .cross:
                cairo_move_to(cairo, box.x + offset, box.y)
                cairo_line_to(cairo, box.x + offset - box.height, box.maxY)
                if hatch == .cross {
                    cairo_move_to(cairo, box.x + offset - box.height, box.y)
                    cairo_line_to(cairo, box.x + offset, box.maxY)
                }
            case .backDiagonal:
                cairo_move_to(cairo, box.x + offset - box.height, box.y)
                cairo_line_to(cairo, box.x + offset, box.maxY)
            case .horizontal where offset <= box.height:
                cairo_move_to(cairo, box.x, box.y + offset)
                cairo_line_to(cairo, box.maxX, box.y + offset)
            case .dots where offset <= box.height:
                var x = box.x + (offset / Self.pitch).truncatingRemainder(dividingBy: 2) * Self.pitch / 2
                while x <= box.maxX {
                    cairo_new_sub_path(cairo)
                    cairo_arc(cairo, x, box.y + offset, 0.45, 0, 6.2832)
                    x += Self.pitch
                }
            default: break
            }
            offset += Self.pitch
        }
        if hatch == .dots { cairo_fill(cairo) } else { cairo_stroke(cairo) }
    }
}
