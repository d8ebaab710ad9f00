/// Where each arrow leaves and enters its steps. Forward arrows leave at the bottom and enter at the top; a
/// decision's first answer (是) leaves at the bottom and the others at the sides, so yes is always straight
/// on; loops leave and enter at the sides and run around the steps between. Side ports get short stubs
/// to the channel between layers, kept clear of other boxes by the room reserved beside the box.
struct PortPlan {
    enum Side { case top, bottom, low, high }

    struct Port {
        var side: Side
        /// Distance of the stub from the box side (side ports only).
        var stubOffset = 0.0
        /// Order of the port among the side's ports that stub the same way (0 = first along the flow).
        var slot = 0
        var slots = 1
    }

    /// Per chain: the port at its upper item and at its lower item.
    var upper: [Port] = []
    var lower: [Port] = []
    /// Per chain: whether its label sits at the upper end (else the lower end, a loop's source).
    var labelAtUpper: [Bool] = []

    /// Sides chosen for loops and side answers (by chain) in place of the rules below, found by trying (see
    /// FlowchartLayouter).
    typealias LoopSides = [Int: (upper: Side, lower: Side)]

    init(graph: FlowGraph, layered: LayeredGraph, style: FlowchartStyle, labelSizes: [ChartSize?], loopSides: LoopSides = [:]) {
        let key = Self.keys(layered)
        let primary = Self.primaryExits(graph, layered)
        // Where each decision's straight-on answer goes: a tie for a side answer goes the other way.
        var straightOn: [Int: Double] = [:]
        for chain in layered.chains where primary[graph.edges[chain.edge].from] == chain.edge {
            straightOn[chain.items[0]] = key[chain.items[1]]
        }
        var used: [Int: Set<Side>] = [:]
        func side(of item: Int, toward other: Int, sharing: Bool) -> Side {
            var preferred: Side = key[other] < key[item] ? .low : .high
            if abs(key[other] - key[item]) < 1e-9, let yes = straightOn[item], yes > key[item] + 1e-9 { preferred = .low }
            let node = layered.items[item].node!
            let isPoint = Self.isPointShaped(graph.nodes[node].kind)
            let taken = used[item, default: []]
            if isPoint, taken.contains(preferred) {
                let other: Side = preferred == .low ? .high : .low
                if !taken.contains(other) { return other }
                if !sharing { return .bottom }
            }
            return preferred
        }
        func free(_ side: Side, at item: Int) -> Side {
            let isPoint = Self.isPointShaped(graph.nodes[layered.items[item].node!].kind)
            guard isPoint, used[item, default: []].contains(side) else { return side }
            return side == .low ? .high : .low
        }
        // A decision's other answers: with two, the one going further left leaves left, the other right.
        var answerSide: [Int: Side] = [:]
        let answers = Dictionary(grouping: layered.chains.indices.filter { index in
            let chain = layered.chains[index], from = graph.edges[chain.edge].from
            return !chain.reversed && graph.nodes[from].kind == .decision && primary[from] != chain.edge
        }, by: { layered.chains[$0].items[0] })
        for (item, chains) in answers {
            let sorted = chains.sorted { (key[layered.chains[$0].items[1]], $0) < (key[layered.chains[$1].items[1]], $1) }
            if sorted.count == 1 {
                answerSide[sorted[0]] = side(of: item, toward: layered.chains[sorted[0]].items[1], sharing: false)
            } else {
                answerSide[sorted[0]] = .low
                answerSide[sorted[sorted.count - 1]] = .high
            }
            for chain in sorted { if let side = answerSide[chain] { used[item, default: []].insert(side) } }
        }
        for (index, chain) in layered.chains.enumerated() {
            let first = chain.items[0], second = chain.items[1]
            let last = chain.items[chain.items.count - 1], beforeLast = chain.items[chain.items.count - 2]
            var top = Port(side: answerSide[index] ?? .bottom)
            var bottom = Port(side: .top)
            if chain.reversed {
                if chain.items.count == 2 {
                    // A loop back over one layer goes round on the side the flow moves to: both its ends on
                    // that side, its track above the forward arrow's, so the two never cross.
                    // A diamond's corner already taken by an answer is left to it.
                    let side = free(free(key[last] < key[first] - 1e-9 ? .low : .high, at: first), at: last)
                    top.side = free(side, at: first)
                    bottom.side = side
                } else {
                    top.side = side(of: first, toward: second, sharing: true)
                    bottom.side = side(of: last, toward: beforeLast, sharing: true)
                }
                used[first, default: []].insert(top.side)
                used[last, default: []].insert(bottom.side)
            }
            upper.append(top)
            lower.append(bottom)
            labelAtUpper.append(!chain.reversed)
        }
        for (chain, sides) in loopSides {
            upper[chain].side = sides.upper
            lower[chain].side = sides.lower
        }
        assignStubs(graph: graph, layered: layered, style: style, labelSizes: labelSizes)
    }

