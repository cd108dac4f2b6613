import Dispatch
import Synchronization

/// Runs the phases on a compiled problem: construction, then local search.
///
/// Shared by every front end (`Solver` for communities, `CurtoisSolver` for the
/// benchmark): they compile their input, prepare the starting state, and read the
/// finished state back into their own terms.
struct Engine {
    let problem: IndexedProblem

    struct Outcome {
        var state: WorkingSolution
        var statistics: SolverStatistics
    }

    func run(
        _ configuration: SolverConfiguration, prepare: (inout WorkingSolution) -> Void,
        onEvent: (SolverEvent) -> Void
    ) throws(ScoreCorruption) -> Outcome {
        let termination = Termination(configuration)
        var state = WorkingSolution(problem: problem)
        var random = RandomSource(seed: configuration.seed)
        var counters = SearchCounters()

        onEvent(.phaseStarted("construction"))
        prepare(&state)
        ConstructionPhase().run(&state)
        let constructionScore = Int(state.total)
        counters.elapsed = termination.elapsed
        counters.timeToBest = counters.elapsed
        let constructionTime = counters.elapsed
        if configuration.checking != .off { try check(state, phase: "construction") }
        onEvent(
            .bestScoreImproved(
                SolverProgress(
                    score: constructionScore, coverage: state.coverage, elapsed: counters.elapsed,
                    movesEvaluated: 0)))

        onEvent(.phaseStarted("local search"))
        let helpers = try searchInParallel(
            configuration, termination: termination, from: state, onEvent: onEvent, main: &state,
            random: &random, counters: &counters)
        counters.movesEvaluated += helpers.movesEvaluated
        counters.movesAccepted += helpers.movesAccepted
        if configuration.checking != .off { try check(state, phase: "local search") }

        let statistics = SolverStatistics(
            movesEvaluated: counters.movesEvaluated, movesAccepted: counters.movesAccepted,
            elapsed: termination.elapsed, timeToBest: counters.timeToBest,
            constructionScore: constructionScore, constructionTime: constructionTime,
            stopReason: counters.stopReason)
        return Outcome(state: state, statistics: statistics)
    }

    /// Runs the main search on this thread (it reports progress) and `threads - 1` helper
    /// searches on others, all sharing their best through a `SharedIncumbent`; leaves the
    /// portfolio's best in `main` and returns the helpers' move counts.
    private func searchInParallel(
        _ configuration: SolverConfiguration, termination: Termination, from start: WorkingSolution,
        onEvent: (SolverEvent) -> Void, main state: inout WorkingSolution, random: inout RandomSource,
        counters: inout SearchCounters
    ) throws(ScoreCorruption) -> (movesEvaluated: Int, movesAccepted: Int) {
        let helpers = max(0, configuration.threads - 1)
        let incumbent = helpers > 0 ? SharedIncumbent() : nil
        let results = Mutex<[(Int, Int, ScoreCorruption?)]>([])
        let group = DispatchGroup()
        for index in 0..<helpers {
            group.enter()
            DispatchQueue.global().async { [start] in
                var copy = WorkingSolution(problem: start.problem.detachedCopy())
                var seeded = BestSchedule(start)
                seeded.restore(into: &copy)
                // Distinct, reproducible streams for the helpers (SplitMix64's increment).
                var stream = RandomSource(seed: configuration.seed &+ UInt64(index + 1) &* 0x9E37_79B9_7F4A_7C15)
                var own = SearchCounters()
                var failure: ScoreCorruption?
                do throws(ScoreCorruption) {
                    try LocalSearchPhase(
                        configuration: configuration, termination: termination, incumbent: incumbent,
                        role: PortfolioRole(thread: index + 1)
                    )
                    .run(&copy, random: &stream, statistics: &own) { _, _ in }
                } catch {
                    failure = error
                }
                results.withLock { $0.append((own.movesEvaluated, own.movesAccepted, failure)) }
                group.leave()
            }
        }
        try LocalSearchPhase(
            configuration: configuration, termination: termination, incumbent: incumbent,
            role: PortfolioRole(thread: 0)
        ).run(
            &state, random: &random, statistics: &counters
        ) { progress, improved in
            var shown = progress
            if let shared = incumbent?.total, shared < Int64(progress.score) { shown.score = Int(shared) }
            onEvent(improved ? .bestScoreImproved(shown) : .heartbeat(shown))
        }
        group.wait()
        // The main search ended before the helpers' last offers: take the portfolio's best.
        if let incumbent {
            var best = BestSchedule(state)
            incumbent.exchange(&best, &state)
        }
        let finished = results.withLock { $0 }
        if let failure = finished.compactMap(\.2).first { throw failure }
        return (finished.reduce(0) { $0 + $1.0 }, finished.reduce(0) { $0 + $1.1 })
    }

    private func check(_ state: WorkingSolution, phase: String) throws(ScoreCorruption) {
        if let corruption = state.corruption(after: "the \(phase) phase") { throw corruption }
    }
}

extension IndexedProblem {
    /// Covered places over needed ones, 0 to 1 (1 when nothing is needed).
    func coverage(uncovered: Int64) -> Double {
        neededPlaces == 0 ? 1 : Double(Int64(neededPlaces) - uncovered) / Double(neededPlaces)
    }
}

extension WorkingSolution {
    var coverage: Double { problem.coverage(uncovered: counts.uncovered) }
}
