import Foundation
import PatrolInterchange
import PatrolModel
import PatrolSamples
import PatrolStore

/// `patrol scenario bench`: five realistic scenarios on a generated community, the whole
/// run timed against its base solve.
///
/// The five scenarios mirror those in `Scenarios/` (departures of a third of the shop
/// volunteers, a flu wave among the over-70s, an event week with three grids at the highest
/// risk, new volunteers joining mid-month with a training for them, a grid split), written
/// for the generated community's month and grids, so that the run has one base.
public struct ScenarioBenchmark {
    public struct Options: Sendable {
        public var community = CommunityGenerator.Options(volunteers: 500, grids: 25)
        /// Seconds the base searches; the variants share 0.3 of it.
        public var timeLimit: Double = 30
        public var workers = ProcessInfo.processInfo.activeProcessorCount
        /// Where the community, the scenario files, the outputs and the store go.
        public var workDirectory = ".build-bench/scenarios"

        public init() {}
    }

    public init() {}

    /// Generates the community and the scenarios, runs them into a fresh store, and
    /// returns the run's report (its `timing.ratio` is the figure to watch).
    public func run(_ options: Options, progress: @Sendable (String) -> Void = { _ in })
        throws -> ScenarioRunReport
    {
        let work = options.workDirectory
        let community = CommunityGenerator.generate(options.community)
        try RosterWriter.write(CommunityWriter.files(community), to: work + "/community")
        let files = Self.scenarioFiles(for: community)
        try RosterWriter.write(files, to: work)
        let store = work + "/patrol.sqlite"
        try? FileManager.default.removeItem(atPath: store)

        var runOptions = ScenarioRunOptions()
        runOptions.timeLimit = options.timeLimit
        runOptions.seed = options.community.seed
        runOptions.workers = options.workers
        runOptions.outputDirectory = work + "/out"
        return try Workspace(databasePath: store).runScenarios(
            files: files.filter { $0.name.hasSuffix(".yaml") }.map { work + "/" + $0.name },
            options: runOptions, progress: progress)
    }

    /// The five scenario files and the newcomers' volunteers file, for `community`'s month
    /// and grids.
    static func scenarioFiles(for community: Community) -> [OutputFile] {
        let month = community.month
        func day(_ number: Int) -> String { month.firstDate.adding(days: number - 1).description }
        let grids = community.grids.map(\.id.rawValue)
        func grid(_ index: Int) -> String { grids[min(index, grids.count - 1)] }
        let evening =
            community.periods.first { $0.id == "evening" }?.id.rawValue
            ?? community.periods.last?.id.rawValue ?? "*"
        let newcomers = (1...20).map { number -> [String] in
            [
                "N\(String(format: "%03d", number))", "新商户\(number)", "",
                number % 4 == 0 ? "yes" : "no", "",
                "shop", grid(number % grids.count), "", "6", "0", "", "", "no", "", "1985",
            ]
        }
        let text: [(String, String)] = [
            (
                "departures",
                """
                name: 返乡潮
                description: A third of the shop volunteers go home for ten days.
                base: community
                changes:
                  - unavailable: {filter: {affiliation: shop}, fraction: 0.33, dates: \(day(10))..\(day(20))}
                """
            ),
            (
                "flu-wave",
                """
                name: 流感
                description: Half of the volunteers aged 70 and over stay at home for two weeks.
                base: community
                changes:
                  - unavailable: {filter: {age: 70+}, fraction: 0.5, dates: \(day(7))..\(day(20))}
                """
            ),
            (
                "event-week",
                """
                name: 大型活动
                description: A week-long event raises three grids to the highest risk, with larger evening teams.
                base: community
                changes:
                  - event: {name: 安保周, grids: [\(grid(1)), \(grid(2)), \(grid(3))], dates: \(day(14))..\(day(20)), periods: [\(evening)], volunteers: 4, risk: 3}
                """
            ),
            (
                "newcomers",
                """
                name: 新商户加入
                description: Twenty shop volunteers join on the 15th after a training on the 14th.
                base: community
                changes:
                  - training: {id: TNEW, topic: 新志愿者培训, date: \(day(14)), start: "14:00", end: "16:00", capacity: 30, location: 社区活动室}
                  - add_volunteers: {file: newcomers.csv, from: \(day(15))}
                """
            ),
            (
                "grid-split",
                """
                name: 网格拆分
                description: New housing splits a grid in two; each part is patrolled.
                base: community
                changes:
                  - split_grid: {grid: \(grid(6)), into: [{id: \(grid(6))A, name: 新区东}, {id: \(grid(6))B, name: 新区西}]}
                """
            ),
        ]
        return text.map { OutputFile(name: "\($0.0).yaml", contents: Array(($0.1 + "\n").utf8)) }
            + [
                CSVFile.make(
                    name: "newcomers.csv",
                    header: [
                        "id", "name", "phone", "party_member", "branch", "affiliation", "home_grid",
                        "skills", "max_shifts", "min_shifts", "available", "unavailable",
                        "night_ok",
                        "trained_on", "birth_year",
                    ], rows: newcomers)
            ]
    }
}
