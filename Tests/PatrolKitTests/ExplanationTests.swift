import PatrolChecker
import PatrolKit
import PatrolModel
import PatrolSamples
import PatrolSolver
import PatrolTestSupport
import Testing

/// Plain-words explanations name the causes the schedule really has.
@Suite struct ExplanationTests {
    private let b: CommunityBuilder
    private let schedule: Schedule

    /// G1 (high risk, needs a leader) next to G2; G3 far from both. Nobody is free on the
    /// morning of the 25th, nobody may patrol at night.
    init() {
        var b = CommunityBuilder()
        b.grid("G1", risk: 3)
        b.grid("G2", neighbors: ["G1"])
        b.grid("G3")
        let away = b.days(25, 25)
        b.volunteer("A", home: "G1", party: true, maxShifts: 2, unavailable: [b.days(20, 22), away])
        b.volunteer("B", home: "G3", minShifts: 3, unavailable: [away])
        b.volunteer("C", home: "G2", unavailable: [away])
        b.volunteer("L", home: "G1", party: true, skills: ["leader"], unavailable: [away])
        b.request("A", .off, dates: b.days(5, 5), periods: ["evening"], weight: 10)
        b.request("A", .on, dates: b.days(6, 8), periods: ["evening"], weight: 20)
        b.demand(grid: "G1", period: "evening", dates: [b.day(5), b.day(6)], needed: 2)
        b.demand(grid: "G1", period: "morning", dates: [b.day(25)], needed: 1)
        b.demand(grid: "G2", period: "evening", dates: [b.day(8)], needed: 1)
        b.demand(grid: "G2", period: "night", dates: [b.day(15)], needed: 1)
        b.rules.trainingRequired = false
        self.b = b
        let patrol = { (v: VolunteerID, grid: GridID, day: Int) in
            Assignment(volunteer: v, grid: grid, date: b.day(day), period: "evening")
        }
        schedule = Schedule(assignments: [
            patrol("A", "G1", 5), patrol("B", "G1", 5), patrol("A", "G1", 6), patrol("L", "G1", 6),
            patrol("B", "G2", 8),
        ])
    }

    private var explainer: Explainer { Explainer(community: b.build(), schedule: schedule) }

    private func penalty(_ explanation: Explanation, _ cause: ExplanationCause) -> Int {
        explanation.findings.filter { $0.cause == cause }.reduce(0) { $0 + $1.penalty }
    }

