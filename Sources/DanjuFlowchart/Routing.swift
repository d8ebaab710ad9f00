import DanjuGeometry

/// Orthogonal arrows: each runs vertically through its layers (at its port, stub or dummy point) and turns
/// only in the channels between layers, on a track of its own, so it never passes through a box.
struct Router {
    let graph: FlowGraph
    let layered: LayeredGraph
    let plan: PortPlan
    let style: FlowchartStyle

    /// A chain's run through one channel: from `top` (where it comes out of the layer above) to `bottom`.
    private struct Piece {
        let chain: Int
        let top: Double
        let bottom: Double
        var track = -1
        var low: Double { min(top, bottom) }
        var high: Double { max(top, bottom) }
        var isStraight: Bool { abs(top - bottom) < 0.01 }
    }

    struct Result {
        /// Per chain, the points in the drawing direction (source to target).
        var paths: [[Point]]
        var labels: [Rect?]
        var height: Double
    }

    /// Lays the rows and channels out from `top` and routes every chain; `labelSizes` per edge.
    func route(top: Double, labelSizes: [ChartSize?]) -> Result {
        let ends = portPositions()
        var channels = pieces(ends)
        let trackCounts = channels.indices.map { assignTracks(&channels[$0]) }
        let along = placeAlong(top: top, trackCounts: trackCounts, labelSizes: labelSizes)
        let paths = layered.chains.indices.map { path(of: $0, ends: ends, channels: channels, along: along) }
        return Result(paths: paths, labels: placeLabels(paths: paths, sizes: labelSizes), height: along.height)
    }

    /// Where each chain leaves its upper item and enters its lower one, across the flow: at a side port's stub,
    /// or on the top and bottom sides, spread in the order of where their arrows go.
    private func portPositions() -> (upper: [Double], lower: [Double]) {
        let items = layered.items
        let chains = layered.chains
        var upperU = Array(repeating: 0.0, count: chains.count), lowerU = upperU
        var bottoms: [Int: [Int]] = [:], tops: [Int: [Int]] = [:]
        for (index, chain) in chains.enumerated() {
            if plan.upper[index].side == .bottom { bottoms[chain.items[0], default: []].append(index) }
            if plan.lower[index].side == .top { tops[chain.items[chain.items.count - 1], default: []].append(index) }
        }
        var hasStub = (upper: Set<Int>(), lower: Set<Int>())
        for (index, chain) in chains.enumerated() {
            if let u = stubU(plan.upper[index], item: chain.items[0]) { upperU[index] = u; hasStub.upper.insert(index) }
            if let u = stubU(plan.lower[index], item: chain.items[chain.items.count - 1]) { lowerU[index] = u; hasStub.lower.insert(index) }
        }
        // Sorted by where the arrow goes next: the neighbouring dummy, or the other end's stub or centre.
        spread(bottoms, into: &upperU) { chains[$0].items.count == 2 && hasStub.lower.contains($0) ? lowerU[$0] : items[chains[$0].items[1]].u }
        spread(tops, into: &lowerU) { chains[$0].items.count == 2 ? upperU[$0] : items[chains[$0].items[chains[$0].items.count - 2]].u }
        return (upperU, lowerU)
    }

    /// Each chain's run through each channel it crosses, by channel (the layer above it).
    private func pieces(_ ends: (upper: [Double], lower: [Double])) -> [[Piece]] {
        let items = layered.items
        var channels = Array(repeating: [Piece](), count: layered.layers.count)
        for (index, chain) in layered.chains.enumerated() {
            for position in chain.items.indices.dropLast() {
                let from = chain.items[position], to = chain.items[position + 1]
                let topU = position == 0 ? ends.upper[index] : items[from].u
                let bottomU = position + 1 == chain.items.count - 1 ? ends.lower[index] : items[to].u
                channels[items[from].layer].append(Piece(chain: index, top: topU, bottom: bottomU))
            }
        }
        return channels
    }

    /// Where the channels lie along the flow: each starts below its layer's row, its first track `topMargin`
    /// lower (below the labels of arrows leaving that row downwards).
    private struct Along {
        var channelTop: [Double] = []
        var topMargin: [Double] = []
        var height = 0.0
    }

    /// Rows and channels along the flow from `top`, each channel as deep as its tracks need; sets every item's `v`.
    private func placeAlong(top: Double, trackCounts: [Int], labelSizes: [ChartSize?]) -> Along {
        let items = layered.items
        let chains = layered.chains
        let labelled = Set(chains.indices.filter { plan.labelAtUpper[$0] && plan.upper[$0].side == .bottom && labelSizes[chains[$0].edge] != nil }
            .map { items[chains[$0].items[0]].layer })
        let labelHeight = labelSizes.compactMap { $0?.height }.max() ?? 0
        var along = Along()
        var v = top
        for (layer, row) in layered.layers.enumerated() {
            let height = max(style.f, row.map { items[$0].along }.max() ?? 0)
            for item in row { layered.items[item].v = v + height / 2 }
            v += height
            along.channelTop.append(v)
            let margin = labelled.contains(layer) ? labelHeight + 0.45 * style.f : 0.6 * style.f
            along.topMargin.append(margin)
            if layer + 1 < layered.layers.count {
                v += max(style.minChannel, margin + Double(max(trackCounts[layer] - 1, 0)) * style.trackGap + style.arrowLength + 0.5 * style.f)
            }
        }
        along.height = v
        return along
    }

