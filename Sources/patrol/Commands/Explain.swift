import ArgumentParser
import PatrolKit
import PatrolModel

extension PatrolCommand {
    /// Explains a stored schedule in plain words.
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Explain a stored schedule in plain words: a volunteer's load, a grid's or a day's teams.",
            discussion: """
                Without an option: the score by component and why short slots are short. With \
                --volunteer: their load against their limits, availability, training, min_shifts, \
                requests and the average. With --grid or --date: each team's shortfall and penalties \
                (no Party member, no leader, members from other grids, broken requests).
                """)

        @Argument(help: "The schedule id, as `patrol schedules` lists it.")
        var schedule: Int64

        @Option(help: "A volunteer id or unique name.") var volunteer: String?
        @Option(help: "A grid id or name.") var grid: String?
        @Option(help: "A date, YYYY-MM-DD.") var date: String?
        @Option(help: "zh or en.") var lang: Language = .zh

        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            guard [volunteer, grid, date].compactMap({ $0 }).count <= 1 else {
                throw ValidationError("Give one of --volunteer, --grid and --date, not several.")
            }
            if let date, LocalDate(iso: date) == nil {
                throw ValidationError("--date must be a date YYYY-MM-DD, such as 2026-12-12; got '\(date)'.")
            }
        }

        func run() throws {
            let stored = try Workspace(databasePath: database.path).database.schedule(id: schedule)
            let explainer = Explainer(community: stored.community, schedule: stored.schedule)
            let explanation: Explanation
            if let volunteer {
                explanation = try explainer.volunteer(volunteer)
            } else if let grid {
                explanation = try explainer.grid(grid)
            } else if let date {
                explanation = try explainer.date(LocalDate(iso: date)!)
            } else {
                explanation = explainer.overview()
            }
            print(explanation.text(lang))
        }
    }
}
