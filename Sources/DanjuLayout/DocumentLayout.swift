import DanjuBinding
import DanjuDatabase
import DanjuGeometry
import DanjuTemplate
import DanjuText
import Foundation

/// The document's PDF metadata, from its data.
public struct DocumentInfo: Sendable {
    public let title: String
    public let subject: String
    public let author: String
    /// ISO 8601 creation date from the data; empty for a blank form.
    public let date: String

    public init(_ template: Template, bindings: Bindings) throws {
        title = try bindings.text(template.title)
        subject = try template.subject.map { try bindings.text($0) } ?? ""
        author = try template.author.map { try bindings.text($0) } ?? ""
        date = try template.date.map { try bindings.text($0) } ?? ""
    }
}

/// A document laid out into pages, ready for the renderer (on any thread: see `Page`).
public struct LaidOutDocument: Sendable {
    public let pages: [Page]
    public let overflows: [OverflowReport]
    public let info: DocumentInfo

    public init(pages: [Page], overflows: [OverflowReport], info: DocumentInfo) {
        self.pages = pages
        self.overflows = overflows
        self.info = info
    }
}

public struct LayoutOptions: Sendable {
    /// Names the record in reports, e.g. `order=WO2026100500012` or `blank`.
    public var record: String
    /// Relative image paths are read from here; paths leading outside it are refused.
    public var imageRoot: String
    /// A draft shows a missing or unreadable image as a marked placeholder instead of failing.
    public var draft: Bool
    /// False when only the page count is wanted: images take their frames, which are fixed, unread.
    public var readImages: Bool
    /// A copy of up to this many pages that prints “of M pages” is laid out once and its pages held until M is
    /// known (about 120 KB a page: 15 MB for the 126-page complaint report); a longer one is laid out twice,
    /// counting, then drawing, so that no more than a page is held at a time.
    public var heldPages: Int

