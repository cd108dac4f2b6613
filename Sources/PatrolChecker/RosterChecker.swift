import PatrolModel

/// The plain, independent recount of a schedule against the contract: the test oracle of the
/// optimiser and the engine of `patrol check`.
///
/// Every rule is recomputed from scratch with dictionaries and sorted lists, the way
/// `../shared/tools/patrol_check.py` does it, and shares no code with the solver's
/// incremental score: when the two disagree, one of them is wrong. The readings are the
/// contract's section 3a.
///
/// Assignments that name an unknown volunteer, grid or period, or a date outside the month,
/// and attendance that names an unknown session or volunteer, are left out, as
/// `patrol_check.py` leaves out output rows it cannot read.
///
/// ```swift
/// let evaluation = RosterChecker(community: community).evaluate(schedule)
/// print(evaluation.score.total, evaluation.hardViolationCount)
/// ```
public struct RosterChecker: Sendable {
    public let community: Community
    let volunteerByID: [VolunteerID: Volunteer]
    let gridByID: [GridID: Grid]
    let periodByID: [PeriodID: Period]
    let sessionByID: [SessionID: TrainingSession]
    /// The community's volunteers, each id once, in file order.
    let volunteers: [Volunteer]
    /// Team size needed by grid, date and period; only sizes above 0.
    let need: [TeamKey: Int]
    let carryOver: [VolunteerID: Int]
    /// Adjacent grids, listed on either side (the contract reads `neighbors` as symmetric).
    let adjacency: Set<GridPair>

    public init(community: Community) {
        self.community = community
        var seen = Set<VolunteerID>()
        volunteers = community.volunteers.filter { seen.insert($0.id).inserted }
        volunteerByID = Dictionary(volunteers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        gridByID = Dictionary(community.grids.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        periodByID = Dictionary(
            community.periods.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        sessionByID = Dictionary(
            community.sessions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var need: [TeamKey: Int] = [:]
        for slot in community.slots {
            // A later slot replaces an earlier one, as a later demand row does.
            need[TeamKey(grid: slot.grid, date: slot.date, period: slot.period)] = slot.needed
        }
        self.need = need.filter { $0.value > 0 }
        carryOver = Self.carryOver(
            history: community.history, month: community.month, volunteers: volunteers)
        var adjacency = Set<GridPair>()
        for grid in community.grids {
            for other in grid.neighbors where other != grid.id {
                adjacency.insert(GridPair(grid.id, other))
                adjacency.insert(GridPair(other, grid.id))
            }
        }
        self.adjacency = adjacency
    }

    /// Recounts every hard rule, every score component and the KPIs of `schedule`.
    ///
    /// - Complexity: O(a log a + p^2) for a assignments, where p is the largest number of
    ///   overlapping patrols and sessions of one volunteer, plus O(requests x patrols of the
    ///   requester).
    public func evaluate(_ schedule: Schedule) -> RosterEvaluation {
        let patrols = readablePatrols(schedule.assignments)
        let attendance = schedule.attendance.filter {
            sessionByID[$0.session] != nil && volunteerByID[$0.volunteer] != nil
        }
        let teams = teamMembers(patrols)
        let violations = hardRuleViolations(patrols: patrols, attendance: attendance, teams: teams)
        let (score, shifts) = score(patrols: patrols, attendance: attendance, teams: teams)
        let kpi = kpi(shifts: shifts, teams: teams, score: score)
        return RosterEvaluation(
            score: score, violations: violations, kpi: kpi, carryOver: carryOver)
    }

    // MARK: - Readable input: the assignments and attendance the rules are counted on.

    /// One assignment with its period looked up and its absolute time interval.
    struct Patrol {
        var volunteer: VolunteerID
        var grid: GridID
        var date: LocalDate
        var period: Period
        /// Minutes from midnight of the month's first day; half-open [start, end).
        var start: Int
        var end: Int

        var team: TeamKey { TeamKey(grid: grid, date: date, period: period.id) }
    }

    /// A grid, date and period: the key of a team and of a demand.
    struct TeamKey: Hashable, Comparable {
        var grid: GridID
        var date: LocalDate
        var period: PeriodID

        static func < (lhs: TeamKey, rhs: TeamKey) -> Bool {
            (lhs.grid, lhs.date, lhs.period) < (rhs.grid, rhs.date, rhs.period)
        }
    }

    /// An ordered pair of grids, for the adjacency set.
    struct GridPair: Hashable {
        var from: GridID
        var to: GridID

        init(_ from: GridID, _ to: GridID) {
            self.from = from
            self.to = to
        }
    }

    func readablePatrols(_ assignments: [Assignment]) -> [Patrol] {
        assignments.compactMap { a in
            guard volunteerByID[a.volunteer] != nil, gridByID[a.grid] != nil,
                let period = periodByID[a.period], community.month.contains(a.date)
            else { return nil }
            let start = minutesFromMonthStart(a.date) + period.start.minutes
            return Patrol(
                volunteer: a.volunteer, grid: a.grid, date: a.date, period: period,
                start: start, end: start + period.durationMinutes)
        }
    }

    /// Minutes from midnight of the month's first day to midnight of `date`.
    func minutesFromMonthStart(_ date: LocalDate) -> Int {
        (date.dayNumber - community.month.firstDate.dayNumber) * 1440
    }

    /// The volunteers of each team, one entry per assignment (a repeated row counts twice).
    func teamMembers(_ patrols: [Patrol]) -> [TeamKey: [VolunteerID]] {
        var teams: [TeamKey: [VolunteerID]] = [:]
        for patrol in patrols { teams[patrol.team, default: []].append(patrol.volunteer) }
        return teams
    }
}
