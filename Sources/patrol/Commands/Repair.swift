import ArgumentParser
import Foundation
import Logging
import PatrolKit
import PatrolModel
import PatrolSolver

extension PatrolCommand {
    /// Re-solves a stored schedule after volunteers fall away, moving as few people as possible.
    struct Repair: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Repair a stored schedule when volunteers are away from a date on, moving as few people as possible.",
            discussion: """
                Nothing dated before --from moves. From --from on, each assignment that differs from \
                the stored schedule costs --change-weight, so the fewest people are moved. The repair is \
                checked independently, stored as a new version (the stored schedule, published or not, \
                is left as it is), written to --out with the repaired community in OUT/community, and \
                printed as a list of changes. The last line printed is `score: N`.
                """)

        @Argument(help: "The schedule id, as `patrol schedules` lists it.")
        var schedule: Int64

        @Option(help: "The volunteers who are away: ids (or unique names), separated by commas.")
        var unavailable: String

        @Option(help: "The first day away, YYYY-MM-DD.")
        var from: String

        @Option(help: "The last day away, YYYY-MM-DD (default: the end of the month).")
        var to: String?

        @Option(help: "Seconds to search at most.")
        var timeLimit: Double = 0.5

        @Option(help: "Stop when the best repair has not improved for this many seconds.")
        var patience: Double = 0.3

        @Option(help: "Seed of the random search.")
        var seed: UInt64 = 1

        @Option(help: "Stop after this many evaluated moves (reproducible whatever the machine's speed).")
        var maxMoves: Int?

        @Option(help: "Penalty of each assignment that differs from the stored schedule.")
        var changeWeight = 500

        @Option(help: "Where to write the repaired roster files.")
        var out = "out"

        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            guard LocalDate(iso: from) != nil else {
                throw ValidationError("--from must be a date YYYY-MM-DD, such as 2026-12-10; got '\(from)'.")
            }
            if let to, LocalDate(iso: to) == nil {
                throw ValidationError("--to must be a date YYYY-MM-DD, such as 2026-12-20; got '\(to)'.")
            }
            guard timeLimit > 0, patience > 0 else {
                throw ValidationError("--time-limit and --patience must be more than 0 seconds.")
            }
            guard changeWeight >= 0 else { throw ValidationError("--change-weight must be 0 or more.") }
            try validateMoveLimit(maxMoves)
            guard !volunteers.isEmpty else { throw ValidationError("--unavailable names nobody.") }
        }

        private var volunteers: [String] {
            unavailable.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }

        func run() throws {
            LoggingSystem.bootstrapOnce()
            let progress = TerminalProgress()
            let request = RepairRequest(
                scheduleID: schedule, unavailable: volunteers, from: LocalDate(iso: from)!,
                to: to.flatMap { LocalDate(iso: $0) }, changeWeight: changeWeight,
                configuration: SolverConfiguration(
                    timeLimit: .milliseconds(Int64(timeLimit * 1000)), seed: seed, moveLimit: maxMoves,
                    unimprovedTimeLimit: .milliseconds(Int64(patience * 1000))),
                outputDirectory: out)
            let report = try Workspace(databasePath: database.path).repair(request, onEvent: progress.handle)
            progress.finish()
            print(SummaryText.repair(report))
        }
    }
}
