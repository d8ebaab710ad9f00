import DanjuGeometry

/// Text at a place: drawn by laying `text` out in `font` wrapped at `wrapWidth`, exactly as it was measured.
public struct PlacedText: Sendable {
    public let text: String
    public let font: ChartFont
    public let wrapWidth: Double?
    public let frame: Rect

    public init(text: String, font: ChartFont, wrapWidth: Double?, frame: Rect) {
        self.text = text
        self.font = font
        self.wrapWidth = wrapWidth
        self.frame = frame
    }
}

public struct ChartNode: Sendable {
    public let index: Int
    public let kind: FlowGraph.Kind
    public let frame: Rect
    public let label: PlacedText
    public let form: PlacedText?
    public let timeLimit: PlacedText?

    public var texts: [PlacedText] { [label] + [form, timeLimit].compactMap { $0 } }
}

public struct ChartEdge: Sendable {
    public let index: Int
    /// From the source's border to the target's border; the arrow head is at the last point.
    public let points: [Point]
    public let label: PlacedText?
    /// Runs against the flow (a rework loop, a no going back).
    public let isLoop: Bool
    /// Inferred rather than stated in the source.
    public let implied: Bool
}

public struct ChartLane: Sendable {
    public let index: Int
    /// The whole band, header included.
    public let frame: Rect
    public let header: Rect
    public let title: PlacedText
}

/// A laid-out swimlane chart in points, from (0, 0). Build it with `Flowchart.layout`.
public struct Flowchart: Sendable {
    public let size: ChartSize
    public let style: FlowchartStyle
    public let lanes: [ChartLane]
    public let nodes: [ChartNode]
    public let edges: [ChartEdge]
    /// Where each layer's steps start and end along the flow (y for vertical lanes, x for horizontal): a chart
    /// split over pages is cut in the channels between them.
    public let layerSpans: [ClosedRange<Double>]
    /// The extent of the lane headers along the flow.
    public let headerExtent: Double

    /// Which way the lanes run: the style's choice.
    public var direction: LaneDirection { style.lanes }

    /// Lays `graph` out: layers along the flow, lanes across it, arrows routed between the boxes.
    public static func layout(_ graph: FlowGraph, style: FlowchartStyle, measure: TextMeasure) -> Flowchart {
        FlowchartLayouter(graph).layout(style: style, measure: measure)
    }
}

/// Lays one graph out at several sizes (fitting a page tries a few): the layers and their order, which do
/// not depend on sizes, are worked out once.
public final class FlowchartLayouter {
    let graph: FlowGraph
    let ordered: LayeredGraph
    /// Loop sides (and side answers' corners) that cross fewer arrows than the rules' choice: they depend on
    /// the order only, so they are searched once, on the first layout, and kept for every size.
    private var loopSides: PortPlan.LoopSides?

    public init(_ graph: FlowGraph) {
        self.graph = graph
        ordered = LayeredGraph.leastCrossing(graph)
    }

