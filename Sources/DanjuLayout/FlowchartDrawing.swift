import DanjuFlowchart
import DanjuGeometry
import DanjuText

/// Draws a laid-out swimlane chart as page items: lanes with their headers, arrows with rounded corners
/// and heads, then the step symbols over them. Text is laid out by the same typesetter that measured it.
struct FlowchartDrawing {
    let typesetter: Typesetter
    let family: String

    static let laneLine = 0.6
    static let edgeLine = 0.8
    static let symbolLine = 0.9

    func textStyle(_ font: ChartFont) -> TextStyle {
        let color: Color = switch font.role {
        case .meta: .gray(0.3)
        case .edgeLabel: Color(red: 0.1, green: 0.1, blue: 0.45)
        default: .black
        }
        return TextStyle(family: family, size: font.size, bold: font.bold, color: color)
    }

    var measure: TextMeasure {
        { text, font, wrap in
            let block = typesetter.layout(text, style: textStyle(font), width: wrap)
            return ChartSize(width: block.width, height: block.height)
        }
    }

    func text(_ placed: PlacedText, at origin: Point) -> PageItem {
        .text(typesetter.layout(placed.text, style: textStyle(placed.font), width: placed.wrapWidth),
              at: Point(x: origin.x + placed.frame.x, y: origin.y + placed.frame.y))
    }

    /// The part of `chart` between `range` along the flow, its lanes drawn `extent` long (headers included),
    /// placed with the chart's origin at `origin`. Arrows cut by the range end in numbered connectors.
    func items(_ chart: Flowchart, origin: Point, range: ClosedRange<Double>? = nil, shift: Double = 0, extent: Double? = nil,
               connectors: [Int: Int] = [:]) -> [PageItem] {
        let vertical = chart.direction == .vertical
        let f = chart.style.fontSize
        // Chart coordinates to page coordinates: moved back by `shift` along the flow (except lane headers).
        let along = { (p: Point) in vertical ? p.y : p.x }
        let place = { (p: Point) -> Point in
            Point(x: origin.x + p.x - (vertical ? 0 : shift), y: origin.y + p.y - (vertical ? shift : 0))
        }
        let placeRect = { (r: Rect) in r.offsetBy(dx: vertical ? 0 : -shift, dy: vertical ? -shift : 0) }
        let visible = { (r: Rect) -> Bool in
            guard let range else { return true }
            let middle = vertical ? r.midY : r.midX
            return range.contains(middle)
        }
        var items: [PageItem] = []

        // Lanes.
        let length = extent ?? (vertical ? chart.size.height : chart.size.width)
        for lane in chart.lanes {
            let band = vertical ? Rect(x: lane.frame.x, y: 0, width: lane.frame.width, height: length)
                                : Rect(x: 0, y: lane.frame.y, width: length, height: lane.frame.height)
            let laneStroke = Stroke(width: Self.laneLine, color: .gray(0.35))
            items.append(.shape(Shape(path: rectangle(band, origin), fill: lane.index % 2 == 0 ? nil : Fill(.gray(0.975)), stroke: laneStroke)))
            items.append(.shape(Shape(path: rectangle(lane.header, origin), fill: Fill(.gray(0.88)), stroke: laneStroke)))
            items.append(text(lane.title, at: origin))
        }

        // Arrows, clipped to the range; a cut end gets a connector circle with its number.
        for edge in chart.edges {
            let pieces = range.map { clip(edge.points, to: $0, along: along) } ?? [(edge.points, false, false)]
            for (points, cutStart, cutEnd) in pieces where points.count >= 2 {
                let placed = points.map(place)
                items += arrow(placed, style: chart.style, dashed: edge.implied)
                let r = 0.65 * f
                for (cut, point, next) in [(cutStart, placed[0], placed[1]), (cutEnd, placed[placed.count - 1], placed[placed.count - 2])] where cut {
                    let dx = point.x - next.x, dy = point.y - next.y
                    let norm = max(abs(dx) + abs(dy), 0.001)
                    let center = Point(x: point.x + dx / norm * r, y: point.y + dy / norm * r)
                    items += connector(number: connectors[edge.index] ?? 0, center: center, radius: r, style: chart.style)
                }
            }
            if let label = edge.label, visible(label.frame) {
                let frame = placeRect(label.frame)
                items.append(.shape(Shape(path: rectangle(frame.insetBy(dx: -0.1 * f, dy: -0.1 * f), origin), fill: Fill(.white))))
                items.append(text(label.moved(to: frame), at: origin))
            }
        }

        // Steps over the arrows.
        for node in chart.nodes where visible(node.frame) {
            let frame = placeRect(node.frame)
            items += symbol(node.kind, frame: frame, origin: origin, style: chart.style)
            for placed in [node.label] + [node.form].compactMap({ $0 }) {
                items.append(text(placed.moved(to: placeRect(placed.frame)), at: origin))
            }
            if let limit = node.timeLimit.map({ $0.moved(to: placeRect($0.frame)) }) {
                // The time limit in a red badge.
                let badge = limit.frame.insetBy(dx: -0.15 * f, dy: -0.15 * f)
                items.append(.shape(Shape(path: rounded(badge, radius: badge.height / 2, origin),
                                          stroke: Stroke(width: 0.5, color: Color(red: 0.7, green: 0, blue: 0)))))
                items.append(text(limit, at: origin))
            }
        }
        return items
    }

