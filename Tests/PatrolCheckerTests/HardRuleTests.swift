import PatrolChecker
import PatrolModel
import PatrolTestSupport
import Testing

/// One schedule per hard rule that breaks exactly that rule once. December 2026 starts on a
/// Tuesday; ISO week 49 runs to Sunday the 6th, week 50 from Monday the 7th to the 13th.
@Suite struct HardRuleTests {
    @Test func aPatrolOutsideTheWeeklyPatternBreaksAvailablePattern() {
        var b = oneGridBuilder()
        b.volunteer("V1", home: "G1", available: .only([.monday: ["evening"]]))
        expectOnly(
            .availablePattern,
            in: evaluate(b, [patrol("V1", day: 7, "evening"), patrol("V1", day: 8, "evening")]))
    }

    @Test func aPatrolOnAnUnavailableDateBreaksUnavailableDate() {
        var b = oneGridBuilder()
        b.volunteer("V1", home: "G1", unavailable: [b.days(3, 4)])
        expectOnly(.unavailableDate, in: evaluate(b, [patrol("V1", day: 4, "evening")]))
    }

    @Test func aNightPatrolEndingOnAnUnavailableDateIsAllowed() {
        var b = oneGridBuilder()
        b.volunteer("V1", home: "G1", unavailable: [DateRange(b.day(5))], nightOK: true)
        expectFeasible(evaluate(b, [patrol("V1", day: 4, "night")]))
    }

    @Test func aNightPatrolWithoutNightOKBreaksNightOK() {
        var b = oneGridBuilder()
        b.volunteer("V1", home: "G1", nightOK: false)
        expectOnly(.nightOK, in: evaluate(b, [patrol("V1", day: 4, "night")]))
    }

    @Test func aSessionDuringAPatrolBreaksOverlap() {
        var b = oneGridBuilder()
        b.volunteer("V1", home: "G1")
        b.session("S1", date: b.day(3), start: "19:30", end: "20:30")
        expectOnly(
            .overlap, in: evaluate(b, [patrol("V1", day: 3, "evening")], [attend("V1", "S1")]))
    }

    @Test func aNightPatrolOverlapsAnEarlySessionTheNextDay() {
        var b = oneGridBuilder()
        b.volunteer("V1", home: "G1", nightOK: true)
        b.session("S1", date: b.day(4), start: "00:00", end: "01:00")
        expectOnly(
            .overlap, in: evaluate(b, [patrol("V1", day: 3, "night")], [attend("V1", "S1")]))
    }

    @Test func aSessionRightAfterAPatrolDoesNotOverlap() {
        var b = oneGridBuilder()
        b.volunteer("V1", home: "G1")
        b.session("S1", date: b.day(3), start: "11:00", end: "12:00")
        expectFeasible(evaluate(b, [patrol("V1", day: 3, "morning")], [attend("V1", "S1")]))
    }

    @Test func twoPatrolsOnADayBreakMaxShiftsPerDayButARestOfExactlyTheRuleIsFine() {
        var b = oneGridBuilder()
        b.volunteer("V1", home: "G1")
        // Morning ends 11:00, evening starts 19:00: 8 h, exactly the default min rest.
        expectOnly(
            .maxShiftsPerDay,
            in: evaluate(b, [patrol("V1", day: 3, "morning"), patrol("V1", day: 3, "evening")]))
    }

    @Test func backToBackPatrolsBreakMinRestHoursWithoutOverlapping() {
        var b = oneGridBuilder()
        b.rules.maxShiftsPerDay = 2
        b.volunteer("V1", home: "G1", nightOK: true)
        // Evening ends 21:30 when night starts: a rest of 0.
        expectOnly(
            .minRestHours,
            in: evaluate(b, [patrol("V1", day: 3, "night"), patrol("V1", day: 3, "evening")]))
    }

    @Test func morePatrolsThanTheVolunteersMaximumBreakMaxShiftsMonth() {
        var b = oneGridBuilder()
        b.volunteer("V1", home: "G1", maxShifts: 1)
        expectOnly(
            .maxShiftsMonth,
            in: evaluate(b, [patrol("V1", day: 1, "evening"), patrol("V1", day: 10, "evening")]))
    }

    @Test func fourPatrolsInOneISOWeekBreakMaxShiftsPerWeek() {
        var b = oneGridBuilder()
        b.volunteer("V1", home: "G1")
        let week50 = [7, 9, 11, 13].map { patrol("V1", day: $0, "evening") }
        expectOnly(.maxShiftsPerWeek, in: evaluate(b, week50))
    }

    @Test func fourDaysInARowBreakMaxConsecutiveDaysOnce() {
        var b = oneGridBuilder()
        b.volunteer("V1", home: "G1")
        // Sunday of week 49, then Monday to Wednesday of week 50: no week has more than 3.
        let run = [6, 7, 8, 9].map { patrol("V1", day: $0, "evening") }
        expectOnly(.maxConsecutiveDays, in: evaluate(b, run))
    }

