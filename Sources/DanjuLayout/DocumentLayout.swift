import DanjuTemplate
import DanjuText
import Foundation

/// A document laid out into pages, ready for the renderer.
public struct LaidOutDocument {
    public let pages: [Page]
    public let overflows: [OverflowReport]
    public let title: String
    public let subject: String
    public let author: String
    /// ISO 8601 creation date from the data; empty for a blank form.
    public let date: String
}

public struct LayoutOptions: Sendable {
    /// Names the record in reports, e.g. `order=WO2026100500012` or `blank`.
    public var record: String
    /// Relative image paths are read from here; paths leading outside it are refused.
    public var imageRoot: String

    public init(record: String, imageRoot: String) {
        self.record = record
        self.imageRoot = imageRoot
    }
}

/// Lays a template out with its bound data: body elements become bands, bands flow over pages,
/// then header and footer are added with the page count known.
public final class DocumentLayout {
    let template: Template
    var bindings: Bindings
    let typesetter: Typesetter
    let options: LayoutOptions
    var overflows: [OverflowReport] = []

    /// Inner padding of ruled cells.
    static let padX = points(mm: 1.2)
    static let padY = points(mm: 0.9)
    /// Space left below each body element.
    static let gap = points(mm: 2)

    public static func layout(_ template: Template, bindings: Bindings, typesetter: Typesetter, options: LayoutOptions) throws -> LaidOutDocument {
        try DocumentLayout(template: template, bindings: bindings, typesetter: typesetter, options: options).run()
    }

    init(template: Template, bindings: Bindings, typesetter: Typesetter, options: LayoutOptions) {
        self.template = template
        self.bindings = bindings
        self.typesetter = typesetter
        self.options = options
    }

    private func run() throws -> LaidOutDocument {
        var pages: [Page] = []
        for label in template.copies {
            bindings.copy = label
            pages += try layoutCopy()
        }
        // Every copy reports the same misfits; say each once.
        var seen = Set<String>()
        overflows = overflows.filter { seen.insert($0.description).inserted }
        return LaidOutDocument(pages: pages, overflows: overflows,
                               title: try bindings.text(template.title),
                               subject: try template.subject.map { try bindings.text($0) } ?? "",
                               author: try template.author.map { try bindings.text($0) } ?? "",
                               date: try template.date.map { try bindings.text($0) } ?? "")
    }

    /// One full set of pages, numbered from 1.
    private func layoutCopy() throws -> [Page] {
        if let pages = try flowchartPages() { return pages }
        let setup = template.page
        let headerHeight = template.header.map { $0.height + Self.gap } ?? 0
        let footerHeight = template.footer.map { $0.height + Self.gap } ?? 0
        var paginator = Paginator(width: setup.width, height: setup.height, left: setup.margins.left,
                                  top: setup.margins.top + headerHeight, bottom: setup.height - setup.margins.bottom - footerHeight)
        // One call, so "keep with next" can look across elements.
        paginator.place(try template.body.flatMap { try bands(for: $0, width: setup.contentWidth) })
        for excess in paginator.oversized {
            overflows.append(OverflowReport(location: SourceLocation(file: template.file, line: 1, column: 1), element: "body",
                                            record: options.record, text: "", problem: .tallerThanPage(excess: excess)))
        }
        let pages = paginator.pages
        for (index, page) in pages.enumerated() {
            if let header = template.header {
                page.add(try band(for: header, page: index + 1, pages: pages.count), x: setup.margins.left, y: setup.margins.top)
            }
            if let footer = template.footer {
                page.add(try band(for: footer, page: index + 1, pages: pages.count),
                         x: setup.margins.left, y: setup.height - setup.margins.bottom - footer.height)
            }
        }
        return pages
    }

    private func bands(for item: BodyItem, width: Double) throws -> [Band] {
        var bands: [Band]
        switch item.element {
        case .text(let text): bands = [try textBand(text, width: width)]
        case .fields(let fields): bands = try FieldsLayout(element: fields, document: self, width: width).bands()
        case .table(let table): bands = try TableLayout(element: table, document: self, width: width).bands()
        case .signatures(let signatures): bands = [try signatureBand(signatures, width: width)]
        case .block(let block): bands = [try band(for: block, page: 1, pages: 1)]
        case .spacer(let height): bands = [Band(height: height)]
        case .flowchart(let chart): bands = try flowchartBands(chart, width: width)
        }
        guard !bands.isEmpty else { return [] }
        if case .spacer = item.element {} else { bands[bands.count - 1].height += Self.gap }
        if item.keepWithNext {
            // A table flows and only its end stays with what follows; any other element moves as a whole.
            let kept = if case .table = item.element { bands.indices.suffix(1) } else { bands.indices.suffix(bands.count) }
            for index in kept { bands[index].keepWithNext = true }
        }
        return bands
    }

