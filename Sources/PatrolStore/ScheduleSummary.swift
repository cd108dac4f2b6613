import Foundation
import PatrolModel

/// One stored schedule version, without its assignments: a line of `patrol schedules`.
public struct ScheduleSummary: Hashable, Sendable {
    /// The version's id, increasing with each recorded schedule.
    public var id: Int64
    /// The community import the schedule was solved for.
    public var importID: Int64
    public var communityName: String
    public var month: Month
    /// As recorded, to the millisecond.
    public var createdAt: Date
    public var seed: UInt64
    public var timeLimitSeconds: Double
    /// Every component's count and penalty.
    public var score: ScoreBreakdown
    /// The sum of the penalties, equal to `score.total`.
    public var total: Int
    public var assignmentCount: Int
    /// The sum of the team sizes the community's demand asks for.
    public var neededVolunteers: Int
    /// The sum over the demand of min(assigned, needed).
    public var coveredVolunteers: Int
    public var note: String?
    /// When the version was published; nil while it is not. Once set it never changes.
    public var publishedAt: Date?

    /// Coverage in percent, as the contract defines it; nil when the month has no demand.
    public var coveragePercent: Double? {
        neededVolunteers == 0 ? nil : 100 * Double(coveredVolunteers) / Double(neededVolunteers)
    }

    init(_ record: ScheduleRecord, communityName: String, publishedAt: Date?) {
        // Only an inserted record is read back, and inserted records have ids.
        id = record.id ?? 0
        importID = record.importID
        self.communityName = communityName
        month = record.month
        createdAt = record.createdAt
        seed = UInt64(bitPattern: record.seed)
        timeLimitSeconds = record.timeLimitSeconds
        score = record.score
        total = record.total
        assignmentCount = record.assignmentCount
        neededVolunteers = record.neededVolunteers
        coveredVolunteers = record.coveredVolunteers
        note = record.note
        self.publishedAt = publishedAt
    }
}

/// A stored schedule version in full: its summary, the community it was solved for, and the
/// schedule with assignments and attendance in the order they were recorded.
public struct StoredSchedule: Hashable, Sendable {
    public var summary: ScheduleSummary
    public var community: Community
    public var schedule: Schedule

    public init(summary: ScheduleSummary, community: Community, schedule: Schedule) {
        self.summary = summary
        self.community = community
        self.schedule = schedule
    }
}
