/// When the search stops: time, moves, a target score, or no improvement for a while.
struct Termination {
    let configuration: SolverConfiguration
    let clock = ContinuousClock()
    let start: ContinuousClock.Instant

    init(_ configuration: SolverConfiguration) {
        self.configuration = configuration
        start = clock.now
    }

    var elapsed: Duration { clock.now - start }

    func reason(_ counters: SearchCounters, bestScore: Int64) -> StopReason? {
        if let limit = configuration.moveLimit, counters.movesEvaluated >= limit { return .moveLimit }
        if let target = configuration.targetScore, bestScore <= target { return .targetScore }
        if counters.elapsed >= configuration.timeLimit { return .timeLimit }
        if let patience = configuration.unimprovedTimeLimit,
            counters.elapsed - counters.timeToBest >= patience
        {
            return .unimproved
        }
        return nil
    }
}

/// Running figures of a search.
struct SearchCounters {
    var movesEvaluated = 0
    var movesAccepted = 0
    var elapsed: Duration = .zero
    var timeToBest: Duration = .zero
    var bestImproved = false
    var stopReason: StopReason = .nothingToSearch
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