    /// Pieces of `points` inside `range` along the flow, with whether each was cut at its start and end.
    private func clip(_ points: [Point], to range: ClosedRange<Double>, along: (Point) -> Double) -> [([Point], Bool, Bool)] {
        var pieces: [([Point], Bool, Bool)] = []
        var current: [Point] = []
        var cutStart = false
        func at(_ a: Point, _ b: Point, _ value: Double) -> Point {
            let t = (value - along(a)) / (along(b) - along(a))
            return Point(x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t)
        }
        if range.contains(along(points[0])) { current = [points[0]] }
        for (a, b) in zip(points, points.dropFirst()) {
            let inA = range.contains(along(a)), inB = range.contains(along(b))
            if inA, inB {
                current.append(b)
            } else if inA {
                let bound = along(b) > range.upperBound ? range.upperBound : range.lowerBound
                current.append(at(a, b, bound))
                pieces.append((current, cutStart, true))
                current = []
            } else if inB {
                let bound = along(a) > range.upperBound ? range.upperBound : range.lowerBound
                current = [at(a, b, bound), b]
                cutStart = true
            } else if min(along(a), along(b)) < range.lowerBound, max(along(a), along(b)) > range.upperBound {
                let (first, second) = along(a) < along(b) ? (range.lowerBound, range.upperBound) : (range.upperBound, range.lowerBound)
                pieces.append(([at(a, b, first), at(a, b, second)], true, true))
            }
        }
        if current.count >= 2 { pieces.append((current, cutStart, false)) }
        return pieces
    }

    private func rectangle(_ r: Rect, _ origin: Point) -> [PathStep] {
        PathStep.rectangle(r.offsetBy(dx: origin.x, dy: origin.y))
    }

    private func rounded(_ r: Rect, radius: Double, _ origin: Point) -> [PathStep] {
        let x = origin.x + r.x, y = origin.y + r.y, w = r.width, h = r.height
        let k = radius * 0.4477
        return [.move(x + radius, y),
                .line(x + w - radius, y), .curve(x + w - k, y, x + w, y + k, x + w, y + radius),
                .line(x + w, y + h - radius), .curve(x + w, y + h - k, x + w - k, y + h, x + w - radius, y + h),
                .line(x + radius, y + h), .curve(x + k, y + h, x, y + h - k, x, y + h - radius),
                .line(x, y + radius), .curve(x, y + k, x + k, y, x + radius, y),
                .close]
    }

    /// A circle as four Bézier quarters.
    private func circle(center: Point, radius r: Double) -> [PathStep] {
        let k = 0.5523 * r, x = center.x, y = center.y
        return [.move(x + r, y),
                .curve(x + r, y + k, x + k, y + r, x, y + r), .curve(x - k, y + r, x - r, y + k, x - r, y),
                .curve(x - r, y - k, x - k, y - r, x, y - r), .curve(x + k, y - r, x + r, y - k, x + r, y),
                .close]
    }

