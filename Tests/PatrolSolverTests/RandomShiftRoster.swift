@testable import PatrolSolver

/// Small random rosters in the benchmark's format, for the tests of the shift-roster moves.
enum RandomShiftRoster {
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

    /// The compiled problem of `instanceText(seed:)`.
    static func problem(seed: UInt64) throws -> IndexedProblem {
        CurtoisCompiler(try CurtoisInstance(name: "random", text: instanceText(seed: seed))).problem
    }

    /// The first roster the construction heuristic builds for `problem(seed:)`.
    static func constructed(seed: UInt64) throws -> WorkingSolution {
        var state = WorkingSolution(problem: try problem(seed: seed))
        ConstructionPhase().run(&state)
        return state
    }
}
