import PatrolModel

/// A scenario applied to its base community: the community to solve, and what changed.
public struct ScenarioVariant: Sendable {
    public var scenario: Scenario
    public var community: Community
    /// What each base grid became: itself, the parts it was split into, or the grid it
    /// was merged into.
    public var gridMap: [GridID: [GridID]]
    /// One line per change saying what it did, such as "unavailable 2027-02-05..2027-02-13:
    /// 12 of 36 volunteers (V0003, V0012, …)".
    public var effects: [String]
    /// Changes that had no effect, such as a filter that matches nobody.
    public var warnings: [Diagnostic]

    public init(
        scenario: Scenario, community: Community, gridMap: [GridID: [GridID]],
        effects: [String], warnings: [Diagnostic]
    ) {
        self.scenario = scenario
        self.community = community
        self.gridMap = gridMap
        self.effects = effects
        self.warnings = warnings
    }

    /// A schedule of the base community carried over to this variant, as a warm start.
    ///
    /// Assignments of volunteers who left are dropped; an assignment in a merged grid moves
    /// to the merged grid, one in a split grid to the part the volunteer now lives in (the
    /// first part for volunteers from elsewhere). The result may break hard rules of the
    /// variant (a volunteer now unavailable, a team now too large): the solver drops those
    /// assignments when it loads a start.
    public func adapt(_ schedule: Schedule) -> Schedule {
        let volunteers = Dictionary(
            community.volunteers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let sessions = Set(community.sessions.map(\.id))
        var result = Schedule()
        for assignment in schedule.assignments {
            guard let volunteer = volunteers[assignment.volunteer],
                let targets = gridMap[assignment.grid], let first = targets.first
            else { continue }
            var moved = assignment
            moved.grid = targets.contains(volunteer.homeGrid) ? volunteer.homeGrid : first
            result.assignments.append(moved)
        }
        result.attendance = schedule.attendance.filter {
            volunteers[$0.volunteer] != nil && sessions.contains($0.session)
        }
        return result
    }
}