    public func layout(style: FlowchartStyle, measure: TextMeasure) -> Flowchart {
        let vertical = style.lanes == .vertical
        let abstract: (ChartSize) -> ChartSize = { vertical ? $0 : ChartSize(width: $0.height, height: $0.width) }
        let contents = graph.nodes.map { NodeContent(node: $0, style: style, measure: measure) }
        let labelSizes = graph.edges.map { edge in
            edge.label.map { measure($0, style.edgeFont, 6 * style.f) }
        }
        let layered = ordered.sized(contents.map { abstract($0.size) })
        let abstractLabels = labelSizes.map { $0.map(abstract) }
        var plan = PortPlan(graph: graph, layered: layered, style: style, labelSizes: abstractLabels, loopSides: loopSides ?? [:])

        // Lane headers: across the top of columns, or in a narrow column left of rows.
        let headerWidth = 4.6 * style.f
        let unwrapped = graph.lanes.map { measure($0.name, style.laneFont, vertical ? nil : headerWidth - 2 * style.padX) }
        let minLane = unwrapped.map { vertical ? min($0.width, style.stepWidth) + 2 * style.lanePad : $0.height + 2 * style.padY }
        var lanes = layered.placeAcross(style: style, minLaneWidth: minLane)
        if loopSides == nil {
            let sides = searchLoopSides(layered, plan: plan, style: style, labelSizes: abstractLabels, minLaneWidth: minLane)
            loopSides = sides
            // Trials left their room and places behind: made again for the sides chosen.
            plan = PortPlan(graph: graph, layered: layered, style: style, labelSizes: abstractLabels, loopSides: sides)
            lanes = layered.placeAcross(style: style, minLaneWidth: minLane)
        }
        let titles = graph.lanes.enumerated().map { index, lane in
            let wrap = vertical ? lanes[index].width - 2 * style.lanePad : headerWidth - 2 * style.padX
            return (wrap, measure(lane.name, style.laneFont, wrap))
        }
        let headerExtent = vertical ? (titles.map(\.1.height).max() ?? 0) + 2 * style.padY : headerWidth
        let router = Router(graph: graph, layered: layered, plan: plan, style: style)
        let routed = router.route(top: headerExtent + style.lineGap, labelSizes: abstractLabels)
        let along = routed.height + style.lineGap
        let across = lanes.last.map { $0.left + $0.width } ?? 0

        let real: (Rect) -> Rect = { vertical ? $0 : $0.transposed }
        let chartLanes = lanes.enumerated().map { index, lane in
            let header = real(Rect(x: lane.left, y: 0, width: lane.width, height: headerExtent))
            let size = titles[index].1
            return ChartLane(index: index, frame: real(Rect(x: lane.left, y: 0, width: lane.width, height: along)), header: header,
                             title: PlacedText(text: graph.lanes[index].name, font: style.laneFont, wrapWidth: titles[index].0,
                                               frame: Rect(x: header.midX - size.width / 2, y: header.midY - size.height / 2,
                                                                width: size.width, height: size.height)))
        }
        let chartNodes = graph.nodes.indices.map { node in
            let item = layered.items[layered.nodeItem[node]]
            let frame = real(Rect(x: item.u - item.across / 2, y: item.v - item.along / 2, width: item.across, height: item.along))
            return contents[node].placed(in: frame, index: node)
        }
        var chartEdges: [ChartEdge?] = Array(repeating: nil, count: graph.edges.count)
        for (index, chain) in layered.chains.enumerated() {
            let points = routed.paths[index].map { vertical ? $0 : $0.transposed }
            var label: PlacedText?
            if let text = graph.edges[chain.edge].label, let rect = routed.labels[index] {
                label = PlacedText(text: text, font: style.edgeFont, wrapWidth: 6 * style.f, frame: real(rect))
            }
            chartEdges[chain.edge] = ChartEdge(index: chain.edge, points: points, label: label, isLoop: chain.reversed,
                                               implied: graph.edges[chain.edge].implied)
        }
        let spans = layered.layers.indices.map { layer -> ClosedRange<Double> in
            // A layer only long arrows pass through (its step moved lower) spans their points at the row's middle.
            let row = layered.layers[layer].map { layered.items[$0] }
            let start = row.map { $0.v - $0.along / 2 }.min() ?? 0
            let end = row.map { $0.v + $0.along / 2 }.max() ?? start
            return start...end
        }
        return Flowchart(size: vertical ? ChartSize(width: across, height: along) : ChartSize(width: along, height: across),
                         style: style, lanes: chartLanes, nodes: chartNodes,
                         edges: chartEdges.compactMap { $0 }, layerSpans: spans, headerExtent: headerExtent)
    }
}

