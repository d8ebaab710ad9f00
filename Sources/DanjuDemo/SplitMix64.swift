/// The demo's only source of randomness: SplitMix64, so one seed always yields the same shop on every platform.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// An independent stream for one part of the demo, so adding records to one part leaves the others unchanged.
    init(seed: UInt64, stream: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 // FNV-1a over the stream name's UTF-8
        for byte in stream.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        state = seed ^ hash
        _ = next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// Uniform in `range`, without modulo bias worth mentioning for the small ranges used here.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next().multipliedFullWidth(by: span).high)
    }

    mutating func int(_ range: Range<Int>) -> Int { int(range.lowerBound...(range.upperBound - 1)) }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0..<items.count)] }

    /// Picks by integer weights, e.g. `[(value, 5), (other, 1)]`.
    mutating func weighted<T>(_ items: [(T, Int)]) -> T {
        var roll = int(0..<items.reduce(0) { $0 + $1.1 })
        for (item, weight) in items {
            if roll < weight { return item }
            roll -= weight
        }
        return items[items.count - 1].0
    }

    /// `count` distinct elements in their original order.
    mutating func sample<T>(_ items: [T], count: Int) -> [T] {
        var indices = Array(items.indices)
        for i in 0..<min(count, indices.count) { indices.swapAt(i, int(i..<indices.count)) }
        return indices.prefix(count).sorted().map { items[$0] }
    }

    /// Roughly normal (Irwin–Hall of four uniforms), clamped to `range`.
    mutating func around(_ mean: Double, spread: Double, in range: ClosedRange<Double>) -> Double {
        let z = (unit() + unit() + unit() + unit() - 2) * 1.732
        return min(max(mean + z * spread, range.lowerBound), range.upperBound)
    }

    /// Poisson-distributed count (Knuth), for daily arrivals.
    mutating func poisson(_ mean: Double) -> Int {
        let limit = (-mean).exp
        var product = unit()
        var count = 0
        while product > limit {
            count += 1
            product *= unit()
        }
        return count
    }
}

private extension Double {
    /// e^x by the series; avoids Foundation for one function and is exact enough for small means.
    var exp: Double {
        var term = 1.0, sum = 1.0
        for n in 1...40 {
            term *= self / Double(n)
            sum += term
        }
        return sum
    }
}
