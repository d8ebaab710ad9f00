import DanjuGeometry
import Testing

@Test func aShapesBoundsTakeInCurveControlPointsAndWholeArcs() {
    let curve = Shape(path: [.move(10, 10), .curve(0, 30, 40, -5, 20, 20)], stroke: Stroke(width: 1))
    #expect(curve.bounds == Rect(x: 0, y: -5, width: 40, height: 35))
    let slice = Shape(path: [.move(50, 50), .arc(centerX: 50, centerY: 50, radius: 8, from: 0, to: 1), .close], fill: Fill(.black))
    #expect(slice.bounds == Rect(x: 42, y: 42, width: 16, height: 16))
}

@Test func givenBoundsAreKeptAndMovedWithTheShape() {
    let plot = Rect(x: 0, y: 0, width: 100, height: 100)
    let slice = Shape(path: [.move(50, 50), .arcBack(centerX: 50, centerY: 50, radius: 20, from: 1, to: 0), .close],
                      fill: Fill(.white, hatch: .cross), bounds: plot)
    #expect(slice.bounds == plot)
    let moved = slice.offsetBy(dx: 5, dy: -3)
    #expect(moved.bounds == Rect(x: 5, y: -3, width: 100, height: 100))
    #expect(moved.path == [.move(55, 47), .arcBack(centerX: 55, centerY: 47, radius: 20, from: 1, to: 0), .close])
    #expect(moved.fill == slice.fill)
}

@Test func rectanglesOverlapOnlyBeyondTheTolerance() {
    let a = Rect(x: 0, y: 0, width: 10, height: 10)
    #expect(!a.intersects(Rect(x: 10, y: 0, width: 5, height: 5)), "touching edges do not overlap")
    #expect(a.intersects(Rect(x: 9.995, y: 0, width: 5, height: 5)))
    #expect(!a.intersects(Rect(x: 9.995, y: 0, width: 5, height: 5), tolerance: 0.01))
    #expect(a.contains(Rect(x: -0.005, y: 0, width: 10, height: 10), tolerance: 0.01))
    #expect(!a.contains(Rect(x: -0.005, y: 0, width: 10, height: 10)))
}
