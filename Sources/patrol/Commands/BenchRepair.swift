import ArgumentParser
import PatrolKit
import PatrolSamples
import PatrolSolver

extension PatrolCommand.Bench {
    /// Measures a repair after one volunteer's absence on a generated community.
    struct Repair: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Benchmark a repair: the volunteer with the most patrols falls ill mid-month.")

        @Option(help: "Number of volunteers.") var volunteers = 500
        @Option(help: "Number of grids.") var grids = 25
        @Option(help: "loose, balanced or tight.") var tightness: CommunityGenerator.Tightness = .balanced
        @Option(help: "Seed of the generated community.") var communitySeed: UInt64 = 1
        @Option(help: "Seconds for the baseline solve (and the fresh solve compared with the repair).")
        var timeLimit: Double = 20
        @Option(help: "Seconds the repair may search at most.") var repairTimeLimit: Double = 5
        @Option(help: "Stop the repair when it has not improved for this many seconds.") var patience: Double = 0.5
        @Option(help: "The day of the month the absence starts.") var fromDay = 10
        @Option(help: "Seed of the searches.") var seed: UInt64 = 1
        @Option(help: "Folder with patrol_check.py.") var tools = "../shared/tools"
        @Option(help: "Working folder.") var work = ".build-bench/repair"

        func run() throws {
            var options = RepairBenchmark.Options()
            options.community.volunteers = volunteers
            options.community.grids = grids
            options.community.tightness = tightness
            options.community.seed = communitySeed
            options.solve = SolverConfiguration(timeLimit: .milliseconds(Int64(timeLimit * 1000)), seed: seed)
            options.repair = SolverConfiguration(
                timeLimit: .milliseconds(Int64(repairTimeLimit * 1000)), seed: seed,
                unimprovedTimeLimit: .milliseconds(Int64(patience * 1000)))
            options.fromDay = fromDay
            options.toolsDirectory = tools
            options.workDirectory = work
            let progress = TerminalProgress()
            let figures = try RepairBenchmark().run(options, onEvent: progress.handle)
            progress.finish()
            print(SummaryText.repairBenchmark(figures))
        }
    }
}
