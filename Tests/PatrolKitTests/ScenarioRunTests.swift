import Foundation
import PatrolInterchange
import PatrolKit
import PatrolModel
import PatrolSamples
import PatrolScenarios
import PatrolStore
import Testing

@Suite struct ScenarioRunTests {
    /// A generated community in `community/` and three scenario files beside it.
    private func prepare(_ temp: TemporaryDirectory) throws {
        let community = CommunityGenerator.generate(
            CommunityGenerator.Options(volunteers: 40, grids: 3, tightness: .tight, seed: 5))
        try RosterWriter.write(CommunityWriter.files(community), to: temp.file("community"))
        try write(
            temp, "flu.yaml",
            """
            name: 流感
            base: community
            seed: 11
            changes:
              - unavailable: {filter: {age: 60+}, fraction: 0.5, dates: 2026-12-05..2026-12-15}
            """)
        try write(
            temp, "split.yaml",
            """
            name: 拆分
            description: G02 in two
            base: community
            changes:
              - split_grid: {grid: G02, into: [{id: G02A, name: 东}, {id: G02B, name: 西}]}
              - rules: {max_shifts_per_week: 4}
            """)
        try write(
            temp, "holiday.yaml",
            """
            name: 加一天假
            base: community
            holidays: [2026-12-10]
            changes:
              - weights: {fairness: 4}
            """)
    }

