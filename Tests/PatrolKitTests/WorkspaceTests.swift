import Foundation
import PatrolInterchange
import PatrolKit
import PatrolModel
import PatrolSamples
import PatrolSolver
import PatrolStore
import Testing

@Suite struct WorkspaceTests {
    private let configuration = SolverConfiguration(seed: 3, moveLimit: 20_000)

    private func community(volunteers: Int = 40, grids: Int = 3, seed: UInt64 = 5) -> Community {
        CommunityGenerator.generate(
            CommunityGenerator.Options(volunteers: volunteers, grids: grids, tightness: .tight, seed: seed))
    }

    private func write(_ community: Community, to directory: String) throws {
        try RosterWriter.write(CommunityWriter.files(community), to: directory)
    }

    @Test func solvesStoresWritesAndExportsTheSameBytes() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        try write(community(), to: temp.file("community"))
        let workspace = Workspace(database: try .inMemory())

        let report = try workspace.solve(
            directory: temp.file("community"), outputDirectory: temp.file("out"),
            configuration: configuration)

        #expect(report.evaluation.hardViolationCount == 0)
        #expect(report.evaluation.score == report.score)
        let stored = try workspace.schedules()
        #expect(stored.map(\.id) == [report.scheduleID])
        #expect(stored.first?.score == report.score)
        let exported = try workspace.export(scheduleID: report.scheduleID, to: temp.file("again"))
        #expect(exported.count == 4)
        for name in ["schedule.csv", "trainings.csv", "coverage.csv", "volunteers.csv"] {
            #expect(try temp.contents("out/" + name) == temp.contents("again/" + name), "\(name)")
        }
    }

    @Test func checkRescoresAWrittenRosterToTheSameTotal() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        try write(community(seed: 9), to: temp.file("community"))
        let report = try Workspace(database: try .inMemory()).solve(
            directory: temp.file("community"), outputDirectory: temp.file("out"),
            configuration: configuration)

        let check = try Workspace.check(directory: temp.file("community"), outputDirectory: temp.file("out"))

        #expect(check.evaluation.score == report.score)
        #expect(check.evaluation.hardViolationCount == 0)
        #expect(check.schedule.assignments.count == report.schedule.assignments.count)
    }

    @Test func badInputWritesNothingAndStoresNothing() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        try write(community(), to: temp.file("community"))
        let volunteers = try String(contentsOfFile: temp.file("community/volunteers.csv"), encoding: .utf8)
        try (volunteers + "V9999,新人,,yes,,resident,NO_SUCH_GRID,,8,0,,,no,,\n")
            .write(toFile: temp.file("community/volunteers.csv"), atomically: true, encoding: .utf8)
        let workspace = Workspace(database: try .inMemory())

        #expect(throws: InputErrors.self) {
            try workspace.solve(
                directory: temp.file("community"), outputDirectory: temp.file("out"),
                configuration: configuration)
        }
        #expect(!temp.exists("out"))
        #expect(try workspace.schedules().isEmpty)
    }

    @Test func everySolveIsKeptAsANewVersion() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        try write(community(), to: temp.file("community"))
        let workspace = Workspace(database: try .inMemory())

        let first = try workspace.solve(
            directory: temp.file("community"), outputDirectory: temp.file("a"), configuration: configuration)
        var other = configuration
        other.seed = 99
        let second = try workspace.solve(
            directory: temp.file("community"), outputDirectory: temp.file("b"), configuration: other)

        #expect(first.importID == second.importID)
        #expect(try workspace.schedules().map(\.id) == [second.scheduleID, first.scheduleID])
        #expect(try workspace.schedules().map(\.seed) == [99, 3])
    }
}
