import DanjuFlowchart
import Foundation
import Testing

@Suite struct FlowchartLayoutTests {
    /// Clean, and with no more crossings than Graphviz dot draws each process with (bench/flowchart: lanes as
    /// clusters, which dot may move and overlap; danju keeps true lanes).
    @Test(arguments: [LaneDirection.vertical, .horizontal])
    func seedWorkflowsAreClean(lanes: LaneDirection) throws {
        let measure = Fonts.measure(try Fonts.typesetter())
        let dotCrossings = ["SA": 0, "EM": 0, "FS": 1, "WC": 2, "RC": 0]
        for (code, graph) in try SeedWorkflows.all {
            let chart = Flowchart.layout(graph, style: FlowchartStyle(fontSize: 8, lanes: lanes), measure: measure)
            #expect(ChartCheck.problems(chart, graph) == [], "\(code)")
            #expect(chart.crossings <= dotCrossings[code]!, "\(code)")
            #expect(chart.nodes.count == graph.nodes.count && chart.edges.count == graph.edges.count)
            print("\(code) \(lanes): \(chart.crossings) crossings, edge length \(Int(chart.edgeLength)) pt, \(Int(chart.size.width))×\(Int(chart.size.height)) pt")
        }
    }

    @Test func randomProcessesAreClean() throws {
        let measure = Fonts.measure(try Fonts.typesetter())
        var random = RandomProcess(seed: 6)
        for round in 0..<48 {
            let nodes = 20 + round % 24 * 100 / 23, lanes = 3 + round % 6
            let graph = try random.graph(nodes: nodes, lanes: lanes)
            let chart = Flowchart.layout(graph, style: FlowchartStyle(fontSize: 8, lanes: round >= 24 ? .horizontal : .vertical), measure: measure)
            let problems = ChartCheck.problems(chart, graph)
            #expect(problems == [], "round \(round): \(nodes) steps, \(lanes) lanes")
            // Pages are cut between layers: every layer, also one only arrows pass through, lies below the lane headers.
            #expect(chart.layerSpans.allSatisfy { $0.lowerBound > chart.headerExtent }, "round \(round): \(chart.layerSpans)")
            print("random \(round) (\(nodes) steps, \(lanes) lanes): \(chart.crossings) crossings, edge length \(Int(chart.edgeLength)) pt")
        }
    }

    /// Every answer 是 of a decision leaves at the bottom (straight on), the other answers at the sides.
    @Test func yesLeavesDecisionsDownwards() throws {
        let measure = Fonts.measure(try Fonts.typesetter())
        for (code, graph) in try SeedWorkflows.all {
            let chart = Flowchart.layout(graph, style: FlowchartStyle(), measure: measure)
            for edge in chart.edges where !edge.isLoop && graph.nodes[graph.edges[edge.index].from].kind == .decision {
                let box = chart.nodes[graph.edges[edge.index].from].frame
                let start = edge.points[0]
                let label = graph.edges[edge.index].label ?? ""
                if label == "是" { #expect(abs(start.y - box.maxY) < 0.01, "\(code) \(label)") }
                if label.hasPrefix("否") { #expect(abs(start.y - box.midY) < 0.01, "\(code) \(label)") }
            }
        }
    }

    @Test func badGraphsAreRefused() throws {
        let lanes = [FlowGraph.Lane(code: "A", name: "甲")]
        #expect(throws: FlowchartError.self) {
            try FlowGraph(lanes: lanes, nodes: [("N1", "B", "task", "x", nil, nil)], edges: [])
        }
        #expect(throws: FlowchartError.self) {
            try FlowGraph(lanes: lanes, nodes: [("N1", "A", "oval", "x", nil, nil)], edges: [])
        }
        #expect(throws: FlowchartError.self) {
            try FlowGraph(lanes: lanes, nodes: [("N1", "A", "task", "x", nil, nil)], edges: [("N1", "N2", nil, false)])
        }
    }
}