    /// The standard symbol of a step kind in `frame`.
    func symbol(_ kind: FlowGraph.Kind, frame: Rect, origin: Point, style: FlowchartStyle) -> [PageItem] {
        let x = origin.x + frame.x, y = origin.y + frame.y, w = frame.width, h = frame.height
        var path: [PathStep] = []
        var fill = Color.white
        var extra: [PageItem] = []
        switch kind {
        case .start, .end:
            path = rounded(frame, radius: h / 2, origin)
            fill = kind == .start ? Color(red: 0.86, green: 0.95, blue: 0.86) : Color(red: 0.95, green: 0.88, blue: 0.86)
        case .decision:
            path = [.move(x + w / 2, y), .line(x + w, y + h / 2), .line(x + w / 2, y + h), .line(x, y + h / 2), .close]
            fill = Color(red: 1, green: 0.97, blue: 0.84)
        case .doc:
            let d = style.waveDepth
            let base = y + h - d / 2
            path = [.move(x, y), .line(x + w, y), .line(x + w, base),
                    .curve(x + w * 0.83, base - 0.66 * d, x + w * 0.67, base - 0.66 * d, x + w / 2, base),
                    .curve(x + w * 0.33, base + 0.66 * d, x + w * 0.17, base + 0.66 * d, x, base), .close]
            fill = Color(red: 0.92, green: 0.95, blue: 1)
        case .task:
            path = rectangle(frame, origin)
        case .subprocess:
            path = rectangle(frame, origin)
            let inset = style.barInset
            for bar in [x + inset, x + w - inset] {
                extra.append(.shape(Shape(path: [.move(bar, y), .line(bar, y + h)], stroke: Stroke(width: Self.symbolLine * 0.8))))
            }
        }
        return [.shape(Shape(path: path, fill: Fill(fill), stroke: Stroke(width: Self.symbolLine)))] + extra
    }

    /// A page-break connector: a circle with the number that the matching connector on the other page has.
    func connector(number: Int, center: Point, radius: Double, style: FlowchartStyle) -> [PageItem] {
        let label = typesetter.layout(String(number), style: TextStyle(family: family, size: style.metaFont.size, bold: true))
        return [.shape(Shape(path: circle(center: center, radius: radius), fill: Fill(.white), stroke: Stroke(width: Self.symbolLine))),
                .text(label, at: Point(x: center.x - label.width / 2, y: center.y - label.height / 2))]
    }

    /// An orthogonal line through `points` with rounded corners and a filled head at the last point; dashed
    /// for an arrow the source only implies.
    func arrow(_ points: [Point], style: FlowchartStyle, dashed: Bool) -> [PageItem] {
        let head = style.arrowLength, radius = style.cornerRadius
        let tip = points[points.count - 1], before = points[points.count - 2]
        let dx = tip.x - before.x, dy = tip.y - before.y
        let length = max((dx * dx + dy * dy).squareRoot(), 0.001)
        let ux = dx / length, uy = dy / length
        var line = points
        line[line.count - 1] = Point(x: tip.x - ux * head * 0.9, y: tip.y - uy * head * 0.9)
        var path: [PathStep] = [.move(line[0].x, line[0].y)]
        for index in line.indices.dropFirst().dropLast() {
            let a = line[index - 1], corner = line[index], b = line[index + 1]
            let inLength = abs(corner.x - a.x) + abs(corner.y - a.y), outLength = abs(b.x - corner.x) + abs(b.y - corner.y)
            let r = min(radius, inLength / 2, outLength / 2)
            let p1 = Point(x: corner.x - (corner.x - a.x) / max(inLength, 0.001) * r, y: corner.y - (corner.y - a.y) / max(inLength, 0.001) * r)
            let p2 = Point(x: corner.x + (b.x - corner.x) / max(outLength, 0.001) * r, y: corner.y + (b.y - corner.y) / max(outLength, 0.001) * r)
            path += [.line(p1.x, p1.y),
                     .curve(p1.x + (corner.x - p1.x) * 0.552, p1.y + (corner.y - p1.y) * 0.552,
                            p2.x + (corner.x - p2.x) * 0.552, p2.y + (corner.y - p2.y) * 0.552, p2.x, p2.y)]
        }
        path.append(.line(line[line.count - 1].x, line[line.count - 1].y))
        let headPath: [PathStep] = [.move(tip.x, tip.y),
                                    .line(tip.x - ux * head - uy * head * 0.38, tip.y - uy * head + ux * head * 0.38),
                                    .line(tip.x - ux * head + uy * head * 0.38, tip.y - uy * head - ux * head * 0.38), .close]
        let dash = dashed ? [0.45 * style.fontSize, 0.3 * style.fontSize] : []
        return [.shape(Shape(path: path, stroke: Stroke(width: Self.edgeLine, dash: dash))),
                .shape(Shape(path: headPath, fill: Fill(.black)))]
    }
}

extension PlacedText {
    /// The same text, laid out the same way, in `frame`.
    func moved(to frame: Rect) -> PlacedText { PlacedText(text: text, font: font, wrapWidth: wrapWidth, frame: frame) }
}
