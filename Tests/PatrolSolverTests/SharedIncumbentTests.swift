@testable import PatrolSolver
import Testing

/// The portfolio's shared best: an offer only ever replaces it with a better schedule, and
/// a polishing thread that adopts it gets that schedule back whole, with its score.
@Suite struct SharedIncumbentTests {
    @Test func keepsTheBestOfferAndHandsItBackWhole() throws {
        let start = try RandomShiftRoster.constructed(seed: 2)
        let better = Self.descended(from: start, seed: 2)
        try #require(BestSchedule(start).isWorse(than: better))

        let incumbent = SharedIncumbent()
        #expect(incumbent.total == nil)
        incumbent.offer(BestSchedule(better))
        incumbent.offer(BestSchedule(start))
        #expect(incumbent.total == better.total)

        var mine = BestSchedule(start)
        var state = start
        incumbent.exchange(&mine, &state)
        #expect(state.total == better.total)
        #expect(mine.total == better.total)
        #expect(BestScheduleTests.assignment(state) == BestScheduleTests.assignment(better))
        #expect(state.corruption(after: "adopting the shared best") == nil)
    }

    @Test func exchangePublishesABetterScheduleAndKeepsIt() throws {
        let start = try RandomShiftRoster.constructed(seed: 3)
        let better = Self.descended(from: start, seed: 3)
        try #require(BestSchedule(start).isWorse(than: better))

        let incumbent = SharedIncumbent()
        incumbent.offer(BestSchedule(start))
        var mine = BestSchedule(better)
        var state = better
        incumbent.exchange(&mine, &state)
        #expect(incumbent.total == better.total)
        #expect(BestScheduleTests.assignment(state) == BestScheduleTests.assignment(better))
    }

    /// `start` after random moves that never make it worse.
    static func descended(from start: WorkingSolution, seed: UInt64) -> WorkingSolution {
        var state = start
        var selector = MoveSelector(problem: state.problem)
        var random = RandomSource(seed: seed)
        var log = MoveLog()
        for _ in 0..<2_000 {
            log.clear()
            let before = state.total
            guard selector.apply(&state, &log, &random) else { continue }
            if state.total > before { log.undo(&state) }
        }
        return state
    }
}