    /// The points of chain `index` in the drawing direction: out of its source's port, along its tracks, into
    /// its target's port.
    private func path(of index: Int, ends: (upper: [Double], lower: [Double]), channels: [[Piece]], along: Along) -> [Point] {
        let chain = layered.chains[index]
        var points: [Point] = []
        let first = layered.items[chain.items[0]], last = layered.items[chain.items[chain.items.count - 1]]
        let upperPort = plan.upper[index], lowerPort = plan.lower[index]
        if upperPort.side == .bottom {
            points.append(Point(x: ends.upper[index], y: first.v + first.along / 2))
        } else {
            let v = sidePortV(upperPort, item: first, down: true)
            points.append(Point(x: sideU(upperPort.side, item: first), y: v))
            points.append(Point(x: ends.upper[index], y: v))
        }
        for item in chain.items.dropLast() {
            let layer = layered.items[item].layer
            guard let piece = channels[layer].first(where: { $0.chain == index }) else { continue }
            if !piece.isStraight {
                let y = along.channelTop[layer] + along.topMargin[layer] + Double(piece.track) * style.trackGap
                points.append(Point(x: piece.top, y: y))
                points.append(Point(x: piece.bottom, y: y))
            }
        }
        if lowerPort.side == .top {
            points.append(Point(x: ends.lower[index], y: last.v - last.along / 2))
        } else {
            let v = sidePortV(lowerPort, item: last, down: false)
            points.append(Point(x: ends.lower[index], y: v))
            points.append(Point(x: sideU(lowerPort.side, item: last), y: v))
        }
        let simplified = Self.simplify(points)
        return chain.reversed ? simplified.reversed() : simplified
    }

    private func spread(_ ports: [Int: [Int]], into u: inout [Double], by otherEnd: (Int) -> Double) {
        for (item, chains) in ports {
            let node = layered.items[item]
            let sorted = chains.sorted { (otherEnd($0), $0) < (otherEnd($1), $1) }
            // A diamond meets arrows at its corners; a stadium along its flat sides only (its ends are round).
            let kind = graph.nodes[node.node!].kind
            let flat = switch kind {
            case .decision: 0.0
            case .start, .end: style.lanes == .vertical ? node.across - node.along : 0
            default: node.across
            }
            let spacing = min(style.f, flat / Double(sorted.count + 1))
            for (slot, chain) in sorted.enumerated() {
                u[chain] = node.u + (Double(slot) - Double(sorted.count - 1) / 2) * spacing
            }
        }
    }

    private func sideU(_ side: PortPlan.Side, item: LayeredGraph.Item) -> Double {
        side == .low ? item.u - item.across / 2 : item.u + item.across / 2
    }

    private func stubU(_ port: PortPlan.Port, item: Int) -> Double? {
        let node = layered.items[item]
        switch port.side {
        case .low: return sideU(.low, item: node) - port.stubOffset
        case .high: return sideU(.high, item: node) + port.stubOffset
        default: return nil
        }
    }

    /// Side ports whose stubs go down sit in the lower half of a box, those coming from above in the upper.
    private func sidePortV(_ port: PortPlan.Port, item: LayeredGraph.Item, down: Bool) -> Double {
        if PortPlan.isPointShaped(graph.nodes[item.node!].kind) { return item.v }
        let half = item.along / 2
        let step = half * Double(port.slot + 1) / Double(port.slots + 1)
        return down ? item.v + step : item.v - step
    }

