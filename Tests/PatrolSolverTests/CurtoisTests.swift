import PatrolSolver
import Testing

/// The benchmark importer and the same engine on a small Curtois & Qu style instance.
@Suite struct CurtoisTests {
    /// Two weeks, three people, two shift types; late may not be followed by early.
    static let text = [
        "# a comment", "SECTION_HORIZON", "14", "",
        "SECTION_SHIFTS", "E,480,", "L,480,E", "",
        "SECTION_STAFF",
        "A,E=14|L=14,4320,2400,4,2,2,1",
        "B,E=14|L=0,4320,2400,4,2,2,1",
        "C,E=14|L=14,4320,2400,5,1,1,2", "",
        "SECTION_DAYS_OFF", "A,0", "B,5,6", "C", "",
        "SECTION_SHIFT_ON_REQUESTS", "A,2,E,2", "C,9,L,3", "",
        "SECTION_SHIFT_OFF_REQUESTS", "B,3,E,1", "",
        "SECTION_COVER",
    ].joined(separator: "\r\n") + "\r\n"
        + (0..<14).map { "\($0),E,1,100,1\r\n\($0),L,\($0 == 13 ? "-0" : "1"),100,1\r\n" }.joined()

    @Test func readsEverySection() throws {
        let instance = try CurtoisInstance(name: "tiny", text: Self.text)
        #expect(instance.horizon == 14)
        #expect(instance.shifts.map(\.id) == ["E", "L"])
        #expect(instance.shifts[1].forbiddenNext == ["E"])
        #expect(instance.employees.map(\.daysOff) == [[0], [5, 6], []])
        #expect(instance.employees[1].maxShifts == ["E": 14, "L": 0])
        #expect(instance.requests.filter(\.isOn).count == 2)
        #expect(instance.cover.count == 28)
        #expect(instance.cover.last?.requirement == 0)
    }