    /// Diamonds and stadiums have one point per side where arrows can meet them.
    static func isPointShaped(_ kind: FlowGraph.Kind) -> Bool { kind == .decision || kind == .start || kind == .end }

    /// A position across the chart from the order alone: lane, then place within the lane's items.
    private static func keys(_ layered: LayeredGraph) -> [Double] {
        var key = Array(repeating: 0.0, count: layered.items.count)
        for layer in layered.layers {
            let lanes = Dictionary(grouping: layer, by: { layered.items[$0].lane })
            for (lane, cell) in lanes {
                for (index, item) in cell.enumerated() { key[item] = Double(lane) + (Double(index) + 0.5) / Double(cell.count) }
            }
        }
        return key
    }

    /// The arrow leaving each decision straight down: the one labelled 是 / yes, else the first forward one.
    static func primaryExits(_ graph: FlowGraph, _ layered: LayeredGraph) -> [Int: Int] {
        func isYes(_ edge: Int) -> Bool {
            let label = (graph.edges[edge].label ?? "").lowercased()
            return label.hasPrefix("是") || label.hasPrefix("yes") || label == "y"
        }
        var primary: [Int: Int] = [:]
        for chain in layered.chains where !chain.reversed {
            let from = graph.edges[chain.edge].from
            guard graph.nodes[from].kind == .decision else { continue }
            if let current = primary[from], isYes(current) || !isYes(chain.edge) { continue }
            primary[from] = chain.edge
        }
        return primary
    }

    /// Orders the stubs of each box side so none crosses another's horizontal, and reserves room for them
    /// (and for a label beside the box) so no other box or line comes that close.
    private mutating func assignStubs(graph: FlowGraph, layered: LayeredGraph, style: FlowchartStyle, labelSizes: [ChartSize?]) {
        struct End { let chain: Int; let atUpper: Bool }
        var sides: [Int: [Side: [End]]] = [:]
        for (index, chain) in layered.chains.enumerated() {
            if upper[index].side == .low || upper[index].side == .high {
                sides[chain.items[0], default: [:]][upper[index].side, default: []].append(End(chain: index, atUpper: true))
            }
            if lower[index].side == .low || lower[index].side == .high {
                sides[chain.items[chain.items.count - 1], default: [:]][lower[index].side, default: []].append(End(chain: index, atUpper: false))
            }
        }
        for index in layered.items.indices {
            layered.items[index].reserveLow = 0
            layered.items[index].reserveHigh = 0
        }
        for item in sides.keys.sorted() {
            let isPoint = Self.isPointShaped(graph.nodes[layered.items[item].node!].kind)
            for (side, ends) in sides[item]!.sorted(by: { $0.key == .low && $1.key == .high }) {
                // Stubs towards the layer below leave from the lower half, stubs from above enter the upper half.
                let downs = ends.filter(\.atUpper), ups = ends.filter { !$0.atUpper }
                var widest = 0.0
                for (slot, end) in downs.enumerated() {
                    let offset = isPoint ? Double(slot + 1) : Double(downs.count - slot)
                    setPort(end.chain, atUpper: true) { $0.stubOffset = offset * style.stubGap; $0.slot = slot; $0.slots = downs.count }
                    widest = max(widest, offset)
                }
                for (slot, end) in ups.enumerated() {
                    let offset = isPoint ? Double(downs.count + slot + 1) : Double(slot + 1)
                    setPort(end.chain, atUpper: false) { $0.stubOffset = offset * style.stubGap; $0.slot = slot; $0.slots = ups.count }
                    widest = max(widest, offset)
                }
                var reserve = (widest + 0.5) * style.stubGap
                for end in ends where labelAtUpper[end.chain] == end.atUpper {
                    if let size = labelSizes[layered.chains[end.chain].edge] { reserve = max(reserve, size.width + 0.6 * style.f) }
                }
                if side == .low { layered.items[item].reserveLow = reserve } else { layered.items[item].reserveHigh = reserve }
            }
        }
    }

    private mutating func setPort(_ chain: Int, atUpper: Bool, _ change: (inout Port) -> Void) {
        if atUpper { change(&upper[chain]) } else { change(&lower[chain]) }
    }
}
