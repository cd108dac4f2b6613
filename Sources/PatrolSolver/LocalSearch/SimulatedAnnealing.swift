/// Simulated annealing in cycles (Kirkpatrick et al. 1983), restarted from the best (or,
/// for a stuck explorer, from where the last cycle ended: `PortfolioRole`).
///
/// Each cycle cools geometrically from `startTemperature` to `endTemperature`; a worse
/// move of `delta` is accepted with probability exp(-delta / T). Cycles double in length
/// (restarts in the manner of Luby et al. 1993), so short searches still finish whole
/// anneals while long ones get slow, deep ones. Reheating from the best schedule at each
/// cycle acts as the perturbation that gets the search out of a local optimum. The
/// schedule counts moves, not seconds; the search tells it how many moves it has left
/// (`fitLastCycle`), so that the last cycle is stretched or shortened to end with them
/// and the search stops cool, not cut off early in a hot phase. The moves left are only
/// an estimate from the pace so far (which changes as the search cools), so the last cycle
/// takes a new estimate as it runs (`aimLastCycle`).
struct SimulatedAnnealing {
    let startTemperature: Double
    let endTemperature: Double
    private(set) var cycleLength: Int
    private var cooling: Double
    private(set) var temperature: Double
    private var movesInCycle = 0
    /// Whether this cycle was fitted to end with the search.
    private(set) var isLastCycle = false

    init(startTemperature: Double, endTemperature: Double, firstCycleLength: Int) {
        self.startTemperature = startTemperature
        self.endTemperature = endTemperature
        cycleLength = firstCycleLength
        cooling = power(endTemperature / startTemperature, 1 / Double(firstCycleLength))
        temperature = startTemperature
    }

    /// Whether to keep a move that changes the score by `delta`.
    @inline(__always)
    func accepts(_ delta: Int64, _ random: inout RandomSource) -> Bool {
        delta <= 0 || random.unit() < exponential(-Double(delta) / temperature)
    }

    /// Cools by one move; returns true when the cycle is over and the search should restart.
    @inline(__always)
    mutating func step() -> Bool {
        temperature *= cooling
        movesInCycle += 1
        guard movesInCycle >= cycleLength else { return false }
        movesInCycle = 0
        isLastCycle = false
        cycleLength = min(cycleLength * 2, 1 << 40)
        cooling = power(endTemperature / startTemperature, 1 / Double(cycleLength))
        temperature = startTemperature
        return true
    }

    /// Called as a cycle starts with the moves the search has left: when the cycle after
    /// this one could not finish in them, this one takes them all.
    mutating func fitLastCycle(movesLeft: Int) {
        guard movesInCycle == 0, movesLeft > 0, movesLeft < 3 * cycleLength else { return }
        cycleLength = movesLeft
        cooling = power(endTemperature / startTemperature, 1 / Double(cycleLength))
        isLastCycle = true
    }

    /// Called during the last cycle with a new estimate of the moves left: the cycle is
    /// stretched or shortened to end with them, cooling from where it is to the end
    /// temperature. The pace so far misjudges the rest: on Instance7 (30 s) a last cycle
    /// fitted at 7.6 s ended at 19.5 s, and the search spent its last ten seconds in a hot
    /// cycle it could not finish.
    mutating func aimLastCycle(movesLeft: Int) {
        guard isLastCycle, movesLeft > 0, temperature > endTemperature else { return }
        cycleLength = movesInCycle + movesLeft
        cooling = power(endTemperature / temperature, 1 / Double(movesLeft))
    }
}
