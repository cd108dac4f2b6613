import Foundation
import PatrolChecker
import PatrolInterchange
import PatrolModel
import PatrolScenarios
import PatrolSolver
import PatrolStore

extension Workspace {
    // MARK: - Run scenarios: read, apply, solve in parallel, check, store, write

    /// Solves the base of each scenario and every scenario's variant with the same seed,
    /// checks each schedule independently, stores them as one scenario run and, with an
    /// output directory, writes each one's roster files, its community and `comparison.csv`
    /// (and the office export of the comparison when `options.comparisonExport` asks).
    ///
    /// Every file and every change is read and applied before anything is solved: an error
    /// in any of them (reported with file, line and column) leaves the store and the output
    /// directory untouched. Scenarios with the same base directory, month and holidays
    /// share one base solve.
    ///
    /// - Parameters:
    ///   - files: scenario files.
    ///   - options: time limits, seed, workers, output; see `ScenarioRunOptions`.
    ///   - progress: called from worker threads as bases and variants finish.
    /// - Throws: `InputErrors` for bad scenario files or communities, `PatrolKitError` when
    ///   a schedule fails the independent check (a bug), store and file errors.
    public func runScenarios(
        files: [String], options: ScenarioRunOptions,
        progress: @Sendable (String) -> Void = { _ in }
    ) throws -> ScenarioRunReport {
        let clock = ContinuousClock()
        let start = clock.now
        let plan = try ScenarioPlan(files: files, options: options)

        let configuration = SolverConfiguration(
            timeLimit: .seconds(options.timeLimit), seed: plan.seed, moveLimit: options.moveLimit)
        let out = options.outputDirectory
        let baseOutcomes = try ParallelSolves.solve(
            plan.bases.map { base in
                ParallelSolves.Job(
                    community: base.community, configuration: configuration,
                    outputDirectory: out.map { $0 + "/" + base.key })
            },
            workers: options.workers)
        for (base, outcome) in zip(plan.bases, baseOutcomes) {
            progress(
                "\(base.key): score \(outcome.result.score.total) in \(SummaryText.format(outcome.seconds)) s"
            )
        }
        let baseSeconds = (clock.now - start).seconds

        let variantSeconds = options.variantSeconds(variants: plan.variants.count)
        var variantConfiguration = configuration
        variantConfiguration.timeLimit = .seconds(variantSeconds)
        let variantStart = clock.now
        let variantOutcomes = try ParallelSolves.solve(
            plan.variants.map { entry in
                ParallelSolves.Job(
                    community: entry.variant.community, configuration: variantConfiguration,
                    initial: options.coldStart
                        ? nil : entry.variant.adapt(baseOutcomes[entry.baseIndex].result.schedule),
                    outputDirectory: out.map { $0 + "/" + entry.key })
            },
            workers: options.workers)
        for (entry, outcome) in zip(plan.variants, variantOutcomes) {
            progress(
                "\(entry.key): score \(outcome.result.score.total) in \(SummaryText.format(outcome.seconds)) s"
            )
        }
        let variantWallSeconds = (clock.now - variantStart).seconds

        // Columns: each base followed by its variants.
        var members: [ScenarioRunDraft.Member] = []
        var columns: [ScenarioComparison.Column] = []
        var written: [String] = []
        var variants: [ScenarioVariant] = []
        for (baseIndex, base) in plan.bases.enumerated() {
            let basePosition = members.count
            let outcome = baseOutcomes[baseIndex]
            members.append(
                member(
                    name: base.key, key: base.key, description: base.description, file: "",
                    basePosition: nil, outcome: outcome, community: base.community,
                    source: base.base.directory, note: "scenario base: \(base.description)",
                    configuration: configuration))
            columns.append(
                ScenarioComparison.Column(
                    name: base.key, key: base.key, figures: outcome.figures,
                    seconds: outcome.seconds))
            for (index, entry) in plan.variants.enumerated() where entry.baseIndex == baseIndex {
                let outcome = variantOutcomes[index]
                let scenario = entry.variant.scenario
                variants.append(entry.variant)
                members.append(
                    member(
                        name: scenario.name, key: entry.key, description: scenario.description,
                        file: scenario.file, basePosition: basePosition, outcome: outcome,
                        community: entry.variant.community, source: scenario.file,
                        note: "scenario \(scenario.name) (\(scenario.file))",
                        configuration: variantConfiguration))
                columns.append(
                    ScenarioComparison.Column(
                        name: scenario.name, key: entry.key, figures: outcome.figures,
                        baseIndex: basePosition, seconds: outcome.seconds))
            }
        }
        if let out { written = members.map { out + "/" + $0.key } }
        var comparison = ScenarioComparison(columns: columns)
        let totalBeforeStoring = (clock.now - start).seconds
        let ids = try database.recordScenarioRun(
            ScenarioRunDraft(
                seed: plan.seed, timeLimitSeconds: options.timeLimit,
                variantTimeLimitSeconds: variantSeconds, moveLimit: options.moveLimit,
                baseSeconds: baseSeconds, totalSeconds: totalBeforeStoring, members: members))
        for index in comparison.columns.indices {
            comparison.columns[index].scheduleID = ids.scheduleIDs[index]
        }
        if let out = options.outputDirectory {
            written.append(try ScenarioTable.writeCSV(comparison, to: out))
            if let export = options.comparisonExport {
                written.append(try ScenarioTable.writeExport(comparison, options: export, to: out))
            }
        }
        return ScenarioRunReport(
            runID: ids.runID, comparison: comparison, variants: variants,
            bases: plan.bases.map { ($0.key, $0.description) }, warnings: plan.warnings,
            seed: plan.seed, timeLimit: options.timeLimit, variantTimeLimit: variantSeconds,
            warmStart: !options.coldStart,
            timing: ScenarioTiming(
                baseSeconds: baseSeconds, variantSeconds: variantWallSeconds,
                totalSeconds: (clock.now - start).seconds,
                longestBaseSolveSeconds: baseOutcomes.map(\.seconds).max() ?? 0),
            writtenPaths: written)
    }

