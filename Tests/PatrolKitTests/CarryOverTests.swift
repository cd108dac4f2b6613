import Foundation
import PatrolChecker
import PatrolInterchange
import PatrolKit
import PatrolModel
import PatrolSolver
import PatrolStore
import PatrolTestSupport
import Testing

/// Publishing a month and solving the next one: served patrols become fairness history, and
/// training dates become `trained_on`, without any history.csv.
@Suite struct CarryOverTests {
    private static let december = Month(year: 2026, month: 12)!
    private static let january = Month(year: 2027, month: 1)!

    /// Five volunteers; C never trained, D trained long ago, E trained after December's session.
    private func builder(_ month: Month) -> CommunityBuilder {
        var b = CommunityBuilder(month: month)
        b.grid("G1")
        b.volunteer("A", home: "G1", party: true)
        b.volunteer("B", home: "G1", party: true)
        b.volunteer("C", home: "G1", party: true, neverTrained: true)
        b.volunteer("D", home: "G1", party: true, trainedOn: LocalDate(year: 2026, month: 6, day: 1))
        b.volunteer("E", home: "G1", party: true, trainedOn: LocalDate(year: 2026, month: 12, day: 20))
        b.demand(period: "evening", needed: 1)
        b.rules.trainingRequired = false
        return b
    }

    /// December published with A on 8 patrols, B on 2, and C, D, E at the session of the 5th.
    private func publishDecember(in workspace: Workspace) throws -> Int64 {
        var b = builder(Self.december)
        b.session("S1", date: b.day(5))
        let community = b.build()
        let schedule = Schedule(
            assignments: (1...8).map { Assignment(volunteer: "A", grid: "G1", date: b.day($0 * 3), period: "evening") }
                + [1, 2].map { Assignment(volunteer: "B", grid: "G1", date: b.day($0 * 3 + 1), period: "evening") },
            attendance: ["C", "D", "E"].map { SessionAttendance(session: "S1", volunteer: $0) })
        let score = RosterChecker(community: community).evaluate(schedule).score
        let ids = try workspace.database.recordSchedule(
            ScheduleDraft(month: Self.december, seed: 0, timeLimitSeconds: 0, score: score, schedule: schedule),
            community: community, source: "december")
        _ = try workspace.publish(scheduleID: ids.scheduleID)
        return ids.scheduleID
    }

    @Test func theNextMonthCarriesOverServedPatrolsAndTrainingDatesWithoutAHistoryFile() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let workspace = Workspace(database: try .inMemory())
        _ = try publishDecember(in: workspace)
        try RosterWriter.write(CommunityWriter.files(builder(Self.january).build()), to: temp.file("january"))
        if temp.exists("january/history.csv") {
            try FileManager.default.removeItem(atPath: temp.file("january/history.csv"))
        }

        let report = try workspace.solve(
            directory: temp.file("january"), outputDirectory: temp.file("out"),
            configuration: SolverConfiguration(seed: 1, moveLimit: 5_000))

