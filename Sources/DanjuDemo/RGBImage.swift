/// An 8-bit RGB raster with the few fill operations the demo photos need.
struct RGBImage {
    struct Color {
        var r: Double, g: Double, b: Double

        init(_ r: Double, _ g: Double, _ b: Double) { (self.r, self.g, self.b) = (r, g, b) }

        func mixed(with other: Color, _ t: Double) -> Color {
            Color(r + (other.r - r) * t, g + (other.g - g) * t, b + (other.b - b) * t)
        }

        func scaled(_ factor: Double) -> Color { Color(r * factor, g * factor, b * factor) }
    }

    let width: Int
    let height: Int
    var pixels: [UInt8]

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        pixels = [UInt8](repeating: 0, count: width * height * 3)
    }

    /// Rows `top..<bottom` shaded from `from` to `to`.
    mutating func verticalGradient(_ top: Int, _ bottom: Int, from: Color, to: Color) {
        let (top, bottom) = (max(top, 0), min(bottom, height))
        guard bottom > top else { return }
        for y in top..<bottom {
            let color = from.mixed(with: to, Double(y - top) / Double(max(bottom - top - 1, 1)))
            fillSpan(y, 0, width, color)
        }
    }

    mutating func fillRect(_ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int, _ color: Color) {
        for y in max(y0, 0)..<max(min(y1, height), max(y0, 0)) { fillSpan(y, x0, x1, color) }
    }

    /// A disc; `shading` > 0 darkens towards the lower right like a lit metal surface.
    mutating func fillCircle(_ cx: Double, _ cy: Double, _ radius: Double, _ color: Color, shading: Double = 0) {
        let y0 = max(Int(cy - radius), 0), y1 = min(Int(cy + radius) + 1, height)
        guard y1 > y0 else { return }
        let w = width
        pixels.withUnsafeMutableBufferPointer { buffer in
            for y in y0..<y1 {
                let dy = Double(y) - cy
                let half = (radius * radius - dy * dy).squareRoot()
                guard half > 0 else { continue }
                let x0 = max(Int(cx - half), 0), x1 = min(Int(cx + half) + 1, w)
                guard x1 > x0 else { continue }
                for x in x0..<x1 {
                    let light = 1 - shading * ((Double(x) - cx + dy) / (2 * radius) + 0.5)
                    let offset = (y * w + x) * 3
                    buffer[offset] = byte(color.r * light)
                    buffer[offset + 1] = byte(color.g * light)
                    buffer[offset + 2] = byte(color.b * light)
                }
            }
        }
    }

    /// A polygon by even-odd scanline filling; points in pixels.
    mutating func fillPolygon(_ points: [(Double, Double)], _ color: Color) {
        guard points.count >= 3 else { return }
        let ys = points.map(\.1)
        let top = max(Int(ys.min()!.rounded(.down)), 0), bottom = min(Int(ys.max()!.rounded(.up)), height)
        guard bottom > top else { return }
        var crossings: [Double] = []
        for y in top..<bottom {
            let scan = Double(y) + 0.5
            crossings.removeAll(keepingCapacity: true)
            for i in points.indices {
                let (ax, ay) = points[i], (bx, by) = points[(i + 1) % points.count]
                if (ay <= scan) != (by <= scan) { crossings.append(ax + (scan - ay) / (by - ay) * (bx - ax)) }
            }
            crossings.sort()
            var index = 0
            while index + 1 < crossings.count {
                fillSpan(y, Int(crossings[index].rounded()), Int(crossings[index + 1].rounded()), color)
                index += 2
            }
        }
    }

    /// A thick straight bar between two points.
    mutating func fillBar(from a: (Double, Double), to b: (Double, Double), thickness: Double, _ color: Color) {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1)
        let length = max((dx * dx + dy * dy).squareRoot(), 1)
        let (nx, ny) = (-dy / length * thickness / 2, dx / length * thickness / 2)
        fillPolygon([(a.0 + nx, a.1 + ny), (b.0 + nx, b.1 + ny), (b.0 - nx, b.1 - ny), (a.0 - nx, a.1 - ny)], color)
    }

    /// Sensor-like grain: flat fills would compress to a few KB, unlike real photos.
    /// Written with raw pointers and a clamp table because the tests run this in unoptimised builds.
    mutating func addGrain(amplitude: Int, seed: UInt64) {
        let clamp = (0..<(256 + 2 * amplitude)).map { UInt8(min(max($0 - amplitude, 0), 255)) }
        var state = UInt32(truncatingIfNeeded: seed) | 1 // xorshift32: cheap enough to run per pixel
        let span = UInt32(2 * amplitude + 1)
        clamp.withUnsafeBufferPointer { clamp in
            pixels.withUnsafeMutableBufferPointer { buffer in
                guard let table = clamp.baseAddress, var pixel = buffer.baseAddress else { return }
                let end = pixel + buffer.count
                while pixel < end {
                    state ^= state << 13
                    state ^= state >> 17
                    state ^= state << 5
                    let shift = Int(state % span) // 0 … 2 × amplitude, added through the table's offset
                    pixel[0] = table[Int(pixel[0]) + shift]
                    pixel[1] = table[Int(pixel[1]) + shift]
                    pixel[2] = table[Int(pixel[2]) + shift]
                    pixel += 3
                }
            }
        }
    }

    /// The image turned a quarter counter-clockwise: what a camera stores when EXIF orientation 6 turns it back.
    func rotatedCounterClockwise() -> RGBImage {
        var rotated = RGBImage(width: height, height: width)
        let (w, h) = (width, height)
        pixels.withUnsafeBufferPointer { source in
            rotated.pixels.withUnsafeMutableBufferPointer { target in
                for y in 0..<w { // target rows
                    for x in 0..<h { // target columns
                        let from = (x * w + (w - 1 - y)) * 3, to = (y * h + x) * 3
                        target[to] = source[from]
                        target[to + 1] = source[from + 1]
                        target[to + 2] = source[from + 2]
                    }
                }
            }
        }
        return rotated
    }

    /// Writes one pixel, then doubles the filled run with memory copies: fast even without optimisation.
    private mutating func fillSpan(_ y: Int, _ x0: Int, _ x1: Int, _ color: Color) {
        let (x0, x1) = (max(x0, 0), min(x1, width))
        guard y >= 0, y < height, x1 > x0 else { return }
        let start = (y * width + x0) * 3, total = (x1 - x0) * 3
        pixels.withUnsafeMutableBytes { bytes in
            let run = bytes.baseAddress! + start
            run.storeBytes(of: byte(color.r), as: UInt8.self)
            (run + 1).storeBytes(of: byte(color.g), as: UInt8.self)
            (run + 2).storeBytes(of: byte(color.b), as: UInt8.self)
            var filled = 3
            while filled < total {
                let chunk = min(filled, total - filled)
                (run + filled).copyMemory(from: run, byteCount: chunk)
                filled += chunk
            }
        }
    }
}

/// A channel value rounded down and clamped to 0…255.
private func byte(_ value: Double) -> UInt8 {
    value <= 0 ? 0 : value >= 255 ? 255 : UInt8(value)
}