    private func textBand(_ element: TextElement, width: Double) throws -> Band {
        let text = try bindings.text(element.text)
        let box = Rect(x: 0, y: 0, width: width, height: element.height ?? 0)
        let fitted = fit(text, style: element.style, in: box, fixed: element.height != nil, minSize: element.minSize,
                         location: element.location, element: "text")
        var band = Band(height: element.height ?? fitted.block.height)
        band.add(.text(fitted.block, at: Point(x: 0, y: 0)), artwork: element.text.references.isEmpty)
        return band
    }

    private func signatureBand(_ element: SignaturesElement, width: Double) throws -> Band {
        let boxWidth = width / Double(element.boxes.count)
        let gutter = points(mm: 4)
        var band = Band(height: element.height)
        var dateStyle = element.style
        dateStyle.size = max(element.style.size - 1, 6)
        for (index, box) in element.boxes.enumerated() {
            let x = Double(index) * boxWidth
            let name = try box.name.map { try bindings.text($0) } ?? ""
            let label = typesetter.layout(box.label + "：", style: element.style, width: boxWidth - gutter)
            let lineY = element.height * 0.55
            band.artwork += [.text(label, at: Point(x: x, y: 0)),
                             .line(from: Point(x: x + label.width + 1, y: lineY), to: Point(x: x + boxWidth - gutter, y: lineY), width: 0.5)]
            if !name.isEmpty {
                let printed = typesetter.layout(name, style: dateStyle, width: boxWidth - gutter - label.width)
                band.items.append(.text(printed, at: Point(x: x + label.width + 2, y: lineY - printed.height - 1)))
            }
            if box.date {
                let date = typesetter.layout("日期：　　　　年　　月　　日", style: dateStyle, width: boxWidth - gutter)
                band.artwork.append(.text(date, at: Point(x: x, y: element.height - date.height)))
            }
        }
        return band
    }

    /// A fixed block as a band, for page `page` of `pages`.
    func band(for block: Block, page: Int, pages: Int) throws -> Band {
        var band = Band(height: block.height)
        for item in block.items {
            let frame = item.frame
            switch item.kind {
            case .text(let interpolation, let style, let minSize):
                let text = try bindings.text(interpolation, page: page, pages: pages)
                let fitted = fit(text, style: style, in: frame, fixed: frame.height > 0, minSize: minSize, location: item.location, element: "text")
                let dy = max(0, (frame.height - fitted.block.height) / 2)
                band.add(.text(fitted.block, at: Point(x: frame.x, y: frame.y + dy)), artwork: interpolation.references.isEmpty)
            case .qr(let interpolation):
                let text = try bindings.text(interpolation)
                guard !text.isEmpty else { continue }
                let side = min(frame.width, frame.height)
                band.items.append(.qr(try QRCode(encoding: text), in: Rect(x: frame.maxX - side, y: frame.y, width: side, height: side)))
            case .image(let interpolation):
                let path = try bindings.text(interpolation)
                guard !path.isEmpty else { continue }
                let image = try JPEGImage(path: try resolveImagePath(path, at: item.location))
                band.items.append(.image(image, in: frame.fitting(aspect: image.displayAspect)))
            case .box(let lineWidth):
                band.artwork.append(.rect(frame, lineWidth: lineWidth, fill: nil))
            case .line(let lineWidth):
                band.artwork.append(.line(from: Point(x: frame.x, y: frame.y), to: Point(x: frame.maxX, y: frame.maxY), width: lineWidth))
            }
        }
        return band
    }

    /// Resolves an image path inside the image root; `..` or absolute paths that leave it are refused.
    func resolveImagePath(_ path: String, at location: SourceLocation) throws -> String {
        let root = URL(fileURLWithPath: options.imageRoot).standardizedFileURL.path
        let resolved = (path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: root).appendingPathComponent(path))
            .standardizedFileURL.path
        guard resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
            throw TemplateError("image path “\(path)” (\(options.record)) leads outside the photo root \(root)", at: location)
        }
        return resolved
    }

    /// Fits text into `box` (wrapped at its width; shrunk when `fixed`), reporting what still does not fit.
    func fit(_ text: String, style: TextStyle, in box: Rect, fixed: Bool, minSize: Double?, location: SourceLocation, element: String) -> FittedText {
        let fitted = typesetter.fit(text, style: style, width: box.width, height: fixed ? box.height : nil, minSize: minSize)
        if !fitted.fits {
            overflows.append(OverflowReport(location: location, element: element, record: options.record, text: text,
                                            problem: .tooTall(overflow: fitted.overflow, box: box, fontSize: fitted.block.style.size)))
        }
        if fitted.block.missingGlyphs > 0 {
            overflows.append(OverflowReport(location: location, element: element, record: options.record, text: text,
                                            problem: .missingGlyphs(fitted.block.missingGlyphs)))
        }
        return fitted
    }
}

extension Rect {
    /// The largest rectangle of `aspect` (width / height) centred in this one.
    func fitting(aspect: Double) -> Rect {
        if width / height > aspect {
            let fitted = height * aspect
            return Rect(x: x + (width - fitted) / 2, y: y, width: fitted, height: height)
        }
        let fitted = width / aspect
        return Rect(x: x, y: y + (height - fitted) / 2, width: width, height: fitted)
    }
}
