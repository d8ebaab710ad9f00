/// The walk that finds loops, the longest-path layers and long arrows turning at their start are quick
/// rules, and they can leave two arrows crossing in one channel where another choice would not: an arrow
/// coming back across the lanes under one going out. So, for the arrows that cross, other choices are tried,
/// each kept when the ordered chart then has fewer crossings: a step at an end put a layer lower, a long
/// arrow turning at its end instead, and an arrow that closes a cycle (a rework: 不合格 back to 维修) drawn as
/// a loop going back up rather than down.
extension LayeredGraph {
    static func leastCrossing(_ graph: FlowGraph) -> LayeredGraph {
        var best = refined(graph, Choices())
        // Arrows at a step where crossing arrows start or end.
        let crossed = Set(best.crossingChains().flatMap { [best.chains[$0].items.first!, best.chains[$0].items.last!] })
        let candidates = best.chains.filter { !$0.reversed && (crossed.contains($0.items.first!) || crossed.contains($0.items.last!)) }
        for edge in candidates.map(\.edge).sorted() where best.orderCrossings > 0 && goesBack(graph, edge) && !best.reaches(from: edge) {
            var choices = best.choices
            choices.loops.insert(edge)
            let candidate = refined(graph, choices)
            if candidate.orderCrossings < best.orderCrossings { best = candidate }
        }
        return best
    }

    /// The best of single changes to steps' layers and long arrows' turns, made one after another.
    private static func refined(_ graph: FlowGraph, _ start: Choices, rounds: Int = 6) -> LayeredGraph {
        var best = ordered(graph, start)
        for _ in 0..<rounds where best.orderCrossings > 0 {
            let crossing = best.crossingChains()
            var trials: [Choices] = []
            for node in Set(crossing.flatMap { [best.chains[$0].items.first!, best.chains[$0].items.last!] }.compactMap { best.items[$0].node }).sorted() {
                var trial = best.choices
                trial.lowest[node] = best.items[best.nodeItem[node]].layer + 1
                trials.append(trial)
            }
            for chain in crossing where best.chains[chain].items.count > 2 && !best.chains[chain].reversed {
                var trial = best.choices
                trial.runInSourceLane.formSymmetricDifference([best.chains[chain].edge])
                trials.append(trial)
            }
            guard let better = trials.lazy.map({ ordered(graph, $0) }).first(where: { $0.orderCrossings < best.orderCrossings }) else { break }
            best = better
        }
        return best
    }

    private static func ordered(_ graph: FlowGraph, _ choices: Choices) -> LayeredGraph {
        let layered = LayeredGraph(graph: graph, choices: choices)
        layered.orderLayers()
        layered.centreStraightAnswers(graph)
        return layered
    }

    /// Whether the arrow goes back: to a step written earlier that leads back to its source. Only such an
    /// arrow may be drawn as a loop; a step onward is never drawn above the one it follows.
    private static func goesBack(_ graph: FlowGraph, _ edge: Int) -> Bool {
        guard graph.edges[edge].to < graph.edges[edge].from else { return false }
        var seen: Set<Int> = [graph.edges[edge].to]
        var stack = [graph.edges[edge].to]
        while let node = stack.popLast() {
            if node == graph.edges[edge].from { return true }
            for next in graph.edges where next.from == node && seen.insert(next.to).inserted { stack.append(next.to) }
        }
        return false
    }

    /// Whether the forward arrow `edge`'s lower step can be reached from its upper one other than by it, going
    /// down: then turning the arrow round would close a cycle of downward arrows.
    private func reaches(from edge: Int) -> Bool {
        let chain = chains.first { $0.edge == edge }!
        let source = chain.items.first!, target = chain.items.last!
        var seen: Set<Int> = [source]
        var stack = [source]
        while let item = stack.popLast() {
            for other in chains where other.edge != edge && other.items.first == item {
                let next = other.items.last!
                if next == target { return true }
                if seen.insert(next).inserted { stack.append(next) }
            }
        }
        return false
    }

    /// Chains with a join that crosses another between two layers, in chain order.
    private func crossingChains() -> [Int] {
        let position = positions()
        var joins = Array(repeating: [(upper: Int, lower: Int, chain: Int)](), count: layers.count)
        for (index, chain) in chains.enumerated() {
            for (upper, lower) in zip(chain.items, chain.items.dropFirst()) {
                joins[items[upper].layer].append((position[upper], position[lower], index))
            }
        }
        var crossed = Set<Int>()
        for row in joins {
            for i in row.indices {
                for j in row.indices where j > i && (row[i].upper - row[j].upper) * (row[i].lower - row[j].lower) < 0 {
                    crossed.insert(row[i].chain)
                    crossed.insert(row[j].chain)
                }
            }
        }
        return crossed.sorted()
    }
}
