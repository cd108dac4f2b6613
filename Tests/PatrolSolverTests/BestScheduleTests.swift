@testable import PatrolSolver
import Testing

/// The best schedule kept as a base plus a journal of accepted steps: after any walk of
/// the search, restoring it gives back exactly the best schedule the walk passed, with its
/// score, whether the journal was replayed, dropped or kept whole.
@Suite struct BestScheduleTests {
    @Test(arguments: [(1, 4), (3, 16), (4, 64), (5, 100_000)] as [(UInt64, Int)])
    func restoresTheBestScheduleOfAWalk(seed: UInt64, journalLimit: Int) throws {
        var state = try RandomShiftRoster.constructed(seed: seed)
        let p = state.problem
        var best = BestSchedule(state, journalLimit: journalLimit)
        var reference = Self.assignment(state)
        var referenceTotal = state.total
        var referenceHard = state.counts.hardViolation
        var selector = MoveSelector(problem: p)
        var random = RandomSource(seed: seed)
        var log = MoveLog()
        var improvements = 0
        var worseKept = 0
        var onBest = false
        for step in 0..<3_000 {
            log.clear()
            let before = state.total
            guard selector.apply(&state, &log, &random) else { continue }
            // A walk that descends and wanders: it keeps a worsening move one time in three.
            if state.total > before && random.below(3) != 0 {
                log.undo(&state)
                continue
            }
            if state.total > before { worseKept += 1 }
            best.follow(log, state)
            // A move that keeps the score from the best schedule keeps it the best.
            let ties = state.total == referenceTotal && state.counts.hardViolation == referenceHard
            if onBest && ties { reference = Self.assignment(state) }
            onBest = onBest && ties
            if best.isWorse(than: state) {
                best.markCurrent(state)
                reference = Self.assignment(state)
                referenceTotal = state.total
                referenceHard = state.counts.hardViolation
                onBest = true
                improvements += 1
            }
            if step % 1_000 == 999 {
                best.restore(into: &state)
                onBest = false
                #expect(Self.assignment(state) == reference)
                #expect(state.total == referenceTotal)
                #expect(state.counts.hardViolation == referenceHard)
                #expect(state.corruption(after: "restore") == nil)
            }
        }
        #expect(improvements > 2)
        #expect(worseKept > 100)
    }

    /// Each slot's members as a set, so that the order inside a slot does not count.
    static func assignment(_ state: WorkingSolution) -> [Set<Int32>] {
        (0..<state.problem.slotCount).map { s in
            let offset = Int(state.problem.slotOffset[s])
            return Set(state.slotMembers[offset..<(offset + Int(state.slotCount[s]))])
        }
    }
}