        // Served records became December's history, every volunteer included.
        #expect(
            report.community.history
                == [("A", 8), ("B", 2), ("C", 0), ("D", 0), ("E", 0)].map {
                    HistoryEntry(volunteer: VolunteerID($0.0), month: Self.december, shifts: $0.1)
                })
        let carry = try #require(report.carryOver)
        #expect(carry.months == [Self.december])
        #expect(carry.historyRows == 5)
        #expect(carry.replacedHistoryRows == 0)
        // C had no date and D an older one; E's own date is newer than the session.
        let fifth = Self.december.firstDate.adding(days: 4)
        #expect(carry.trainingDates == ["C": fifth, "D": fifth])
        #expect(report.community.volunteer("C")?.trainedOn == fifth)
        #expect(report.community.volunteer("E")?.trainedOn == LocalDate(year: 2026, month: 12, day: 20))
        // C is trained now, so C may patrol from the 1st without a session.
        #expect(report.schedule.assignments.contains { $0.volunteer == "C" })

        // Contract 3a: k = 5 ids, S = 10 patrols; A: floor((5 x 8 - 10) / (3 x 5)) = 2, others 0.
        #expect(report.evaluation.carryOver == ["A": 2, "B": 0, "C": 0, "D": 0, "E": 0])
        var shifts: [VolunteerID: Int] = [:]
        for a in report.schedule.assignments { shifts[a.volunteer, default: 0] += 1 }
        let squares = ["A", "B", "C", "D", "E"].reduce(0) {
            let s = (shifts[VolunteerID($1)] ?? 0) + ($1 == "A" ? 2 : 0)
            return $0 + s * s
        }
        #expect(report.score[.fairness] == ScoreLine(count: squares, penalty: 2 * squares))
        #expect(report.score[.fairness].count > shifts.values.reduce(0) { $0 + $1 * $1 })

        // The store and the written community hold the month as solved, so both re-score equal.
        #expect(try workspace.database.schedule(id: report.scheduleID).community == report.community)
        #expect(report.writtenFiles.contains(temp.file("out/community")))
        let check = try Workspace.check(directory: temp.file("out/community"), outputDirectory: temp.file("out"))
        #expect(check.evaluation.score == report.score)
        #expect(check.evaluation.hardViolationCount == 0)
        #expect(SummaryText.solve(report).contains("carried over (跨月结转) from published 2026-12"))
        let why = try Explainer(community: report.community, schedule: report.schedule).volunteer("A")
        #expect(why.causes.contains(.carryOver))
        #expect(why.text(.en).contains("carries over 2 from 2026-10..2026-12"))
        #expect(why.text(.en).contains("fairness: (\(shifts["A"] ?? 0) + 2 carried over)² × 2"))
        #expect(SummaryText.scheduleList(try workspace.schedules()).contains("yes (已发布)"))
    }

    @Test func aMonthWithNothingPublishedBeforeIsSolvedAsItsDirectorySays() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let workspace = Workspace(database: try .inMemory())
        _ = try publishDecember(in: workspace)
        var other = builder(Self.january)
        other.name = "另一个社区"
        try RosterWriter.write(CommunityWriter.files(other.build()), to: temp.file("other"))

        let report = try workspace.solve(
            directory: temp.file("other"), outputDirectory: temp.file("out"),
            configuration: SolverConfiguration(seed: 1, moveLimit: 2_000))

        #expect(report.carryOver == nil)
        #expect(report.community == other.build())
        #expect(!temp.exists("out/community"))
    }

    @Test func publishedMonthsReplaceHistoryRowsOfTheSameVolunteerAndMonthOnly() {
        var b = builder(Self.january)
        b.history("A", Self.december, shifts: 1)
        b.history("B", Self.december.adding(months: -1), shifts: 6)
        b.history("Gone", Self.december, shifts: 4)
        var community = b.build()
        let records = [
            ServedRecord(
                communityName: b.name, month: Self.december, volunteer: "A", patrols: 7, minutes: 1050, trainedOn: nil)
        ]

        let carry = CarryOver.apply(records, to: &community)

        #expect(carry?.replacedHistoryRows == 1)
        #expect(carry?.historyRows == 1)
        #expect(
            Set(community.history)
                == [
                    HistoryEntry(volunteer: "A", month: Self.december, shifts: 7),
                    HistoryEntry(volunteer: "B", month: Self.december.adding(months: -1), shifts: 6),
                    HistoryEntry(volunteer: "Gone", month: Self.december, shifts: 4),
                ])
    }

    @Test func monthsBeforeTheWindowGiveTrainingDatesButNoHistory() {
        var community = builder(Self.january).build()
        let september = Self.january.adding(months: -4)
        let records = [
            ServedRecord(
                communityName: community.name, month: september, volunteer: "C", patrols: 5, minutes: 750,
                trainedOn: september.firstDate.adding(days: 2))
        ]

        let carry = CarryOver.apply(records, to: &community)

        #expect(carry?.months == [september])
        #expect(carry?.historyRows == 0)
        #expect(community.history.isEmpty)
        #expect(community.volunteer("C")?.trainedOn == september.firstDate.adding(days: 2))
    }

    @Test func recordsThatChangeNothingCarryNothingOver() {
        var community = builder(Self.january).build()
        let before = community
        let records = [
            ServedRecord(
                communityName: community.name, month: Self.january.adding(months: -5), volunteer: "A",
                patrols: 3, minutes: 450, trainedOn: nil)
        ]

        #expect(CarryOver.apply(records, to: &community) == nil)
        #expect(community == before)
    }
}
