import Foundation
import ArgumentParser
import PatrolModel
import PatrolSolver

/// `--time-limit`, `--seed` and `--month`: how to solve.
struct SolverOptions: ParsableArguments {
    @Option(help: "The month to plan, as YYYY-MM (default: the month in community.yaml).")
    var month: String?

    @Option(help: "Seconds to search for a better schedule.")
    var timeLimit: Double = 30

    @Option(help: "Seed of the random search: the same seed gives the same search.")
    var seed: UInt64 = 1

    @Option(help: "Stop after this many evaluated moves (reproducible whatever the machine's speed).")
    var maxMoves: Int?

    @Flag(help: "Recount the score from scratch after every move and stop on any disagreement (slow).")
    var check = false

    @Option(help: "Searches run side by side, sharing their best (default: all cores; 1 is reproducible).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1, got \(threads).") }
        guard timeLimit > 0 else {
            throw ValidationError("--time-limit must be more than 0 seconds, got \(timeLimit).")
        }
        try validateMoveLimit(maxMoves)
        if let month, Month(month) == nil {
            throw ValidationError("--month must be YYYY-MM, such as 2026-12; got '\(month)'.")
        }
    }

    var planningMonth: Month? { month.flatMap { Month($0) } }

    var configuration: SolverConfiguration {
        SolverConfiguration(
            timeLimit: .milliseconds(Int64(timeLimit * 1000)), seed: seed, moveLimit: maxMoves,
            checking: check ? .everyMove : .off, threads: threads)
    }
}

/// Refuses a `--max-moves` below 1, in every command that takes one.
func validateMoveLimit(_ maxMoves: Int?) throws {
    if let maxMoves, maxMoves < 1 { throw ValidationError("--max-moves must be 1 or more, got \(maxMoves).") }
}
