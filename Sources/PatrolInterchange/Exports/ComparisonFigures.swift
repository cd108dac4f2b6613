import PatrolModel

/// Schedules side by side with the figures a comparison export shows: one column per
/// schedule, a base or a variant compared with its base.
///
/// Plain values, so that the exports can lay out a comparison made elsewhere
/// (`PatrolScenarios` builds one from a `ScenarioComparison`). A volunteer appears only by id
/// and name: a comparison carries no phone numbers, so none can reach the exported files.
///
/// ```swift
/// let figures = ComparisonFigures(
///     columns: [baseColumn, fluColumn], grids: [.init(id: "G1", name: "东区")])
/// let page = ComparisonExporter.file(figures, options: .init(format: .html))
/// ```
public struct ComparisonFigures: Sendable, Equatable {
    /// One schedule of the comparison.
    public struct Column: Sendable, Equatable {
        /// The display name, such as 春节返乡 or `base`.
        public var name: String
        /// The column this one is compared with; nil for a base.
        public var baseIndex: Int?
        /// The stored schedule version, when stored.
        public var scheduleID: Int64?
        public var score: ScoreBreakdown
        public var coveragePercent: Double
        public var teamsWithoutPartyMember: Int
        /// Volunteer-shifts missing over the month by grid, 0 included; a grid the column's
        /// community does not have (one a split removed) is absent.
        public var shortByGrid: [GridID: Int]
        /// The grids short of the most volunteer-shifts, most first: those the page highlights.
        public var worstGrids: [GridID]
        public var shiftsMin: Int
        public var shiftsMedian: Double
        public var shiftsMax: Int
        /// The Gini coefficient of patrols per volunteer: 0 when everyone has as many.
        public var giniShifts: Double
        public var volunteersWithoutPatrol: Int
        /// The volunteers whose number of patrols changed most from the base, most first;
        /// empty for a base.
        public var loadChanges: [LoadChange]

        public init(
            name: String, baseIndex: Int? = nil, scheduleID: Int64? = nil, score: ScoreBreakdown,
            coveragePercent: Double, teamsWithoutPartyMember: Int, shortByGrid: [GridID: Int],
            worstGrids: [GridID], shiftsMin: Int, shiftsMedian: Double, shiftsMax: Int,
            giniShifts: Double, volunteersWithoutPatrol: Int, loadChanges: [LoadChange] = []
        ) {
            self.name = name
            self.baseIndex = baseIndex
            self.scheduleID = scheduleID
            self.score = score
            self.coveragePercent = coveragePercent
            self.teamsWithoutPartyMember = teamsWithoutPartyMember
            self.shortByGrid = shortByGrid
            self.worstGrids = worstGrids
            self.shiftsMin = shiftsMin
            self.shiftsMedian = shiftsMedian
            self.shiftsMax = shiftsMax
            self.giniShifts = giniShifts
            self.volunteersWithoutPatrol = volunteersWithoutPatrol
            self.loadChanges = loadChanges
        }

        /// Volunteer-shifts missing over all grids.
        public var shortVolunteerShifts: Int { shortByGrid.values.reduce(0, +) }
    }

    /// A grid as the comparison names it.
    public struct Grid: Sendable, Equatable {
        public var id: GridID
        public var name: String

        public init(id: GridID, name: String) {
            self.id = id
            self.name = name
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

        public init(volunteer: VolunteerID, name: String, before: Int?, after: Int?) {
            self.volunteer = volunteer
            self.name = name
            self.before = before
            self.after = after
        }

        public var delta: Int { (after ?? 0) - (before ?? 0) }
    }

    public var columns: [Column]
    /// Every grid of any column, in the order the exports list them.
    public var grids: [Grid]

    public init(columns: [Column], grids: [Grid]) {
        self.columns = columns
        self.grids = grids
    }
}
