/// Progress reported while solving, for a live progress line.
public enum SolverEvent: Sendable {
    /// A phase (`construction`, `local search`) started.
    case phaseStarted(String)
    /// A better schedule was found.
    case bestScoreImproved(SolverProgress)
    /// Periodic heartbeat, about every quarter second, with the current best.
    case heartbeat(SolverProgress)
}

/// A snapshot of the search.
public struct SolverProgress: Sendable {
    public var score: Int
    /// Covered volunteer-shifts over needed volunteer-shifts, 0 to 1.
    public var coverage: Double
    public var elapsed: Duration
    public var movesEvaluated: Int
}
