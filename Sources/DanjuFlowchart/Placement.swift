/// Positions across the flow: lanes side by side, each as wide as its fullest layer; within a lane each
/// item is pulled towards the items it is joined to (dummy chains hardest, so long arrows run straight),
/// keeping the order and the gaps.
extension LayeredGraph {
    /// Sets `u` of every item; returns the left edge and width of each lane.
    func placeAcross(style: FlowchartStyle, minLaneWidth: [Double]) -> [(left: Double, width: Double)] {
        let laneCount = minLaneWidth.count
        var width = minLaneWidth
        for layer in layers {
            for lane in 0..<laneCount {
                let cell = layer.filter { items[$0].lane == lane }
                guard !cell.isEmpty else { continue }
                width[lane] = max(width[lane], contentWidth(cell, style: style) + 2 * style.lanePad)
            }
        }
        var lanes: [(left: Double, width: Double)] = []
        var left = 0.0
        for lane in 0..<laneCount {
            lanes.append((left, width[lane]))
            left += width[lane]
        }
        let cells = layers.map { layer in (0..<laneCount).map { lane in layer.filter { items[$0].lane == lane } } }
        // Start centred in the lane, then let the joins pull.
        for row in cells {
            for (lane, cell) in row.enumerated() where !cell.isEmpty {
                let middle = lanes[lane].left + lanes[lane].width / 2
                solve(cell, desired: Array(repeating: middle, count: cell.count), weights: Array(repeating: 1, count: cell.count),
                      bounds: bounds(lanes[lane], style: style), style: style)
            }
        }
        var desired: [Double] = [], weights: [Double] = []
        for pass in 0..<10 {
            // Down (pulled by the layer above), up (by the layer below), then both.
            let useAbove = pass % 3 != 1, useBelow = pass % 3 != 0
            let sequence = pass % 3 == 1 ? Array(cells.indices.reversed()) : Array(cells.indices)
            for layer in sequence {
                for (lane, cell) in cells[layer].enumerated() where !cell.isEmpty {
                    desired.removeAll(keepingCapacity: true)
                    weights.removeAll(keepingCapacity: true)
                    for item in cell {
                        var total = 0.0, sum = 0.0
                        if useAbove { for join in above[item] { total += join.weight; sum += join.weight * items[join.item].u } }
                        if useBelow { for join in below[item] { total += join.weight; sum += join.weight * items[join.item].u } }
                        desired.append(total > 0 ? sum / total : items[item].u)
                        weights.append(max(total, 0.5))
                    }
                    solve(cell, desired: desired, weights: weights, bounds: bounds(lanes[lane], style: style), style: style)
                }
            }
        }
        return lanes
    }

    private func bounds(_ lane: (left: Double, width: Double), style: FlowchartStyle) -> (Double, Double) {
        (lane.left + style.lanePad, lane.left + lane.width - style.lanePad)
    }

    private func gap(_ a: Int, _ b: Int, style: FlowchartStyle) -> Double {
        items[a].isDummy || items[b].isDummy ? style.lineGap : style.nodeGap
    }

    /// Extents of an item with the room kept beside it.
    private func extent(_ item: Int) -> (low: Double, high: Double) {
        (items[item].across / 2 + items[item].reserveLow, items[item].across / 2 + items[item].reserveHigh)
    }

    private func contentWidth(_ cell: [Int], style: FlowchartStyle) -> Double {
        var total = 0.0
        for (index, item) in cell.enumerated() {
            total += extent(item).low + extent(item).high
            if index > 0 { total += gap(cell[index - 1], item, style: style) }
        }
        return total
    }

    /// Places the ordered `cell` as near its desired centres as the gaps allow (least weighted squares:
    /// pool adjacent violators), then inside the lane's bounds.
    private func solve(_ cell: [Int], desired: [Double], weights: [Double], bounds: (Double, Double), style: FlowchartStyle) {
        // offset[i]: distance from the first centre to the i-th when packed tight.
        var offset = [0.0]
        for index in cell.indices.dropFirst() {
            offset.append(offset[index - 1] + extent(cell[index - 1]).high + gap(cell[index - 1], cell[index], style: style) + extent(cell[index]).low)
        }
        var blocks: [(value: Double, weight: Double, count: Int)] = []
        for index in cell.indices {
            blocks.append((desired[index] - offset[index], weights[index], 1))
            while blocks.count > 1, blocks[blocks.count - 2].value > blocks[blocks.count - 1].value {
                let last = blocks.removeLast(), previous = blocks.removeLast()
                let weight = last.weight + previous.weight
                blocks.append(((last.value * last.weight + previous.value * previous.weight) / weight, weight, last.count + previous.count))
            }
        }
        let low = bounds.0 + extent(cell[0]).low
        let high = bounds.1 - extent(cell[cell.count - 1]).high - offset[cell.count - 1]
        var index = 0
        for block in blocks {
            let value = min(max(block.value, low), max(low, high))
            for _ in 0..<block.count {
                items[cell[index]].u = value + offset[index]
                index += 1
            }
        }
    }
}
