import Foundation
import PatrolModel
import PatrolStore

/// Hand-made communities and drafts for the store's tests, using every feature the store keeps.
enum StoreTestCommunity {
    /// The month of `full()`.
    static let month = calendarMonth("2026-12")
    /// The month of `other()`.
    static let january = calendarMonth("2027-01")

    /// A day of `month`.
    static func date(_ day: Int) -> LocalDate { month.firstDate.adding(days: day - 1) }

    static func calendarMonth(_ text: String) -> Month {
        guard let month = Month(text) else { preconditionFailure("bad test month \(text)") }
        return month
    }

    /// 长青社区, December 2026: three periods (the night one ends after midnight), holidays,
    /// rules and weights that all differ from the defaults, volunteers with patterns,
    /// unavailable dates, skills, training dates and birth years, requests and history.
    static func full() -> Community {
        let morning = Period(
            id: "morning", name: "上午", start: time("08:30"), end: time("11:00"), isNight: false)
        let evening = Period(
            id: "evening", name: "晚上", start: time("19:00"), end: time("21:30"), isNight: false)
        let night = Period(
            id: "night", name: "夜间", start: time("21:30"), end: time("00:30"), isNight: true)

        var rules = Rules()
        rules.maxShiftsPerMonth = 6
        rules.maxShiftsPerWeek = 2
        rules.maxShiftsPerDay = 2
        rules.maxConsecutiveDays = 4
        rules.minRestMinutes = 630
        rules.trainingRequired = false
        rules.trainBeforePatrol = false

        var weights = Weights()
        weights.uncovered = 900
        weights.noPartyMember = 250
        weights.noLeader = 150
        weights.missedTraining = 80
        weights.belowMinShifts = 40
        weights.fairness = 3
        weights.neighborGrid = 2
        weights.farGrid = 5

        let grids = [
            Grid(id: "G1", name: "幸福里网格", risk: 3, neighbors: ["G2"], needsLeader: true),
            Grid(id: "G2", name: "长青路网格", risk: 2, neighbors: ["G1", "G3"], needsLeader: false),
            Grid(id: "G3", name: "滨河网格", risk: 1, neighbors: ["G2"], needsLeader: true),
        ]

        let weekdayEvenings = Set<PeriodID>(["evening"])
        let weekendDays = Set<PeriodID>(["morning", "evening"])
        let volunteers = [
            Volunteer(
                id: "V01", name: "王建国", phone: "13800001111", isPartyMember: true,
                branch: "第一党支部", affiliation: .resident, homeGrid: "G1",
                skills: ["leader", "first_aid"], maxShifts: 6, minShifts: 2,
                availability: WeeklyAvailability(
                    periodsByWeekday: Array(repeating: weekdayEvenings, count: 5)
                        + [weekendDays, weekendDays]),
                unavailable: [
                    DateRange(date(5)), DateRange(first: date(20), last: date(27)),
                ],
                nightOK: true, trainedOn: LocalDate(year: 2026, month: 6, day: 15),
                birthYear: 1962),
            Volunteer(
                id: "V02", name: "李秀英", phone: "13900002222", branch: "3号楼",
                affiliation: .unit, homeGrid: "G2", skills: ["anti_fraud", "反诈宣传"],
                maxShifts: 4),
            Volunteer(
                id: "V03", name: "张伟", affiliation: .shop, homeGrid: "G3", skills: ["fire"],
                maxShifts: 5, minShifts: 1,
                availability: WeeklyAvailability(
                    periodsByWeekday: [[], ["night"], [], ["night", "evening"], [], [], []]),
                nightOK: true, birthYear: 1990),
            Volunteer(
                id: "V04", name: "Chen Jing 陈静", affiliation: .other, homeGrid: "G2",
                maxShifts: 3, unavailable: [DateRange(first: date(1), last: date(3))],
                trainedOn: LocalDate(year: 2025, month: 11, day: 30)),
        ]

        let slots = [
            PatrolSlot(grid: "G1", date: date(1), period: "evening", needed: 2),
            PatrolSlot(grid: "G2", date: date(1), period: "evening", needed: 1),
            PatrolSlot(grid: "G3", date: date(1), period: "night", needed: 1),
            PatrolSlot(grid: "G1", date: date(5), period: "morning", needed: 3),
            PatrolSlot(grid: "G2", date: date(24), period: "morning", needed: 1),
        ]

        let sessions = [
            TrainingSession(
                id: "S1", topic: "反诈骗宣传培训", date: date(3), start: time("14:00"),
                end: time("16:00"), capacity: 20, location: "社区活动室"),
            TrainingSession(
                id: "S2", topic: "夜巡安全", date: date(10), start: time("19:00"),
                end: time("21:00"), capacity: nil, location: "党群服务中心"),
        ]

        let requests = [
            PatrolRequest(
                volunteer: "V01", dates: DateRange(first: date(10), last: date(12)),
                periods: ["evening"], kind: .on, weight: 10, line: 2),
            PatrolRequest(
                volunteer: "V02", dates: DateRange(date(24)), periods: ["morning", "evening"],
                kind: .off, weight: 30, line: 4),
        ]

        let history = [
            HistoryEntry(volunteer: "V01", month: calendarMonth("2026-11"), shifts: 5),
            HistoryEntry(volunteer: "V99", month: calendarMonth("2026-10"), shifts: 3),
            HistoryEntry(volunteer: "V02", month: calendarMonth("2026-09"), shifts: 4),
        ]

        return Community(
            name: "长青社区", month: month, periods: [morning, evening, night],
            holidays: [date(24), date(31)], rules: rules, weights: weights, grids: grids,
            volunteers: volunteers, slots: slots, sessions: sessions, requests: requests,
            history: history)
    }

