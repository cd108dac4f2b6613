import PatrolModel
import PatrolStore

/// What `patrol publish` reports.
public struct PublishReport: Sendable {
    public var publication: Publication
    /// One record per volunteer of the schedule's community, in its order.
    public var served: [ServedRecord]

    public var patrols: Int { served.reduce(0) { $0 + $1.patrols } }
    public var minutes: Int { served.reduce(0) { $0 + $1.minutes } }
    public var trained: Int { served.filter { $0.trainedOn != nil }.count }
}

extension Workspace {
    /// Publishes a stored schedule: freezes it for good and records what each volunteer served,
    /// for the carry-over into the community's next months.
    ///
    /// - Throws: `StoreError` when the schedule is unknown, already published, or another
    ///   version of its community and month is.
    public func publish(scheduleID: Int64) throws -> PublishReport {
        let publication = try database.publish(scheduleID: scheduleID)
        return PublishReport(
            publication: publication, served: try database.servedRecords(scheduleID: scheduleID))
    }

    /// Carries the community's published months over into `community` (see `CarryOver`).
    func carryOver(into community: inout Community) throws -> CarryOver? {
        let records = try database.servedRecords(community: community.name, before: community.month)
        return CarryOver.apply(records, to: &community)
    }
}

extension SummaryText {
    /// The summary of `patrol publish`.
    public static func publish(_ report: PublishReport) -> String {
        let p = report.publication
        let next = p.month.adding(months: 1)
        return [
            "schedule #\(p.scheduleID) published (已发布): \(p.communityName) \(p.month); it is kept "
                + "as it is from now on",
            "served (实际服务): \(report.served.count) volunteers, \(report.patrols) patrols, "
                + "\(format(Double(report.minutes) / 60)) hours; \(report.trained) trained this month",
            "the solves of \(p.communityName) for \(next) and the two months after carry these over "
                + "(fairness history and trained_on), with or without a history.csv",
        ].joined(separator: "\n")
    }
}
