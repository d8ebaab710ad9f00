/// The graph the phases work on: steps and the dummy points long arrows pass through, in layers along the
/// flow, each in a lane. Arrows going back (rework loops) are reversed here and drawn the right way round.
final class LayeredGraph {
    struct Item {
        /// The step, or nil for a point an arrow passes through.
        let node: Int?
        let lane: Int
        let layer: Int
        /// Extent across the flow and along it, in layout coordinates (lanes are columns).
        var across: Double
        var along: Double
        var u = 0.0
        var v = 0.0
        /// Room kept free beside the box for the stubs (and labels) of arrows leaving or entering at its sides.
        var reserveLow = 0.0
        var reserveHigh = 0.0

        var isDummy: Bool { node == nil }
    }

    /// One arrow as a chain of items from the upper end to the lower end.
    struct Chain {
        let edge: Int
        /// True when the arrow runs against the flow: it is drawn from the last item to the first.
        let reversed: Bool
        let items: [Int]
    }

    let choices: Choices
    var items: [Item] = []
    var chains: [Chain] = []
    /// Item indexes of each layer, in order across.
    var layers: [[Int]] = []
    var nodeItem: [Int] = []
    /// Items of the layer above and below joined to each item, with the weight of keeping the join straight.
    var above: [[(item: Int, weight: Double)]] = []
    var below: [[(item: Int, weight: Double)]] = []

    /// Departures from the quick rules, found by `leastCrossing` where they remove crossings.
    struct Choices {
        /// Arrows drawn going back besides those the walk finds.
        var loops: Set<Int> = []
        /// Steps kept at or below a layer.
        var lowest: [Int: Int] = [:]
        /// Long arrows that run down their source's lane and turn at the end, rather than turn at the start.
        var runInSourceLane: Set<Int> = []
    }

    /// Layers and chains, independent of sizes, so made once per graph.
    init(graph: FlowGraph, choices: Choices = Choices()) {
        self.choices = choices
        var reversed = Self.feedbackEdges(graph)
        for edge in choices.loops { reversed[edge] = true }
        let layerOf = Self.layers(graph, reversed: reversed, lowest: choices.lowest)
        // Steps first, in their order, so the first layout keeps the order the process was written in.
        let nodeOrder = graph.nodes.indices.sorted { (layerOf[$0], $0) < (layerOf[$1], $1) }
        nodeItem = Array(repeating: 0, count: graph.nodes.count)
        for node in nodeOrder {
            nodeItem[node] = items.count
            items.append(Item(node: node, lane: graph.nodes[node].lane, layer: layerOf[node], across: 0, along: 0))
        }
        for (index, edge) in graph.edges.enumerated() {
            let (upper, lower) = reversed[index] ? (edge.to, edge.from) : (edge.from, edge.to)
            var chain = [nodeItem[upper]]
            // Long arrows run in the lane of the step they point at (a loop: of the step it returns to),
            // unless chosen otherwise.
            let runLane = graph.nodes[choices.runInSourceLane.contains(index) ? edge.from : edge.to].lane
            for layer in (layerOf[upper] + 1)..<max(layerOf[upper] + 1, layerOf[lower]) {
                chain.append(items.count)
                items.append(Item(node: nil, lane: runLane, layer: layer, across: 0, along: 0))
            }
            chain.append(nodeItem[lower])
            chains.append(Chain(edge: index, reversed: reversed[index], items: chain))
        }
        let layerCount = (layerOf.max() ?? 0) + 1
        layers = Array(repeating: [], count: layerCount)
        for index in items.indices { layers[items[index].layer].append(index) }
        for layer in layers.indices { layers[layer].sort { items[$0].lane < items[$1].lane } }
        above = Array(repeating: [], count: items.count)
        below = Array(repeating: [], count: items.count)
        for chain in chains {
            for (upper, lower) in zip(chain.items, chain.items.dropFirst()) {
                let dummies = (items[upper].isDummy ? 1 : 0) + (items[lower].isDummy ? 1 : 0)
                let weight = [1.0, 2.0, 8.0][dummies]
                below[upper].append((lower, weight))
                above[lower].append((upper, weight))
            }
        }
    }

    private init(copying other: LayeredGraph) {
        choices = other.choices
        items = other.items
        chains = other.chains
        layers = other.layers
        nodeItem = other.nodeItem
        above = other.above
        below = other.below
    }

    /// A copy with the steps' sizes set (layout coordinates), ready to be placed and routed.
    func sized(_ sizes: [ChartSize]) -> LayeredGraph {
        let copy = LayeredGraph(copying: self)
        for (node, size) in sizes.enumerated() {
            copy.items[nodeItem[node]].across = size.width
            copy.items[nodeItem[node]].along = size.height
        }
        return copy
    }

    /// Arrows that close a cycle, found by a depth-first walk from the start steps in the written order:
    /// an arrow to a step still on the walk's path goes back.
    static func feedbackEdges(_ graph: FlowGraph) -> [Bool] {
        var outgoing = Array(repeating: [Int](), count: graph.nodes.count)
        var indegree = Array(repeating: 0, count: graph.nodes.count)
        for (index, edge) in graph.edges.enumerated() {
            outgoing[edge.from].append(index)
            indegree[edge.to] += 1
        }
        var reversed = Array(repeating: false, count: graph.edges.count)
        var state = Array(repeating: 0, count: graph.nodes.count)  // 0 new, 1 on the path, 2 done
        let roots = graph.nodes.indices.filter { graph.nodes[$0].kind == .start || indegree[$0] == 0 }
            + graph.nodes.indices
        for root in roots where state[root] == 0 {
            var stack: [(node: Int, next: Int)] = [(root, 0)]
            state[root] = 1
            while let top = stack.last {
                if top.next == outgoing[top.node].count {
                    state[top.node] = 2
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let edge = outgoing[top.node][top.next]
                let target = graph.edges[edge].to
                switch state[target] {
                case 1: reversed[edge] = true
                case 0:
                    state[target] = 1
                    stack.append((target, 0))
                default: break
                }
            }
        }
        return reversed
    }

    /// Longest path from the top (no step above its `lowest` layer), then steps without a predecessor moved
    /// down next to their first successor.
    static func layers(_ graph: FlowGraph, reversed: [Bool], lowest: [Int: Int] = [:]) -> [Int] {
        let count = graph.nodes.count
        var successors = Array(repeating: [Int](), count: count)
        var indegree = Array(repeating: 0, count: count)
        for (index, edge) in graph.edges.enumerated() {
            let (upper, lower) = reversed[index] ? (edge.to, edge.from) : (edge.from, edge.to)
            successors[upper].append(lower)
            indegree[lower] += 1
        }
        var layer = Array(repeating: 0, count: count)
        for (node, floor) in lowest { layer[node] = floor }
        var ready = (0..<count).filter { indegree[$0] == 0 }
        var remaining = indegree
        var cursor = 0
        while cursor < ready.count {
            let node = ready[cursor]
            cursor += 1
            for next in successors[node] {
                layer[next] = max(layer[next], layer[node] + 1)
                remaining[next] -= 1
                if remaining[next] == 0 { ready.append(next) }
            }
        }
        for node in (0..<count).reversed() where indegree[node] == 0 && graph.nodes[node].kind != .start {
            if let first = successors[node].map({ layer[$0] }).min(), first - 1 > layer[node] { layer[node] = first - 1 }
        }
        return layer
    }
}
