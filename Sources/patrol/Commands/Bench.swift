import Foundation
import ArgumentParser
import PatrolKit
import PatrolSamples

extension PatrolCommand {
    /// Benchmarks: patrol communities and the Curtois & Qu instances.
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure the optimiser, side by side with the CP-SAT peers.",
            subcommands: [PatrolBench.self, CurtoisBench.self], defaultSubcommand: PatrolBench.self)
    }
}

extension PatrolCommand.Bench {
    /// Measures the optimiser on a generated community, side by side with the CP-SAT peer.
    struct PatrolBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "patrol",
            abstract: "Benchmark the optimiser on a generated community (and the CP-SAT peer with --peer-time-limit).")

        @Option(help: "Number of volunteers.") var volunteers = 500
        @Option(help: "Number of grids.") var grids = 25
        @Option(help: "loose, balanced or tight.") var tightness: CommunityGenerator.Tightness = .balanced
        @Option(help: "Seed of the generated community.") var communitySeed: UInt64 = 1
        @Option(help: "Seconds for our optimiser.") var timeLimit: Double = 30
        @Option(help: "Seed of the search.") var seed: UInt64 = 1
        @Option(help: "Seconds for patrol_cpsat.py, run after ours on the same input.") var peerTimeLimit: Double?
        @Option(help: "CP-SAT workers.") var peerWorkers = 2
        @Option(help: "Folder with patrol_check.py and patrol_cpsat.py.") var tools = "../shared/tools"
        @Option(help: "Working folder for the community and outputs.") var work = ".build-bench"
        @Option(help: "Searches side by side (default: all cores; 1 is reproducible).")
        var threads = ProcessInfo.processInfo.activeProcessorCount
        @Flag(help: "Also export the schedule in every office format (csv, xlsx, ics, html) and time it.")
        var exports = false
        @Flag(help: "Benchmark a repair instead: the volunteer with the most patrols from --from-day on falls ill.")
        var repair = false
        @Option(help: "With --repair: seconds the repair may search at most.") var repairTimeLimit: Double = 0.5
        @Option(help: "With --repair: stop when the repair has not improved for this many seconds.")
        var patience: Double = 0.3
        @Option(help: "With --repair: the day of the month the absence starts.") var fromDay = 10

        func run() throws {
            if repair { return try runRepair() }
            var options = PatrolBenchmark.Options()
            options.community.volunteers = volunteers
            options.community.grids = grids
            options.community.tightness = tightness
            options.community.seed = communitySeed
            options.timeLimit = timeLimit
            options.seed = seed
            options.peerTimeLimit = peerTimeLimit
            options.peerWorkers = peerWorkers
            options.toolsDirectory = tools
            options.workDirectory = work
            options.measureExports = exports
            options.threads = threads
            let progress = TerminalProgress()
            let figures = try PatrolBenchmark().run(options, onEvent: progress.handle)
            progress.finish()
            print(SummaryText.benchmark(figures))
        }
    }
}

extension PatrolCommand.Bench {
    /// Solves Curtois & Qu instances and prints the benchmark table.
    struct CurtoisBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "curtois",
            abstract: "Solve Curtois & Qu benchmark instances; write DIR/<instance>.csv and a table.")

        @Argument(help: "Instance files (InstanceN.txt).") var files: [String]
        @Option(help: "Seconds per instance.") var timeLimit: Double = 60
        @Option(help: "Stop each instance after this many moves (with --threads 1: the same work on any machine).")
        var maxMoves: Int?
        @Option(help: "Seed of the search.") var seed: UInt64 = 1
        @Option(help: "Where to write the solutions.") var out = "bench-out"
        @Option(help: "Seconds for curtois_cpsat.py on each instance (skipped when absent).") var peerTimeLimit: Double?
        @Option(help: "CP-SAT workers.") var peerWorkers = 2
        @Option(help: "Folder with curtois_check.py and curtois_cpsat.py.") var tools = "../shared/tools"
        @Option(help: "Searches side by side (default: all cores; 1 is reproducible).")
        var threads = ProcessInfo.processInfo.activeProcessorCount
        @Flag(help: "Recount the score after every move; stop naming the move at the first disagreement.")
        var check = false

        func validate() throws {
            try validateMoveLimit(maxMoves)
        }

        func run() throws {
            var options = CurtoisBenchmark.Options()
            options.files = files
            options.timeLimit = timeLimit
            options.moveLimit = maxMoves
            options.seed = seed
            options.outDirectory = out
            options.toolsDirectory = tools
            options.peerTimeLimit = peerTimeLimit
            options.peerWorkers = peerWorkers
            options.threads = threads
            options.checking = check ? .everyMove : .off
            let progress = TerminalProgress()
            print(SummaryText.curtoisHeader)
            _ = try CurtoisBenchmark().run(options, onEvent: progress.handle) { row in
                progress.finish()
                print(SummaryText.curtoisRow(row))
            }
        }
    }
}