    private func member(
        name: String, key: String, description: String, file: String, basePosition: Int?,
        outcome: ParallelSolves.Outcome, community: Community, source: String, note: String,
        configuration: SolverConfiguration
    ) -> ScenarioRunDraft.Member {
        ScenarioRunDraft.Member(
            name: name, key: key, description: description, file: file,
            basePosition: basePosition, seconds: outcome.seconds,
            draft: ScheduleDraft(
                month: community.month, seed: configuration.seed,
                timeLimitSeconds: configuration.timeLimit.seconds, score: outcome.result.score,
                schedule: outcome.result.schedule, note: note),
            community: community, source: source)
    }

    // MARK: - Compare stored runs and schedules

    /// The comparison of stored scenario runs, side by side in the order given: equal to
    /// the one each run printed when it was made.
    public func compareScenarioRuns(_ ids: [Int64]) throws -> ScenarioComparison {
        var columns: [ScenarioComparison.Column] = []
        for id in ids {
            let run = try database.scenarioRun(id: id)
            let offset = columns.count
            for member in run.members {
                columns.append(
                    ScenarioComparison.Column(
                        name: member.name, key: member.key,
                        figures: RosterFigures(
                            community: member.schedule.community, schedule: member.schedule.schedule
                        ),
                        baseIndex: member.basePosition.map { $0 + offset }, seconds: member.seconds,
                        scheduleID: member.schedule.summary.id))
            }
        }
        return ScenarioComparison(columns: columns)
    }

    /// Stored schedule versions side by side, each compared with the first.
    public func compareSchedules(_ ids: [Int64]) throws -> ScenarioComparison {
        var columns: [ScenarioComparison.Column] = []
        for (index, id) in ids.enumerated() {
            let stored = try database.schedule(id: id)
            columns.append(
                ScenarioComparison.Column(
                    name: stored.summary.note.map { "#\(id) \($0)" }
                        ?? "#\(id) \(stored.summary.communityName)",
                    key: "schedule-\(id)",
                    figures: RosterFigures(community: stored.community, schedule: stored.schedule),
                    baseIndex: index == 0 ? nil : 0, scheduleID: id))
        }
        return ScenarioComparison(columns: columns)
    }

    /// Every stored scenario run, newest first.
    public func scenarioRuns() throws -> [ScenarioRunSummary] { try database.scenarioRuns() }
}

/// What `patrol scenario run` reports.
public struct ScenarioRunReport: Sendable {
    public var runID: Int64
    public var comparison: ScenarioComparison
    /// The variants in the order of their columns.
    public var variants: [ScenarioVariant]
    /// Each base's key and what it is (directory, month, added holidays).
    public var bases: [(key: String, description: String)]
    public var warnings: [Diagnostic]
    public var seed: UInt64
    public var timeLimit: Double
    public var variantTimeLimit: Double
    /// Whether variants started from their base's schedule.
    public var warmStart: Bool
    public var timing: ScenarioTiming
    public var writtenPaths: [String]
}

/// Wall-clock figures of a scenario run.
public struct ScenarioTiming: Sendable, Equatable {
    /// From reading the files until every base was solved.
    public var baseSeconds: Double
    /// Solving the variants, all of them.
    public var variantSeconds: Double
    /// The whole run, reading to storing and writing.
    public var totalSeconds: Double
    /// The longest single base solve (compiling and searching): "one solve".
    public var longestBaseSolveSeconds: Double

    /// The whole run over one solve.
    public var ratio: Double {
        longestBaseSolveSeconds > 0 ? totalSeconds / longestBaseSolveSeconds : 0
    }
}
