import ArgumentParser
import PatrolKit

extension PatrolCommand {
    /// Writes a stored schedule's files again.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a stored schedule's roster files again, byte for byte as first written.")

        @Argument(help: "The schedule id, as `patrol schedules` lists it.")
        var id: Int64

        @Option(help: "Where to write the files.")
        var out: String

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let files = try Workspace(databasePath: database.path).export(scheduleID: id, to: out)
            print("written: " + files.joined(separator: ", "))
        }
    }
}
