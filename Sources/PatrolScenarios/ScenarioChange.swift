import PatrolInterchange
import PatrolModel

/// One edit a scenario makes to its base community (after Timefold's `ProblemChange`).
///
/// Every kind keeps the community valid: slots stay one per grid, date and period, sorted
/// by date, period and grid; neighbours stay symmetric; every id a volunteer, slot, request
/// or grid names exists. `Scenario.apply(to:seed:)` applies the changes in order.
public struct ScenarioChange: Sendable, Equatable {
    public var kind: Kind
    /// Where the change is written: problems found while applying it point here.
    public var location: SourceLocation

    public init(_ kind: Kind, location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    /// The kinds of change, one per key of a scenario file's `changes:` list.
    public enum Kind: Sendable, Equatable {
        /// `unavailable`: the volunteers may neither patrol nor train on these dates.
        case unavailable(VolunteerSelection, dates: [DateRange])
        /// `demand`: team sizes raised, lowered, set or added.
        case demand(DemandChange)
        /// `event`: teams of at least a size for some grids, days and periods, and the
        /// grids' risk raised.
        case event(EventChange)
        /// `risk`: the security level of grids raised or lowered.
        case risk(RiskChange)
        /// `rules`: hard rules of community.yaml replaced, key by key.
        case rules([Setting])
        /// `weights`: penalties of community.yaml replaced, key by key.
        case weights([Setting])
        /// `add_volunteers`: volunteers from a file in the volunteers.csv format join.
        case addVolunteers(AddedVolunteers)
        /// `remove_volunteers`: volunteers leave; their requests go with them, their history
        /// stays (the contract counts people who left in the group average).
        case removeVolunteers(VolunteerSelection)
        /// `training`: a training session is added.
        case training(TrainingSession)
        /// `remove_trainings`: training sessions are cancelled (such as last month's, when
        /// the scenario moves the roster to another month).
        case removeTrainings([SessionID])
        /// `split_grid`: one grid becomes several.
        case splitGrid(GridSplit)
        /// `merge_grids`: several grids become one.
        case mergeGrids(GridMerge)
    }
}

/// The patrols a demand change or an event touches: grids, periods and days.
public struct TeamSelection: Sendable, Equatable {
    /// Nil means every grid.
    public var grids: [GridID]?
    /// Period ids or names as written, resolved against the community; nil means every period.
    public var periods: [String]?
    /// Nil means every day of the month.
    public var days: DaySelection?

    public init(grids: [GridID]? = nil, periods: [String]? = nil, days: DaySelection? = nil) {
        self.grids = grids
        self.periods = periods
        self.days = days
    }
}

/// `demand`: how team sizes change.
public struct DemandChange: Sendable, Equatable {
    public enum Edit: Sendable, Equatable {
        /// Existing patrols get this many more volunteers (fewer when negative); a team that
        /// drops to 0 is no longer needed. Days without a patrol stay without.
        case add(Int)
        /// The team size becomes this, adding patrols where there were none; 0 removes them.
        case set(Int)
        /// The team size becomes at least this, adding patrols where there were none.
        case atLeast(Int)
    }

    public var teams: TeamSelection
    public var edit: Edit

    public init(teams: TeamSelection, edit: Edit) {
        self.teams = teams
        self.edit = edit
    }
}

/// `event`: a public event that needs larger teams and a higher security level.
public struct EventChange: Sendable, Equatable {
    public var name: String
    public var teams: TeamSelection
    /// Teams of the event's patrols have at least this many volunteers.
    public var volunteers: Int
    /// The grids' risk becomes at least this. The contract has one risk per grid and
    /// month, so it holds for the whole month, not only on the event's days.
    public var risk: Int?
    public var needsLeader: Bool?

    public init(
        name: String, teams: TeamSelection, volunteers: Int, risk: Int? = nil,
        needsLeader: Bool? = nil
    ) {
        self.name = name
        self.teams = teams
        self.volunteers = volunteers
        self.risk = risk
        self.needsLeader = needsLeader
    }
}

/// `risk`: a new security level for grids, for the month.
public struct RiskChange: Sendable, Equatable {
    public var grids: [GridID]
    public var level: Int?
    /// Nil keeps a grid's setting, except that a grid raised to level 3 then needs a leader,
    /// as grids.csv reads an empty `needs_leader`.
    public var needsLeader: Bool?

    public init(grids: [GridID], level: Int?, needsLeader: Bool?) {
        self.grids = grids
        self.level = level
        self.needsLeader = needsLeader
    }
}

/// A `key: value` of community.yaml's `rules:` or `weights:`, checked when read.
public struct Setting: Sendable, Equatable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// `add_volunteers`: a volunteers.csv-format file and, optionally, the day they join.
public struct AddedVolunteers: Sendable, Equatable {
    /// The file, resolved against the scenario file's folder.
    public var file: String
    /// Before this date the new volunteers are unavailable.
    public var from: LocalDate?

    public init(file: String, from: LocalDate? = nil) {
        self.file = file
        self.from = from
    }
}

/// `split_grid`: a grid divided into parts, such as after new housing is built.
public struct GridSplit: Sendable, Equatable {
    public struct Part: Sendable, Equatable {
        public var id: GridID
        public var name: String
        /// The share of the grid's volunteers who live in this part; nil shares what the
        /// other parts leave equally.
        public var volunteersFraction: Double?
        /// The share of each team this part needs (rounded, at least 1); nil shares equally.
        public var demandFraction: Double?
        /// Nil keeps the split grid's risk.
        public var risk: Int?

        public init(
            id: GridID, name: String, volunteersFraction: Double? = nil,
            demandFraction: Double? = nil, risk: Int? = nil
        ) {
            self.id = id
            self.name = name
            self.volunteersFraction = volunteersFraction
            self.demandFraction = demandFraction
            self.risk = risk
        }
    }

    public var grid: GridID
    public var parts: [Part]

    public init(grid: GridID, parts: [Part]) {
        self.grid = grid
        self.parts = parts
    }
}

/// `merge_grids`: grids joined into one.
public struct GridMerge: Sendable, Equatable {
    /// How the merged grid's team size follows from the teams it replaces.
    public enum Demand: String, Sendable, Equatable, CaseIterable {
        /// The sum: the same volunteer-shifts cover the same area.
        case sum
        /// The largest: one team covers the merged area.
        case max
    }

    public var grids: [GridID]
    public var into: GridID
    public var name: String
    /// Nil takes the highest risk of the merged grids.
    public var risk: Int?
    public var demand: Demand

    public init(
        grids: [GridID], into: GridID, name: String, risk: Int? = nil, demand: Demand = .sum
    ) {
        self.grids = grids
        self.into = into
        self.name = name
        self.risk = risk
        self.demand = demand
    }
}
