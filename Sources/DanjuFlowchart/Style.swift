/// Which way the lanes run: as columns with the flow going down the page, or as rows with it going right.
public enum LaneDirection: String, Sendable, CaseIterable {
    case vertical, horizontal
}

/// What a piece of text is, so the drawing code picks the font the layout measured it with.
public enum TextRole: Sendable, Hashable {
    case step, meta, edgeLabel, laneHeader
}

public struct ChartFont: Sendable, Hashable {
    public let role: TextRole
    public let size: Double
    public let bold: Bool
}

/// Measures `text` in `font`, wrapped at the width when given: the same typesetter that later draws it.
public typealias TextMeasure = (_ text: String, _ font: ChartFont, _ wrapWidth: Double?) -> ChartSize

/// Sizes of a chart. Every distance is a multiple of the step font size, so a chart laid out at a smaller
/// size is the same chart scaled down, with its text measured again at that size.
public struct FlowchartStyle: Sendable {
    public var fontSize: Double
    public var lanes: LaneDirection
    /// The widest a step box gets, in multiples of the font size; longer labels wrap.
    public var maxStepWidth: Double

    public init(fontSize: Double = 8, lanes: LaneDirection = .vertical, maxStepWidth: Double = 10) {
        self.fontSize = fontSize
        self.lanes = lanes
        self.maxStepWidth = maxStepWidth
    }

    var f: Double { fontSize }
    var stepFont: ChartFont { ChartFont(role: .step, size: f, bold: false) }
    /// Form names and time limits; connector numbers are set in it too.
    public var metaFont: ChartFont { ChartFont(role: .meta, size: (f * 0.8 * 4).rounded() / 4, bold: false) }
    var edgeFont: ChartFont { ChartFont(role: .edgeLabel, size: (f * 0.85 * 4).rounded() / 4, bold: false) }
    var laneFont: ChartFont { ChartFont(role: .laneHeader, size: f, bold: true) }

    /// The double sides of a sub-process box, and the wavy bottom of a document box.
    public var barInset: Double { 0.45 * f }
    public var waveDepth: Double { 0.6 * f }

    var stepWidth: Double { maxStepWidth * f }
    var padX: Double { 0.6 * f }
    var padY: Double { 0.45 * f }
    /// Between neighbouring boxes of a layer, and between lines running through it.
    var nodeGap: Double { 1.6 * f }
    var lineGap: Double { 0.9 * f }
    var lanePad: Double { 0.9 * f }
    /// Between the parallel vertical stubs beside a box and between the horizontal tracks of a channel.
    var stubGap: Double { 0.75 * f }
    var trackGap: Double { 0.75 * f }
    public var arrowLength: Double { 0.75 * f }
    public var cornerRadius: Double { 0.5 * f }
    /// The least space between two layers.
    var minChannel: Double { 2.2 * f }
}
