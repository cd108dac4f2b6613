import Foundation
import PatrolInterchange
import PatrolKit
import PatrolModel
import PatrolSamples
import PatrolSolver
import PatrolStore
import Testing

/// `patrol repair` end to end: a published month, a volunteer falls ill, the fewest people move.
@Suite struct RepairWorkspaceTests {
    /// A solved and published generated month, and the volunteer holding the most patrols
    /// from the 10th on.
    private struct Fixture {
        let temp: TemporaryDirectory
        let workspace: Workspace
        let baseline: SolveReport
        let from: LocalDate
        let absent: VolunteerID
        let held: Int

        init(volunteers: Int, grids: Int, moves: Int) throws {
            temp = try TemporaryDirectory()
            let community = CommunityGenerator.generate(
                CommunityGenerator.Options(volunteers: volunteers, grids: grids, tightness: .balanced, seed: 4))
            try RosterWriter.write(CommunityWriter.files(community), to: temp.file("community"))
            workspace = Workspace(database: try .inMemory())
            baseline = try workspace.solve(
                directory: temp.file("community"), outputDirectory: temp.file("baseline"),
                configuration: SolverConfiguration(seed: 1, moveLimit: moves))
            _ = try workspace.publish(scheduleID: baseline.scheduleID)
            from = community.month.firstDate.adding(days: 9)
            var count: [VolunteerID: Int] = [:]
            for a in baseline.schedule.assignments where a.date >= from { count[a.volunteer, default: 0] += 1 }
            let (absent, held) = try #require(count.max { ($0.value, $1.key) < ($1.value, $0.key) })
            self.absent = absent
            self.held = held
        }

        func request(moves: Int, to: LocalDate? = nil, who: [String]? = nil) -> RepairRequest {
            RepairRequest(
                scheduleID: baseline.scheduleID, unavailable: who ?? [absent.rawValue], from: from, to: to,
                configuration: SolverConfiguration(seed: 1, moveLimit: moves),
                outputDirectory: temp.file("repair"))
        }
    }

    private func differences(_ a: Schedule, _ b: Schedule) -> Int {
        Set(a.assignments).symmetricDifference(Set(b.assignments)).count
    }

    @Test(arguments: [(160, 10, 60_000), (500, 25, 60_000)])
    func aRepairMovesNothingBeforeItsDateAndFewerPeopleThanAFreshSolve(
        volunteers: Int, grids: Int, moves: Int
    ) throws {
        let f = try Fixture(volunteers: volunteers, grids: grids, moves: moves)
        defer { f.temp.remove() }
        let published = try f.workspace.database.schedule(id: f.baseline.scheduleID)

        let report = try f.workspace.repair(f.request(moves: 20_000))

        // Nothing before the 10th moved, teams or training.
        let before = { (s: Schedule) in Set(s.assignments.filter { $0.date < f.from }) }
        #expect(before(report.schedule) == before(f.baseline.schedule))
        let earlySessions = Set(report.community.sessions.filter { $0.date < f.from }.map(\.id))
        let early = { (s: Schedule) in Set(s.attendance.filter { earlySessions.contains($0.session) }) }
        #expect(early(report.schedule) == early(f.baseline.schedule))
        #expect(report.diff.firstChange.map { $0 >= f.from } ?? true)
        // The absent volunteer is off from the 10th, and few others moved.
        #expect(!report.schedule.assignments.contains { $0.volunteer == f.absent && $0.date >= f.from })
        #expect(report.diff.changedAssignments == differences(report.schedule, f.baseline.schedule))
        #expect(report.diff.changedAssignments <= 2 * f.held + 6)
        // A fresh solve of the changed month moves far more.
        let fresh = try Solver(report.community).solve(SolverConfiguration(seed: 1, moveLimit: moves))
        #expect(report.diff.changedAssignments < differences(fresh.schedule, f.baseline.schedule))
        // Checked, stored as a new version; the published baseline is as it was.
        #expect(report.evaluation.hardViolationCount == 0)
        #expect(report.evaluation.score == report.score)
        #expect(try f.workspace.database.schedule(id: f.baseline.scheduleID) == published)
        let stored = try f.workspace.database.schedule(id: report.scheduleID)
        #expect(stored.schedule == report.schedule)
        #expect(stored.summary.note?.hasPrefix("repair of #\(f.baseline.scheduleID): \(f.absent) unavailable") == true)
        #expect(stored.summary.publishedAt == nil)
        // The written community re-scores the written roster to the same total.
        let check = try Workspace.check(
            directory: f.temp.file("repair/community"), outputDirectory: f.temp.file("repair"))
        #expect(check.evaluation.score == report.score)
    }

