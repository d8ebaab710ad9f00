/// Crossing reduction: median sweeps down and up with adjacent swaps, each step moving an item only among
/// the items of its own lane, so lanes stay bands. The best order seen is kept.
extension LayeredGraph {
    func orderLayers(iterations: Int = 12) {
        var position = positions()
        var best = layers
        var bestCrossings = totalCrossings(position)
        for iteration in 0..<iterations {
            let downward = iteration % 2 == 0
            let sequence = downward ? Array(layers.indices.dropFirst()) : Array(layers.indices.dropLast().reversed())
            for layer in sequence {
                reorder(layer, by: downward ? above : below, position: &position)
            }
            transpose(&position)
            let crossings = totalCrossings(position)
            if crossings < bestCrossings {
                bestCrossings = crossings
                best = layers
            }
            if bestCrossings == 0 { break }
        }
        layers = best
    }

    /// A decision's answers leave left, straight down and right, so where three or more answers reach the
    /// same lane of the next layer, the straight-on one goes in the middle. Kept only if it adds no crossing.
    func centreStraightAnswers(_ graph: FlowGraph) {
        let primary = PortPlan.primaryExits(graph, self)
        let before = layers
        let beforeCrossings = totalCrossings(positions())
        for (decision, straight) in primary.sorted(by: { $0.key < $1.key }) {
            let exits = chains.filter { !$0.reversed && graph.edges[$0.edge].from == decision }
            guard exits.count >= 3, let main = exits.first(where: { $0.edge == straight }) else { continue }
            let next = main.items[1]
            let layer = items[next].layer, lane = items[next].lane
            let answers = exits.map { $0.items[1] }.filter { items[$0].layer == layer && items[$0].lane == lane }
            guard answers.count >= 3 else { continue }
            // The same slots, refilled: the other answers around the straight-on one.
            let slots = layers[layer].indices.filter { answers.contains(layers[layer][$0]) }
            var others = slots.map { layers[layer][$0] }.filter { $0 != next }
            let half = others.count / 2
            others.insert(next, at: half)
            for (slot, item) in zip(slots, others) { layers[layer][slot] = item }
        }
        if totalCrossings(positions()) > beforeCrossings { layers = before }
    }

    /// Crossings of the current order.
    var orderCrossings: Int { totalCrossings(positions()) }

    func positions() -> [Int] {
        var position = Array(repeating: 0, count: items.count)
        for layer in layers { for (index, item) in layer.enumerated() { position[item] = index } }
        return position
    }

    /// Sorts each lane's items of `layer` by the median position of their neighbours in the adjacent layer.
    private func reorder(_ layer: Int, by neighbours: [[(item: Int, weight: Double)]], position: inout [Int]) {
        let key = layers[layer].map { item -> Double in
            let places = neighbours[item].map { Double(position[$0.item]) }.sorted()
            guard !places.isEmpty else { return Double(position[item]) }
            let middle = places.count / 2
            return places.count % 2 == 1 ? places[middle] : (places[middle - 1] + places[middle]) / 2
        }
        let keyed = zip(layers[layer], key).map { (item: $0, key: $1) }
        layers[layer] = keyed.sorted { a, b in
            (items[a.item].lane, a.key, position[a.item]) < (items[b.item].lane, b.key, position[b.item])
        }.map(\.item)
        for (index, item) in layers[layer].enumerated() { position[item] = index }
    }

    /// Swaps neighbours of the same lane while that removes crossings.
    private func transpose(_ position: inout [Int]) {
        var improved = true
        var rounds = 0
        while improved, rounds < 8 {
            improved = false
            rounds += 1
            for layer in layers.indices {
                var row = layers[layer]
                for index in row.indices.dropLast() {
                    let a = row[index], b = row[index + 1]
                    guard items[a].lane == items[b].lane else { continue }
                    if pairCrossings(b, a, position) < pairCrossings(a, b, position) {
                        row.swapAt(index, index + 1)
                        position[a] = index + 1
                        position[b] = index
                        improved = true
                    }
                }
                layers[layer] = row
            }
        }
    }

    /// Crossings between the joins of `left` and those of `right` when `left` stands to the left.
    private func pairCrossings(_ left: Int, _ right: Int, _ position: [Int]) -> Int {
        var count = 0
        for neighbours in [above, below] {
            for a in neighbours[left] { for b in neighbours[right] where position[a.item] > position[b.item] { count += 1 } }
        }
        return count
    }

    /// Crossings between joins of adjacent layers, counted from the order alone.
    func totalCrossings(_ position: [Int]) -> Int {
        var count = 0
        for layer in layers.indices.dropLast() {
            let joins = layers[layer].flatMap { upper in below[upper].map { (position[upper], position[$0.item]) } }
            for i in joins.indices {
                for j in joins.indices where j > i {
                    if (joins[i].0 - joins[j].0) * (joins[i].1 - joins[j].1) < 0 { count += 1 }
                }
            }
        }
        return count
    }
}
