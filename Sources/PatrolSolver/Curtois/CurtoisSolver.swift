/// The optimiser on a Curtois & Qu benchmark instance: the same engine as for patrols,
/// fed by `CurtoisCompiler`.
public struct CurtoisSolver: Sendable {
    private let compiler: CurtoisCompiler

    public init(_ instance: CurtoisInstance) {
        compiler = CurtoisCompiler(instance)
    }

    /// Solves within the configuration's limits.
    public func solve(
        _ configuration: SolverConfiguration, onEvent: (SolverEvent) -> Void = { _ in }
    ) throws(ScoreCorruption) -> CurtoisResult {
        let outcome = try Engine(problem: compiler.problem).run(
            configuration, prepare: { _ in }, onEvent: onEvent)
        let counts = outcome.state.counts
        return CurtoisResult(
            assignments: compiler.assignments(of: outcome.state),
            objective: Int(counts.uncoveredPenalty + counts.overPenalty + counts.requestPenalty),
            daysOutsideRunLimits: Int(counts.runViolation), minutesOutsideLimits: Int(counts.minuteViolation),
            weekendsAboveLimit: Int(counts.weekendExcess),
            statistics: outcome.statistics)
    }
}

/// A benchmark solution and its objective.
public struct CurtoisResult: Sendable {
    public var assignments: [CurtoisAssignment]
    /// Under-cover, over-cover and request penalties: the benchmark's objective.
    public var objective: Int
    /// Hard rules left broken (all 0 in a feasible roster).
    public var daysOutsideRunLimits: Int
    public var minutesOutsideLimits: Int
    public var weekendsAboveLimit: Int
    public var statistics: SolverStatistics

    public var isFeasible: Bool { daysOutsideRunLimits == 0 && minutesOutsideLimits == 0 && weekendsAboveLimit == 0 }

    /// `employee,day,shift`, one row per assignment, as `curtois_check.py` reads it.
    public var csv: String {
        "employee,day,shift\n" + assignments.map { "\($0.employee),\($0.day),\($0.shift)\n" }.joined()
    }
}
