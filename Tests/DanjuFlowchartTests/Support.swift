@testable import DanjuDemo
import DanjuFlowchart
import DanjuGeometry
import DanjuText
import Foundation

/// The project's fonts and one typesetter, as `danju` measures and draws with.
enum Fonts {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static func typesetter() throws -> Typesetter {
        Typesetter(fonts: try FontLibrary(configFile: root + "/fonts/fonts.conf", requiredFamilies: ["Danju Hei"]))
    }

    static func measure(_ typesetter: Typesetter) -> TextMeasure {
        { text, font, wrap in
            let block = typesetter.layout(text, style: TextStyle(family: "Danju Hei", size: font.size, bold: font.bold), width: wrap)
            return ChartSize(width: block.width, height: block.height)
        }
    }
}

/// The five workflows of seed 000 as the demo shop stores them.
enum SeedWorkflows {
    static var all: [(code: String, graph: FlowGraph)] {
        get throws {
            try Workflows.all.map { process in
                (process.code, try FlowGraph(
                    lanes: process.lanes.map { FlowGraph.Lane(code: $0.code, name: $0.name) },
                    nodes: process.nodes.map { ($0.code, $0.lane, $0.kind.rawValue, $0.label, $0.timeLimit, $0.form) },
                    edges: process.edges.map { ($0.from, $0.to, $0.label, $0.implied) }))
            }
        }
    }
}

/// Random processes like real ones: a main path wandering between lanes, decisions branching forward to
/// later steps and looping back to earlier ones, labels of every length. Seeded, so a failure repeats.
struct RandomProcess {
    private var state: UInt64

    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    private mutating func next() -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }

    private static let words = ["接车", "检查故障原因", "填写技术报告书并拍照留档", "通知客户", "审核资料是否齐全，符合厂家要求",
                                "配件出库", "质检签字", "结算", "回访并记录客户意见，整理档案", "派工", "试车",
                                "核对配件编号、数量与订货单是否一致，不一致时通知配件中心调换"]
    private static let questions = ["合格?", "有现货?", "客户同意?", "在保修期内且资料齐全?", "能当场解决?"]

    mutating func graph(nodes count: Int, lanes laneCount: Int) throws -> FlowGraph {
        let lanes = (0..<laneCount).map { FlowGraph.Lane(code: "L\($0)", name: ["服务顾问", "车间主任", "配件中心", "质检", "客户", "财务", "索赔员", "总经理"][$0]) }
        var nodes: [FlowGraph.Node] = []
        var edges: [FlowGraph.Edge] = []
        var lane = 0
        for index in 0..<count {
            if int(0...2) == 0 { lane = int(0...laneCount - 1) }
            let kind: FlowGraph.Kind = index == 0 ? .start : index == count - 1 ? .end
                : [.task, .task, .task, .decision, .doc, .subprocess][int(0...5)]
            let label = kind == .decision ? Self.questions[int(0...Self.questions.count - 1)] : Self.words[int(0...Self.words.count - 1)]
            nodes.append(FlowGraph.Node(code: "N\(index)", lane: lane, kind: kind, label: label,
                                        timeLimit: int(0...6) == 0 ? "≤2h" : nil, form: kind == .doc ? "单据\(index)" : nil))
        }
        for index in 0..<count - 1 {
            if nodes[index].kind == .decision {
                edges.append(FlowGraph.Edge(from: index, to: index + 1, label: "是"))
                // The other answer: forward past a few steps, or back to rework an earlier one.
                let target = int(0...2) == 0 ? max(0, index - int(1...6)) : min(count - 1, index + int(2...5))
                edges.append(FlowGraph.Edge(from: index, to: target == index ? count - 1 : target, label: "否"))
            } else {
                edges.append(FlowGraph.Edge(from: index, to: index + 1))
            }
        }
        return try FlowGraph(lanes: lanes, nodes: nodes, edges: edges)
    }
}

