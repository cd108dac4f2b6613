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
        return Outcome(state: state, statistics: statistics)
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
