import PatrolKit
import PatrolModel
import PatrolSolver
import PatrolTestSupport
import Testing

@Suite struct ShortfallTests {
    private func shortfalls(_ community: Community) throws -> [Shortfall] {
        let result = try Solver(community).solve(SolverConfiguration(seed: 1, moveLimit: 2_000))
        return ShortfallAnalysis(community: community).shortfalls(in: result.schedule)
    }

    @Test func saysNobodyIsAvailableWhenEveryoneIsAway() throws {
        var b = CommunityBuilder()
        b.grid("G1")
        b.volunteer("A", home: "G1", party: true, unavailable: [b.days(1, 3)])
        b.demand(period: "morning", dates: [b.day(2)], needed: 1)

        let found = try shortfalls(b.build())

        #expect(found.map(\.reason) == [.nobodyAvailable])
        #expect(found.first?.missing == 1)
    }

    @Test func saysNoNightVolunteerWhenOnlyDayVolunteersAreFree() throws {
        var b = CommunityBuilder()
        b.grid("G1")
        b.volunteer("A", home: "G1", party: true)
        b.demand(period: "night", dates: [b.day(2)], needed: 1)

        #expect(try shortfalls(b.build()).map(\.reason) == [.noNightVolunteer])
    }

    @Test func namesTheLimitThatKeepsEachVolunteerOut() throws {
        var b = CommunityBuilder()
        b.grid("G1")
        b.volunteer("A", home: "G1", party: true, maxShifts: 1)
        b.volunteer("B", home: "G1", party: true, maxShifts: 1)
        b.demand(period: "morning", dates: [b.day(1)], needed: 2)
        b.demand(period: "morning", dates: [b.day(8)], needed: 1)
        b.rules.trainingRequired = false

        let found = try shortfalls(b.build())

        #expect(found.map(\.reason) == [.everybodyAtLimits([.monthLimit: 2])])
        #expect(found.first?.slot.date == b.day(8))
    }
}
