/// A seeded SplitMix64 random source (Steele, Lea and Flood, "Fast splittable pseudorandom
/// number generators", OOPSLA 2014), as in swift-argument-parser's `Examples/roll`.
///
/// The generator draws every number through the helpers below rather than through the
/// standard library's `random(in:using:)`, whose way of turning raw bits into a range is an
/// implementation detail: a sample community must stay the same for a seed on every toolchain.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// An independent stream for one part of the community, so that switching requests or
    /// history on or off leaves the volunteers and the demand as they were.
    init(seed: UInt64, stream: Stream) {
        var mixer = SplitMix64(seed: seed ^ (stream.rawValue &* 0x9E37_79B9_7F4A_7C15))
        state = mixer.next()
    }

    /// The parts of a community that draw from their own stream.
    enum Stream: UInt64 {
        case grids = 1, volunteers, sessions, demand, requests, history
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `0..<bound` (Lemire's multiply-shift with rejection, no modulo bias).
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "below(\(bound)) needs a positive bound")
        let limit = UInt64(bound)
        var product = next().multipliedFullWidth(by: limit)
        if product.low < limit {
            let threshold = (0 &- limit) % limit
            while product.low < threshold {
                product = next().multipliedFullWidth(by: limit)
            }
        }
        return Int(product.high)
    }

    /// A whole number in the closed range.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// A number in `0..<1` with 53 random bits.
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// True with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    /// One element, uniformly.
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// An index drawn with the given non-negative weights (at least one positive).
    mutating func weightedIndex(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var target = unit() * total
        for (index, weight) in weights.enumerated() {
            if target < weight { return index }
            target -= weight
        }
        return weights.lastIndex { $0 > 0 } ?? 0
    }

    /// The elements in a random order (Fisher-Yates).
    mutating func shuffled<T>(_ items: [T]) -> [T] {
        var result = items
        var index = result.count - 1
        while index > 0 {
            result.swapAt(index, below(index + 1))
            index -= 1
        }
        return result
    }
}

/// Draws from a fixed table of weights in O(log n) per draw, for the name tables that
/// are sampled once per volunteer.
struct WeightedTable<Element: Sendable>: Sendable {
    private let elements: [Element]
    private let cumulative: [Int]

    /// Pairs of element and positive whole-number weight.
    init(_ entries: [(Element, Int)]) {
        elements = entries.map(\.0)
        var running = 0
        cumulative = entries.map { entry in
            running += entry.1
            return running
        }
    }

    func draw(using random: inout SplitMix64) -> Element {
        let target = random.below(cumulative[cumulative.count - 1])
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return elements[low]
    }
}
