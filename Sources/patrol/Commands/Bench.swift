import ArgumentParser
import PatrolKit
import PatrolSamples

extension PatrolCommand {
    /// Measures the optimiser on a generated community, side by side with the CP-SAT peer.
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Benchmark the optimiser on a generated community (and the CP-SAT peer with --peer-time-limit).",
            subcommands: [Repair.self])

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
            let progress = TerminalProgress()
            let figures = try PatrolBenchmark().run(options, onEvent: progress.handle)
            progress.finish()
            print(SummaryText.benchmark(figures))
        }
    }
}
