import CCairo
import CPango
import DanjuGeometry

/// Laid-out text, ready to draw. Sizes are in points; the origin is the top left of the logical box.
///
/// It keeps what Pango's Cairo renderer would draw (`GlyphRun`s) and what layout asks (lines, line breaks),
/// not the Pango layout itself: Pango objects must stay on the thread of their typesetter, while a block is
/// immutable data any thread may draw (one thread lays out a document while another writes its PDF).
public final class TextBlock: Sendable {
    public let text: String
    public let style: TextStyle
    public let width: Double
    public let height: Double
    /// Characters the fonts have no glyph for (drawn as boxes): as bad as clipped text.
    public let missingGlyphs: Int
    /// Where each line starts in `text` (a UTF-8 offset) and how far below the block's top it ends (points):
    /// where a block may be cut between lines.
    public let lineBreaks: [(start: Int, bottom: Double)]
    /// Each line's length in UTF-8 bytes.
    private let lineLengths: [Int]
    /// The glyphs of every line, in drawing order.
    package let runs: [GlyphRun]

    init(layout: OpaquePointer, text: String, style: TextStyle) {
        self.text = text
        self.style = style
        var width: Int32 = 0, height: Int32 = 0
        pango_layout_get_size(layout, &width, &height)
        self.width = Double(width) / Double(PANGO_SCALE)
        self.height = Double(height) / Double(PANGO_SCALE)
        missingGlyphs = Int(pango_layout_get_unknown_glyphs_count(layout))
        var breaks: [(start: Int, bottom: Double)] = [], lengths: [Int] = [], runs: [GlyphRun] = []
        let layoutText = pango_layout_get_text(layout)!
        let iterator = pango_layout_get_iter(layout)!
        defer { pango_layout_iter_free(iterator) }
        repeat {
            let line = pango_layout_iter_get_line_readonly(iterator)!.pointee
            var top: Int32 = 0, bottom: Int32 = 0, logical = PangoRectangle()
            pango_layout_iter_get_line_yrange(iterator, &top, &bottom)
            pango_layout_iter_get_line_extents(iterator, nil, &logical)
            breaks.append((Int(line.start_index), Double(bottom) / Double(PANGO_SCALE)))
            lengths.append(Int(line.length))
            runs += GlyphRun.runs(of: line, x: logical.x, baseline: pango_layout_iter_get_baseline(iterator), text: layoutText)
        } while pango_layout_iter_next_line(iterator) != 0
        lineBreaks = breaks
        lineLengths = lengths
        self.runs = runs
    }

    public var lineCount: Int { lineBreaks.count }

    /// The text of each laid-out line, for tests of line breaking.
    public var lines: [String] {
        let utf8 = Array(text.utf8)
        return zip(lineBreaks, lineLengths).map { line, length in
            String(decoding: utf8[line.start..<line.start + length], as: UTF8.self)
        }
    }
}

/// The glyphs of one run (one font, one direction) of a laid-out line, as Pango's Cairo renderer hands them to
/// Cairo: glyph positions in Pango units from the block's origin, and the run's text with its clusters, so a
/// PDF can map the glyphs back to text (copying, searching, pdftotext).
package struct GlyphRun: Sendable {
    package let font: ScaledFont?
    /// The run's origin on its baseline, in Pango units from the block's origin.
    package let x: Int32, y: Int32
    package let glyphs: [Glyph]
    /// The UTF-8 bytes of the run's text.
    package let utf8: [CChar]
    /// How many bytes and glyphs make each cluster, in text order.
    package let clusters: [cairo_text_cluster_t]
    package let backward: Bool

    package struct Glyph: Sendable {
        /// The font's glyph index; nil for a character the font lacks (drawn as a box).
        package let index: UInt?
        /// From the run's origin, in Pango units; `width` is the advance (for a box).
        package let dx: Int32, dy: Int32, width: Int32
    }

    /// The runs of `line` whose logical box starts at `x` and whose baseline is at `baseline` (Pango units),
    /// placed as `pango_renderer_draw_layout_line` places them (no attributes: no rise, colour or underline).
    static func runs(of line: PangoLayoutLine, x: Int32, baseline: Int32, text: UnsafePointer<CChar>) -> [GlyphRun] {
        var runs: [GlyphRun] = []
        var offset: Int32 = 0
        var node = line.runs
        while let current = node {
            let run = current.pointee.data.assumingMemoryBound(to: PangoGlyphItem.self)
            offset += run.pointee.start_x_offset
            runs.append(GlyphRun(run, x: x + offset, y: baseline - run.pointee.y_offset, text: text))
            offset += pango_glyph_string_get_width(run.pointee.glyphs) + run.pointee.end_x_offset
            node = current.pointee.next
        }
        return runs
    }

    private init(_ run: UnsafeMutablePointer<PangoGlyphItem>, x: Int32, y: Int32, text: UnsafePointer<CChar>) {
        let item = run.pointee.item.pointee
        let string = run.pointee.glyphs.pointee
        self.x = x
        self.y = y
        font = pango_cairo_font_get_scaled_font(OpaquePointer(item.analysis.font)).map(ScaledFont.init)
        backward = item.analysis.level & 1 != 0
        var glyphs: [Glyph] = [], position: Int32 = 0
        for info in UnsafeBufferPointer(start: string.glyphs, count: Int(string.num_glyphs)) {
            if info.glyph != PANGO_GLYPH_EMPTY {
                let known = info.glyph & PANGO_GLYPH_UNKNOWN_FLAG == 0
                glyphs.append(Glyph(index: known ? UInt(info.glyph) : nil, dx: position + info.geometry.x_offset,
                                    dy: info.geometry.y_offset, width: info.geometry.width))
            }
            position += info.geometry.width
        }
        self.glyphs = glyphs
        utf8 = Array(UnsafeBufferPointer(start: text + Int(item.offset), count: Int(item.length)))
        clusters = Self.clusters(of: run, text: text, backward: backward)
    }

    /// Bytes and drawn glyphs per cluster, as the renderer counts them (empty and unknown glyphs not drawn).
    private static func clusters(of run: UnsafeMutablePointer<PangoGlyphItem>, text: UnsafePointer<CChar>, backward: Bool) -> [cairo_text_cluster_t] {
        var clusters: [cairo_text_cluster_t] = []
        var iterator = PangoGlyphItemIter()
        guard pango_glyph_item_iter_init_start(&iterator, run, text) != 0 else { return [] }
        let infos = run.pointee.glyphs.pointee.glyphs!
        repeat {
            var glyphs = backward ? iterator.start_glyph - iterator.end_glyph : iterator.end_glyph - iterator.start_glyph
            for index in min(iterator.start_glyph, iterator.end_glyph + 1)..<max(iterator.start_glyph + 1, iterator.end_glyph) {
                let glyph = infos[Int(index)].glyph
                if glyph == PANGO_GLYPH_EMPTY || glyph & PANGO_GLYPH_UNKNOWN_FLAG != 0 { glyphs -= 1 }
            }
            clusters.append(cairo_text_cluster_t(num_bytes: iterator.end_index - iterator.start_index, num_glyphs: glyphs))
        } while pango_glyph_item_iter_next_cluster(&iterator) != 0
        return clusters
    }
}

/// A Cairo scaled font, kept alive by this reference. Cairo's scaled fonts are thread-safe.
package final class ScaledFont: @unchecked Sendable {
    package let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) {
        self.pointer = cairo_scaled_font_reference(pointer)
    }

    deinit { cairo_scaled_font_destroy(pointer) }
}
