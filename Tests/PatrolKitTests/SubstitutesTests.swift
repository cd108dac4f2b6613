import PatrolChecker
import PatrolKit
import PatrolModel
import PatrolTestSupport
import Testing

/// Who could take a place in one team: G1 on the 10th (a Thursday) in the evening, two places,
/// one taken by M.
@Suite struct SubstitutesTests {
    private let b: CommunityBuilder
    private let schedule: Schedule

    init() {
        var b = CommunityBuilder()
        b.grid("G1")
        b.grid("G2", neighbors: ["G1"])
        b.grid("G3")
        b.volunteer("M", home: "G1")
        b.volunteer("P", home: "G1", party: true)  // Party member from the grid
        b.volunteer("F", home: "G3", party: true)  // Party member from a far grid
        b.volunteer("N", home: "G2")  // from the neighbouring grid
        b.volunteer("O", home: "G1")  // asked to be off that evening
        b.volunteer("U", home: "G1", party: true, unavailable: [b.days(10, 10)])
        b.volunteer("W", home: "G1", party: true)  // three patrols that week already
        b.volunteer("Q", home: "G1")  // two patrols that week already
        b.request("O", .off, dates: b.days(10, 10), periods: ["evening"], weight: 10)
        b.demand(grid: "G1", period: "evening", dates: [b.day(10)], needed: 2)
        b.demand(grid: "G1", period: "evening", dates: [b.day(7), b.day(9), b.day(12)], needed: 2)
        b.rules.trainingRequired = false
        self.b = b
        let patrol = { (v: VolunteerID, day: Int) in
            Assignment(volunteer: v, grid: "G1", date: b.day(day), period: "evening")
        }
        schedule = Schedule(assignments: [
            patrol("M", 10), patrol("W", 7), patrol("W", 9), patrol("W", 12), patrol("Q", 7),
            patrol("Q", 12),
        ])
    }

    private func search() -> SubstituteSearch {
        SubstituteSearch(community: b.build(), schedule: schedule)
    }

    @Test func ranksThoseWhoKeepEveryHardRuleByTheCheckersScoreChange() throws {
        let report = try search().rank(grid: "G1", date: b.day(10), period: "evening")

        // Each takes the open place: -1000; Party member -300; fairness 2 x (s+1)^2 - 2 x s^2.
        let changes = Dictionary(
            uniqueKeysWithValues: report.substitutes.map { ($0.volunteer, $0.scoreChange) })
        #expect(changes == ["P": -1298, "F": -1294, "Q": -990, "N": -997, "O": -988])
        #expect(report.substitutes.map(\.volunteer) == ["P", "F", "N", "Q", "O"])
        #expect(report.substitutes.allSatisfy { $0.replacing == nil })
        #expect(report.team == ["M"])
        #expect(report.unsuitableCount == 2)
        // Every change is what the checker counts on the changed schedule.
        let checker = RosterChecker(community: b.build())
        for option in report.substitutes {
            var changed = schedule
            changed.assignments.append(
                Assignment(
                    volunteer: option.volunteer, grid: "G1", date: b.day(10), period: "evening"))
            #expect(
                checker.evaluate(changed).score.total - checker.evaluate(schedule).score.total
                    == option.scoreChange)
        }
    }

    @Test func givesTheReasonsInPlainWords() throws {
        let report = try search().rank(grid: "G1", date: b.day(10), period: "evening")
        let reasons = Dictionary(
            uniqueKeysWithValues: report.substitutes.map { ($0.volunteer, $0.reasons) })

        #expect(
            reasons["P"]
                == [
                    .fillsOpenPlace(change: -1000), .partyMember(gained: true, change: -300),
                    .fairness(change: 2), .homeGrid, .week(patrols: 1, limit: 3),
                ])
        #expect(reasons["F"]?.contains(.farGrid(change: 4)) == true)
        #expect(reasons["N"]?.contains(.neighborGrid(change: 1)) == true)
        #expect(reasons["Q"]?.contains(.week(patrols: 3, limit: 3)) == true)
        #expect(reasons["Q"]?.contains(.fairness(change: 10)) == true)
        #expect(
            reasons["O"]?.contains(
                .request(volunteer: "O", kind: .off, line: 2, honoured: false, weight: 10)) == true)

        let english = report.text(.en, limit: 10)
        #expect(english.contains("1. 志愿者P (P) takes an open place: -1298"))
        #expect(
            english.contains(
                "fills an open place (-1000); Party member: team gains one (-300); fairness +2; home grid"
            )
        )
        #expect(english.contains("3rd patrol this week, at limit after"))
        #expect(english.contains("志愿者O (O) asked to be free then (requests.csv line 2) (+10)"))
        #expect(
            english.contains(
                "5 could take a place, 5 shown; 2 cannot without breaking a hard rule (--all lists them)"
            ))
        let chinese = report.text(.zh, limit: 2)
        #expect(chinese.contains("党员：班组有了党员 (-300)"))
        #expect(chinese.contains("共5人可替补，显示前2人"))
    }

    @Test func namesTheRuleThatKeepsEachOfTheOthersOut() throws {
        let report = try search().rank(
            grid: "G1", date: b.day(10), period: "evening", listUnsuitable: true)

        #expect(
            report.unsuitable
                == [
                    UnsuitableVolunteer(volunteer: "U", rules: [.unavailableDate]),
                    UnsuitableVolunteer(volunteer: "W", rules: [.maxShiftsPerWeek]),
                ])
        #expect(report.text(.en, limit: 3).contains("- 志愿者W (W): at the weekly limit"))
        #expect(report.text(.zh, limit: 3).contains("- 志愿者U（U）：当天不可用"))
    }

    @Test func replacingAMemberWeighsWhatTheTeamLosesToo() throws {
        let report = try search().rank(
            grid: "G1", date: b.day(10), period: "evening", replacing: "M")

        #expect(report.substitutes.allSatisfy { $0.replacing == "M" })
        // P replaces M: the team gains a Party member (-300); fairness +2 for P, -2 for M.
        #expect(report.substitutes.first?.volunteer == "P")
        #expect(report.substitutes.first?.scoreChange == -300)
        #expect(report.substitutes.first?.reasons.contains(.fairness(change: 0)) == false)
        #expect(report.text(.en, limit: 1).contains("replaces 志愿者M (M): -300"))
    }

    @Test func refusesTeamsThatAreNotNeededAndPeopleWhoAreNotInTheTeam() {
        #expect(throws: ScheduleQueryError.noDemand(grid: "G2", date: b.day(10), period: "evening"))
        {
            try search().rank(grid: "G2", date: b.day(10), period: "evening")
        }
        #expect(
            throws: ScheduleQueryError.notInTeam(
                "P", grid: "G1", date: b.day(10), period: "evening")
        ) {
            try search().rank(grid: "G1", date: b.day(10), period: "evening", replacing: "P")
        }
        #expect(throws: ScheduleQueryError.self) {
            try search().rank(grid: "G1", date: b.day(10), period: "dawn")
        }
    }
}
