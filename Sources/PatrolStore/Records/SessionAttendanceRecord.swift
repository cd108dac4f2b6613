import GRDB
import PatrolModel

/// A row of `sessionAttendance`: one volunteer booked into a training session by a schedule
/// version.
///
/// Like `AssignmentRecord`, it repeats the schedule's `importID` for its foreign keys.
struct SessionAttendanceRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "sessionAttendance"

    var scheduleID: Int64
    var importID: Int64
    /// 0-based place in the schedule's attendance.
    var position: Int
    var session: SessionID
    var volunteer: VolunteerID

    enum Columns {
        static let scheduleID = Column(CodingKeys.scheduleID)
        static let position = Column(CodingKeys.position)
    }

    init(_ attendance: SessionAttendance, scheduleID: Int64, importID: Int64, position: Int) {
        self.scheduleID = scheduleID
        self.importID = importID
        self.position = position
        session = attendance.session
        volunteer = attendance.volunteer
    }

    var attendance: SessionAttendance {
        SessionAttendance(session: session, volunteer: volunteer)
    }
}
