import Foundation
import PatrolModel

/// A published schedule: the version a community office handed out for its month.
///
/// Publishing is for good: the store refuses to change or delete a published schedule, its
/// assignments, its attendance or its served records, and keeps at most one published
/// schedule per community and month.
public struct Publication: Hashable, Sendable {
    public var scheduleID: Int64
    /// The name in the schedule's `community.yaml`: a community is known by its name.
    public var communityName: String
    public var month: Month
    /// As recorded, to the millisecond.
    public var publishedAt: Date

    public init(scheduleID: Int64, communityName: String, month: Month, publishedAt: Date) {
        self.scheduleID = scheduleID
        self.communityName = communityName
        self.month = month
        self.publishedAt = publishedAt
    }
}

/// What one volunteer served in a published month: the input of the next months' fairness
/// carry-over and `trained_on`.
public struct ServedRecord: Hashable, Sendable {
    public var communityName: String
    public var month: Month
    public var volunteer: VolunteerID
    /// Patrols in the published schedule, 0 included, so that the volunteer counts in the
    /// group average of the carry-over as a `history.csv` row would.
    public var patrols: Int
    /// The patrols' length added up, in minutes (periods past midnight counted whole).
    public var minutes: Int
    /// The date of the training session the volunteer attended that month, if any.
    public var trainedOn: LocalDate?

    public init(
        communityName: String, month: Month, volunteer: VolunteerID, patrols: Int, minutes: Int,
        trainedOn: LocalDate?
    ) {
        self.communityName = communityName
        self.month = month
        self.volunteer = volunteer
        self.patrols = patrols
        self.minutes = minutes
        self.trainedOn = trainedOn
    }

    /// The patrols' length in hours.
    public var hours: Double { Double(minutes) / 60 }

    /// One record per volunteer of `community`, in the community's order, for `schedule`.
    ///
    /// Assignments and attendance naming someone outside the community are not counted; the
    /// store refuses such schedules anyway.
    public static func records(community: Community, schedule: Schedule) -> [ServedRecord] {
        let minutesOf = Dictionary(
            community.periods.map { ($0.id, $0.durationMinutes) }, uniquingKeysWith: { a, _ in a })
        let sessionDate = Dictionary(
            community.sessions.map { ($0.id, $0.date) }, uniquingKeysWith: { a, _ in a })
        var patrols: [VolunteerID: (count: Int, minutes: Int)] = [:]
        for assignment in schedule.assignments {
            let minutes = minutesOf[assignment.period] ?? 0
            patrols[assignment.volunteer, default: (0, 0)].count += 1
            patrols[assignment.volunteer, default: (0, 0)].minutes += minutes
        }
        var trainedOn: [VolunteerID: LocalDate] = [:]
        for attendance in schedule.attendance {
            guard let date = sessionDate[attendance.session] else { continue }
            trainedOn[attendance.volunteer] = max(date, trainedOn[attendance.volunteer] ?? date)
        }
        var seen = Set<VolunteerID>()
        return community.volunteers.filter { seen.insert($0.id).inserted }.map { volunteer in
            let served = patrols[volunteer.id] ?? (0, 0)
            return ServedRecord(
                communityName: community.name, month: community.month, volunteer: volunteer.id,
                patrols: served.count, minutes: served.minutes, trainedOn: trainedOn[volunteer.id])
        }
    }
}
