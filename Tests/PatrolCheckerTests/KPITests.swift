import PatrolChecker
import PatrolModel
import PatrolTestSupport
import Testing

@Suite struct KPITests {
    @Test func kpisOfASmallScheduleMatchTheHandCount() {
        var b = CommunityBuilder()
        b.grid("G1", risk: 3)
        b.grid("G2")
        b.demand(grid: "G1", period: "evening", dates: [b.day(1)], needed: 2)
        b.demand(grid: "G1", period: "evening", dates: [b.day(2)], needed: 1)
        b.demand(grid: "G2", period: "evening", dates: [b.day(1)], needed: 1)
        b.volunteer("V1", home: "G1", party: true)
        b.volunteer("V2", home: "G1", skills: ["leader"])
        b.volunteer("V3", home: "G2")
        b.volunteer("V4", home: "G2")
        let evaluation = evaluate(
            b,
            [
                patrol("V1", day: 1, "evening", grid: "G1"),
                patrol("V2", day: 1, "evening", grid: "G1"),
                patrol("V3", day: 1, "evening", grid: "G2"),
                // No demand here: a team all the same, and an assigned shift.
                patrol("V1", day: 3, "morning", grid: "G2"),
            ])
        // Shifts sorted: 0, 1, 1, 2. Gini = 2 (1*0 + 2*1 + 3*1 + 4*2) / (4 * 4) - 5/4.
        let expected = RosterKPI(
            neededVolunteerShifts: 4, assignedVolunteerShifts: 4, coveredVolunteerShifts: 3,
            coveragePercent: 75, demandSlots: 3, slotsFullyCovered: 2, teams: 3,
            teamsWithoutPartyMember: 1, teamsWithoutLeaderWhereNeeded: 0, volunteers: 4,
            volunteersWithZeroShifts: 1, shiftsMin: 0, shiftsMedian: 1, shiftsMax: 2,
            giniShifts: 0.375)
        #expect(evaluation.kpi == expected)
    }

    @Test func coverageIsFullAndGiniZeroWhenNothingIsNeededOrDone() {
        var b = CommunityBuilder()
        b.grid("G1")
        b.volunteer("V1", home: "G1")
        b.volunteer("V2", home: "G1")
        b.volunteer("V3", home: "G1")
        let kpi = evaluate(b, []).kpi
        #expect(kpi.coveragePercent == 100)
        #expect(kpi.giniShifts == 0)
        #expect(kpi.shiftsMedian == 0)
        #expect(kpi.volunteersWithZeroShifts == 3)
    }

    @Test func theMedianOfAnOddCountIsTheMiddleValue() {
        var b = oneGridBuilder()
        b.volunteer("V1", home: "G1")
        b.volunteer("V2", home: "G1")
        b.volunteer("V3", home: "G1")
        let kpi = evaluate(
            b,
            [
                patrol("V1", day: 1, "evening"), patrol("V1", day: 3, "evening"),
                patrol("V1", day: 5, "evening"), patrol("V2", day: 1, "evening"),
            ]
        ).kpi
        #expect(kpi.shiftsMedian == 1)
        #expect(kpi.shiftsMin == 0)
        #expect(kpi.shiftsMax == 3)
    }
}
