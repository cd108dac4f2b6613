import PatrolChecker
import PatrolModel
import PatrolTestSupport
import Testing

/// One small case per score component, with the expected count and penalty worked by hand.
@Suite struct ScoreTests {
    @Test func uncoveredCountsMissingVolunteersTimesWeightAndRisk() {
        var b = CommunityBuilder()
        b.grid("G1", risk: 3, needsLeader: false)
        b.grid("G2", risk: 1)
        b.demand(grid: "G1", period: "evening", dates: [b.day(1)], needed: 2)
        b.demand(grid: "G2", period: "morning", dates: [b.day(2)], needed: 1)
        b.volunteer("V1", home: "G1", party: true)
        let line = evaluate(b, [patrol("V1", day: 1, "evening")]).score[.uncovered]
        // G1: 1 missing x 1000 x risk 3; G2: 1 missing x 1000 x risk 1.
        #expect(line == ScoreLine(count: 2, penalty: 4000))
    }

    @Test func noPartyMemberCountsEveryStaffedTeamWithoutOne() {
        var b = oneGridBuilder()
        b.volunteer("P", home: "G1", party: true)
        b.volunteer("A", home: "G1")
        b.volunteer("B", home: "G1")
        let evaluation = evaluate(
            b,
            [
                patrol("P", day: 1, "evening"), patrol("A", day: 1, "evening"),
                patrol("A", day: 3, "evening"), patrol("B", day: 3, "evening"),
                patrol("B", day: 5, "morning"),
            ])
        #expect(evaluation.score[.noPartyMember] == ScoreLine(count: 2, penalty: 600))
    }

    @Test func noLeaderCountsTeamsWithoutALeaderOnlyWhereTheGridNeedsOne() {
        var b = CommunityBuilder()
        b.grid("High", risk: 3)  // needs a leader by default
        b.grid("HighNoLeader", risk: 3, needsLeader: false)
        b.grid("LowWithLeader", risk: 1, needsLeader: true)
        b.demand(needed: 2)
        b.volunteer("L", home: "High", skills: ["leader", "first_aid"])
        b.volunteer("A", home: "High", skills: ["first_aid"])
        let evaluation = evaluate(
            b,
            [
                patrol("L", day: 1, "evening", grid: "High"),
                patrol("A", day: 1, "evening", grid: "High"),
                patrol("A", day: 3, "evening", grid: "High"),
                patrol("A", day: 5, "evening", grid: "HighNoLeader"),
                patrol("A", day: 7, "evening", grid: "LowWithLeader"),
            ])
        #expect(evaluation.score[.noLeader] == ScoreLine(count: 2, penalty: 400))
        #expect(evaluation.kpi.teamsWithoutLeaderWhereNeeded == 2)
    }

    @Test func missedTrainingCountsEveryoneWithoutASessionIncludingTheTrained() {
        var b = oneGridBuilder()
        b.volunteer("V1", home: "G1")
        b.volunteer("V2", home: "G1", trainedOn: b.day(1).adding(days: -3))
        b.volunteer("V3", home: "G1", neverTrained: true)
        b.session("S1", date: b.day(10))
        #expect(
            evaluate(b, [], [attend("V3", "S1")]).score[.missedTraining]
                == ScoreLine(count: 2, penalty: 200))