extension FlowchartLayouter {
    /// Tries the other sides for each loop that crosses an arrow, and the other corner for a decision's side
    /// answer (否 leaving left rather than right, passing under 是's turn instead of across it), keeping a
    /// change when the whole chart, placed again (the room kept beside boxes changes), then has fewer crossings.
    func searchLoopSides(_ layered: LayeredGraph, plan: PortPlan, style: FlowchartStyle, labelSizes: [ChartSize?],
                         minLaneWidth: [Double]) -> PortPlan.LoopSides {
        let route = { (plan: PortPlan) in
            _ = layered.placeAcross(style: style, minLaneWidth: minLaneWidth)
            return Router(graph: self.graph, layered: layered, plan: plan, style: style).route(top: 0, labelSizes: labelSizes).paths
        }
        var paths = route(plan)
        var best = Flowchart.crossings(of: paths)
        var sides: PortPlan.LoopSides = [:]
        var current = plan
        let sideOptions: [PortPlan.Side] = [.low, .high]
        for (index, chain) in layered.chains.enumerated() where best > 0 {
            guard Flowchart.crossings(of: paths, involving: index) > 0 else { continue }
            var options: [(upper: PortPlan.Side, lower: PortPlan.Side)] = []
            if chain.reversed {
                // A diamond's or stadium's corners may be an answer's: leave their ends as the rules chose.
                let ends = [chain.items[0], chain.items[chain.items.count - 1]].map { PortPlan.isPointShaped(graph.nodes[layered.items[$0].node!].kind) }
                for upper in ends[0] ? [current.upper[index].side] : sideOptions {
                    for lower in ends[1] ? [current.lower[index].side] : sideOptions { options.append((upper, lower)) }
                }
            } else if let other = otherCorner(of: index, in: current, layered) {
                options.append((other, current.lower[index].side))
            }
            for (upper, lower) in options {
                if upper == current.upper[index].side && lower == current.lower[index].side { continue }
                var trial = sides
                trial[index] = (upper, lower)
                let candidate = PortPlan(graph: graph, layered: layered, style: style, labelSizes: labelSizes, loopSides: trial)
                let trialPaths = route(candidate)
                let count = Flowchart.crossings(of: trialPaths)
                if count < best {
                    (best, sides, paths, current) = (count, trial, trialPaths, candidate)
                }
            }
        }
        return sides
    }

    /// For an answer leaving a corner at the side of its diamond: the opposite corner, when nothing else uses it.
    private func otherCorner(of index: Int, in plan: PortPlan, _ layered: LayeredGraph) -> PortPlan.Side? {
        let item = layered.chains[index].items[0]
        let side = plan.upper[index].side
        guard side == .low || side == .high else { return nil }
        let other: PortPlan.Side = side == .low ? .high : .low
        let taken = layered.chains.indices.contains { chain in
            (layered.chains[chain].items.first == item && plan.upper[chain].side == other)
                || (layered.chains[chain].items.last == item && plan.lower[chain].side == other)
        }
        return taken ? nil : other
    }
}

/// A step's texts, measured, and the box they need in the step's shape.
struct NodeContent {
    let kind: FlowGraph.Kind
    let style: FlowchartStyle
    let label: (text: String, wrap: Double, size: ChartSize)
    let form: (text: String, wrap: Double, size: ChartSize)?
    let limit: (text: String, size: ChartSize)?
    /// Form name and time limit on two lines.
    let stacked: Bool
    let metaSize: ChartSize
    let size: ChartSize