    /// A second community, to tell listings apart.
    static func other() -> Community {
        return Community(
            name: "吴牙社区", month: january,
            periods: [
                Period(
                    id: "evening", name: "晚上", start: time("19:00"), end: time("21:00"),
                    isNight: false)
            ],
            grids: [Grid(id: "W1", name: "一网格", risk: 1, neighbors: [], needsLeader: false)],
            volunteers: [Volunteer(id: "W01", name: "刘洋", homeGrid: "W1", maxShifts: 8)],
            slots: [
                PatrolSlot(grid: "W1", date: january.firstDate, period: "evening", needed: 1)
            ])
    }

    /// A draft for `full()`: out-of-order assignments, two sessions, a score with every
    /// component set, and the largest seed.
    static func draft(createdAt: Date = instant(0), note: String? = "首版") -> ScheduleDraft {
        ScheduleDraft(
            month: month, seed: UInt64.max, timeLimitSeconds: 2.5, score: everyComponentScore(),
            schedule: Schedule(
                assignments: [
                    Assignment(volunteer: "V02", grid: "G1", date: date(1), period: "evening"),
                    Assignment(volunteer: "V01", grid: "G1", date: date(1), period: "evening"),
                    Assignment(volunteer: "V03", grid: "G3", date: date(1), period: "night"),
                    Assignment(volunteer: "V04", grid: "G2", date: date(24), period: "morning"),
                    Assignment(volunteer: "V02", grid: "G1", date: date(5), period: "morning"),
                ],
                attendance: [
                    SessionAttendance(session: "S2", volunteer: "V03"),
                    SessionAttendance(session: "S1", volunteer: "V02"),
                ]),
            createdAt: createdAt, note: note)
    }

    /// A draft for `other()`.
    static func otherDraft(createdAt: Date) -> ScheduleDraft {
        let community = other()
        return ScheduleDraft(
            month: community.month, seed: 7, timeLimitSeconds: 1, score: ScoreBreakdown(),
            schedule: Schedule(assignments: [
                Assignment(
                    volunteer: "W01", grid: "W1", date: community.month.firstDate,
                    period: "evening")
            ]),
            createdAt: createdAt)
    }

    /// A score whose components all differ, so that a mixed-up column shows.
    static func everyComponentScore() -> ScoreBreakdown {
        var score = ScoreBreakdown()
        for (index, component) in ScoreComponent.allCases.enumerated() {
            score[component] = ScoreLine(count: index + 1, penalty: 100 * (index + 1) + 7)
        }
        return score
    }

    /// A whole-second instant `seconds` after 2026-12-01 00:00 UTC, which the store keeps
    /// exactly.
    static func instant(_ seconds: Int) -> Date {
        Date(timeIntervalSince1970: 1_796_083_200 + Double(seconds))
    }

    private static func time(_ text: String) -> TimeOfDay {
        guard let time = TimeOfDay(text) else { preconditionFailure("bad test time \(text)") }
        return time
    }
}
