import PatrolChecker
import PatrolModel

/// The figures a scenario comparison sets side by side, for one schedule of one community.
///
/// Counted by the independent `RosterChecker`, so they are the figures `patrol check` and
/// `patrol_check.py` give for the same files.
public struct RosterFigures: Sendable, Equatable {
    /// Volunteer-shifts a grid is short of, over the month.
    public struct GridShortfall: Sendable, Equatable {
        public var grid: GridID
        public var name: String
        public var missing: Int
    }

    public var score: ScoreBreakdown
    public var hardViolations: Int
    public var coveragePercent: Double
    public var neededVolunteerShifts: Int
    public var coveredVolunteerShifts: Int
    public var teams: Int
    public var teamsWithoutPartyMember: Int
    /// Every grid of the community in its order, those with nothing missing included.
    public var shortByGrid: [GridShortfall]
    public var shiftsMin: Int
    public var shiftsMedian: Double
    public var shiftsMax: Int
    public var giniShifts: Double
    public var volunteersWithoutPatrol: Int
    /// Patrols of every volunteer of the community, 0 included.
    public var shifts: [VolunteerID: Int]
    public var names: [VolunteerID: String]

    /// The figures of `schedule` for `community`.
    public init(community: Community, schedule: Schedule) {
        self.init(
            community: community, schedule: schedule,
            evaluation: RosterChecker(community: community).evaluate(schedule))
    }

    /// The figures of `schedule`, whose checker evaluation for `community` is at hand.
    public init(community: Community, schedule: Schedule, evaluation: RosterEvaluation) {
        let kpi = evaluation.kpi
        score = evaluation.score
        hardViolations = evaluation.hardViolationCount
        coveragePercent = kpi.coveragePercent
        neededVolunteerShifts = kpi.neededVolunteerShifts
        coveredVolunteerShifts = kpi.coveredVolunteerShifts
        teams = kpi.teams
        teamsWithoutPartyMember = kpi.teamsWithoutPartyMember
        shiftsMin = kpi.shiftsMin
        shiftsMedian = kpi.shiftsMedian
        shiftsMax = kpi.shiftsMax
        giniShifts = kpi.giniShifts
        volunteersWithoutPatrol = kpi.volunteersWithZeroShifts

        struct TeamKey: Hashable {
            var grid: GridID
            var date: LocalDate
            var period: PeriodID
        }
        var assigned: [TeamKey: Int] = [:]
        var shifts = Dictionary(
            community.volunteers.map { ($0.id, 0) }, uniquingKeysWith: { a, _ in a })
        for assignment in schedule.assignments {
            assigned[
                TeamKey(grid: assignment.grid, date: assignment.date, period: assignment.period),
                default: 0] += 1
            if shifts[assignment.volunteer] != nil { shifts[assignment.volunteer, default: 0] += 1 }
        }
        var missing: [GridID: Int] = [:]
        for slot in community.slots {
            let team = assigned[TeamKey(grid: slot.grid, date: slot.date, period: slot.period)] ?? 0
            missing[slot.grid, default: 0] += max(0, slot.needed - team)
        }
        shortByGrid = community.grids.map {
            GridShortfall(grid: $0.id, name: $0.name, missing: missing[$0.id] ?? 0)
        }
        self.shifts = shifts
        names = Dictionary(
            community.volunteers.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    /// Volunteer-shifts missing over all grids.
    public var shortVolunteerShifts: Int { shortByGrid.reduce(0) { $0 + $1.missing } }

    /// The grids short of the most volunteer-shifts, most first (ties in grid order),
    /// only those short of any.
    public func worstGrids(_ limit: Int) -> [GridShortfall] {
        let order = Dictionary(uniqueKeysWithValues: shortByGrid.enumerated().map { ($1.grid, $0) })
        return shortByGrid.filter { $0.missing > 0 }
            .sorted { ($0.missing, -(order[$0.grid] ?? 0)) > ($1.missing, -(order[$1.grid] ?? 0)) }
            .prefix(limit).map { $0 }
    }
}

/// How one volunteer's patrols differ between a base and a variant.
public struct LoadChange: Sendable, Equatable {
    public var volunteer: VolunteerID
    public var name: String
    /// Nil when the volunteer is not in the base (they joined in the variant).
    public var before: Int?
    /// Nil when the volunteer is not in the variant (they left).
    public var after: Int?

    public var delta: Int { (after ?? 0) - (before ?? 0) }
}

extension RosterFigures {
    /// The volunteers whose number of patrols changed most from `base` to this schedule,
    /// largest change first, ties by id; volunteers who joined or left count from 0.
    public func loadChanges(from base: RosterFigures, limit: Int) -> [LoadChange] {
        let ids = Set(shifts.keys).union(base.shifts.keys)
        return ids.map { id in
            LoadChange(
                volunteer: id, name: names[id] ?? base.names[id] ?? "", before: base.shifts[id],
                after: shifts[id])
        }
        .filter { $0.delta != 0 }
        .sorted { (abs($0.delta), $1.volunteer) > (abs($1.delta), $0.volunteer) }
        .prefix(limit).map { $0 }
    }
}