    /// Gives every bending piece a track: overlapping pieces get different tracks, stacked in the order
    /// that makes fewer of their verticals cross each other's horizontals. Returns the number of tracks.
    private func assignTracks(_ pieces: inout [Piece]) -> Int {
        let bending = pieces.indices.filter { !pieces[$0].isStraight }
        let margin = style.stubGap * 0.9
        func overlap(_ a: Piece, _ b: Piece) -> Bool { a.low < b.high + margin && b.low < a.high + margin }
        /// Crossings when `a` runs above `b`; far worse, a shared line: `a` going down where `b` comes down
        /// from above would run along it between their tracks.
        func cost(_ a: Piece, _ b: Piece) -> Int {
            (b.top > a.low + 0.01 && b.top < a.high - 0.01 ? 1 : 0) + (a.bottom > b.low + 0.01 && a.bottom < b.high - 0.01 ? 1 : 0)
                + (abs(a.bottom - b.top) < 0.01 ? 10 : 0)
        }
        // Placed in an order where a piece better above another comes first (a topological order of
        // "better above", the leftmost first among the free); pieces caught in a cycle of preferences last.
        var aboves = Dictionary(uniqueKeysWithValues: bending.map { ($0, 0) })
        var belows = [Int: [Int]]()
        for a in bending {
            for b in bending where a != b && overlap(pieces[a], pieces[b]) && cost(pieces[a], pieces[b]) < cost(pieces[b], pieces[a]) {
                aboves[b, default: 0] += 1
                belows[a, default: []].append(b)
            }
        }
        var ranked: [Int] = []
        var free = bending.filter { aboves[$0] == 0 }
        while !free.isEmpty {
            let next = free.min { (pieces[$0].low, $0) < (pieces[$1].low, $1) }!
            free.removeAll { $0 == next }
            ranked.append(next)
            for b in belows[next, default: []] {
                aboves[b]! -= 1
                if aboves[b] == 0 { free.append(b) }
            }
        }
        ranked += bending.filter { !ranked.contains($0) }.sorted { (pieces[$0].low, $0) < (pieces[$1].low, $1) }
        var placed: [Int] = []
        var count = 0
        for index in ranked {
            var track = 0
            for other in placed where overlap(pieces[index], pieces[other]) {
                let aboveIsBetter = cost(pieces[other], pieces[index]) <= cost(pieces[index], pieces[other])
                if aboveIsBetter { track = max(track, pieces[other].track + 1) }
            }
            // A lower-ranked piece may still have to share a track: move down past any overlap on it.
            while placed.contains(where: { pieces[$0].track == track && overlap(pieces[index], pieces[$0]) }) { track += 1 }
            pieces[index].track = track
            placed.append(index)
            count = max(count, track + 1)
        }
        return count
    }

    /// Snaps coordinates that differ by rounding only (so every segment is exactly level or upright), then
    /// drops repeated and collinear middle points.
    static func simplify(_ points: [Point]) -> [Point] {
        var result: [Point] = []
        for var point in points {
            if let last = result.last {
                if abs(last.x - point.x) < 0.01 { point.x = last.x }
                if abs(last.y - point.y) < 0.01 { point.y = last.y }
            }
            if let last = result.last, abs(last.x - point.x) < 0.001, abs(last.y - point.y) < 0.001 { continue }
            if result.count >= 2 {
                let a = result[result.count - 2], b = result[result.count - 1]
                if (abs(a.x - b.x) < 0.001 && abs(b.x - point.x) < 0.001) || (abs(a.y - b.y) < 0.001 && abs(b.y - point.y) < 0.001) {
                    result[result.count - 1] = point
                    continue
                }
            }
            result.append(point)
        }
        return result
    }

    /// Puts each label beside the first leg of its arrow, on the first free spot among a few candidates.
    private func placeLabels(paths: [[Point]], sizes: [ChartSize?]) -> [Rect?] {
        let boxes = layered.items.compactMap { $0.isDummy ? nil : Rect(x: $0.u - $0.across / 2, y: $0.v - $0.along / 2, width: $0.across, height: $0.along) }
        var placed: [Rect] = []
        var result: [Rect?] = Array(repeating: nil, count: layered.chains.count)
        let gap = 0.2 * style.f
        for (index, chain) in layered.chains.enumerated() {
            guard let size = sizes[chain.edge], paths[index].count >= 2 else { continue }
            let start = paths[index][0], next = paths[index][1]
            var candidates: [Rect] = []
            if abs(start.x - next.x) < 0.001 {
                // Leaving downwards (or upwards): beside the line, just past the box.
                // The side away from the box's middle first, so labels of neighbouring ports part ways.
                let y = next.y > start.y ? start.y + gap : start.y - gap - size.height
                let source = layered.items[layered.chains[index].items[chain.reversed ? chain.items.count - 1 : 0]]
                let right = Rect(x: start.x + gap, y: y, width: size.width, height: size.height)
                let left = Rect(x: start.x - gap - size.width, y: y, width: size.width, height: size.height)
                let lower = next.y > start.y ? size.height + gap : -size.height - gap
                candidates = start.x < source.u - 0.01 ? [left, right] : [right, left]
                candidates += candidates.map { $0.offsetBy(dx: 0, dy: lower) }
            } else {
                // Leaving sideways: above the line, then below it.
                let x = next.x > start.x ? start.x + gap : start.x - gap - size.width
                candidates = [Rect(x: x, y: start.y - gap - size.height, width: size.width, height: size.height),
                              Rect(x: x, y: start.y + gap, width: size.width, height: size.height)]
                candidates += candidates.map { $0.offsetBy(dx: next.x > start.x ? size.width + gap : -size.width - gap, dy: 0) }
            }
            let chosen = candidates.first { candidate in
                !boxes.contains { $0.intersects(candidate) } && !placed.contains { $0.intersects(candidate) }
            } ?? candidates[0]
            placed.append(chosen)
            result[index] = chosen
        }
        return result
    }
}
