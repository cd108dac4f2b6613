import PatrolModel

/// What a solve returns: the best schedule found and how the search went.
public struct SolverResult: Sendable {
    public var schedule: Schedule
    /// The solver's own score of `schedule`, by component.
    public var score: ScoreBreakdown
    /// In a repair, the assignments that differ from the baseline (each dropped or added one).
    public var changedAssignments: Int
    public var statistics: SolverStatistics
}

/// Figures about one solve.
public struct SolverStatistics: Sendable {
    public var movesEvaluated: Int
    public var movesAccepted: Int
    public var elapsed: Duration
    /// When the best schedule was found.
    public var timeToBest: Duration
    /// Score right after the construction heuristic: the first valid schedule.
    public var constructionScore: Int
    /// When the first valid schedule was ready.
    public var constructionTime: Duration
    public var stopReason: StopReason

    public var movesPerSecond: Double {
        elapsed.seconds > 0 ? Double(movesEvaluated) / elapsed.seconds : 0
    }
}

/// Why the search stopped.
public enum StopReason: String, Sendable {
    case timeLimit = "time limit"
    case moveLimit = "move limit"
    case targetScore = "target score reached"
    case unimproved = "no improvement"
    case nothingToSearch = "nothing to search"
}

/// The incremental score disagreed with a full recount: a bug, reported with the move.
public struct ScoreCorruption: Error, CustomStringConvertible, Sendable {
    public var move: String
    public var incremental: Int
    public var recomputed: Int

    public var description: String {
        "Score corruption after \(move): incremental \(incremental), recomputed \(recomputed)."
    }
}
