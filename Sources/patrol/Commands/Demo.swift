import ArgumentParser
import PatrolKit

extension PatrolCommand {
    /// Solves the sample community shipped in `Scenarios/`.
    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Solve the sample community in Scenarios/changqing into out/.")

        @Option(help: "The sample community directory.")
        var directory = "Scenarios/changqing"

        @Option(help: "Where to write the roster files.")
        var out = "out"

        @OptionGroup var solver: SolverOptions
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try runSolve(directory: directory, out: out, solver: solver, database: database)
        }
    }
}