/// What a person checks on a chart, as messages: empty when the chart is clean.
enum ChartCheck {
    static func problems(_ chart: Flowchart, _ graph: FlowGraph) -> [String] {
        var problems: [String] = []
        let boxes = chart.nodes.map(\.frame)
        let code = { (node: Int) in graph.nodes[node].code }
        for i in boxes.indices {
            for j in boxes.indices where j > i && boxes[i].intersects(boxes[j]) { problems.append("boxes \(code(i)) and \(code(j)) overlap") }
            let lane = chart.lanes[graph.nodes[i].lane]
            if !lane.frame.contains(boxes[i]) || lane.header.intersects(boxes[i]) { problems.append("\(code(i)) is not inside lane \(lane.index)") }
            for text in chart.nodes[i].texts where !fits(text.frame, in: chart.nodes[i]) {
                problems.append("text “\(text.text)” does not fit the box of \(code(i))")
            }
        }
        problems += sharedLines(chart, graph)
        var labels: [(Rect, String)] = []
        for edge in chart.edges {
            let source = graph.edges[edge.index].from, target = graph.edges[edge.index].to
            let name = "\(code(source))→\(code(target))"
            guard let first = edge.points.first, let last = edge.points.last else { problems.append("\(name) has no path"); continue }
            if !onBorder(first, boxes[source]) { problems.append("\(name) does not start on its source's border") }
            if !onBorder(last, boxes[target]) { problems.append("\(name) does not end on its target's border") }
            for (a, b) in zip(edge.points, edge.points.dropFirst()) {
                if abs(a.x - b.x) > 0.001 && abs(a.y - b.y) > 0.001 { problems.append("\(name) has a slanted segment") }
                for (index, box) in boxes.enumerated() where box.isCrossed(from: a, to: b, margin: 0.05) {
                    problems.append("\(name) runs through the box of \(code(index))")
                }
            }
            if let label = edge.label {
                for (index, box) in boxes.enumerated() where box.intersects(label.frame) { problems.append("label of \(name) covers \(code(index))") }
                for (other, otherName) in labels where other.intersects(label.frame) { problems.append("labels of \(name) and \(otherName) overlap") }
                labels.append((label.frame, name))
            }
        }
        return problems
    }

    /// Two arrows running along the same line cannot be told apart, except where they fork from one port
    /// or join into one.
    static func sharedLines(_ chart: Flowchart, _ graph: FlowGraph) -> [String] {
        var problems: [String] = []
        for (i, a) in chart.edges.enumerated() {
            for b in chart.edges[(i + 1)...] {
                let ea = graph.edges[a.index], eb = graph.edges[b.index]
                for (a0, a1) in zip(a.points, a.points.dropFirst()) {
                    for (b0, b1) in zip(b.points, b.points.dropFirst()) {
                        guard let overlap = collinearOverlap((a0, a1), (b0, b1)) else { continue }
                        let fork = ea.from == eb.from && (overlap.contains(a.points[0]) || overlap.contains(b.points[0]))
                        let join = ea.to == eb.to && (overlap.contains(a.points[a.points.count - 1]) || overlap.contains(b.points[b.points.count - 1]))
                        if !fork && !join {
                            problems.append("\(graph.nodes[ea.from].code)→\(graph.nodes[ea.to].code) and \(graph.nodes[eb.from].code)→\(graph.nodes[eb.to].code) share a line")
                        }
                    }
                }
            }
        }
        return problems
    }

    /// The stretch two level (or two upright) segments have in common, longer than half a point.
    static func collinearOverlap(_ a: (Point, Point), _ b: (Point, Point)) -> Rect? {
        let e = 0.01
        if abs(a.0.x - a.1.x) < e, abs(b.0.x - b.1.x) < e, abs(a.0.x - b.0.x) < e {
            let low = max(min(a.0.y, a.1.y), min(b.0.y, b.1.y)), high = min(max(a.0.y, a.1.y), max(b.0.y, b.1.y))
            return high - low > 0.5 ? Rect(x: a.0.x, y: low, width: 0, height: high - low) : nil
        }
        if abs(a.0.y - a.1.y) < e, abs(b.0.y - b.1.y) < e, abs(a.0.y - b.0.y) < e {
            let low = max(min(a.0.x, a.1.x), min(b.0.x, b.1.x)), high = min(max(a.0.x, a.1.x), max(b.0.x, b.1.x))
            return high - low > 0.5 ? Rect(x: low, y: a.0.y, width: high - low, height: 0) : nil
        }
        return nil
    }

    static func onBorder(_ point: Point, _ box: Rect) -> Bool {
        let e = 0.01
        guard box.contains(point, tolerance: e) else { return false }
        return abs(point.x - box.x) < e || abs(point.x - box.maxX) < e || abs(point.y - box.y) < e || abs(point.y - box.maxY) < e
    }

    /// Inside the box; for a diamond, every corner of the text inside the diamond.
    static func fits(_ text: Rect, in node: ChartNode) -> Bool {
        let box = node.frame
        guard box.contains(text, tolerance: 0.01) else { return false }
        guard node.kind == .decision else { return true }
        let corners = [(text.x, text.y), (text.maxX, text.y), (text.x, text.maxY), (text.maxX, text.maxY)]
        return corners.allSatisfy { abs($0.0 - box.midX) / (box.width / 2) + abs($0.1 - box.midY) / (box.height / 2) <= 1.0001 }
    }
}
