@testable import PatrolSolver
import Testing

/// The one-person rebuild on random four-week benchmark instances: every rebuild keeps the
/// running score exact, keeps the person's run rules, and never does worse than the roster
/// it replaced when that one kept them.
@Suite struct RosterRebuildTests {
    /// A random instance in the benchmark's text format: 28 days, 8 people, 3 shift types
    /// (night may not be followed by early or day), limits drawn around real instances.
    static func instanceText(seed: UInt64) -> String {
        var random = RandomSource(seed: seed)
        var lines = [
            "SECTION_HORIZON", "28", "", "SECTION_SHIFTS", "E,480,", "D,600,", "N,720,E|D", "", "SECTION_STAFF",
        ]
        let people = (0..<8).map { "P\($0)" }
        for id in people {
            let nights = random.below(3) == 0 ? 0 : 3 + random.below(6)
            let maxRun = 4 + random.below(3)
            lines.append(
                "\(id),E=28|D=\(10 + random.below(19))|N=\(nights),\(7_200 + 240 * random.below(8)),"
                    + "\(4_800 + 240 * random.below(8)),\(maxRun),\(1 + random.below(2)),\(1 + random.below(3)),"
                    + "\(1 + random.below(4))")
        }
        lines += ["", "SECTION_DAYS_OFF"]
        for id in people { lines.append("\(id),\(random.below(28)),\(random.below(28))") }
        func request() -> String {
            "\(people[random.below(8)]),\(random.below(28)),\(["E", "D", "N"][random.below(3)]),\(1 + random.below(3))"
        }
        lines += ["", "SECTION_SHIFT_ON_REQUESTS"] + (0..<12).map { _ in request() }
        lines += ["", "SECTION_SHIFT_OFF_REQUESTS"] + (0..<12).map { _ in request() }
        lines += ["", "SECTION_COVER"]
        for day in 0..<28 {
            for shift in ["E", "D", "N"] { lines.append("\(day),\(shift),\(1 + random.below(2)),100,1") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test(arguments: 1...12 as ClosedRange<UInt64>)
    func keepsTheScoreExactAndTheRunRules(seed: UInt64) throws {
        let instance = try CurtoisInstance(name: "random", text: Self.instanceText(seed: seed))
        let problem = CurtoisCompiler(instance).problem
        var state = WorkingSolution(problem: problem)
        ConstructionPhase().run(&state)
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
            if rebuild.rebuild(v, days: first, count: length, &state, &log, &random) {
                rebuilt += 1
                #expect(state.corruption(after: log.description) == nil)
                if keptRules {
                    #expect(state.brokenRunDay(v) < 0)
                    #expect(state.total <= before, "person \(v), days \(first)..<\(first + length)")
                }
            } else {
                log.undo(&state)
                #expect(state.total == before)
            }
        }
        #expect(rebuilt > 100)
    }

    @Test func repairsAPersonWhoBreaksEveryKindOfRule() throws {
        let instance = try CurtoisInstance(name: "random", text: Self.instanceText(seed: 3))
        let problem = CurtoisCompiler(instance).problem
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
