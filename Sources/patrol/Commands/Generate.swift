import ArgumentParser
import PatrolInterchange
import PatrolKit
import PatrolModel
import PatrolSamples

extension PatrolCommand {
    /// Writes a synthetic community directory.
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a realistic synthetic community directory, for trials and benchmarks.")

        @Option(help: "Number of volunteers.") var volunteers = 160
        @Option(help: "Number of grids.") var grids = 10
        @Option(help: "Ratio of volunteer capacity to demand: loose, balanced or tight.")
        var tightness: CommunityGenerator.Tightness = .balanced
        @Option(help: "The month, as YYYY-MM.") var month = "2026-12"
        @Option(help: "Community name.") var name = "长青社区"
        @Option(help: "Seed: the same seed gives the same community.") var seed: UInt64 = 1
        @Option(help: "office (Chinese, as an office keeps the files) or plain (English).")
        var style: CommunityWriter.Style = .office
        @Option(help: "The directory to write.") var out: String

        func validate() throws {
            guard Month(month) != nil else {
                throw ValidationError("--month must be YYYY-MM, such as 2026-12; got '\(month)'.")
            }
            guard volunteers > 0, grids > 0 else {
                throw ValidationError("--volunteers and --grids must be at least 1.")
            }
        }

        func run() throws {
            var options = CommunityGenerator.Options()
            options.name = name
            options.month = Month(month)!
            options.volunteers = volunteers
            options.grids = grids
            options.tightness = tightness
            options.seed = seed
            let files = try Workspace.generate(options, style: style, to: out)
            print("written: " + files.joined(separator: ", "))
        }
    }
}

extension CommunityGenerator.Tightness: ExpressibleByArgument {}
extension CommunityWriter.Style: ExpressibleByArgument {}
