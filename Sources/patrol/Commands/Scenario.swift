import ArgumentParser
import Foundation
import PatrolKit
import PatrolModel

extension PatrolCommand {
    /// What-if scenarios: run them, compare stored runs, list them, measure them.
    struct Scenario: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "What-if scenarios: solve a base community and its variants side by side.",
            subcommands: [Run.self, Compare.self, List.self, Bench.self])
    }
}

extension PatrolCommand.Scenario {
    /// Solves the base and every variant, stores the run, prints the comparison.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Solve the base and every scenario's variant with the same seed and compare them.",
            discussion: """
                Each FILE is a scenario (YAML; see Documentation/Scenarios.md). Every file and change \
                is checked first; an error names the file, line and column and nothing is solved. \
                Each base gets --time-limit; the variants then start from their base's schedule and \
                share 0.3 x --time-limit of wall-clock time, run as many at a time as the machine \
                has cores (or --variant-time-limit each). The run is stored; `patrol scenario \
                compare RUN` prints it again. With --out, --format csv or html also writes the \
                comparison for the office (CSV for Excel or a printable A4 page) next to \
                comparison.csv.
                """)

        @Argument(help: "Scenario files.")
        var files: [String]

        @Option(help: "Seconds each base searches.")
        var timeLimit: Double = 30

        @Option(
            help:
                "Seconds each variant searches (default: 0.3 x --time-limit shared by the variants)."
        )
        var variantTimeLimit: Double?

        @Option(
            help:
                "Seed of every solve and of the scenarios' random selections (default: the first file's seed, else 1)."
        )
        var seed: UInt64?

        @Option(
            help: "Stop each solve after this many evaluated moves (reproducible on any machine).")
        var maxMoves: Int?

        @Option(help: "Solves at the same time (default: the machine's cores).")
        var workers = ProcessInfo.processInfo.activeProcessorCount

        @Option(help: "Use this community directory as every scenario's base.")
        var base: String?

        @Flag(help: "Solve variants from scratch instead of from their base's schedule.")
        var cold = false

        @Option(
            help:
                "Write each base's and variant's roster files and community, and comparison.csv, here."
        )
        var out: String?

        @OptionGroup var export: ComparisonExportArguments

        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            try export.requireOutput(out)
            guard timeLimit > 0 else {
                throw ValidationError("--time-limit must be more than 0 seconds, got \(timeLimit).")
            }
            if let variantTimeLimit, variantTimeLimit <= 0 {
                throw ValidationError(
                    "--variant-time-limit must be more than 0 seconds, got \(variantTimeLimit).")
            }
            try validateMoveLimit(maxMoves)
            guard workers >= 1 else {
                throw ValidationError("--workers must be 1 or more, got \(workers).")
            }
        }

        func run() throws {
            var options = ScenarioRunOptions()
            options.timeLimit = timeLimit
            options.variantTimeLimit = variantTimeLimit
            options.seed = seed
            options.moveLimit = maxMoves
            options.workers = workers
            options.baseDirectory = base
            options.coldStart = cold
            options.outputDirectory = out
            options.comparisonExport = export.options
            let progress = ScenarioProgress()
            let report = try reportingScenarioErrors {
                try Workspace(databasePath: database.path).runScenarios(
                    files: files, options: options, progress: progress.show)
            }
            printWarnings(report.warnings)
            print(SummaryText.scenarioRun(report))
        }
    }

    /// Prints stored runs or schedules side by side again.
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Compare stored scenario runs (or, with --schedules, stored schedule versions).",
            discussion: """
                `patrol scenario compare 3` prints run 3's table again; several runs are set side by \
                side. With --schedules the ids are schedule versions (see `patrol schedules`), each \
                compared with the first. --out writes comparison.csv; with --format csv or html it \
                writes the comparison for the office instead: CSV for Excel (UTF-8 with a BOM) or \
                a printable A4 page, in Chinese or, with --lang en, English.
                """)

        @Argument(help: "Scenario run ids (or schedule ids with --schedules).")
        var ids: [Int64]

        @Flag(help: "The ids are schedule versions.")
        var schedules = false

        @Option(help: "Also write the table as comparison.csv (or, with --format, the office file) here.")
        var out: String?

        @OptionGroup var export: ComparisonExportArguments

        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            try export.requireOutput(out)
            guard !ids.isEmpty else {
                throw ValidationError("Name at least one run id (see `patrol scenario list`).")
            }
            if schedules && ids.count < 2 {
                throw ValidationError(
                    "--schedules compares two or more schedule ids; got \(ids.count).")
            }
        }

        func run() throws {
            let workspace = try Workspace(databasePath: database.path)
            let comparison =
                try schedules ? workspace.compareSchedules(ids) : workspace.compareScenarioRuns(ids)
            print(ScenarioTable.text(comparison))
            guard let out else { return }
            let path =
                try export.options.map { try ScenarioTable.writeExport(comparison, options: $0, to: out) }
                ?? ScenarioTable.writeCSV(comparison, to: out)
            print("written: " + path)
        }
    }

    /// Lists the stored runs.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List stored scenario runs, newest first.")

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            print(
                SummaryText.scenarioRunList(
                    try Workspace(databasePath: database.path).scenarioRuns()))
        }
    }

    /// Five scenarios on a generated community, timed against one solve.
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time five scenario variants on a generated community against one solve.",
            discussion: """
                Generates a community, writes five scenarios for it (departures of a third of the shop \
                volunteers, a flu wave among the over-70s, an event week in three grids, new \
                volunteers joining mid-month, a grid split), runs them, and reports the whole run's \
                time over the base solve's. The target is under 1.5x.
                """)

        @Option(help: "Number of volunteers.") var volunteers = 500
        @Option(help: "Number of grids.") var grids = 25
        @Option(help: "Seconds the base searches.") var timeLimit: Double = 30
        @Option(help: "Seed of the generated community and of the solves.") var seed: UInt64 = 1
        @Option(help: "Working folder for the community, scenarios, outputs and store.") var work =
            ".build-bench/scenarios"

        func run() throws {
            var options = ScenarioBenchmark.Options()
            options.community.volunteers = volunteers
            options.community.grids = grids
            options.community.seed = seed
            options.timeLimit = timeLimit
            options.workDirectory = work
            let progress = ScenarioProgress()
            let report = try ScenarioBenchmark().run(options, progress: progress.show)
            print(SummaryText.scenarioRun(report))
            let ok = report.timing.ratio < 1.5
            print(
                "benchmark: \(report.variants.count) variants on \(volunteers) volunteers: "
                    + "\(SummaryText.format(report.timing.totalSeconds)) s for the run, "
                    + "\(SummaryText.format(report.timing.longestBaseSolveSeconds)) s for one solve: "
                    + "\(SummaryText.format(report.timing.ratio))x (\(ok ? "under" : "NOT under") 1.5x)"
            )
        }
    }
}

