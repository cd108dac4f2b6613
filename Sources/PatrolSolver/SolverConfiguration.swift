/// How long and how the solver searches.
public struct SolverConfiguration: Sendable, Hashable {
    /// Stop searching after this long; the best schedule found so far is returned.
    public var timeLimit: Duration
    /// The seed of the random source: the same seed and move budget give the same roster.
    public var seed: UInt64
    /// Stop after this many evaluated moves; makes a run reproducible regardless of speed.
    public var moveLimit: Int?
    /// Stop as soon as a schedule with this score or better is found.
    public var targetScore: Int?
    /// Stop when the best score has not improved for this long.
    public var unimprovedTimeLimit: Duration?
    /// How much the solver checks its own incremental score against a full recount.
    public var checking: CheckingLevel
    /// Searches run side by side, sharing their best schedule; 1 is fully reproducible.
    public var threads: Int

    public init(
        timeLimit: Duration = .seconds(30), seed: UInt64 = 1, moveLimit: Int? = nil,
        targetScore: Int? = nil, unimprovedTimeLimit: Duration? = nil,
        checking: CheckingLevel = .off, threads: Int = 1
    ) {
        self.timeLimit = timeLimit
        self.seed = seed
        self.moveLimit = moveLimit
        self.targetScore = targetScore
        self.unimprovedTimeLimit = unimprovedTimeLimit
        self.checking = checking
        self.threads = max(1, threads)
    }
}

/// Self-checking of the incremental score (after Timefold's `EnvironmentMode`).
public enum CheckingLevel: String, Sendable, Hashable, CaseIterable {
    /// No checks: full speed.
    case off
    /// Recount the score from scratch after each phase.
    case phase
    /// Recount after every accepted move, and stop on the first disagreement.
    case step
    /// Recount after every evaluated move, accepted or undone.
    case everyMove
}
