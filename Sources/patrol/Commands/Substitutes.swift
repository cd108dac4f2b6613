import ArgumentParser
import PatrolKit
import PatrolModel

extension PatrolCommand {
    /// Ranks who could take a place in one team.
    struct Substitutes: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rank the volunteers who could take a place in a team, with the score change and why.",
            discussion: """
                Each candidate is scored by the independent checker on the schedule with them in the team \
                (taking an open place, or replacing a member): only those who break no hard rule are \
                listed, best first.
                """)

        @Argument(help: "The schedule id, as `patrol schedules` lists it.")
        var schedule: Int64

        @Option(help: "The date, YYYY-MM-DD.") var date: String
        @Option(help: "The period id or name.") var period: String
        @Option(help: "The grid id or name.") var grid: String

        @Option(help: "Only substitutes replacing this member (id or unique name).")
        var replacing: String?

        @Option(help: "How many to show.") var limit = 10

        @Flag(help: "Also list those who cannot join, with the hard rule they would break.")
        var all = false

        @Option(help: "zh or en.") var lang: Language = .zh

        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            guard LocalDate(iso: date) != nil else {
                throw ValidationError("--date must be a date YYYY-MM-DD, such as 2026-12-12; got '\(date)'.")
            }
            guard limit > 0 else { throw ValidationError("--limit must be at least 1.") }
        }

        func run() throws {
            let stored = try Workspace(databasePath: database.path).database.schedule(id: schedule)
            let report = try SubstituteSearch(community: stored.community, schedule: stored.schedule).rank(
                grid: grid, date: LocalDate(iso: date)!, period: period, replacing: replacing, listUnsuitable: all)
            print(report.text(lang, limit: limit))
        }
    }
}

extension Language: ExpressibleByArgument {}