    @Test func aVolunteersLoadIsExplainedByTheirLimitsDatesAndRequests() throws {
        let a = try explainer.volunteer("A")

        #expect(
            a.causes.isSuperset(of: [
                .load, .homeGrid, .fairness, .monthlyLimit, .unavailableDates, .noNightPatrols, .trained,
                .requestBroken, .requestHonoured,
            ]))
        #expect(penalty(a, .requestBroken) == 10)
        #expect(penalty(a, .fairness) == 2 * 2 * 2)
        let english = a.text(.en)
        #expect(english.hasPrefix("志愿者A (A), home grid G1 网格G1"))
        #expect(english.contains("2 patrols, 5.00 hours this month; the average is 1.25"))
        #expect(english.contains("at their monthly limit of 2 (max_shifts)"))
        #expect(english.contains("away 2026-12-20..2026-12-22, 2026-12-25 (4 days this month)"))
        #expect(
            english.contains(
                "asked to be free 2026-12-05, evening (requests.csv line 2, weight 10): not honoured (+10)"))
        #expect(english.contains("one more patrol would add 10"))
        let chinese = a.text(.zh)
        #expect(chinese.contains("已达每月上限2次"))
        #expect(chinese.contains("2026-12-20..2026-12-22、2026-12-25不可用（本月共4天）"))
        #expect(chinese.contains("希望在2026-12-06..2026-12-08（晚上）排班（requests.csv 第3行，权重20）：已满足"))
    }

    @Test func aVolunteerShortOfTheirCommitmentFromAFarGridIsToldSo() throws {
        let b = try explainer.volunteer("志愿者B")

        #expect(b.causes.isSuperset(of: [.belowMinShifts, .farGrid]))
        #expect(penalty(b, .belowMinShifts) == 50)
        #expect(penalty(b, .farGrid) == 8)
        #expect(b.text(.zh).contains("承诺每月至少3次：还差1次 (+50)"))
    }

    @Test func aVolunteerAtTheWeeklyLimitIsToldWhichWeeks() throws {
        var b = CommunityBuilder()
        b.grid("G1")
        b.volunteer("V", home: "G1", party: true)
        b.demand(period: "evening", needed: 1)
        b.rules.trainingRequired = false
        let days = [1, 3, 5, 15]  // three in the week starting Monday 11-30, one in another
        let schedule = Schedule(
            assignments: days.map { Assignment(volunteer: "V", grid: "G1", date: b.day($0), period: "evening") })

        let v = try Explainer(community: b.build(), schedule: schedule).volunteer("V")

        #expect(v.causes.contains(.weeklyLimit))
        #expect(v.text(.en).contains("at the weekly limit of 3 in the weeks starting 2026-11-30 Mon"))
        #expect(v.text(.zh).contains("在11月30日周一起的一周达到每周上限3次"))
        #expect(v.text(.en).contains("fairness: 4² × 2 = 32"))
    }

    @Test func aVolunteerWithoutPatrolsIsToldWhy() throws {
        let c = try explainer.volunteer("C")

        #expect(c.causes.contains(.unused))
        #expect(c.text(.en).contains("no patrol: 3 patrols fit their availability"))
    }

    @Test func aGridsTeamsNameTheirPenaltiesAndShortfalls() throws {
        let g1 = try explainer.grid("G1")

        #expect(g1.causes.isSuperset(of: [.staffing, .noLeader, .farGrid, .requestBroken, .nobodyAvailable]))
        #expect(!g1.causes.contains(.noPartyMember))
        #expect(penalty(g1, .noLeader) == 200)
        #expect(penalty(g1, .nobodyAvailable) == 3000)
        let english = g1.text(.en)
        #expect(english.contains("2026-12-05 Sat evening, G1 网格G1 (2/2):"))
        #expect(english.contains("  - no leader, and the grid needs one (+200)"))
        #expect(english.contains("  - 志愿者B (B) from a far grid (+4)"))
        #expect(english.contains("1 of 1 places empty: nobody available"))
        #expect(g1.text(.zh).contains("该网格需要队长，班组无队长 (+200)"))

        let g2 = try explainer.grid("网格G2")
        #expect(penalty(g2, .noPartyMember) == 300)
        #expect(g2.causes.contains(.noNightVolunteer))
    }

    @Test func aDayListsEveryGridsTeams() throws {
        let day = try explainer.date(b.day(15))

        #expect(day.causes == [.staffing, .noNightVolunteer])
        #expect(day.text(.zh).contains("无可夜巡志愿者：此时有空的志愿者均不可夜巡"))
        #expect(throws: ScheduleQueryError.dateOutsideMonth(b.day(40), month: b.month)) {
            try explainer.date(b.day(40))
        }
    }

    @Test func theOverviewSumsTheScoreAndGroupsShortfallsByReason() {
        let overview = explainer.overview()
        let score = RosterChecker(community: b.build()).evaluate(schedule).score

        #expect(penalty(overview, .scoreComponent) == score.total)
        #expect(overview.causes.isSuperset(of: [.nobodyAvailable, .noNightVolunteer]))
        #expect(overview.text(.en).contains("1 team without a Party member (+300)"))
    }

    @Test func teamPenaltiesAddUpToTheCheckersScoreOnAGeneratedMonth() throws {
        let community = CommunityGenerator.generate(
            CommunityGenerator.Options(volunteers: 40, grids: 3, tightness: .tight, seed: 12, withRequests: false))
        let solved = try Solver(community).solve(SolverConfiguration(seed: 1, moveLimit: 3_000)).schedule
        let explainer = Explainer(community: community, schedule: solved)
        let score = RosterChecker(community: community).evaluate(solved).score

        let grids = try community.grids.map { try explainer.grid($0.id.rawValue) }
        let sum = { (cause: ExplanationCause) in grids.reduce(0) { $0 + penalty($1, cause) } }
        #expect(sum(.noPartyMember) == score[.noPartyMember].penalty)
        #expect(sum(.noLeader) == score[.noLeader].penalty)
        #expect(sum(.farGrid) == score[.farGrid].penalty)
        #expect(sum(.neighborGrid) == score[.neighborGrid].penalty)
        let short: [ExplanationCause] = [.nobodyAvailable, .noNightVolunteer, .everybodyAtLimits, .cheaperShort]
        #expect(short.reduce(0) { $0 + sum($1) } == score[.uncovered].penalty)
        let volunteers = try community.volunteers.map { try explainer.volunteer($0.id.rawValue) }
        #expect(volunteers.reduce(0) { $0 + penalty($1, .fairness) } == score[.fairness].penalty)
        #expect(volunteers.reduce(0) { $0 + penalty($1, .belowMinShifts) } == score[.belowMinShifts].penalty)
    }
}
