import PatrolKit
import PatrolSolver

extension PatrolCommand.Bench.PatrolBench {
    /// `patrol bench --repair`: the baseline solve takes --time-limit, the repair at most
    /// --repair-time-limit; the community, store and outputs go to WORK/repair.
    func runRepair() throws {
        var options = RepairBenchmark.Options()
        options.community.volunteers = volunteers
        options.community.grids = grids
        options.community.tightness = tightness
        options.community.seed = communitySeed
        options.solve = SolverConfiguration(
            timeLimit: .milliseconds(Int64(timeLimit * 1000)), seed: seed)
        options.repair = SolverConfiguration(
            timeLimit: .milliseconds(Int64(repairTimeLimit * 1000)), seed: seed,
            unimprovedTimeLimit: .milliseconds(Int64(patience * 1000)))
        options.fromDay = fromDay
        options.toolsDirectory = tools
        options.workDirectory = work + "/repair"
        let progress = TerminalProgress()
        let figures = try RepairBenchmark().run(options, onEvent: progress.handle)
        progress.finish()
        print(SummaryText.repairBenchmark(figures))
    }
}
