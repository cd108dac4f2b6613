import ArgumentParser
import PatrolKit
import PatrolModel

extension PatrolCommand {
    /// Lists the stored schedule versions.
    struct Schedules: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List stored schedule versions, newest first.")

        @Option(help: "Only this community (its name in community.yaml).")
        var community: String?

        @Option(help: "Only this month, as YYYY-MM.")
        var month: String?

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let list = try Workspace(databasePath: database.path).schedules(
                community: community, month: month.flatMap { Month($0) })
            print(SummaryText.scheduleList(list))
        }
    }
}
