import PatrolChecker
import PatrolModel
import PatrolSolver
import PatrolTestSupport
import Testing

/// Hand-made communities where the right answer is known.
@Suite struct SolverRuleTests {
    private func solve(_ community: Community, moves: Int = 5_000) throws -> SolverResult {
        try Solver(community).solve(SolverConfiguration(seed: 1, moveLimit: moves, checking: .step))
    }

    @Test func putsAPartyMemberAndALeaderInEveryTeamWhenItCan() throws {
        var b = CommunityBuilder()
        b.grid("G1", risk: 3)
        b.volunteer("P", home: "G1", party: true, maxShifts: 31)
        b.volunteer("L", home: "G1", skills: ["leader"], maxShifts: 31)
        b.volunteer("X", home: "G1", maxShifts: 31)
        b.demand(period: "morning", dates: [b.day(1)], needed: 2)
        b.rules.maxShiftsPerWeek = 7

        let result = try solve(b.build())

        #expect(Set(result.schedule.assignments.map(\.volunteer)) == ["P", "L"])
        #expect(result.score[.noPartyMember].count == 0)
        #expect(result.score[.noLeader].count == 0)
    }

    @Test func sendsNobodyToANightPatrolWithoutNightOK() throws {
        var b = CommunityBuilder()
        b.grid("G1")
        b.volunteer("day", home: "G1", party: true)
        b.volunteer("night", home: "G1", nightOK: true)
        b.demand(period: "night", dates: [b.day(3)], needed: 2)

        let result = try solve(b.build())

        #expect(result.schedule.assignments.map(\.volunteer) == ["night"])
        #expect(result.score[.uncovered] == ScoreLine(count: 1, penalty: 1000))
    }

    @Test func trainsANewVolunteerBeforeTheirFirstPatrol() throws {
        var b = CommunityBuilder()
        b.grid("G1")
        b.volunteer("new", home: "G1", party: true, neverTrained: true)
        b.session("early", date: b.day(2), capacity: 5)
        b.session("late", date: b.day(20), capacity: 5)
        b.demand(period: "morning", dates: [b.day(5)], needed: 1)

        let result = try solve(b.build())

        #expect(result.schedule.attendance == [SessionAttendance(session: "early", volunteer: "new")])
        #expect(result.schedule.assignments.count == 1)
    }

    @Test func spreadsPatrolsEvenlyForFairness() throws {
        var b = CommunityBuilder()
        b.grid("G1")
        for id in ["A", "B", "C"] { b.volunteer(VolunteerID(id), home: "G1", party: true) }
        b.demand(period: "evening", dates: (1...6).map { b.day($0 * 4) }, needed: 1)
        b.rules.trainingRequired = false

        let result = try solve(b.build(), moves: 20_000)

        #expect(result.score[.fairness].count == 3 * 2 * 2)
    }

    @Test func leavesAShortSlotWhenEveryoneIsAtTheirLimit() throws {
        var b = CommunityBuilder()
        b.grid("G1")
        b.volunteer("A", home: "G1", party: true, maxShifts: 1)
        b.demand(period: "morning", dates: [b.day(1), b.day(8)], needed: 1)

        let result = try solve(b.build())

        #expect(result.schedule.assignments.count == 1)
        #expect(result.score[.uncovered].count == 1)
        #expect(RosterChecker(community: b.build()).evaluate(result.schedule).hardViolationCount == 0)
    }

    @Test func honoursOffRequestsWhenSomeoneElseCanGo() throws {
        var b = CommunityBuilder()
        b.grid("G1")
        b.volunteer("A", home: "G1", party: true)
        b.volunteer("B", home: "G1", party: true)
        b.request("A", .off, dates: b.days(1, 1), weight: 30)
        b.request("B", .on, dates: b.days(1, 1), weight: 5)
        b.demand(period: "morning", dates: [b.day(1)], needed: 1)
        b.rules.trainingRequired = false

        let result = try solve(b.build())

        #expect(result.schedule.assignments.map(\.volunteer) == ["B"])
        #expect(result.score[.requests].count == 0)
    }
}
