/// Improves a valid schedule by random moves under simulated annealing until a
/// termination condition holds, keeping the best schedule seen.
///
/// The step loop is select -> apply -> score (read the running total) -> accept or
/// undo. Only valid states are visited (see `MoveSelector`), and nothing is allocated
/// per move: the move log and the solution's arrays are reused.
struct LocalSearchPhase {
    let configuration: SolverConfiguration
    let termination: Termination
    /// The best schedule shared by the threads of a portfolio, or nil for a lone search.
    var incumbent: SharedIncumbent? = nil
    /// What this search does in a portfolio: explore hot or polish the shared best cool.
    let role: PortfolioRole

    /// Runs the search and leaves the best schedule found in `state`.
    func run(
        _ state: inout WorkingSolution, random: inout RandomSource, statistics: inout SearchCounters,
        report: (_ progress: SolverProgress, _ improved: Bool) -> Void
    ) throws(ScoreCorruption) {
        let p = state.problem
        guard p.slotCount > 0 || p.sessionCount > 0 else { return }
        var annealing = SimulatedAnnealing(
            startTemperature: Self.startTemperature(p) * role.temperatureScale,
            endTemperature: 0.3 * role.temperatureScale,
            firstCycleLength: min(5_000_000, max(300_000, 100 * max(p.neededPlaces, p.volunteerCount * p.dayCount))))
        var best = BestSchedule(state)
        var selector = MoveSelector(problem: p)
        var log = MoveLog()
        let checking = configuration.checking
        var lastReport = statistics.elapsed
        let startTime = termination.elapsed
        var cycleStartTotal = best.total
        var cycleStart = (moves: 0, time: startTime)
        var lastAim = startTime
        var staleCycles = 0

        while true {
            if statistics.movesEvaluated & 1023 == 0 {
                statistics.elapsed = termination.elapsed
                if let reason = termination.reason(statistics, bestScore: best.total) {
                    statistics.stopReason = reason
                    break
                }
                // Only a search on time re-aims (by the clock): one with a move limit knows its
                // moves left exactly, and stays reproducible.
                if annealing.isLastCycle && configuration.moveLimit == nil
                    && statistics.elapsed - lastAim >= .milliseconds(100)
                {
                    lastAim = statistics.elapsed
                    annealing.aimLastCycle(movesLeft: movesLeft(statistics.movesEvaluated, paceSince: cycleStart))
                }
                if statistics.elapsed - lastReport >= .milliseconds(250) {
                    lastReport = statistics.elapsed
                    report(progress(best, state.problem, statistics), statistics.bestImproved)
                    statistics.bestImproved = false
                }
            }
            statistics.movesEvaluated += 1
            if statistics.movesEvaluated & 1023 == 0 {
                selector.temperature = annealing.temperature
                if configuration.moveLimit == nil { selector.searchSeconds = (statistics.elapsed - startTime).seconds }
            }
            if annealing.step() {
                // A cycle that found nothing better charges rebuilds more in the next one.
                let stale = best.total >= cycleStartTotal
                selector.restrainsRebuilds = stale
                staleCycles = stale ? staleCycles + 1 : 0
                if staleCycles < role.staleCyclesBeforeWalkingOn { best.restore(into: &state) }
                if role.adoptsSharedBest {
                    incumbent?.exchange(&best, &state)
                } else {
                    incumbent?.offer(best)
                }
                annealing.fitLastCycle(
                    movesLeft: movesLeft(statistics.movesEvaluated, paceSince: (moves: 0, time: startTime)))
                cycleStartTotal = best.total
                selector.unsettleDays()
                cycleStart = (statistics.movesEvaluated, termination.elapsed)
            }

            let before = state.total
            log.clear()
            guard selector.apply(&state, &log, &random) else { continue }
            let delta = state.total - before
            if checking == .everyMove { try verify(state, after: log) }
            if annealing.accepts(delta, &random) {
                statistics.movesAccepted += 1
                selector.accepted(log, state)
                best.follow(log, state)
                if best.isWorse(than: state) {
                    best.markCurrent(state)
                    statistics.timeToBest = termination.elapsed
                    statistics.bestImproved = true
                }
                if checking == .step { try verify(state, after: log) }
            } else {
                log.undo(&state)
                if checking == .everyMove { try verify(state, after: log) }
            }
        }
        best.restore(into: &state)
        incumbent?.exchange(&best, &state)
        statistics.elapsed = termination.elapsed
    }

