/// A seeded source of randomness for tests: SplitMix64 with its own bounded draws.
///
/// The standard library's `random(in:using:)` may change its algorithm between toolchains;
/// drawing bounded numbers here keeps a seed's community the same everywhere. SplitMix64 is
/// Steele, Lea and Flood, "Fast splittable pseudorandom number generators" (OOPSLA 2014),
/// as in swift-argument-parser's `Examples/roll/SplitMix64.swift`.
public struct TestRandom: Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `range`, uniform up to a bias below 2^-40 for the small ranges tests use.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % width)
    }

    /// True with probability `probability`.
    public mutating func chance(_ probability: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) < probability
    }

    /// One element of a non-empty array.
    public mutating func pick<T>(_ items: [T]) -> T {
        items[int(in: 0...(items.count - 1))]
    }

    /// The items in a random order (Fisher-Yates).
    public mutating func shuffled<T>(_ items: [T]) -> [T] {
        var items = items
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, int(in: 0...i))
        }
        return items
    }

    /// `count` distinct items (all of them when fewer).
    public mutating func sample<T>(_ items: [T], count: Int) -> [T] {
        Array(shuffled(items).prefix(count))
    }
}