    @Test func theRepairSaysWhoLeavesAndWhoTakesOver() throws {
        let f = try Fixture(volunteers: 60, grids: 4, moves: 20_000)
        defer { f.temp.remove() }
        let to = f.from.adding(days: 6)

        let report = try f.workspace.repair(f.request(moves: 10_000, to: to))

        let left = report.diff.teams.filter { $0.leaving.contains(f.absent) }
        let heldUntil = f.baseline.schedule.assignments.filter {
            $0.volunteer == f.absent && $0.date >= f.from && $0.date <= to
        }
        #expect(left.count == heldUntil.count)
        #expect(left.allSatisfy { $0.date >= f.from && $0.date <= to })
        let text = SummaryText.repair(report)
        let name = try #require(report.community.volunteer(f.absent)?.name)
        #expect(text.contains("\(name) (\(f.absent)) leaves"))
        #expect(text.contains("unavailable \(f.from)..\(to)"))
        #expect(text.contains("score (评分): \(f.baseline.score.total) -> \(report.score.total)"))
        #expect(text.hasSuffix("score: \(report.score.total)"))
    }

    @Test func aRepairOfNamesOrDatesTheScheduleDoesNotHaveStoresNothing() throws {
        let f = try Fixture(volunteers: 30, grids: 3, moves: 5_000)
        defer { f.temp.remove() }
        let month = f.baseline.community.month

        #expect(throws: ScheduleQueryError.unknownVolunteer("V9999", community: f.baseline.community.name)) {
            try f.workspace.repair(f.request(moves: 100, who: ["V9999"]))
        }
        var outside = f.request(moves: 100)
        outside.from = month.lastDate.adding(days: 1)
        #expect(throws: ScheduleQueryError.dateOutsideMonth(outside.from, month: month)) {
            try f.workspace.repair(outside)
        }
        #expect(throws: ScheduleQueryError.emptyRange(from: f.from, to: f.from.adding(days: -1))) {
            try f.workspace.repair(f.request(moves: 100, to: f.from.adding(days: -1)))
        }
        #expect(try f.workspace.schedules().count == 1)
        #expect(!f.temp.exists("repair"))
    }

    @Test func aPublishedMonthStaysAsPublishedThroughLaterSolvesAndRepairs() throws {
        let f = try Fixture(volunteers: 30, grids: 3, moves: 5_000)
        defer { f.temp.remove() }
        let published = try f.workspace.database.schedule(id: f.baseline.scheduleID)
        let served = try f.workspace.database.servedRecords(scheduleID: f.baseline.scheduleID)

        let again = try f.workspace.solve(
            directory: f.temp.file("community"), outputDirectory: f.temp.file("again"),
            configuration: SolverConfiguration(seed: 9, moveLimit: 5_000))
        let repaired = try f.workspace.repair(f.request(moves: 2_000))

        for id in [again.scheduleID, repaired.scheduleID] {
            #expect(throws: StoreError.self) { try f.workspace.publish(scheduleID: id) }
        }
        #expect(throws: StoreError.self) { try f.workspace.publish(scheduleID: f.baseline.scheduleID) }
        #expect(try f.workspace.database.schedule(id: f.baseline.scheduleID) == published)
        #expect(try f.workspace.database.servedRecords(scheduleID: f.baseline.scheduleID) == served)
        #expect(try f.workspace.database.publications().map(\.scheduleID) == [f.baseline.scheduleID])
        #expect(served.reduce(0) { $0 + $1.patrols } == f.baseline.schedule.assignments.count)
    }
}
