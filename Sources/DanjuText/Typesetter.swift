import CCairo
import CPango

/// Lays out text with Pango the one way danju measures and draws it: zh-CN line breaking (no 。，、 at a
/// line start), unrounded glyph positions and no hinting, at 72 dpi so one unit is one PDF point.
/// A layout made here is drawn as is, so what was measured is what is printed.
public final class Typesetter {
    private let fonts: FontLibrary
    private let context: OpaquePointer
    private var descriptions: [FontKey: OpaquePointer] = [:]
    /// Laid-out blocks in two generations: a block found in the older one moves to the newer, and when the newer
    /// is full the older is dropped. Texts that keep coming back (a list's recurring complaints, customers,
    /// statuses) stay laid out while one-off texts (order numbers) pass through, in bounded memory.
    private var blocks: [BlockKey: TextBlock] = [:]
    private var olderBlocks: [BlockKey: TextBlock] = [:]
    /// Enough for every distinct text of a few documents.
    private static let cachedBlocks = 1_024

    private struct BlockKey: Hashable {
        let text: String
        let style: TextStyle
        let width: Double?
    }

    private struct FontKey: Hashable {
        let family: String
        let size: Double
        let bold: Bool
    }

    public init(fonts: FontLibrary) {
        self.fonts = fonts
        context = pango_font_map_create_context(fonts.fontMap)
        pango_context_set_language(context, pango_language_from_string("zh-cn"))
        pango_context_set_round_glyph_positions(context, 0)
        pango_cairo_context_set_resolution(context, 72)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
    }

    deinit {
        for description in descriptions.values { pango_font_description_free(description) }
        g_object_unref(UnsafeMutableRawPointer(context))
    }

    /// Lays out `text`, wrapped at `width` points when given (Chinese may break between any two characters).
    /// A form repeats most of its texts (labels, headings, checklist items) on every copy, and a laid-out
    /// block never changes, so blocks are kept and shared.
    public func layout(_ text: String, style: TextStyle, width: Double? = nil) -> TextBlock {
        let key = BlockKey(text: text, style: style, width: width)
        if let cached = blocks[key] { return cached }
        let block = olderBlocks.removeValue(forKey: key) ?? makeLayout(text, style: style, width: width)
        if blocks.count >= Self.cachedBlocks {
            olderBlocks = blocks
            blocks = [:]
        }
        blocks[key] = block
        return block
    }

    private func makeLayout(_ text: String, style: TextStyle, width: Double?) -> TextBlock {
        let layout = pango_layout_new(context)!
        pango_layout_set_font_description(layout, description(for: style))
        if let width {
            pango_layout_set_width(layout, Int32((width * Double(PANGO_SCALE)).rounded(.down)))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        }
        let alignment: PangoAlignment = switch style.alignment {
        case .left: PANGO_ALIGN_LEFT
        case .center: PANGO_ALIGN_CENTER
        case .right: PANGO_ALIGN_RIGHT
        }
        pango_layout_set_alignment(layout, alignment)
        if style.lineSpacing != 1 { pango_layout_set_line_spacing(layout, Float(style.lineSpacing)) }
        pango_layout_set_text(layout, text, -1)
        return TextBlock(layout: layout, text: text, style: style)
    }

    /// Fits `text` into a box: wrapped at `width`; if taller than `height`, shrunk in 0.25 pt steps down to
    /// `minSize`. What still does not fit is reported in the result, never cut off here.
    public func fit(_ text: String, style: TextStyle, width: Double, height: Double?, minSize: Double? = nil) -> FittedText {
        var block = layout(text, style: style, width: width)
        guard let height else { return FittedText(block: block, requestedSize: style.size, overflow: 0) }
        var size = style.size
        let floor = min(minSize ?? style.size, style.size)
        while block.height > height + 0.01, size - 0.25 >= floor - 0.001 {
            size -= 0.25
            block = layout(text, style: style.withSize(size), width: width)
        }
        return FittedText(block: block, requestedSize: style.size, overflow: max(0, block.height - height))
    }

    private func description(for style: TextStyle) -> OpaquePointer {
        let key = FontKey(family: style.family, size: style.size, bold: style.bold)
        if let cached = descriptions[key] { return cached }
        let description = pango_font_description_new()!
        pango_font_description_set_family(description, style.family)
        pango_font_description_set_absolute_size(description, style.size * Double(PANGO_SCALE))
        pango_font_description_set_weight(description, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        descriptions[key] = description
        return description
    }
}

/// Laid-out text, ready to draw. Sizes are in points; the origin is the top left of the logical box.
public final class TextBlock {
    package let layout: OpaquePointer
    public let text: String
    public let style: TextStyle
    public let width: Double
    public let height: Double

    init(layout: OpaquePointer, text: String, style: TextStyle) {
        self.layout = layout
        self.text = text
        self.style = style
        var width: Int32 = 0, height: Int32 = 0
        pango_layout_get_size(layout, &width, &height)
        self.width = Double(width) / Double(PANGO_SCALE)
        self.height = Double(height) / Double(PANGO_SCALE)
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(layout)) }

    public var lineCount: Int { Int(pango_layout_get_line_count(layout)) }

    /// Characters the fonts have no glyph for (drawn as boxes): as bad as clipped text.
    public var missingGlyphs: Int { Int(pango_layout_get_unknown_glyphs_count(layout)) }

    /// Where each line starts in `text` (a UTF-8 offset) and how far below the block's top it ends (points):
    /// where a block may be cut between lines.
    public var lineBreaks: [(start: Int, bottom: Double)] {
        guard let iterator = pango_layout_get_iter(layout) else { return [] }
        defer { pango_layout_iter_free(iterator) }
        var ends: [(start: Int, bottom: Double)] = []
        repeat {
            var top: Int32 = 0, bottom: Int32 = 0
            pango_layout_iter_get_line_yrange(iterator, &top, &bottom)
            ends.append((Int(pango_layout_iter_get_index(iterator)), Double(bottom) / Double(PANGO_SCALE)))
        } while pango_layout_iter_next_line(iterator) != 0
        return ends
    }

    /// The text of each laid-out line, for tests of line breaking.
    public var lines: [String] {
        let utf8 = Array(text.utf8)
        return (0..<pango_layout_get_line_count(layout)).compactMap { index in
            guard let line = pango_layout_get_line_readonly(layout, index) else { return nil }
            let start = Int(line.pointee.start_index), length = Int(line.pointee.length)
            return String(decoding: utf8[start..<start + length], as: UTF8.self)
        }
    }
}

/// Text fitted into a box, with what did not fit.
public struct FittedText {
    public let block: TextBlock
    public let requestedSize: Double
    /// Points of text below the box after shrinking to the minimum size; 0 when it fits.
    public let overflow: Double

    public var fits: Bool { overflow == 0 }
}