    @Test func rejectsALineItCannotRead() {
        #expect(throws: CurtoisFormatError.self) {
            try CurtoisInstance(name: "bad", text: "SECTION_HORIZON\nfourteen\n")
        }
    }

    @Test func incrementalScoreMatchesARecountAfterEveryMove() throws {
        let instance = try CurtoisInstance(name: "tiny", text: Self.text)
        // Throws ScoreCorruption, naming the move, at the first disagreement.
        let result = try CurtoisSolver(instance).solve(
            SolverConfiguration(seed: 9, moveLimit: 6_000, checking: .everyMove))
        #expect(result.objective == Self.objective(instance, result.assignments))
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func solvesWithAnExactObjectiveAndEveryHardRuleKept(seed: UInt64) throws {
        let instance = try CurtoisInstance(name: "tiny", text: Self.text)
        let result = try CurtoisSolver(instance).solve(SolverConfiguration(seed: seed, moveLimit: 100_000))
        Self.expectEveryRuleKept(result, instance)
    }

    @Test func twoThreadsFindAFeasibleRosterToo() throws {
        let instance = try CurtoisInstance(name: "tiny", text: Self.text)
        let result = try CurtoisSolver(instance).solve(SolverConfiguration(seed: 5, moveLimit: 40_000, threads: 2))
        Self.expectEveryRuleKept(result, instance)
    }

    /// Sixteen weeks in which each person must work 80 days, five in every seven: as many as
    /// runs of at most five with at least two days off between allow, around fixed days off.
    /// The roster is packed to its run rules over four times a rebuild window's length.
    static let packed = [
        "SECTION_HORIZON", "112", "",
        "SECTION_SHIFTS", "D,480,", "",
        "SECTION_STAFF", "A,D=112,38400,38400,5,2,2,16", "B,D=112,38400,38400,5,2,2,16", "",
        "SECTION_DAYS_OFF", "A,10,80", "B,40,61", "",
        "SECTION_COVER",
    ].joined(separator: "\n") + "\n" + (0..<112).map { "\($0),D,1,100,1\n" }.joined()

    @Test(arguments: [1, 2, 3] as [UInt64])
    func packsRostersToTheLimitOfTheirRunRules(seed: UInt64) throws {
        let instance = try CurtoisInstance(name: "packed", text: Self.packed)
        let result = try CurtoisSolver(instance).solve(SolverConfiguration(seed: seed, moveLimit: 200_000))
        Self.expectEveryRuleKept(result, instance)
        #expect(result.assignments.count == 160)
    }

    /// Runs are read from each person's working days a 64-day word at a time: over 112 days
    /// they cross from one word to the next, and the running score must still match a recount.
    @Test func incrementalScoreMatchesARecountWhereRunsCrossWords() throws {
        let instance = try CurtoisInstance(name: "packed", text: Self.packed)
        let result = try CurtoisSolver(instance).solve(
            SolverConfiguration(seed: 4, moveLimit: 20_000, checking: .everyMove))
        #expect(result.objective == Self.objective(instance, result.assignments))
    }

    /// Two weeks in which A may work no weekend, and an uncovered weekend day costs more
    /// than a weekend above the limit would if it were only priced.
    static let weekdaysOnly = [
        "SECTION_HORIZON", "14", "",
        "SECTION_SHIFTS", "D,480,", "",
        "SECTION_STAFF", "A,D=14,6720,0,7,1,1,0", "",
        "SECTION_DAYS_OFF", "",
        "SECTION_COVER",
    ].joined(separator: "\n") + "\n" + (0..<14).map { "\($0),D,1,1000,1\n" }.joined()

    @Test func aPersonAllowedNoWeekendNeverWorksOne() throws {
        let instance = try CurtoisInstance(name: "weekdays", text: Self.weekdaysOnly)
        let result = try CurtoisSolver(instance).solve(SolverConfiguration(seed: 1, moveLimit: 20_000))
        Self.expectEveryRuleKept(result, instance)
        #expect(result.assignments.map(\.day).sorted() == [0, 1, 2, 3, 4, 7, 8, 9, 10, 11])
    }

    /// `weeks` weeks, twenty people who may each work half the weekends and twenty days in four
    /// weeks: the weekend cover takes every weekend allowed worked on both days, so a weekend
    /// worked on one day only leaves a place open. More than sixteen people, so rebuild chains
    /// also start from such a weekend (not only as pairs); a year draws weekend trades too.
    static func scarceWeekends(weeks: Int) -> String {
        [
            "SECTION_HORIZON", "\(7 * weeks)", "",
            "SECTION_SHIFTS", "D,480,", "",
            "SECTION_STAFF",
        ].joined(separator: "\n") + "\n"
            + (0..<20).map { "P\($0),D=\(7 * weeks),\(2_400 * weeks),\(2_400 * weeks),5,1,1,\(weeks / 2)\n" }.joined()
            + "\nSECTION_DAYS_OFF\n\nSECTION_COVER\n"
            + (0..<(7 * weeks)).map { "\($0),D,\($0 % 7 >= 5 ? 10 : 16),100,1\n" }.joined()
    }

    @Test(arguments: [4, 52])
    func incrementalScoreMatchesARecountWhereWeekendsAreScarce(weeks: Int) throws {
        let instance = try CurtoisInstance(name: "weekends", text: Self.scarceWeekends(weeks: weeks))
        let result = try CurtoisSolver(instance).solve(
            SolverConfiguration(seed: 3, moveLimit: 30_000, checking: .everyMove))
        #expect(result.objective == Self.objective(instance, result.assignments))
    }

    @Test(arguments: [1, 2] as [UInt64])
    func worksEveryWeekendOnBothDaysWhereCoverNeedsIt(seed: UInt64) throws {
        let instance = try CurtoisInstance(name: "weekends", text: Self.scarceWeekends(weeks: 4))
        let result = try CurtoisSolver(instance).solve(SolverConfiguration(seed: seed, moveLimit: 300_000))
        Self.expectEveryRuleKept(result, instance)
        #expect(result.objective == 0)
    }

    static func expectEveryRuleKept(_ result: CurtoisResult, _ instance: CurtoisInstance) {
        #expect(result.isFeasible)
        #expect(violations(instance, result.assignments).isEmpty, "\(violations(instance, result.assignments))")
        #expect(result.objective == objective(instance, result.assignments))
    }

    // MARK: - A plain recount of the benchmark's rules, independent of the engine

    static func objective(_ instance: CurtoisInstance, _ roster: [CurtoisAssignment]) -> Int {
        let worked = Set(roster.map { "\($0.employee)|\($0.day)|\($0.shift)" })
        var total = 0
        for r in instance.requests {
            let works = worked.contains("\(r.employee)|\(r.day)|\(r.shift)")
            if r.isOn != works { total += r.weight }
        }
        for c in instance.cover {
            let n = roster.filter { $0.day == c.day && $0.shift == c.shift }.count
            total += max(0, c.requirement - n) * c.underWeight + max(0, n - c.requirement) * c.overWeight
        }
        return total
    }

    static func violations(_ instance: CurtoisInstance, _ roster: [CurtoisAssignment]) -> [String] {
        var found: [String] = []
        let minutes = Dictionary(uniqueKeysWithValues: instance.shifts.map { ($0.id, $0.minutes) })
        let forbidden = Dictionary(uniqueKeysWithValues: instance.shifts.map { ($0.id, Set($0.forbiddenNext)) })
        for e in instance.employees {
            let mine = roster.filter { $0.employee == e.id }
            var byDay: [Int: String] = [:]
            for a in mine {
                if byDay[a.day] != nil { found.append("\(e.id) twice on day \(a.day)") }
                byDay[a.day] = a.shift
                if e.daysOff.contains(a.day) { found.append("\(e.id) works day off \(a.day)") }
            }
            for (day, shift) in byDay {
                if let next = byDay[day + 1], forbidden[shift]?.contains(next) == true {
                    found.append("\(e.id) \(shift) then \(next) on day \(day + 1)")
                }
            }
            for (shift, limit) in e.maxShifts where mine.filter({ $0.shift == shift }).count > limit {
                found.append("\(e.id) too many \(shift)")
            }
            let total = mine.reduce(0) { $0 + minutes[$1.shift]! }
            if total > e.maxTotalMinutes || total < e.minTotalMinutes { found.append("\(e.id) works \(total) minutes") }
            let work = (0..<instance.horizon).map { byDay[$0] != nil }
            var start = 0
            while start < instance.horizon {
                var end = start
                while end + 1 < instance.horizon && work[end + 1] == work[start] { end += 1 }
                let length = end - start + 1
                let inside = start > 0 && end < instance.horizon - 1
                if work[start] && length > e.maxConsecutiveShifts { found.append("\(e.id) works \(length) days in a row") }
                if work[start] && inside && length < e.minConsecutiveShifts { found.append("\(e.id) short run at \(start)") }
                if !work[start] && inside && length < e.minConsecutiveDaysOff { found.append("\(e.id) short rest at \(start)") }
                start = end + 1
            }
            let weekends = Set(byDay.keys.filter { $0 % 7 >= 5 }.map { $0 / 7 }).count
            if weekends > e.maxWeekends { found.append("\(e.id) works \(weekends) weekends") }
        }
        return found
    }
}
