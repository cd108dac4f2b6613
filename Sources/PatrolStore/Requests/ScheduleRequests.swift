import GRDB
import PatrolModel

// MARK: - Listing schedule versions
// Filters and orders for the `schedule` table; they compose with one another.

extension DerivableRequest<ScheduleRecord> {
    /// Versions solved for a community of this name.
    func filter(communityName: String) -> Self {
        joining(
            required: ScheduleRecord.communityImport
                .filter(CommunityImportRecord.Columns.name == communityName))
    }

    /// Versions for this month.
    func filter(month: Month) -> Self {
        filter(ScheduleRecord.Columns.month == month.description)
    }

    /// The most recently recorded version first.
    func newestFirst() -> Self {
        order(ScheduleRecord.Columns.id.desc)
    }
}

// MARK: - Reading a schedule version
// Requests for the rows of one schedule version, in stored order.

extension DerivableRequest<AssignmentRecord> {
    /// The assignments of one schedule version, in stored order.
    func forSchedule(_ scheduleID: Int64) -> Self {
        filter(AssignmentRecord.Columns.scheduleID == scheduleID)
            .order(AssignmentRecord.Columns.position)
    }
}

extension DerivableRequest<SessionAttendanceRecord> {
    /// The attendance of one schedule version, in stored order.
    func forSchedule(_ scheduleID: Int64) -> Self {
        filter(SessionAttendanceRecord.Columns.scheduleID == scheduleID)
            .order(SessionAttendanceRecord.Columns.position)
    }
}