    public init(record: String, imageRoot: String, draft: Bool = false, readImages: Bool = true, heldPages: Int = 160) {
        self.record = record
        self.imageRoot = imageRoot
        self.draft = draft
        self.readImages = readImages
        self.heldPages = heldPages
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

    /// Lays the document out, handing each finished page to `emit` in order and then forgetting it: memory
    /// stays the same for 6 or 6,000 pages. Returns the texts that did not fit, each reported once.
    public static func layout(_ template: Template, bindings: Bindings, typesetter: Typesetter, options: LayoutOptions,
                              emit: @escaping (Page) throws -> Void) throws -> [OverflowReport] {
        try DocumentLayout(template: template, bindings: bindings, typesetter: typesetter, options: options).run(emit: emit)
    }

    /// The whole document at once, for a few pages (tests, previews, batches of small forms).
    public static func layout(_ template: Template, bindings: Bindings, typesetter: Typesetter, options: LayoutOptions) throws -> LaidOutDocument {
        var pages: [Page] = []
        let overflows = try layout(template, bindings: bindings, typesetter: typesetter, options: options) { pages.append($0) }
        return LaidOutDocument(pages: pages, overflows: overflows, info: try DocumentInfo(template, bindings: bindings))
    }

    init(template: Template, bindings: Bindings, typesetter: Typesetter, options: LayoutOptions) {
        self.template = template
        self.bindings = bindings
        self.typesetter = typesetter
        self.options = options
    }

    private func run(emit: @escaping (Page) throws -> Void) throws -> [OverflowReport] {
        for label in template.copies {
            bindings.copy = label
            try layoutCopy(emit: emit)
        }
        overflows += bindings.notes.notes.map { note in
            OverflowReport(location: note.location, element: note.source, record: options.record, text: note.text, problem: .notAsStored(note.problem))
        }
        // Every copy (and both passes) report the same misfits; say each once.
        var seen = Set<String>()
        return overflows.filter { seen.insert($0.description).inserted }
    }

    /// Photos are large (their JPEG bytes go with the page): a document with photos is held only this long.
    private static let heldPagesWithPhotos = 16

    /// One full set of pages, numbered from 1, each handed over with its header and footer. When these say
    /// “of M pages” and the document is longer than `options.heldPages`, a first pass only counts the pages and
    /// a second lays them out again, so that no more than a page is held at a time.
    private func layoutCopy(emit: @escaping (Page) throws -> Void) throws {
        if let pages = try flowchartPages() { return try pages.forEach(emit) }
        guard mentionsPageCount else {
            var number = 0
            _ = try paginate { [self] page in
                number += 1
                try emit(finished(page, number: number, of: 0))
            }
            return
        }
        // A list too long to be held as rows makes a document too long to be held as pages.
        var held: [Page]? = bindings.streamed.values.allSatisfy(\.isHeld) ? [] : nil, photos = false
        let pages = try paginate(drawing: { held != nil }) { [options] page in
            held?.append(page)
            photos = photos || page.items.contains { if case .image = $0 { true } else { false } }
            if let count = held?.count, count > (photos ? Self.heldPagesWithPhotos : options.heldPages) { held = nil }
        }
        if let held {
            for (index, page) in held.enumerated() { try emit(try finished(page, number: index + 1, of: pages)) }
            return
        }
        var number = 0
        _ = try paginate { [self] page in
            number += 1
            try emit(finished(page, number: number, of: pages))
        }
    }

    /// `page` with the header and footer for page `number` of `pages`.
    private func finished(_ page: Page, number: Int, of pages: Int) throws -> Page {
        let setup = template.page
        if let header = template.header {
            page.add(try band(for: header, page: number, pages: pages), x: setup.margins.left, y: setup.margins.top)
        }
        if let footer = template.footer {
            page.add(try band(for: footer, page: number, pages: pages), x: setup.margins.left, y: setup.height - setup.margins.bottom - footer.height)
        }
        return page
    }

    /// Where the body goes on every page: between the header and the footer.
    private var bodyTop: Double { template.page.margins.top + (template.header.map { $0.height + Self.gap } ?? 0) }
    private var bodyBottom: Double {
        template.page.height - template.page.margins.bottom - (template.footer.map { $0.height + Self.gap } ?? 0)
    }
    var bodyHeight: Double { bodyBottom - bodyTop }

    /// Whether the header or footer prints the page count (`{{pages}}`).
    private var mentionsPageCount: Bool {
        [template.header, template.footer].compactMap { $0 }.flatMap(\.items).contains { item in
            guard case .text(let text, _, _) = item.kind else { return false }
            return text.references.contains { $0.source == nil && $0.name == "pages" }
        }
    }

    /// Flows the body over pages, handing each to `finish` when full; returns the number of pages. Pages are
    /// left empty while `drawing` says that only their number is wanted.
    private func paginate(drawing: @escaping () -> Bool = { true }, _ finish: @escaping (Page) throws -> Void) throws -> Int {
        let setup = template.page
        var paginator = Paginator(width: setup.width, height: setup.height, left: setup.margins.left, top: bodyTop, bottom: bodyBottom,
                                  drawing: drawing, finish: finish)
        // One stream, so "keep with next" can look across elements.
        try paginator.place(BandStream(concatenating: template.body.map { item in { try self.bands(for: item, width: setup.contentWidth) } }))
        let pages = try paginator.end()
        for (excess, origin) in paginator.oversized {
            overflows.append(OverflowReport(location: origin?.location ?? SourceLocation(file: template.file, line: 1, column: 1),
                                            element: origin?.kind ?? "body", record: options.record, text: "",
                                            problem: .tallerThanPage(excess: excess)))
        }
        return pages
    }

    private func bands(for item: BodyItem, width: Double) throws -> BandStream {
        var bands: [Band]
        switch item.element {
        case .text(let text): bands = [try textBand(text, width: width)]
        case .fields(let fields): bands = try FieldsLayout(element: fields, document: self, width: width).bands()
        case .table(let table):
            // Made row by row as the pages fill; only its end stays with what follows.
            let rows = try TableLayout(element: table, document: self, width: width).bands().changingLast { last in
                last.height += Self.gap
                if item.keepWithNext { last.keepWithNext = true }
            }.changingEach { $0.origin = (item.kind, item.location) }
            return item.newPage ? rows.changingFirst { $0.newPage = true } : rows
        case .signatures(let signatures): bands = [try signatureBand(signatures, width: width)]
        case .block(let block): bands = [try band(for: block, page: 1, pages: 1)]
        case .spacer(let height): bands = [Band(height: height)]
        case .grid(let grid): bands = try GridLayout(element: grid, document: self, width: width).bands()
        case .chart(let chart): bands = try ChartBand(element: chart, document: self, width: width).bands()
        case .flowchart(let chart): bands = try flowchartBands(chart, width: width)
        }
        guard !bands.isEmpty else { return BandStream([]) }
        bands[0].newPage = item.newPage
        if case .spacer = item.element {} else { bands[bands.count - 1].height += Self.gap }
        // Any element but a table moves as a whole.
        for index in bands.indices {
            bands[index].keepWithNext = bands[index].keepWithNext || item.keepWithNext
            bands[index].origin = (item.kind, item.location)
        }
        return BandStream(bands)
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

    /// A fixed block as a band, for page `page` of `pages`, its fields bound to `row` (a grid cell) if given.
    func band(for block: Block, row: Row? = nil, page: Int, pages: Int) throws -> Band {
        var band = Band(height: block.height)
        for item in block.items {
            let frame = item.frame
            switch item.kind {
            case .text(let interpolation, let style, let minSize):
                let text = try bindings.text(interpolation, row: row, page: page, pages: pages)
                let fitted = fit(text, style: style, in: frame, fixed: frame.height > 0, minSize: minSize, location: item.location, element: "text")
                let dy = max(0, (frame.height - fitted.block.height) / 2)
                band.add(.text(fitted.block, at: Point(x: frame.x, y: frame.y + dy)), artwork: interpolation.references.isEmpty)
            case .qr(let interpolation):
                let text = try bindings.text(interpolation, row: row)
                guard !text.isEmpty else { continue }
                let side = min(frame.width, frame.height)
                band.items.append(.qr(try QRCode(encoding: text), in: Rect(x: frame.maxX - side, y: frame.y, width: side, height: side)))
            case .image(let interpolation):
                band.items += try imageItems(interpolation, row: row, in: frame, at: item.location)
            case .box(let lineWidth):
                band.artwork.append(.rect(frame, lineWidth: lineWidth, fill: nil))
            case .line(let lineWidth):
                band.artwork.append(.line(from: Point(x: frame.x, y: frame.y), to: Point(x: frame.maxX, y: frame.maxY), width: lineWidth))
            }
        }
        return band
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
