/// One volunteer in one team: a grid, a date and a period.
public struct Assignment: Hashable, Codable, Sendable {
    public var volunteer: VolunteerID
    public var grid: GridID
    public var date: LocalDate
    public var period: PeriodID

    public init(volunteer: VolunteerID, grid: GridID, date: LocalDate, period: PeriodID) {
        self.volunteer = volunteer
        self.grid = grid
        self.date = date
        self.period = period
    }
}

/// A volunteer booked into a training session.
public struct SessionAttendance: Hashable, Codable, Sendable {
    public var session: SessionID
    public var volunteer: VolunteerID

    public init(session: SessionID, volunteer: VolunteerID) {
        self.session = session
        self.volunteer = volunteer
    }
}

/// A month's answer: who patrols where and when, and who trains in which session.
public struct Schedule: Hashable, Codable, Sendable {
    public var assignments: [Assignment]
    public var attendance: [SessionAttendance]

    public init(assignments: [Assignment] = [], attendance: [SessionAttendance] = []) {
        self.assignments = assignments
        self.attendance = attendance
    }
}
