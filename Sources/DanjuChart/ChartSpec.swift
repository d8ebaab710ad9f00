import DanjuGeometry

/// What a chart shows: categories along one axis and one or more series of values.
public struct ChartSpec: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Vertical bars; horizontal bars; stacked and grouped series; a trend line; slices with a legend.
        case bar, hbar, stacked, grouped, line, pie, donut
    }

    public struct Series: Sendable {
        public let name: String
        public let values: [Double]

        public init(name: String, values: [Double]) {
            self.name = name
            self.values = values
        }
    }

    public let kind: Kind
    public let title: String
    /// Printed as 单位：… next to the title.
    public let unit: String
    public let categories: [String]
    public let series: [Series]
    /// Categories drawn darker (the current month of a trend).
    public let highlighted: Set<Int>
    /// Labels (axis, values, legend); the title is drawn bold and larger.
    public let style: TextStyle

    public init(kind: Kind, title: String, unit: String, categories: [String], series: [Series], highlighted: Set<Int> = [],
                style: TextStyle) {
        self.kind = kind
        self.title = title
        self.unit = unit
        self.categories = categories
        self.series = series
        self.highlighted = highlighted
        self.style = style
    }
}

/// How long a text is in a style, wrapped at a width when given: the typesetter's answer, which the chart asks
/// for through this closure rather than depending on Pango itself (the flowchart's `TextMeasure` likewise).
public typealias ChartTextMeasure = (_ text: String, _ style: TextStyle, _ width: Double?) -> ChartTextSize

public struct ChartTextSize: Sendable, Hashable {
    public let width: Double
    public let height: Double
    public let lineCount: Int

    public init(width: Double, height: Double, lineCount: Int) {
        self.width = width
        self.height = height
        self.lineCount = lineCount
    }
}

/// A text of the chart, as measured: drawn by laying `text` out in `style` at `wrapWidth` again, so it takes the
/// size it was measured at.
public struct ChartText: Sendable {
    public let text: String
    /// With the alignment the layouter chose.
    public let style: TextStyle
    public let wrapWidth: Double?
    public let size: ChartTextSize

    public var width: Double { size.width }
    public var height: Double { size.height }
    public var lineCount: Int { size.lineCount }
}

/// A laid-out chart: what to draw, and the boxes a test checks (no PDF needed).
public struct ChartLayout {
    public enum Item {
        case text(ChartText, x: Double, y: Double)
        case shape(Shape)
    }

    public let kind: ChartSpec.Kind
    public let width: Double
    public let height: Double
    public internal(set) var items: [Item] = []
    /// The plotting area between the axes (or the pie's square).
    public internal(set) var plot = Rect(x: 0, y: 0, width: 0, height: 0)
    /// The value axis, when there is one.
    public internal(set) var scale: NiceScale?
    /// Bars, markers or slices' bounds: what value labels must not cover.
    public internal(set) var marks: [Rect] = []
    public internal(set) var valueLabels: [Rect] = []
    /// The pieces of a trend line, which value labels avoid where they can.
    public internal(set) var segments: [Segment] = []
    /// Category names that stand abbreviated on the axis, with their full names in the legend.
    public internal(set) var abbreviated: [String] = []

    init(kind: ChartSpec.Kind, width: Double, height: Double) {
        self.kind = kind
        self.width = width
        self.height = height
    }

    /// Every text's box, for checks that nothing leaves the chart.
    public var textBoxes: [Rect] {
        items.compactMap { if case .text(let block, let x, let y) = $0 { Rect(x: x, y: y, width: block.width, height: block.height) } else { nil } }
    }

    mutating func add(_ shape: Shape) { items.append(.shape(shape)) }

    mutating func add(_ block: ChartText, x: Double, y: Double) { items.append(.text(block, x: x, y: y)) }
}
