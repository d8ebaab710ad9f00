/// A process as the layout sees it: lanes (roles), steps in lanes, and the flow between steps.
public struct FlowGraph: Sendable {
    public struct Lane: Sendable {
        public let code: String
        public let name: String

        public init(code: String, name: String) {
            self.code = code
            self.name = name
        }
    }

    public enum Kind: String, Sendable, CaseIterable {
        case start, end, task, decision, doc, subprocess
    }

    public struct Node: Sendable {
        public let code: String
        /// Index into `lanes`.
        public let lane: Int
        public let kind: Kind
        public let label: String
        /// A time limit shown as a badge (≤2h, 当天).
        public let timeLimit: String?
        /// The form filled in at this step.
        public let form: String?

        public init(code: String, lane: Int, kind: Kind, label: String, timeLimit: String? = nil, form: String? = nil) {
            self.code = code
            self.lane = lane
            self.kind = kind
            self.label = label
            self.timeLimit = timeLimit
            self.form = form
        }
    }

    public struct Edge: Sendable {
        /// Indexes into `nodes`.
        public let from: Int
        public let to: Int
        public let label: String?
        /// Inferred from the source rather than stated in it: drawn dashed.
        public let implied: Bool

        public init(from: Int, to: Int, label: String? = nil, implied: Bool = false) {
            self.from = from
            self.to = to
            self.label = label
            self.implied = implied
        }
    }

    public let lanes: [Lane]
    public let nodes: [Node]
    public let edges: [Edge]

    /// Checks that every reference points at something, so the layout can index freely.
    public init(lanes: [Lane], nodes: [Node], edges: [Edge]) throws {
        for node in nodes where !lanes.indices.contains(node.lane) {
            throw FlowchartError("step \(node.code) names a lane that does not exist")
        }
        for edge in edges {
            guard nodes.indices.contains(edge.from), nodes.indices.contains(edge.to) else {
                throw FlowchartError("an arrow names a step that does not exist")
            }
            if edge.from == edge.to { throw FlowchartError("step \(nodes[edge.from].code) has an arrow to itself") }
        }
        guard !nodes.isEmpty else { throw FlowchartError("the process has no steps") }
        self.lanes = lanes
        self.nodes = nodes
        self.edges = edges
    }

    /// Builds a graph from codes, as stored in the database (lane and step codes, arrows by step code).
    public init(lanes: [Lane], nodes: [(code: String, lane: String, kind: String, label: String, timeLimit: String?, form: String?)],
                edges: [(from: String, to: String, label: String?, implied: Bool)]) throws {
        let laneIndex = Dictionary(lanes.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
        var nodeIndex: [String: Int] = [:]
        var built: [Node] = []
        for node in nodes {
            guard let lane = laneIndex[node.lane] else { throw FlowchartError("step \(node.code) names lane “\(node.lane)”, which the process does not have") }
            guard let kind = Kind(rawValue: node.kind) else {
                throw FlowchartError("step \(node.code) has kind “\(node.kind)”; expected one of \(Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard nodeIndex[node.code] == nil else { throw FlowchartError("step \(node.code) appears twice") }
            nodeIndex[node.code] = built.count
            built.append(Node(code: node.code, lane: lane, kind: kind, label: node.label, timeLimit: node.timeLimit, form: node.form))
        }
        let builtEdges = try edges.map { edge in
            guard let from = nodeIndex[edge.from], let to = nodeIndex[edge.to] else {
                throw FlowchartError("the arrow \(edge.from) → \(edge.to) names a step the process does not have")
            }
            return Edge(from: from, to: to, label: edge.label, implied: edge.implied)
        }
        try self.init(lanes: lanes, nodes: built, edges: builtEdges)
    }
}

public struct FlowchartError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
