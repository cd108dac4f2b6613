import PatrolModel
import PatrolStore

/// What a month's solve takes over from the community's published months: patrols served,
/// as fairness history, and training dates, as `trained_on`.
///
/// The served records of the three months before become `history.csv` rows (a published
/// month replaces the rows of `history.csv` for the same volunteer and month), and a
/// volunteer's `trained_on` becomes the date of the last session they attended in a published
/// month when it is empty or older. The community handed to the solver, the checker and the
/// store then holds the carried-over values, so all three count the same score.
public struct CarryOver: Sendable, Hashable {
    /// The published months whose records changed something, oldest first.
    public var months: [Month]
    /// History rows made from served records of the three months before.
    public var historyRows: Int
    /// Rows of `history.csv` replaced by served records of the same volunteer and month.
    public var replacedHistoryRows: Int
    /// Volunteers whose `trained_on` was set or moved later, with the date it now holds.
    public var trainingDates: [VolunteerID: LocalDate]
    /// Where the community with the carried-over values was written, when it was.
    public var communityDirectory: String?

    /// Applies served records of months before the community's to it.
    ///
    /// - Returns: What was carried over, or nil when the records change nothing.
    public static func apply(_ records: [ServedRecord], to community: inout Community) -> CarryOver? {
        let month = community.month
        let window = Set((1...3).map { month.adding(months: -$0) })
        let served = records.filter { window.contains($0.month) }
        var usedMonths = Set(served.map(\.month))

        struct Key: Hashable {
            var volunteer: VolunteerID
            var month: Month
        }
        let published = Set(served.map { Key(volunteer: $0.volunteer, month: $0.month) })
        let kept = community.history.filter {
            !published.contains(Key(volunteer: $0.volunteer, month: $0.month))
        }
        let replaced = community.history.count - kept.count

        var latestTraining: [VolunteerID: (date: LocalDate, month: Month)] = [:]
        for record in records where record.month < month {
            guard let date = record.trainedOn else { continue }
            if let known = latestTraining[record.volunteer], known.date >= date { continue }
            latestTraining[record.volunteer] = (date, record.month)
        }
        var trainingDates: [VolunteerID: LocalDate] = [:]
        for index in community.volunteers.indices {
            let volunteer = community.volunteers[index]
            guard let training = latestTraining[volunteer.id] else { continue }
            if let trainedOn = volunteer.trainedOn, trainedOn >= training.date { continue }
            community.volunteers[index].trainedOn = training.date
            trainingDates[volunteer.id] = training.date
            usedMonths.insert(training.month)
        }

        guard !served.isEmpty || !trainingDates.isEmpty else { return nil }
        community.history =
            kept
            + served.map { HistoryEntry(volunteer: $0.volunteer, month: $0.month, shifts: $0.patrols) }
        return CarryOver(
            months: usedMonths.sorted(), historyRows: served.count, replacedHistoryRows: replaced,
            trainingDates: trainingDates, communityDirectory: nil)
    }

    /// One line for the solve's summary.
    public var summaryLine: String {
        var parts: [String] = []
        if historyRows > 0 {
            parts.append(
                "\(historyRows) served records as fairness history"
                    + (replacedHistoryRows > 0 ? " (replacing \(replacedHistoryRows) rows of history.csv)" : ""))
        }
        if !trainingDates.isEmpty {
            parts.append("trained_on for \(trainingDates.count) volunteers")
        }
        var line =
            "carried over (跨月结转) from published "
            + months.map(\.description).joined(separator: ", ") + ": " + parts.joined(separator: ", ")
        if let communityDirectory {
            line += "; the community as solved is in \(communityDirectory)"
        }
        return line
    }
}
