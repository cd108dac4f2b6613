@testable import PatrolSolver
import Testing

/// The joint reassignment of one day on random four-week benchmark instances: the running
/// score stays exact, and the day it leaves is as cheap as any choice of shifts for that
/// day, found by trying every one (8 people, 3 shifts or rest: 65,536 choices).
@Suite struct DayReassignmentTests {
    @Test(arguments: 1...6 as ClosedRange<UInt64>)
    func findsTheCheapestDay(seed: UInt64) throws {
        var state = try RandomShiftRoster.constructed(seed: seed)
        let problem = state.problem
        var reassignment = DayReassignment()
        var random = RandomSource(seed: seed)
        var log = MoveLog()
        var changed = 0
        for _ in 0..<8 {
            let day = random.below(problem.dayCount)
            let cheapest = Self.cheapestTotal(day: day, &state)
            let before = state.total
            log.clear()
            if reassignment.reassign(day: day, &state, &log) {
                changed += 1
                #expect(state.corruption(after: log.description) == nil)
                #expect(state.total < before)
            } else {
                log.undo(&state)
            }
            #expect(state.total == cheapest, "day \(day)")
        }
        #expect(changed > 0)
    }

    /// The lowest total over every choice of shift (or rest) for everyone on `day`, the
    /// other days as they are; leaves `state` as it found it.
    static func cheapestTotal(day: Int, _ state: inout WorkingSolution) -> Int64 {
        let p = state.problem
        let original = (0..<p.volunteerCount).map { v in
            (0..<p.periodCount).first { state.volunteerCellSlot[v * p.cellCount + day * p.periodCount + $0] >= 0 }
        }
        for v in 0..<p.volunteerCount {
            if let t = original[v] { state.remove(v, day * p.periodCount + t) }
        }
        var best = Int64.max
        func choose(_ v: Int) {
            guard v < p.volunteerCount else {
                best = min(best, state.total)
                return
            }
            choose(v + 1)
            for t in 0..<p.periodCount {
                let s = day * p.periodCount + t
                guard state.canAdd(v, s) else { continue }
                state.add(v, s)
                choose(v + 1)
                state.remove(v, s)
            }
        }
        choose(0)
        for v in 0..<p.volunteerCount {
            if let t = original[v] { state.add(v, day * p.periodCount + t) }
        }
        return best
    }
}