        b.rules.trainingRequired = false
        #expect(evaluate(b, []).score[.missedTraining] == ScoreLine(count: 0, penalty: 0))
    }

    @Test func missedTrainingIsZeroInAMonthWithoutSessions() {
        var b = oneGridBuilder()
        b.volunteer("V1", home: "G1")
        #expect(evaluate(b, []).score[.missedTraining].count == 0)
    }

    @Test func belowMinShiftsCountsEachMissingPatrol() {
        var b = oneGridBuilder()
        b.volunteer("V1", home: "G1", minShifts: 3)
        b.volunteer("V2", home: "G1", minShifts: 1)
        let evaluation = evaluate(
            b, [patrol("V1", day: 1, "evening"), patrol("V2", day: 2, "evening")])
        #expect(evaluation.score[.belowMinShifts] == ScoreLine(count: 2, penalty: 100))
    }

    @Test func fairnessSquaresThisMonthsPatrolsPlusTheCarryOverFromHistory() throws {
        var b = oneGridBuilder()
        b.volunteer("V1", home: "G1")
        b.volunteer("V2", home: "G1")
        b.volunteer("V3", home: "G1")
        let december = b.month
        // Window: September to November. V1 has 4 + 2 (two rows, one month) + 6 = 12;
        // V2 a row of 0; X9 (left the team) 9. August is outside the window.
        b.history("V1", december.adding(months: -1), shifts: 4)
        b.history("V1", december.adding(months: -1), shifts: 2)
        b.history("V1", december.adding(months: -2), shifts: 6)
        b.history("V1", december.adding(months: -4), shifts: 20)
        b.history("V2", december.adding(months: -3), shifts: 0)
        b.history("X9", december.adding(months: -2), shifts: 9)
        let evaluation = evaluate(
            b,
            [
                patrol("V1", day: 1, "evening"), patrol("V2", day: 2, "evening"),
                patrol("V2", day: 5, "evening"),
            ])
        // Averages: V1 12/3 = 4; group (12 + 0 + 9) / 9 = 7/3; floor(4 - 7/3) = 1.
        // Without X9 or without V2's zero row the carry would be 2 or 0.
        #expect(evaluation.carryOver == ["V1": 1, "V2": 0, "V3": 0])
        // (1 + 1)^2 + 2^2 + 0^2 = 8, weight 2.
        #expect(evaluation.score[.fairness] == ScoreLine(count: 8, penalty: 16))
    }

    @Test func carryOverOfAnExactWholeDifferenceIsThatWholeNumber() {
        var b = oneGridBuilder()
        b.volunteer("V1", home: "G1")
        b.volunteer("V2", home: "G1")
        // V1 7/3, V2 1/3, group 4/3: a difference of exactly 1, not 0.999...
        b.history("V1", b.month.adding(months: -1), shifts: 7)
        b.history("V2", b.month.adding(months: -3), shifts: 1)
        #expect(evaluate(b, []).carryOver == ["V1": 1, "V2": 0])
    }

    @Test func carryOverIsZeroWithoutHistoryInTheWindow() {
        var b = oneGridBuilder()
        b.volunteer("V1", home: "G1")
        b.history("V1", b.month.adding(months: -4), shifts: 8)
        let evaluation = evaluate(b, [patrol("V1", day: 1, "evening")])
        #expect(evaluation.carryOver == ["V1": 0])
        #expect(evaluation.score[.fairness] == ScoreLine(count: 1, penalty: 2))
    }

    @Test func neighborsCountFromEitherSideAndOtherGridsAreFar() {
        var b = CommunityBuilder()
        b.grid("G1", neighbors: ["G2"])
        b.grid("G2")
        b.grid("G3")
        b.demand(needed: 3)
        b.volunteer("A", home: "G1")
        b.volunteer("B", home: "G2")
        var community = b.build()
        // Listed on G1's side only, as a hand-made community might be.
        community.grids[1].neighbors = []
        let evaluation = RosterChecker(community: community).evaluate(
            Schedule(assignments: [
                patrol("A", day: 1, "evening", grid: "G1"),
                patrol("A", day: 3, "evening", grid: "G2"),
                patrol("B", day: 3, "evening", grid: "G1"),
                patrol("A", day: 5, "evening", grid: "G3"),
            ]))
        #expect(evaluation.score[.neighborGrid] == ScoreLine(count: 2, penalty: 2))
        #expect(evaluation.score[.farGrid] == ScoreLine(count: 1, penalty: 4))
    }

    @Test func requestsCountUnmetOnAndViolatedOffRowsByTheirWeights() {
        var b = oneGridBuilder()
        b.volunteer("V1", home: "G1")
        b.volunteer("V2", home: "G1")
        b.request("V1", .on, dates: b.days(1, 3), periods: ["evening"], weight: 3)  // met
        b.request("V1", .on, dates: b.days(1, 3), periods: ["morning", "night"], weight: 7)
        b.request("V1", .off, dates: DateRange(b.day(2)), weight: 5)  // every period
        b.request("V1", .off, dates: b.days(10, 12), weight: 11)  // kept
        b.request("V2", .on, dates: b.days(20, 31))  // weight 10, nothing at all
        b.request("V2", .off, dates: b.days(1, 31), periods: ["night"], weight: 13)  // kept
        let line = evaluate(b, [patrol("V1", day: 2, "evening")]).score[.requests]
        #expect(line == ScoreLine(count: 3, penalty: 7 + 5 + 10))
    }

    @Test func aRequestWithNoDayInTheMonthIsIgnored() {
        var b = oneGridBuilder()
        b.volunteer("V1", home: "G1")
        let january = DateRange(first: b.day(31).adding(days: 1), last: b.day(31).adding(days: 5))
        b.request("V1", .on, dates: january)
        #expect(evaluate(b, []).score[.requests] == ScoreLine(count: 0, penalty: 0))
    }

    @Test func theTotalIsTheSumOfThePenaltiesWithCustomWeights() {
        var b = CommunityBuilder()
        b.weights.uncovered = 10
        b.weights.noPartyMember = 7
        b.weights.fairness = 3
        b.weights.farGrid = 5
        b.grid("G1", risk: 2)
        b.grid("G2")
        b.demand(grid: "G1", period: "evening", dates: [b.day(1)], needed: 2)
        b.volunteer("V1", home: "G2")
        let evaluation = evaluate(b, [patrol("V1", day: 1, "evening")])
        // uncovered 1 x 10 x 2, one team without a Party member, fairness 1 x 3, far 5.
        #expect(evaluation.score[.uncovered].penalty == 20)
        #expect(evaluation.score.total == 20 + 7 + 3 + 5)
    }
}
