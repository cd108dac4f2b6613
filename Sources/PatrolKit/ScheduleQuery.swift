import PatrolModel

/// A volunteer, grid, period or date named on the command line that the stored schedule's
/// community does not have.
public enum ScheduleQueryError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownVolunteer(String, community: String)
    case unknownGrid(String, community: String, known: [GridID])
    case unknownPeriod(String, community: String, known: [PeriodID])
    case dateOutsideMonth(LocalDate, month: Month)
    case emptyRange(from: LocalDate, to: LocalDate)
    /// No team is needed at this grid, date and period.
    case noDemand(grid: GridID, date: LocalDate, period: PeriodID)
    /// The volunteer to be replaced is not in that team.
    case notInTeam(String, grid: GridID, date: LocalDate, period: PeriodID)

    public var description: String {
        switch self {
        case .unknownVolunteer(let text, let community):
            "\(community) has no volunteer with the id or name \"\(text)\"."
        case .unknownGrid(let text, let community, let known):
            "\(community) has no grid \"\(text)\" (its grids: "
                + known.map(\.rawValue).joined(separator: ", ") + ")."
        case .unknownPeriod(let text, let community, let known):
            "\(community) has no period \"\(text)\" (its periods: "
                + known.map(\.rawValue).joined(separator: ", ") + ")."
        case .dateOutsideMonth(let date, let month):
            "\(date) is not in the schedule's month \(month)."
        case .emptyRange(let from, let to):
            "--to \(to) is before --from \(from)."
        case .noDemand(let grid, let date, let period):
            "No team is needed in grid \(grid) on \(date), period \(period): demand.csv asks for none."
        case .notInTeam(let text, let grid, let date, let period):
            "\(text) is not in the team of grid \(grid) on \(date), period \(period)."
        }
    }
}

extension Community {
    /// The volunteer with this id, or else the only one with this name.
    func resolveVolunteer(_ text: String) throws(ScheduleQueryError) -> Volunteer {
        if let volunteer = volunteer(VolunteerID(text)) { return volunteer }
        let named = volunteers.filter { $0.name == text }
        guard named.count == 1, let volunteer = named.first else {
            throw .unknownVolunteer(text, community: name)
        }
        return volunteer
    }

    /// The grid with this id, or else the only one with this name.
    func resolveGrid(_ text: String) throws(ScheduleQueryError) -> Grid {
        if let grid = grid(GridID(text)) { return grid }
        let named = grids.filter { $0.name == text }
        guard named.count == 1, let grid = named.first else {
            throw .unknownGrid(text, community: name, known: grids.map(\.id))
        }
        return grid
    }

    /// The period with this id, or else the only one with this name.
    func resolvePeriod(_ text: String) throws(ScheduleQueryError) -> Period {
        if let period = period(PeriodID(text)) { return period }
        let named = periods.filter { $0.name == text }
        guard named.count == 1, let period = named.first else {
            throw .unknownPeriod(text, community: name, known: periods.map(\.id))
        }
        return period
    }

    /// `date`, when it is in the month.
    func checkInMonth(_ date: LocalDate) throws(ScheduleQueryError) -> LocalDate {
        guard month.contains(date) else { throw .dateOutsideMonth(date, month: month) }
        return date
    }

    /// `王建国 (V01)`.
    func label(_ id: VolunteerID) -> String {
        volunteer(id).map { "\($0.name) (\(id))" } ?? id.rawValue
    }

    /// `G1 幸福里网格`.
    func gridLabel(_ id: GridID) -> String {
        grid(id).map { "\(id) \($0.name)" } ?? id.rawValue
    }

    /// `2026-12-12 Sat evening (晚上)`.
    func timeLabel(_ date: LocalDate, _ period: PeriodID) -> String {
        let name = self.period(period).map { " (\($0.name))" } ?? ""
        return "\(date) \(date.weekday.englishAbbreviation) \(period)\(name)"
    }
}
