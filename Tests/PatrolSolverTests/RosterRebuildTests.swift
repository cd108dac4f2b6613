@testable import PatrolSolver
import Testing

/// The one-person rebuild on random four-week benchmark instances: every rebuild keeps the
/// running score exact, keeps the person's run rules, and never does worse than the roster
/// it replaced when that one kept them (with minutes priced instead of counted, the first two).
@Suite struct RosterRebuildTests {
    @Test(arguments: 1...12 as ClosedRange<UInt64>, [false, true])
    func keepsTheScoreExactAndTheRunRules(seed: UInt64, pricingMinutes: Bool) throws {
        var state = try RandomShiftRoster.constructed(seed: seed)
        let problem = state.problem
        var rebuild = RosterRebuild(problem: problem)
        var random = RandomSource(seed: seed)
        var log = MoveLog()
        var rebuilt = 0
        for _ in 0..<300 {
            let v = random.below(problem.volunteerCount)
            let length = 1 + random.below(problem.dayCount)
            let first = random.below(problem.dayCount - length + 1)
            let before = state.total
            let keptRules = state.brokenRunDay(v) < 0
            log.clear()
            if rebuild.rebuild(v, days: first, count: length, pricingMinutes: pricingMinutes, &state, &log, &random) {
                rebuilt += 1
                #expect(state.corruption(after: log.description) == nil)
                if keptRules {
                    #expect(state.brokenRunDay(v) < 0)
                    // A price on minutes is a proposal: only counted minutes make the value exact.
                    if !pricingMinutes {
                        #expect(state.total <= before, "person \(v), days \(first)..<\(first + length)")
                    }
                }
            } else {
                log.undo(&state)
                #expect(state.total == before)
            }
        }
        #expect(rebuilt > 100)
    }

    @Test func groupsShiftTypesThatAllowTheSameSuccessors() throws {
        // E and D may be followed by anything, N by neither E nor D: the rebuild's states
        // tell the two classes apart (the property above runs on such rosters).
        #expect(RosterRebuild(problem: try RandomShiftRoster.problem(seed: 1)).typeClass == [1, 1, 2])
    }

    @Test func repairsAPersonWhoBreaksEveryKindOfRule() throws {
        let problem = try RandomShiftRoster.problem(seed: 3)
        var state = WorkingSolution(problem: problem)
        // Person 0 works every day they may: runs too long, too many weekends and minutes.
        for day in 0..<problem.dayCount {
            let s = day * problem.periodCount
            if state.canAdd(0, s) { state.add(0, s) }
        }
        #expect(state.volunteerViolation[0] > 0)
        var rebuild = RosterRebuild(problem: problem)
        var random = RandomSource(seed: 1)
        var log = MoveLog()
        // Windows are cut to the rebuild's budget: sweep the month twice.
        for first in [0, 7, 14, 21, 0, 7, 14, 21] {
            #expect(rebuild.rebuild(0, days: first, count: problem.dayCount - first, &state, &log, &random))
        }
        #expect(state.volunteerViolation[0] == 0)
        #expect(state.corruption(after: log.description) == nil)
    }
}
