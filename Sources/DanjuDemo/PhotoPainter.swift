/// What a demo photo shows. Each subject is drawn procedurally: no captions, no text, just a plausible scene.
enum PhotoSubject: Sendable {
    case machine, engine, pump, cylinder, gearbox, panel, nameplate, comparison
}

/// One photo to render: where it goes and what it shows.
struct PhotoJob: Sendable {
    let path: String // relative to the photo root
    let subject: PhotoSubject
    let seed: UInt64
    let portrait: Bool // shown 480×640
    let exifRotated: Bool // stored 640×480 with EXIF orientation 6, shown portrait
}

enum PhotoPainter {
    static let longSide = 640, shortSide = 480

    /// The image as it should be stored in the file.
    static func paint(_ job: PhotoJob) -> RGBImage {
        var rng = SplitMix64(seed: job.seed)
        let upright = job.portrait || job.exifRotated
        var image = RGBImage(width: upright ? shortSide : longSide, height: upright ? longSide : shortSide)
        switch job.subject {
        case .machine: paintMachine(&image, &rng)
        case .engine: paintEngine(&image, &rng)
        case .pump: paintPump(&image, &rng)
        case .cylinder: paintCylinder(&image, &rng)
        case .gearbox: paintGearbox(&image, &rng)
        case .panel: paintPanel(&image, &rng)
        case .nameplate: paintNameplate(&image, &rng)
        case .comparison: paintComparison(&image, &rng)
        }
        image.addGrain(amplitude: 9, seed: rng.next())
        return job.exifRotated ? image.rotatedCounterClockwise() : image
    }

    private typealias Color = RGBImage.Color
    private static let machineYellow = Color(232, 178, 28)
    private static let steel = Color(168, 172, 178)

    /// Sky, ground and a yellow excavator seen from the side.
    private static func paintMachine(_ image: inout RGBImage, _ rng: inout SplitMix64) {
        let (w, h) = (Double(image.width), Double(image.height))
        let horizon = Int(h * rng.around(0.5, spread: 0.05, in: 0.38...0.62))
        image.verticalGradient(0, horizon, from: Color(Double(rng.int(95...150)), Double(rng.int(150...190)), 235),
                               to: Color(205, 215, 228))
        image.fillPolygon([(0, Double(horizon)), (w * 0.3, Double(horizon) - h * 0.06), (w * 0.55, Double(horizon) - h * 0.02),
                           (w * 0.8, Double(horizon) - h * 0.08), (w, Double(horizon))], Color(96, 122, 88))
        image.verticalGradient(horizon, image.height, from: Color(168, 142, 104), to: Color(112, 88, 62))

        let scale = w / 640 * rng.around(1, spread: 0.12, in: 0.75...1.25)
        let mirror = rng.chance(0.5)
        let left = w * rng.around(0.3, spread: 0.06, in: 0.15...0.45)
        let groundY = Double(horizon) + (h - Double(horizon)) * 0.65
        func p(_ x: Double, _ y: Double) -> (Double, Double) {
            let px = left + x * scale
            return (mirror ? w - px : px, groundY - y * scale)
        }
        // Tracks, upper structure, cab, counterweight.
        image.fillPolygon([p(-20, 0), p(200, 0), p(215, 22), p(200, 45), p(-20, 45), p(-35, 22)], Color(46, 46, 48))
        image.fillPolygon([p(10, 45), p(190, 45), p(190, 60), p(10, 60)], Color(70, 70, 72))
        image.fillPolygon([p(-10, 60), p(180, 60), p(180, 120), p(-10, 120)], machineYellow)
        image.fillPolygon([p(-30, 65), p(30, 65), p(30, 115), p(-30, 110)], Color(60, 60, 62))
        image.fillPolygon([p(120, 120), p(180, 120), p(180, 200), p(130, 200)], machineYellow)
        image.fillPolygon([p(135, 128), p(172, 128), p(172, 190), p(140, 190)], Color(70, 95, 115))
        // Boom, arm, bucket.
        let boomEnd = p(300, rng.around(230, spread: 20, in: 190...270))
        image.fillBar(from: p(170, 100), to: boomEnd, thickness: 26 * scale, machineYellow)
        let armEnd = p(rng.around(350, spread: 15, in: 320...380), rng.around(60, spread: 20, in: 20...110))
        image.fillBar(from: boomEnd, to: armEnd, thickness: 18 * scale, machineYellow)
        image.fillPolygon([armEnd, (armEnd.0 + (mirror ? 40 : -40) * scale, armEnd.1 + 10 * scale),
                           (armEnd.0 + (mirror ? 20 : -20) * scale, armEnd.1 + 50 * scale),
                           (armEnd.0 + (mirror ? -15 : 15) * scale, armEnd.1 + 30 * scale)], Color(60, 58, 55))
    }