    init(node: FlowGraph.Node, style: FlowchartStyle, measure: TextMeasure) {
        kind = node.kind
        self.style = style
        let inner = style.stepWidth - 2 * style.padX - (node.kind == .subprocess ? 2 * style.barInset : 0)
        // A diamond or stadium grows around its text (a diamond to 1.7 times its width): a narrower wrap keeps it near the step width.
        let wrap = [.decision, .start, .end].contains(node.kind) ? style.stepWidth * 0.8 : inner
        label = (node.label, wrap, measure(node.label, style.stepFont, wrap))
        let limitText = node.timeLimit.map { "时限 " + $0 }
        limit = limitText.map { ($0, measure($0, style.metaFont, nil)) }
        // Form name and time limit share a line below the label when they fit, else each has its own.
        form = node.form.map { text in
            let wanted = "表单：" + text
            return (wanted, inner, measure(wanted, style.metaFont, inner))
        }
        let sideBySide = (form?.size.width ?? 0) + (limit.map { $0.size.width + style.padX } ?? 0) <= inner
        stacked = !sideBySide
        let meta = sideBySide
            ? ChartSize(width: (form?.size.width ?? 0) + (limit.map { $0.size.width + style.padX } ?? 0),
                        height: max(form?.size.height ?? 0, limit?.size.height ?? 0))
            : ChartSize(width: max(form?.size.width ?? 0, limit?.size.width ?? 0),
                        height: (form?.size.height ?? 0) + (limit?.size.height ?? 0) + 0.25 * style.f)
        metaSize = meta
        let content = ChartSize(width: max(label.size.width, meta.width),
                                height: label.size.height + (meta.height > 0 ? meta.height + 0.25 * style.f : 0))
        size = switch node.kind {
        case .decision: ChartSize(width: max(1.7 * content.width + 2 * style.padX, 4 * style.f),
                                  height: 2.4 * content.height + 2 * style.padY)
        case .start, .end: ChartSize(width: content.width + content.height + 2 * style.padY + 2 * style.padX,
                                     height: content.height + 2 * style.padY)
        case .doc: ChartSize(width: style.stepWidth, height: content.height + 2 * style.padY + style.waveDepth)
        case .task, .subprocess: ChartSize(width: style.stepWidth, height: content.height + 2 * style.padY)
        }
    }

    /// The texts placed in `frame`, centred above the wavy bottom of a document box.
    func placed(in frame: Rect, index: Int) -> ChartNode {
        let gap = metaSize.height > 0 ? 0.25 * style.f : 0
        let contentHeight = label.size.height + gap + metaSize.height
        let area = kind == .doc ? Rect(x: frame.x, y: frame.y, width: frame.width, height: frame.height - style.waveDepth) : frame
        let top = area.midY - contentHeight / 2
        let labelText = PlacedText(text: label.text, font: style.stepFont, wrapWidth: label.wrap,
                                   frame: Rect(x: area.midX - label.size.width / 2, y: top, width: label.size.width, height: label.size.height))
        let metaTop = top + label.size.height + gap
        var formText: PlacedText?, limitText: PlacedText?
        if stacked {
            formText = form.map { PlacedText(text: $0.text, font: style.metaFont, wrapWidth: $0.wrap,
                                             frame: Rect(x: area.midX - $0.size.width / 2, y: metaTop, width: $0.size.width, height: $0.size.height)) }
            let limitTop = metaTop + (form.map { $0.size.height + 0.25 * style.f } ?? 0)
            limitText = limit.map { PlacedText(text: $0.text, font: style.metaFont, wrapWidth: nil,
                                               frame: Rect(x: area.midX - $0.size.width / 2, y: limitTop, width: $0.size.width, height: $0.size.height)) }
        } else {
            var x = area.midX - metaSize.width / 2
            formText = form.map { form in
                defer { x += form.size.width + style.padX }
                return PlacedText(text: form.text, font: style.metaFont, wrapWidth: form.wrap,
                                  frame: Rect(x: x, y: metaTop, width: form.size.width, height: form.size.height))
            }
            limitText = limit.map { PlacedText(text: $0.text, font: style.metaFont, wrapWidth: nil,
                                               frame: Rect(x: x, y: metaTop, width: $0.size.width, height: $0.size.height)) }
        }
        return ChartNode(index: index, kind: kind, frame: frame, label: labelText, form: formText, timeLimit: limitText)
    }
}