    /// The moves this search has left after `moves`: before its move limit (so a run with
    /// one is reproducible), or else before its time limit at the pace it has kept since
    /// `start`.
    private func movesLeft(_ moves: Int, paceSince start: (moves: Int, time: Duration)) -> Int {
        if let limit = configuration.moveLimit { return limit - moves }
        let now = termination.elapsed
        let spent = (now - start.time).seconds
        guard spent > 0 else { return .max }
        let pace = Double(moves - start.moves) / spent
        return Int(min(pace * (configuration.timeLimit - now).seconds, 1e15))
    }

    private func progress(_ best: BestSchedule, _ p: IndexedProblem, _ statistics: SearchCounters) -> SolverProgress {
        SolverProgress(
            score: Int(best.total), coverage: p.coverage(uncovered: best.uncovered), elapsed: statistics.elapsed,
            movesEvaluated: statistics.movesEvaluated)
    }

    private func verify(_ state: WorkingSolution, after log: MoveLog) throws(ScoreCorruption) {
        if let corruption = state.corruption(after: log.description) { throw corruption }
    }

    /// A start temperature that accepts the small trade-offs of a problem often and
    /// losing a Party member, a leader or a covered place rarely: for patrols, from the
    /// fairness and grid weights; for shift rosters, 0.4 times the cheapest uncovered place
    /// (40 on the benchmark, where a place weighs 100), so a hot start gives up a place now
    /// and then (about once in twelve tries) to find a roster that covers more (measured
    /// against 0.1, 0.2 and 0.3 over seeds: Benchmarks/README.md).
    static func startTemperature(_ p: IndexedProblem) -> Double {
        switch p.moveProfile {
        case .patrol: max(2, Double(4 * p.weightFairness + p.weightFarGrid) * 2)
        case .shifts: 0.4 * Double(p.slotUncoveredWeight.lazy.filter { $0 > 0 }.min() ?? 100)
        }
    }
}

/// The part one search plays in a portfolio of threads (`--threads N`).
///
/// Every other thread explores: it anneals at the full temperature, moves between basins and
/// only ever restarts from its own best (or, once stuck, from where it is), so the portfolio
/// keeps a second line of search. The others polish: they anneal at 0.3 times the temperature
/// and restart from the portfolio's best. With one temperature the threads spent their time in
/// the same basin (measured on Curtois instances 2, 3, 6, 9, 12, 15 and 19 and on patrol
/// communities); with the explorer adopting the shared best too, it was pulled back into the
/// polisher's basin: Instance3 reached its optimum 1001 in one two-thread run of eight, against
/// three of eight now, and Instance10, 12 and 17 ended lower on average, 13 higher
/// (Benchmarks/README.md).
enum PortfolioRole: Sendable {
    case explorer
    case polisher

    /// Thread 0 (the lone search of `--threads 1`) explores; the roles alternate from there.
    init(thread: Int) {
        self = thread.isMultiple(of: 2) ? .explorer : .polisher
    }

    /// Multiplies the annealing's start and end temperatures.
    var temperatureScale: Double {
        switch self {
        case .explorer: 1
        case .polisher: 0.3
        }
    }

    /// Whether the search restarts from a better best that another thread shared.
    var adoptsSharedBest: Bool { self == .polisher }

    /// After this many cycles in a row that found nothing better, the search carries on from
    /// where the last one ended instead of going back to its best. Reheating from one roster
    /// every cycle kept the explorer in one basin (Instance6, seed 3: 2047 from 2 s to 60 s);
    /// walking on after one stale cycle freed it there (seeds 1 and 2 at 30 s: 1960 and 1956
    /// against 2048 and 2046) but cost Instance19, a search that still improves most cycles,
    /// about 5 %; after two, 6, 8, 17, 18 and 19 ended lower on average and 9, 10 and 15 higher,
    /// each within what single runs spread (Benchmarks/README.md). The polisher always restarts
    /// from the best.
    var staleCyclesBeforeWalkingOn: Int {
        switch self {
        case .explorer: 2
        case .polisher: .max
        }
    }
}