    /// Workshop wall and floor behind a part.
    private static func paintWorkshop(_ image: inout RGBImage, _ rng: inout SplitMix64) {
        let floor = Int(Double(image.height) * rng.around(0.62, spread: 0.05, in: 0.5...0.75))
        image.verticalGradient(0, floor, from: Color(150, 160, 170), to: Color(118, 128, 138))
        image.verticalGradient(floor, image.height, from: Color(96, 104, 96), to: Color(60, 66, 60))
    }

    private static func paintEngine(_ image: inout RGBImage, _ rng: inout SplitMix64) {
        paintWorkshop(&image, &rng)
        let (w, h) = (Double(image.width), Double(image.height))
        let block = rng.chance(0.5) ? Color(52, 84, 132) : Color(88, 92, 96)
        let (x0, y0) = (w * 0.15, h * 0.3)
        image.fillRect(Int(x0), Int(y0), Int(w * 0.85), Int(h * 0.8), block)
        let cylinders = rng.int(4...6)
        for i in 0..<cylinders {
            let x = x0 + Double(i) * (w * 0.7 / Double(cylinders)) + 6
            image.fillRect(Int(x), Int(h * 0.2), Int(x + w * 0.7 / Double(cylinders) - 12), Int(h * 0.32), block.scaled(1.2))
        }
        image.fillRect(Int(x0 + 10), Int(h * 0.12), Int(w * 0.85 - 10), Int(h * 0.2), rng.chance(0.5) ? Color(170, 40, 36) : steel)
        image.fillCircle(w * 0.2, h * 0.62, h * 0.12, steel, shading: 0.5)
        image.fillBar(from: (w * 0.8, h * 0.35), to: (w * 0.95, h * 0.1), thickness: 14, Color(30, 30, 30))
    }

    private static func paintPump(_ image: inout RGBImage, _ rng: inout SplitMix64) {
        paintWorkshop(&image, &rng)
        let (w, h) = (Double(image.width), Double(image.height))
        let (cx, cy) = (w * rng.around(0.5, spread: 0.05, in: 0.35...0.65), h * 0.55)
        image.fillRect(Int(cx - w * 0.3), Int(cy - h * 0.14), Int(cx + w * 0.3), Int(cy + h * 0.14), steel.scaled(0.85))
        image.fillCircle(cx - w * 0.18, cy, h * 0.2, steel, shading: 0.6)
        image.fillCircle(cx + w * 0.18, cy, h * 0.2, steel, shading: 0.6)
        paintBolts(&image, cx: cx - w * 0.18, cy: cy, radius: h * 0.15, count: 6)
        paintBolts(&image, cx: cx + w * 0.18, cy: cy, radius: h * 0.15, count: 6)
        image.fillBar(from: (cx, cy - h * 0.14), to: (cx + w * 0.05, h * 0.05), thickness: 16, Color(25, 25, 25))
    }

    private static func paintCylinder(_ image: inout RGBImage, _ rng: inout SplitMix64) {
        paintWorkshop(&image, &rng)
        let (w, h) = (Double(image.width), Double(image.height))
        let tilt = rng.around(0, spread: 0.08, in: -0.15...0.15) * h
        image.fillBar(from: (w * 0.05, h * 0.5 + tilt), to: (w * 0.6, h * 0.5), thickness: h * 0.16, machineYellow)
        image.fillBar(from: (w * 0.6, h * 0.5), to: (w * 0.95, h * 0.5 - tilt), thickness: h * 0.07, Color(214, 218, 222))
        image.fillCircle(w * 0.95, h * 0.5 - tilt, h * 0.06, steel, shading: 0.5)
        if rng.chance(0.6) { // an oil stain where it leaks
            image.fillCircle(w * 0.58, h * 0.62, h * 0.05, Color(50, 40, 20))
        }
    }

    private static func paintGearbox(_ image: inout RGBImage, _ rng: inout SplitMix64) {
        paintWorkshop(&image, &rng)
        let (w, h) = (Double(image.width), Double(image.height))
        let radius = min(w, h) * rng.around(0.33, spread: 0.03, in: 0.25...0.4)
        image.fillCircle(w / 2, h / 2, radius, Color(58, 60, 62), shading: 0.4)
        image.fillCircle(w / 2, h / 2, radius * 0.55, steel, shading: 0.5)
        paintBolts(&image, cx: w / 2, cy: h / 2, radius: radius * 0.8, count: rng.int(8...12))
    }

