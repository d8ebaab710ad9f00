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

/// Places bands top to bottom, starting a new page when the next band (and what it keeps with) does not fit.
struct Paginator {
    private let width: Double
    private let height: Double
    private let left: Double
    private let top: Double
    private let bottom: Double
    private(set) var pages: [Page] = []
    /// Bands that did not fit even on an empty page: drawn anyway, reported by the caller.
    private(set) var oversized: [Double] = []
    private var y: Double
    private var placedOnPage = 0
    private var last: (band: Band, y: Double)?

    init(width: Double, height: Double, left: Double, top: Double, bottom: Double) {
        self.width = width
        self.height = height
        self.left = left
        self.top = top
        self.bottom = bottom
        y = top
        pages = [Page(width: width, height: height)]
    }

    mutating func place(_ bands: [Band]) {
        for (index, band) in bands.enumerated() {
            // Room for this band, what it keeps with, and the 过次页 line that may have to follow it.
            var needed = band.height + (band.carried?.forward.height ?? 0)
            var next = index
            while bands[next].keepWithNext, next + 1 < bands.count {
                next += 1
                needed += bands[next].height
            }
            if band.newPage, placedOnPage > 0 {
                closePage()
                startPage()
                put(band, startsPage: true)
            } else if y + needed > bottom + 0.01, placedOnPage > 0 {
                let carried = last?.band.carried
                closePage()
                if let carried { put(carried.forward, startsPage: false) }
                startPage()
                for header in band.repeatOnNewPage { put(header, startsPage: false) }
                if let carried { put(carried.back, startsPage: false) }
                put(band, startsPage: true)
            } else {
                put(band, startsPage: placedOnPage == 0)
            }
        }
    }

    private mutating func put(_ band: Band, startsPage: Bool) {
        if placedOnPage == 0, band.height > bottom - top + 0.01 { oversized.append(band.height - (bottom - top)) }
        let page = pages[pages.count - 1]
        page.add(band, x: left, y: y)
        if startsPage { page.items += band.ifFirstOnPage.map { $0.offsetBy(dx: left, dy: y) } }
        last = (band, y)
        y += band.height
        placedOnPage += 1
    }

    /// Finishes the page after its last band: lines that close merged cells.
    private mutating func closePage() {
        if let last {
            pages[pages.count - 1].items += last.band.ifLastOnPage.map { $0.offsetBy(dx: left, dy: last.y) }
        }
    }

    private mutating func startPage() {
        pages.append(Page(width: width, height: height))
        y = top
        placedOnPage = 0
        last = nil
    }
}
