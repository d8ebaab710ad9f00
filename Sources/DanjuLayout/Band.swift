import DanjuTemplate

/// A horizontal strip of a page: the unit the paginator moves to the next page whole.
/// Items are relative to the band's top left corner (the left margin, the band's top).
struct Band {
    var height: Double
    /// What the template alone decides: see `Page.artwork`.
    var artwork: [PageItem] = []
    /// What the data fills in.
    var items: [PageItem] = []
    /// Drawn only when the band is the first of its kind on a page (a merged cell's text repeated after a break).
    var ifFirstOnPage: [PageItem] = []
    /// Drawn only when the band ends a page (a merged cell's closing line before a break).
    var ifLastOnPage: [PageItem] = []
    /// Never leave this band at the bottom of a page without the one after it (a table title, a header row).
    var keepWithNext = false
    /// Always starts a new page (unless the page is still empty).
    var newPage = false
    /// Bands placed again above this one when it has to start a new page (a table's header row).
    var repeatOnNewPage: [Band] = []
    /// The running total after this band, printed at the foot of the page (过次页) and the head of the
    /// next (承前页) when the page breaks right after it.
    var carried: CarriedTotal?
    /// The template element the band comes from, for reports (a band taller than a page).
    var origin: (kind: String, location: SourceLocation)?
}

/// The two lines of a running total: at the foot of a page and at the head of the next.
final class CarriedTotal {
    let forward: Band
    let back: Band

    init(forward: Band, back: Band) {
        self.forward = forward
        self.back = back
    }
}

extension Page {
    /// Both layers of `band`, placed with its top left corner at (x, y).
    func add(_ band: Band, x: Double, y: Double) {
        artwork += band.artwork.map { $0.offsetBy(dx: x, dy: y) }
        items += band.items.map { $0.offsetBy(dx: x, dy: y) }
    }
}

extension Band {
    mutating func add(_ item: PageItem, artwork isArtwork: Bool) {
        if isArtwork { artwork.append(item) } else { items.append(item) }
    }
}

/// Bands made a few at a time as the paginator asks for them, so a long table is never held whole:
/// only the bands of the page being filled (and the chain kept with the next) exist at once.
final class BandStream {
    private var ahead: [Band] = []
    /// The next few bands (a table row with its heading, say); nil when there are no more.
    private var produce: () throws -> [Band]?

    init(producing produce: @escaping () throws -> [Band]?) {
        self.produce = produce
    }

    convenience init(_ bands: [Band]) {
        var remaining = Optional(bands)
        self.init { defer { remaining = nil }; return remaining }
    }

    /// `count` steps of `step`, each making the bands of one step (a table row and what goes with it).
    convenience init(count: Int, step: @escaping (Int) throws -> [Band]) {
        var index = 0
        self.init {
            guard index < count else { return nil }
            index += 1
            return try step(index - 1)
        }
    }

    /// The streams one after the other, each started only when the one before is used up.
    convenience init(concatenating streams: [() throws -> BandStream]) {
        var pending = streams[...]
        var current: BandStream?
        self.init {
            while true {
                if let band = try current?.next() { return [band] }
                guard let start = pending.popFirst() else { return nil }
                current = try start()
            }
        }
    }

    func next() throws -> Band? {
        guard try fill(1) else { return nil }
        return ahead.removeFirst()
    }

    /// The band `offset` places ahead of the next one, without taking it.
    func peek(_ offset: Int = 0) throws -> Band? {
        try fill(offset + 1) ? ahead[offset] : nil
    }

    /// This stream with `change` applied to every band.
    func changingEach(_ change: @escaping (inout Band) -> Void) -> BandStream {
        BandStream {
            guard var band = try self.next() else { return nil }
            change(&band)
            return [band]
        }
    }

    /// This stream with `change` applied to its first band.
    func changingFirst(_ change: @escaping (inout Band) -> Void) -> BandStream {
        var first = true
        return BandStream {
            guard var band = try self.next() else { return nil }
            if first { change(&band) }
            first = false
            return [band]
        }
    }

