import Synchronization

/// The best schedule of a portfolio of searches, shared between their threads.
///
/// Each search runs its own annealing on its own copy of the state with its own seed;
/// at the end of every annealing cycle it offers its best here and, if it is a polishing
/// thread and another holds a better one, restarts from that instead (the portfolio's only
/// communication, so threads never wait on each other inside a cycle).
final class SharedIncumbent: Sendable {
    private let best: Mutex<BestSchedule?> = Mutex(nil)

    /// Publishes `mine` if it beats the shared best.
    func offer(_ mine: BestSchedule) {
        best.withLock { Self.keepBetter(mine, in: &$0) }
    }

    /// Publishes `mine` if it beats the shared best, or adopts the shared best into
    /// `mine` and `state` if that is better.
    func exchange(_ mine: inout BestSchedule, _ state: inout WorkingSolution) {
        let adopted: BestSchedule? = best.withLock { shared in
            if let current = shared, mine.isWorse(than: current) { return current }
            Self.keepBetter(mine, in: &shared)
            return nil
        }
        if let adopted {
            mine = adopted
            mine.restore(into: &state)
        }
    }

    private static func keepBetter(_ mine: BestSchedule, in shared: inout BestSchedule?) {
        if shared == nil || shared!.isWorse(than: mine) { shared = mine }
    }

    /// The total of the shared best, or nil before any search published.
    var total: Int64? { best.withLock { $0?.total } }
}
