import PatrolModel

/// The optimiser: builds the month's patrol and training schedule for a community.
///
/// A solve compiles the community into an `IndexedProblem`, builds a first valid
/// schedule with the `ConstructionPhase`, then improves it with the `LocalSearchPhase`
/// until the configuration's termination. Every schedule it returns keeps all hard
/// rules of the contract's section 2; its score is exact (see `ScoreBreakdown`).
///
/// ```swift
/// let result = try Solver(community).solve(SolverConfiguration(timeLimit: .seconds(10)))
/// print(result.score.total)
/// ```
public struct Solver: Sendable {
    private let compiler: ProblemCompiler
    private let repair: RepairPlan?

    /// A solver for the community's month; with `repair`, one that changes a baseline
    /// schedule as little as possible from its `frozenBefore` date on.
    public init(_ community: Community, repair: RepairPlan? = nil) {
        compiler = ProblemCompiler(community, repair: repair)
        self.repair = repair
    }

    /// Solves, calling `onEvent` on the calling thread as the search progresses.
    ///
    /// - Parameters:
    ///   - configuration: time limit, seed and other stop conditions.
    ///   - initial: a schedule to start from instead of the construction heuristic's
    ///     (its assignments that break a hard rule are dropped first).
    /// - Throws: `ScoreCorruption` only when `configuration.checking` is on and the
    ///   incremental score disagrees with a recount: a bug, never an input problem.
    public func solve(
        _ configuration: SolverConfiguration, initial: Schedule? = nil,
        onEvent: (SolverEvent) -> Void = { _ in }
    ) throws(ScoreCorruption) -> SolverResult {
        let termination = Termination(configuration)
        var state = WorkingSolution(problem: compiler.problem)
        var random = RandomSource(seed: configuration.seed)
        var counters = SearchCounters()

        onEvent(.phaseStarted("construction"))
        if let start = initial ?? repair?.baseline { compiler.load(start, into: &state) }
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
        try LocalSearchPhase(configuration: configuration, termination: termination).run(
            &state, random: &random, statistics: &counters
        ) { progress, improved in
            onEvent(improved ? .bestScoreImproved(progress) : .heartbeat(progress))
        }
        if configuration.checking != .off { try check(state, phase: "local search") }

        let statistics = SolverStatistics(
            movesEvaluated: counters.movesEvaluated, movesAccepted: counters.movesAccepted,
            elapsed: termination.elapsed, timeToBest: counters.timeToBest,
            constructionScore: constructionScore, constructionTime: constructionTime,
            stopReason: counters.stopReason)
        return SolverResult(
            schedule: compiler.schedule(of: state),
            score: state.counts.breakdown(compiler.problem),
            changedAssignments: Int(state.counts.changes), statistics: statistics)
    }

    private func check(_ state: WorkingSolution, phase: String) throws(ScoreCorruption) {
        if let corruption = state.corruption(after: "the \(phase) phase") { throw corruption }
    }
}

extension IndexedProblem {
    /// Covered volunteer-shifts over needed ones, 0 to 1 (1 when nothing is needed).
    func coverage(uncovered: Int64) -> Double {
        placeCount == 0 ? 1 : Double(Int64(placeCount) - uncovered) / Double(placeCount)
    }
}

extension WorkingSolution {
    var coverage: Double { problem.coverage(uncovered: counts.uncovered) }
}