/// Prints scenario input errors (every problem with file, line and column) and exits non-zero.
private func reportingScenarioErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let errors as InputErrors {
        let problems = errors.diagnostics.filter { $0.severity == .error }
        print(
            "The scenarios have \(problems.count) problem\(problems.count == 1 ? "" : "s"); nothing was solved or stored:"
        )
        for diagnostic in errors.diagnostics { print("  \(diagnostic)") }
        throw ExitCode.failure
    }
}

/// Warnings on standard error, the first few of each file: a month moved by a scenario
/// makes every dated row of the old month a warning, and the first ones say why.
private func printWarnings(_ warnings: [Diagnostic], perFile: Int = 5) {
    var files: [String] = []
    var byFile: [String: [Diagnostic]] = [:]
    for warning in warnings {
        if byFile[warning.location.file] == nil { files.append(warning.location.file) }
        byFile[warning.location.file, default: []].append(warning)
    }
    for file in files {
        let all = byFile[file] ?? []
        for warning in all.prefix(perFile) { printToStandardError("\(warning)") }
        if all.count > perFile {
            printToStandardError("… and \(all.count - perFile) more warnings in \(file)")
        }
    }
}

private func printToStandardError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// One line on standard error per finished solve, when it is a terminal.
private struct ScenarioProgress: Sendable {
    let enabled = isatty(FileHandle.standardError.fileDescriptor) != 0

    var show: @Sendable (String) -> Void {
        let enabled = enabled
        return { line in if enabled { printToStandardError("solved " + line) } }
    }
}