    @Test func tooShortARestBetweenPatrolsBreaksMinRestHours() {
        var b = oneGridBuilder()
        b.rules.minRestMinutes = 12 * 60
        b.volunteer("V1", home: "G1")
        // Evening ends 21:30, the next morning starts 08:30: 11 h.
        expectOnly(
            .minRestHours,
            in: evaluate(b, [patrol("V1", day: 3, "evening"), patrol("V1", day: 4, "morning")]))
    }

    @Test func moreAttendeesThanPlacesBreakSessionCapacity() {
        var b = oneGridBuilder()
        b.volunteer("V1", home: "G1")
        b.volunteer("V2", home: "G1")
        b.session("S1", date: b.day(3), capacity: 1)
        expectOnly(.sessionCapacity, in: evaluate(b, [], [attend("V1", "S1"), attend("V2", "S1")]))
    }

    @Test func attendingTwoSessionsBreaksOneSessionPerVolunteer() {
        var b = oneGridBuilder()
        b.volunteer("V1", home: "G1")
        b.session("S1", date: b.day(3))
        b.session("S2", date: b.day(4))
        expectOnly(
            .oneSessionPerVolunteer, in: evaluate(b, [], [attend("V1", "S1"), attend("V1", "S2")]))
    }

    @Test func aSessionOnAnUnavailableDateBreaksSessionUnavailableDate() {
        var b = oneGridBuilder()
        b.volunteer("V1", home: "G1", unavailable: [DateRange(b.day(5))])
        b.session("S1", date: b.day(5))
        expectOnly(.sessionUnavailableDate, in: evaluate(b, [], [attend("V1", "S1")]))
    }

    @Test func aNeverTrainedVolunteerPatrollingOnTheirSessionDayBreaksTrainBeforePatrol() {
        var b = oneGridBuilder()
        b.volunteer("V1", home: "G1", neverTrained: true)
        b.session("S1", date: b.day(5))
        let evaluation = evaluate(
            b, [patrol("V1", day: 5, "evening"), patrol("V1", day: 6, "evening")],
            [attend("V1", "S1")])
        expectOnly(.trainBeforePatrol, in: evaluation)
    }

    @Test func aNeverTrainedVolunteerWithoutSessionBreaksTrainBeforePatrolOncePerPatrol() {
        var b = oneGridBuilder()
        b.volunteer("V1", home: "G1", neverTrained: true)
        let evaluation = evaluate(
            b, [patrol("V1", day: 5, "evening"), patrol("V1", day: 9, "evening")])
        #expect(evaluation.violationCount(.trainBeforePatrol) == 2)
        #expect(evaluation.hardViolationCount == 2)

        b.rules.trainBeforePatrol = false
        expectFeasible(evaluate(b, [patrol("V1", day: 5, "evening")]))
    }

    @Test func aTeamLargerThanItsDemandBreaksTeamAboveDemand() {
        var b = CommunityBuilder()
        b.grid("G1")
        b.demand(grid: "G1", period: "evening", dates: [b.day(3)], needed: 1)
        b.volunteer("V1", home: "G1")
        b.volunteer("V2", home: "G1")
        expectOnly(
            .teamAboveDemand,
            in: evaluate(b, [patrol("V1", day: 3, "evening"), patrol("V2", day: 3, "evening")]))
    }

    @Test func aPatrolWhereNothingIsDemandedBreaksTeamAboveDemand() {
        var b = CommunityBuilder()
        b.grid("G1")
        b.demand(grid: "G1", period: "evening", needed: 1)
        b.demand(grid: "G1", period: "evening", dates: [b.day(3)], needed: 0)
        b.volunteer("V1", home: "G1")
        expectOnly(.teamAboveDemand, in: evaluate(b, [patrol("V1", day: 3, "evening")]))
    }

    @Test func aRepeatedAssignmentOverlapsItselfAndCountsTwiceInItsTeam() {
        var b = oneGridBuilder()
        b.volunteer("V1", home: "G1")
        let evaluation = evaluate(
            b, [patrol("V1", day: 3, "evening"), patrol("V1", day: 3, "evening")])
        #expect(evaluation.violationCount(.overlap) == 1)
        #expect(evaluation.violationCount(.maxShiftsPerDay) == 1)
        #expect(evaluation.violationCount(.minRestHours) == 0)
        #expect(evaluation.kpi.assignedVolunteerShifts == 2)
    }

    @Test func rowsNamingUnknownThingsOrDatesOutsideTheMonthAreLeftOut() {
        var b = oneGridBuilder()
        b.volunteer("V1", home: "G1")
        b.session("S1", date: b.day(3))
        let outside = Assignment(
            volunteer: "V1", grid: "G1", date: b.day(1).adding(days: -1), period: "evening")
        let evaluation = evaluate(
            b,
            [
                patrol("V9", day: 3, "evening"), patrol("V1", day: 3, "evening", grid: "G9"),
                patrol("V1", day: 3, "noon"), outside,
            ],
            [attend("V1", "S9"), attend("V9", "S1")])
        expectFeasible(evaluation)
        #expect(evaluation.kpi.assignedVolunteerShifts == 0)
        #expect(evaluation.score[.missedTraining].count == 1)
    }
}
