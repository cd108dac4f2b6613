import GRDB
import PatrolModel

/// A row of `assignment`: one volunteer in one team of a schedule version.
///
/// It repeats the schedule's `importID` so that foreign keys can require the volunteer, grid
/// and period to exist in the community the schedule was solved for.
struct AssignmentRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "assignment"

    var scheduleID: Int64
    var importID: Int64
    /// 0-based place in the schedule's assignments.
    var position: Int
    var volunteer: VolunteerID
    var grid: GridID
    var date: LocalDate
    var period: PeriodID

    enum Columns {
        static let scheduleID = Column(CodingKeys.scheduleID)
        static let position = Column(CodingKeys.position)
    }

    init(_ assignment: Assignment, scheduleID: Int64, importID: Int64, position: Int) {
        self.scheduleID = scheduleID
        self.importID = importID
        self.position = position
        volunteer = assignment.volunteer
        grid = assignment.grid
        date = assignment.date
        period = assignment.period
    }

    var assignment: Assignment {
        Assignment(volunteer: volunteer, grid: grid, date: date, period: period)
    }
}
