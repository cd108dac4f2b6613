import ArgumentParser
import PatrolKit
import PatrolModel

extension PatrolCommand {
    /// Re-scores a roster output folder with the independent checker.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-read a roster output folder and re-score it against its community.",
            discussion: "Exits 1 when a hard rule is broken. The last line printed is `score: N`.")

        @Argument(help: "The community directory.")
        var directory: String

        @Argument(help: "The folder with schedule.csv and trainings.csv.")
        var outputDirectory: String

        @Option(help: "The month, as YYYY-MM (default: the month in community.yaml).")
        var month: String?

        func validate() throws {
            if let month, Month(month) == nil {
                throw ValidationError("--month must be YYYY-MM, such as 2026-12; got '\(month)'.")
            }
        }

        func run() throws {
            let report = try reportingInputErrors {
                try Workspace.check(
                    directory: directory, outputDirectory: outputDirectory, month: month.flatMap { Month($0) })
            }
            print(SummaryText.check(report))
            if report.evaluation.hardViolationCount > 0 { throw ExitCode.failure }
        }
    }
}