    private static func paintPanel(_ image: inout RGBImage, _ rng: inout SplitMix64) {
        let (w, h) = (Double(image.width), Double(image.height))
        image.verticalGradient(0, image.height, from: Color(48, 48, 52), to: Color(22, 22, 26))
        let screen = Color(Double(rng.int(30...60)), Double(rng.int(120...160)), Double(rng.int(150...200)))
        image.fillRect(Int(w * 0.15), Int(h * 0.15), Int(w * 0.85), Int(h * 0.6), screen)
        for row in 0..<3 { // blocks standing in for digits and a fault code
            for column in 0..<rng.int(3...7) {
                let x = w * 0.2 + Double(column) * w * 0.08, y = h * 0.2 + Double(row) * h * 0.13
                image.fillRect(Int(x), Int(y), Int(x + w * 0.05), Int(y + h * 0.08), screen.scaled(row == 0 ? 1.6 : 0.55))
            }
        }
        for i in 0..<2 {
            let cx = w * (i == 0 ? 0.3 : 0.7), cy = h * 0.78, r = h * 0.1
            image.fillCircle(cx, cy, r, Color(235, 235, 230))
            image.fillBar(from: (cx, cy), to: (cx + r * rng.around(0.3, spread: 0.4, in: -0.9...0.9), cy - r * 0.8),
                          thickness: 4, Color(200, 30, 30))
        }
    }

    private static func paintNameplate(_ image: inout RGBImage, _ rng: inout SplitMix64) {
        let (w, h) = (Double(image.width), Double(image.height))
        image.verticalGradient(0, image.height, from: machineYellow, to: machineYellow.scaled(0.8))
        let (x0, y0, x1, y1) = (w * 0.12, h * 0.2, w * 0.88, h * 0.8)
        image.fillRect(Int(x0), Int(y0), Int(x1), Int(y1), Color(196, 198, 194))
        let lines = rng.int(6...9)
        for i in 0..<lines {
            let y = y0 + (y1 - y0) * (Double(i) + 0.6) / Double(lines + 1)
            let length = (x1 - x0 - 40) * rng.around(0.7, spread: 0.15, in: 0.35...0.95)
            image.fillRect(Int(x0 + 20), Int(y), Int(x0 + 20 + length), Int(y + h * 0.025), Color(40, 40, 44))
        }
        for (x, y) in [(x0 + 10, y0 + 10), (x1 - 10, y0 + 10), (x0 + 10, y1 - 10), (x1 - 10, y1 - 10)] {
            image.fillCircle(x, y, 6, steel, shading: 0.6)
        }
    }

    /// The failed part beside its replacement on a workbench.
    private static func paintComparison(_ image: inout RGBImage, _ rng: inout SplitMix64) {
        let (w, h) = (Double(image.width), Double(image.height))
        image.verticalGradient(0, image.height, from: Color(150, 112, 72), to: Color(112, 80, 50))
        let radius = min(w, h) * 0.2
        image.fillCircle(w * 0.28, h * 0.5, radius, Color(120, 78, 46), shading: 0.5)
        image.fillCircle(w * 0.28 + radius * 0.2, h * 0.5 - radius * 0.3, radius * 0.3, Color(70, 50, 30))
        image.fillCircle(w * 0.72, h * 0.5, radius, steel.scaled(1.1), shading: 0.5)
        paintBolts(&image, cx: w * 0.72, cy: h * 0.5, radius: radius * 0.7, count: rng.int(5...8))
    }

    private static func paintBolts(_ image: inout RGBImage, cx: Double, cy: Double, radius: Double, count: Int) {
        for i in 0..<count {
            let angle = Double(i) / Double(count) * 2 * Double.pi
            image.fillCircle(cx + radius * cosine(angle), cy + radius * sine(angle), 7, Color(60, 62, 64))
        }
    }
}

/// sin and cos by Taylor series on [-π, π]: the demo stays free of libm so pixels match across platforms.
private func sine(_ x: Double) -> Double {
    let x = (x + Double.pi).truncatingRemainder(dividingBy: 2 * Double.pi) - Double.pi
    var term = x, sum = x
    for n in stride(from: 2, through: 24, by: 2) {
        term *= -x * x / Double(n * (n + 1))
        sum += term
    }
    return sum
}

private func cosine(_ x: Double) -> Double { sine(x + Double.pi / 2) }
