import ArgumentParser
import PatrolKit

extension PatrolCommand {
    /// Publishes a stored schedule and records what each volunteer served.
    struct Publish: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Publish a stored schedule: freeze it and record each volunteer's patrols, hours and training.",
            discussion: """
                A published schedule is never changed or deleted, and only one schedule per community \
                and month is published. The next months' solves of the same community (by its name in \
                community.yaml) carry the served patrols over as fairness history and the training \
                dates as trained_on, without a history.csv.
                """)

        @Argument(help: "The schedule id, as `patrol schedules` lists it.")
        var schedule: Int64

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let report = try Workspace(databasePath: database.path).publish(scheduleID: schedule)
            print(SummaryText.publish(report))
        }
    }
}
