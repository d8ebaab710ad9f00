import CCairo
import DanjuGeometry
import DanjuLayout
import DanjuText

/// Draws a page's items onto a Cairo context; the same code serves PDF and PNG output.
struct PageRenderer {
    let cairo: OpaquePointer
    /// PNG needs decoded pixels; PDF embeds the JPEG bytes and never reads them.
    let decodeImages: Bool

    func draw(_ items: [PageItem]) throws {
        for item in items { try draw(item) }
    }

    private func draw(_ item: PageItem) throws {
        switch item {
        case .text(let block, let at):
            setSource(block.style.color, on: cairo)
            TextRenderer(cairo: cairo).draw(block, at: at)
        case .line(let from, let to, let width):
            setSource(.black, on: cairo)
            cairo_set_line_width(cairo, width)
            cairo_move_to(cairo, from.x, from.y)
            cairo_line_to(cairo, to.x, to.y)
            cairo_stroke(cairo)
        case .rect(let rect, let lineWidth, let fill):
            cairo_rectangle(cairo, rect.x, rect.y, rect.width, rect.height)
            if let fill {
                setSource(fill, on: cairo)
                cairo_fill_preserve(cairo)
            }
            setSource(.black, on: cairo)
            cairo_set_line_width(cairo, lineWidth)
            cairo_stroke(cairo)
        case .tick(let rect):
            drawTick(in: rect)
        case .qr(let code, let rect):
            drawQR(code, in: rect)
        case .image(let image, let rect):
            try drawImage(image, in: rect)
        case .shape(let shape):
            ShapeRenderer(cairo: cairo).draw(shape)
        }
    }

    /// A drawn tick, not a font glyph: it prints the same whatever the fonts.
    private func drawTick(in rect: Rect) {
        setSource(.black, on: cairo)
        cairo_set_line_width(cairo, 1.1)
        cairo_set_line_join(cairo, CAIRO_LINE_JOIN_ROUND)
        cairo_move_to(cairo, rect.x + rect.width * 0.18, rect.y + rect.height * 0.52)
        cairo_line_to(cairo, rect.x + rect.width * 0.42, rect.y + rect.height * 0.78)
        cairo_line_to(cairo, rect.x + rect.width * 0.84, rect.y + rect.height * 0.2)
        cairo_stroke(cairo)
    }

    /// Dark modules as filled rectangles (vector, sharp at any resolution), with a two-module quiet zone.
    private func drawQR(_ code: QRCode, in rect: Rect) {
        let module = rect.width / Double(code.size + 4)
        setSource(.black, on: cairo)
        for row in 0..<code.size {
            var column = 0
            while column < code.size {
                guard code.isDark(row: row, column: column) else { column += 1; continue }
                let start = column
                while column < code.size, code.isDark(row: row, column: column) { column += 1 }
                cairo_rectangle(cairo, rect.x + Double(start + 2) * module, rect.y + Double(row + 2) * module,
                                Double(column - start) * module, module)
            }
        }
        cairo_fill(cairo)
    }

    private func drawImage(_ image: JPEGImage, in rect: Rect) throws {
        let surface = try JPEGSurface(image, decode: decodeImages)
        let width = Double(surface.width), height = Double(surface.height)
        cairo_save(cairo)
        cairo_translate(cairo, rect.x, rect.y)
        // Map the stored pixels onto the display rectangle, turning them by the EXIF orientation.
        let turned = (5...8).contains(image.orientation)
        cairo_scale(cairo, rect.width / (turned ? height : width), rect.height / (turned ? width : height))
        let (xx, yx, xy, yy, x0, y0): (Double, Double, Double, Double, Double, Double) = switch image.orientation {
        case 2: (-1, 0, 0, 1, width, 0)
        case 3: (-1, 0, 0, -1, width, height)
        case 4: (1, 0, 0, -1, 0, height)
        case 5: (0, 1, 1, 0, 0, 0)
        case 6: (0, 1, -1, 0, height, 0)
        case 7: (0, -1, -1, 0, height, width)
        case 8: (0, -1, 1, 0, 0, width)
        default: (1, 0, 0, 1, 0, 0)
        }
        var matrix = cairo_matrix_t(xx: xx, yx: yx, xy: xy, yy: yy, x0: x0, y0: y0)
        cairo_transform(cairo, &matrix)
        cairo_set_source_surface(cairo, surface.handle, 0, 0)
        cairo_paint(cairo)
        cairo_restore(cairo)
    }
}