    /// This stream with `change` applied to its last band (found by looking one band ahead).
    func changingLast(_ change: @escaping (inout Band) -> Void) -> BandStream {
        BandStream {
            guard var band = try self.next() else { return nil }
            if try self.peek() == nil { change(&band) }
            return [band]
        }
    }

    /// Whether at least `count` bands are ahead, producing more as needed.
    private func fill(_ count: Int) throws -> Bool {
        while ahead.count < count {
            guard let more = try produce() else {
                produce = { nil }
                return false
            }
            ahead += more
        }
        return true
    }
}

/// Places bands top to bottom, starting a new page when the next band (and what it keeps with) does not fit.
/// Each page is handed to `finish` as soon as it is full and then forgotten, so memory does not grow with
/// the page count.
struct Paginator {
    private let width: Double
    private let height: Double
    private let left: Double
    private let top: Double
    private let bottom: Double
    private let finish: (Page) throws -> Void
    /// False once the caller only counts pages: bands then take their room on a page without being put on it.
    private let drawing: () -> Bool
    private var page: Page
    /// Pages finished so far.
    private var pageCount = 0
    /// Bands that did not fit even on an empty page: drawn anyway, reported by the caller.
    private(set) var oversized: [(excess: Double, origin: (kind: String, location: SourceLocation)?)] = []
    private var y: Double
    private var placedOnPage = 0
    private var last: (band: Band, y: Double)?

    init(width: Double, height: Double, left: Double, top: Double, bottom: Double, drawing: @escaping () -> Bool = { true },
         finish: @escaping (Page) throws -> Void) {
        self.width = width
        self.height = height
        self.left = left
        self.top = top
        self.bottom = bottom
        self.finish = finish
        self.drawing = drawing
        y = top
        page = Page(width: width, height: height)
    }

    mutating func place(_ bands: BandStream) throws {
        while let band = try bands.next() {
            // Room for this band, what it keeps with, and the 过次页 line that may have to follow it.
            var needed = band.height + (band.carried?.forward.height ?? 0)
            var kept = band, ahead = 0
            while kept.keepWithNext, let next = try bands.peek(ahead) {
                needed += next.height
                kept = next
                ahead += 1
            }
            if band.newPage, placedOnPage > 0 {
                closePage()
                try startPage()
                put(band, startsPage: true)
            } else if y + needed > bottom + 0.01, placedOnPage > 0 {
                let carried = last?.band.carried
                closePage()
                if let carried { put(carried.forward, startsPage: false) }
                try startPage()
                for header in band.repeatOnNewPage { put(header, startsPage: false) }
                if let carried { put(carried.back, startsPage: false) }
                put(band, startsPage: true)
            } else {
                put(band, startsPage: placedOnPage == 0)
            }
        }
    }

    /// Hands over the last page; returns the number of pages.
    mutating func end() throws -> Int {
        try finish(page)
        pageCount += 1
        return pageCount
    }

    private mutating func put(_ band: Band, startsPage: Bool) {
        if placedOnPage == 0, band.height > bottom - top + 0.01 { oversized.append((band.height - (bottom - top), band.origin)) }
        if drawing() {
            page.add(band, x: left, y: y)
            if startsPage { page.items += band.ifFirstOnPage.map { $0.offsetBy(dx: left, dy: y) } }
        }
        last = (band, y)
        y += band.height
        placedOnPage += 1
    }

    /// Finishes the page after its last band: lines that close merged cells.
    private mutating func closePage() {
        if let last, drawing() {
            page.items += last.band.ifLastOnPage.map { $0.offsetBy(dx: left, dy: last.y) }
        }
    }

    private mutating func startPage() throws {
        try finish(page)
        pageCount += 1
        page = Page(width: width, height: height)
        y = top
        placedOnPage = 0
        last = nil
    }
}
