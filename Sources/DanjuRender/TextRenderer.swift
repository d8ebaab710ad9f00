import CCairo
import DanjuGeometry
import DanjuText

/// Draws a laid-out `TextBlock` with the Cairo calls `pango_cairo_show_layout` makes, in the same order, so
/// the output is the same to the byte; but from the block's own glyph runs, without Pango, on any thread.
struct TextRenderer {
    let cairo: OpaquePointer

    func draw(_ block: TextBlock, at point: Point) {
        // Like Pango: the origin is the current point as Cairo keeps it (in 24.8 fixed point), put back after.
        cairo_move_to(cairo, point.x, point.y)
        var x = 0.0, y = 0.0
        cairo_get_current_point(cairo, &x, &y)
        let clusters = cairo_surface_has_show_text_glyphs(cairo_get_target(cairo)) != 0
        for run in block.runs { draw(run, x: x, y: y, clusters: clusters, size: block.style.size) }
        cairo_move_to(cairo, x, y)
    }

    private func draw(_ run: GlyphRun, x: Double, y: Double, clusters withClusters: Bool, size: Double) {
        cairo_save(cairo)
        defer { cairo_restore(cairo) }
        let baseX = x + Double(run.x) / unit, baseY = y + Double(run.y) / unit
        func position(_ glyph: GlyphRun.Glyph) -> (x: Double, y: Double) {
            (baseX + Double(glyph.dx) / unit, glyph.dy == 0 ? baseY : baseY + Double(glyph.dy) / unit)
        }
        guard let font = run.font, cairo_scaled_font_status(font.pointer) == CAIRO_STATUS_SUCCESS else {
            run.glyphs.forEach { drawBox(at: position($0), width: $0.width, size: size) }
            return
        }
        cairo_set_scaled_font(cairo, font.pointer)
        var glyphs: [cairo_glyph_t] = []
        glyphs.reserveCapacity(run.glyphs.count)
        for glyph in run.glyphs {
            let at = position(glyph)
            if let index = glyph.index {
                glyphs.append(cairo_glyph_t(index: index, x: at.x, y: at.y))
            } else {
                drawBox(at: at, width: glyph.width, size: size)
            }
        }
        guard withClusters else { return cairo_show_glyphs(cairo, glyphs, Int32(glyphs.count)) }
        cairo_show_text_glyphs(cairo, run.utf8, Int32(run.utf8.count), glyphs, Int32(glyphs.count), run.clusters, Int32(run.clusters.count),
                               run.backward ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : cairo_text_cluster_flags_t(0))
    }

    /// A character no font has: an empty box where its glyph would be, plain to see on paper.
    private func drawBox(at origin: (x: Double, y: Double), width: Int32, size: Double) {
        let advance = Double(width) / unit
        cairo_save(cairo)
        cairo_rectangle(cairo, origin.x + advance * 0.1, origin.y - size * 0.75, advance * 0.8, size * 0.8)
        cairo_set_line_width(cairo, max(size * 0.06, 0.3))
        cairo_stroke(cairo)
        cairo_restore(cairo)
    }

    private let unit = 1024.0  // PANGO_SCALE
}
