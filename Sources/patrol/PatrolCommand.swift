import ArgumentParser

/// The `patrol` command: monthly patrol rosters for community safety volunteers.
@main
struct PatrolCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "patrol",
        abstract: "Build monthly safety-patrol rosters (平安巡防排班) for a community's volunteers.",
        version: "0.1.0",
        subcommands: [
            Solve.self, Check.self, Demo.self, Schedules.self, Export.self, Generate.self, Bench.self,
            Scenario.self, Publish.self, Repair.self, Substitutes.self, Explain.self,
        ])
}
