import PatrolChecker
import PatrolModel
import PatrolSolver
import PatrolTestSupport
import Testing

/// Repairs: change a baseline schedule as little as possible from a date on.
@Suite struct RepairTests {
    private func differences(_ a: Schedule, _ b: Schedule) -> Int {
        Set(a.assignments).symmetricDifference(Set(b.assignments)).count
    }

    @Test(arguments: 0..<12)
    func neverTouchesSlotsBeforeTheRepairDateAndCountsChangesExactly(seed: UInt64) throws {
        // Given a solved random month
        var community = RandomCommunity.make(seed: seed, volunteers: 12...25, grids: 2...4, demandDays: 12...31)
        let baseline = try Solver(community).solve(SolverConfiguration(seed: seed, moveLimit: 5_000)).schedule
        guard let victim = baseline.assignments.first?.volunteer else { return }
        // When one volunteer falls ill from the 10th on and the month is repaired
        let from = community.month.firstDate.adding(days: 9)
        let index = community.volunteers.firstIndex { $0.id == victim }!
        community.volunteers[index].unavailable.append(DateRange(first: from, last: community.month.lastDate))
        let plan = RepairPlan(baseline: baseline, frozenBefore: from, changeWeight: 300)
        let repaired = try Solver(community, repair: plan).solve(
            SolverConfiguration(seed: seed, moveLimit: 5_000, checking: .everyMove))

        // Then nothing before the 10th moved, the counted changes are the real ones,
        // and the repaired month keeps every hard rule with an exact score
        let before = { (s: Schedule) in Set(s.assignments.filter { $0.date < from }) }
        #expect(before(repaired.schedule) == before(baseline))
        #expect(repaired.changedAssignments == differences(repaired.schedule, baseline))
        #expect(!repaired.schedule.assignments.contains { $0.volunteer == victim && $0.date >= from })
        let evaluation = RosterChecker(community: community).evaluate(repaired.schedule)
        #expect(evaluation.hardViolationCount == 0)
        #expect(evaluation.score == repaired.score)
    }

    @Test func movesFewerPeopleThanAFreshSolve() throws {
        var b = CommunityBuilder()
        b.grid("G1")
        b.grid("G2", neighbors: ["G1"])
        for i in 1...12 {
            b.volunteer(VolunteerID("V\(i)"), home: i % 2 == 0 ? "G1" : "G2", party: i % 3 != 0)
        }
        b.demand(period: "evening", needed: 1)
        b.rules.trainingRequired = false
        var community = b.build()
        let baseline = try Solver(community).solve(SolverConfiguration(seed: 1, moveLimit: 30_000)).schedule
        let victim = baseline.assignments.first { $0.date >= b.day(10) }!.volunteer
        let index = community.volunteers.firstIndex { $0.id == victim }!
        community.volunteers[index].unavailable.append(b.days(10, 31))

        let repaired = try Solver(community, repair: RepairPlan(baseline: baseline, frozenBefore: b.day(10)))
            .solve(SolverConfiguration(seed: 1, moveLimit: 30_000))
        let fresh = try Solver(community).solve(SolverConfiguration(seed: 2, moveLimit: 30_000))

        let held = baseline.assignments.filter { $0.volunteer == victim && $0.date >= b.day(10) }.count
        #expect(repaired.changedAssignments <= 2 * held + 4)
        #expect(differences(repaired.schedule, baseline) < differences(fresh.schedule, baseline))
        #expect(repaired.score[.uncovered].count == 0)
    }
}
