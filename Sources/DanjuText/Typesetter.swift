import CCairo
import CPango
import DanjuGeometry

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
    /// block never changes, so blocks are kept and shared. Pango's objects stay here: a block keeps only what
    /// drawing and layout need (see `TextBlock`).
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
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
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

/// Text fitted into a box, with what did not fit.
public struct FittedText {
    public let block: TextBlock
    public let requestedSize: Double
    /// Points of text below the box after shrinking to the minimum size; 0 when it fits.
    public let overflow: Double

    public var fits: Bool { overflow == 0 }
}
