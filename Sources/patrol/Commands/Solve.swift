import ArgumentParser
import Logging
import PatrolKit

extension PatrolCommand {
    /// Imports a community directory, solves its month, stores and writes the roster.
    struct Solve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the month's patrol and training schedule for a community directory.",
            discussion: """
                Reads DIR (community.yaml, volunteers.csv, grids.csv, demand.csv and the optional \
                trainings.csv, requests.csv, history.csv), searches for the best schedule within the \
                time limit, stores it as a new version and writes schedule.csv, trainings.csv, \
                coverage.csv and volunteers.csv. The last line printed is `score: N`.
                """)

        @Argument(help: "The community directory.")
        var directory: String

        @Option(help: "Where to write the roster files.")
        var out = "out"

        @OptionGroup var solver: SolverOptions
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try runSolve(directory: directory, out: out, solver: solver, database: database)
        }
    }
}

/// The body shared by `solve` and `demo`.
func runSolve(directory: String, out: String, solver: SolverOptions, database: DatabaseOptions) throws {
    LoggingSystem.bootstrapOnce()
    let progress = TerminalProgress()
    let report = try reportingInputErrors {
        try Workspace(databasePath: database.path).solve(
            directory: directory, month: solver.planningMonth, outputDirectory: out,
            configuration: solver.configuration, onEvent: progress.handle)
    }
    progress.finish()
    print(SummaryText.solve(report))
}

extension LoggingSystem {
    private static let once: Void = LoggingSystem.bootstrap(StreamLogHandler.standardError)

    /// Sends warnings to standard error, once per process.
    static func bootstrapOnce() { _ = once }
}
