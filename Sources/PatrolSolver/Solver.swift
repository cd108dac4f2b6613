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
        let outcome = try Engine(problem: compiler.problem).run(
            configuration,
            prepare: { state in
                if let start = initial ?? repair?.baseline { compiler.load(start, into: &state) }
            },
            onEvent: onEvent)
        return SolverResult(
            schedule: compiler.schedule(of: outcome.state),
            score: outcome.state.counts.breakdown(compiler.problem),
            changedAssignments: Int(outcome.state.counts.changes), statistics: outcome.statistics)
    }
}