    private func write(_ temp: TemporaryDirectory, _ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: temp.file(name)))
    }

    private func options(workers: Int = 2, out: String? = nil) -> ScenarioRunOptions {
        var options = ScenarioRunOptions()
        options.moveLimit = 3_000
        options.timeLimit = 60
        options.workers = workers
        options.outputDirectory = out
        return options
    }

    @Test func solvesStoresAndWritesEveryVariantForTheChecker() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        try prepare(temp)
        let workspace = Workspace(database: try .inMemory())

        let report = try workspace.runScenarios(
            files: [temp.file("flu.yaml"), temp.file("split.yaml")],
            options: options(out: temp.file("out")))

        #expect(report.comparison.columns.map(\.key) == ["base", "flu", "split"])
        #expect(report.comparison.columns.map(\.baseIndex) == [nil, 0, 0])
        #expect(report.seed == 11, "the first file's seed when --seed is not given")
        #expect(report.variants.map(\.scenario.name) == ["流感", "拆分"])
        #expect(try workspace.schedules().count == 3)
        #expect(try workspace.scenarioRuns().map(\.id) == [report.runID])

        for (index, key) in ["base", "flu", "split"].enumerated() {
            let written = try CommunityLoader().load(directory: temp.file("out/\(key)/community"))
                .community
            let solved =
                index == 0
                ? try workspace.database.schedule(id: report.comparison.columns[0].scheduleID ?? 0)
                    .community
                : report.variants[index - 1].community
            #expect(written == solved, "\(key)/community loads back as the community solved")
            let check = try Workspace.check(
                directory: temp.file("out/\(key)/community"),
                outputDirectory: temp.file("out/\(key)"))
            #expect(check.evaluation.hardViolationCount == 0)
            #expect(check.evaluation.score == report.comparison.columns[index].figures.score)
        }
        let csv = try String(contentsOfFile: temp.file("out/comparison.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("figure,base,flu,split\nschedule,#"))
        #expect(csv.contains("\nshort_G02A,–,–,"))
    }

    @Test func comparesAStoredRunAgainWithAnIdenticalTable() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        try prepare(temp)
        let workspace = Workspace(database: try .inMemory())
        let report = try workspace.runScenarios(
            files: [temp.file("flu.yaml"), temp.file("split.yaml")], options: options())

        let again = try workspace.compareScenarioRuns([report.runID])

        #expect(again == report.comparison)
        #expect(ScenarioTable.text(again) == ScenarioTable.text(report.comparison))
        #expect(ScenarioTable.csv(again) == ScenarioTable.csv(report.comparison))
    }

    @Test func parallelVariantsGiveTheSchedulesOfSequentialOnes() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        try prepare(temp)
        let files = ["flu.yaml", "split.yaml", "holiday.yaml"].map(temp.file)
        let parallel = Workspace(database: try .inMemory())
        let sequential = Workspace(database: try .inMemory())

        let one = try parallel.runScenarios(files: files, options: options(workers: 2))
        let other = try sequential.runScenarios(files: files, options: options(workers: 1))

        #expect(one.comparison.columns.map(\.figures) == other.comparison.columns.map(\.figures))
        let schedules = { (workspace: Workspace, report: ScenarioRunReport) in
            try report.comparison.columns.map {
                try workspace.database.schedule(id: $0.scheduleID ?? 0).schedule
            }
        }
        #expect(try schedules(parallel, one) == schedules(sequential, other))
    }

    @Test func solvesEachDifferentCalendarAsItsOwnBase() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        try prepare(temp)

        let report = try Workspace(database: try .inMemory()).runScenarios(
            files: ["flu.yaml", "holiday.yaml", "split.yaml"].map(temp.file), options: options())

        let columns = report.comparison.columns
        #expect(
            columns.map(\.key) == ["base-2026-12", "flu", "split", "base-2026-12-2", "holiday"])
        #expect(columns.map(\.baseIndex) == [nil, 0, 0, nil, 3])
        #expect(report.variants.map(\.scenario.name) == ["流感", "拆分", "加一天假"], "in column order")
        let text = SummaryText.scenarioRun(report)
        #expect(text.contains("  holiday: 加一天假 vs base-2026-12-2, \(temp.file("holiday.yaml"))"))
        #expect(text.contains("    - weights: fairness 4"))
        #expect(
            report.bases.map(\.description) == [
                temp.file("community") + " 2026-12",
                temp.file("community") + " 2026-12, holidays 2026-12-10",
            ])
    }

    @Test func storesAndWritesNothingWhenAScenarioCannotApply() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        try prepare(temp)
        try write(
            temp, "bad.yaml",
            """
            name: 错
            base: community
            changes:
              - remove_volunteers: {volunteers: [V0001, NOBODY]}
            """)
        let workspace = Workspace(database: try .inMemory())

        let error = try #require(throws: InputErrors.self) {
            try workspace.runScenarios(
                files: [temp.file("flu.yaml"), temp.file("bad.yaml")],
                options: options(out: temp.file("out")))
        }

        #expect(error.diagnostics.map(\.location.line) == [4])
        #expect(error.diagnostics.first?.location.file == temp.file("bad.yaml"))
        #expect(error.diagnostics.first?.message == "unknown volunteer \"NOBODY\"")
        #expect(!temp.exists("out"))
        #expect(try workspace.schedules().isEmpty)
        #expect(try workspace.scenarioRuns().isEmpty)
    }

    @Test func comparesStoredSchedulesWithTheFirst() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        try prepare(temp)
        let workspace = Workspace(database: try .inMemory())
        let report = try workspace.runScenarios(files: [temp.file("flu.yaml")], options: options())
        let ids = report.comparison.columns.compactMap(\.scheduleID)

        let comparison = try workspace.compareSchedules(ids)

        #expect(comparison.columns.map(\.baseIndex) == [nil, 0])
        #expect(comparison.columns.map(\.figures) == report.comparison.columns.map(\.figures))
        #expect(comparison.columns[1].name.hasPrefix("#\(ids[1]) scenario 流感"))
    }

    @Test func sharesTheVariantBudgetOverRoundsOfWorkers() {
        var options = ScenarioRunOptions()
        options.timeLimit = 30
        options.workers = 2
        #expect(options.variantSeconds(variants: 5) == 30 * 0.3 / 3)
        #expect(options.variantSeconds(variants: 2) == 30 * 0.3)
        options.moveLimit = 1_000
        #expect(options.variantSeconds(variants: 5) == 30, "moves, not the clock, stop each solve")
        options.variantTimeLimit = 7
        #expect(options.variantSeconds(variants: 5) == 7)
    }
}
