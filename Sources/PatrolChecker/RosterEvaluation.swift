import PatrolModel

/// Everything the checker found in one schedule: the score, every broken hard rule, the KPIs.
///
/// The numbers follow `../shared/tools/patrol_check.py` exactly (its `check_hard_rules`,
/// `score` and `kpis`), so a schedule checked here and by the Python tool gets the same counts.
public struct RosterEvaluation: Sendable, Equatable {
    /// Every soft component's count and penalty. The `requests` line counts unmet `on`
    /// requests plus violated `off` requests; its penalty is the sum of their weights.
    public var score: ScoreBreakdown
    /// For every hard rule (each key present, possibly with no entry): one readable line per
    /// violation, so the array's length is the count `patrol_check.py` reports.
    public var violations: [HardRule: [String]]
    /// The sum of all violation counts; 0 for a schedule that keeps every hard rule.
    public var hardViolationCount: Int
    public var kpi: RosterKPI
    /// Patrols each volunteer carries over from the three months before (section 3a), for
    /// every volunteer of the community, 0 included.
    public var carryOver: [VolunteerID: Int]

    public init(
        score: ScoreBreakdown, violations: [HardRule: [String]], kpi: RosterKPI,
        carryOver: [VolunteerID: Int]
    ) {
        self.score = score
        self.violations = violations
        self.hardViolationCount = violations.values.reduce(0) { $0 + $1.count }
        self.kpi = kpi
        self.carryOver = carryOver
    }

    /// How many times the schedule breaks `rule`.
    public func violationCount(_ rule: HardRule) -> Int { violations[rule]?.count ?? 0 }

    /// True when no hard rule is broken.
    public var isFeasible: Bool { hardViolationCount == 0 }
}

/// The key figures a community office reads next to the score (`kpi` of `patrol_check.py`).
///
/// Ratios are kept at full precision; `patrol_check.py` rounds `coverage_pct` to 2 and
/// `gini_shifts` to 4 decimals only when it prints them.
public struct RosterKPI: Sendable, Equatable {
    /// Sum of the team sizes demanded.
    public var neededVolunteerShifts: Int
    /// Patrols assigned, including any above demand.
    public var assignedVolunteerShifts: Int
    /// Sum over demanded slots of min(assigned, needed).
    public var coveredVolunteerShifts: Int
    /// 100 x covered / needed; 100 when nothing is needed.
    public var coveragePercent: Double
    /// Grid, date and period combinations with a demand.
    public var demandSlots: Int
    /// Demanded slots with at least as many volunteers as needed.
    public var slotsFullyCovered: Int
    /// Teams with at least one volunteer, including teams where nothing was demanded.
    public var teams: Int
    public var teamsWithoutPartyMember: Int
    public var teamsWithoutLeaderWhereNeeded: Int
    public var volunteers: Int
    public var volunteersWithZeroShifts: Int
    public var shiftsMin: Int
    /// The middle value, or the mean of the two middle values for an even count.
    public var shiftsMedian: Double
    public var shiftsMax: Int
    /// Gini coefficient of patrols per volunteer: 0 when everyone has the same number.
    public var giniShifts: Double

    public init(
        neededVolunteerShifts: Int, assignedVolunteerShifts: Int, coveredVolunteerShifts: Int,
        coveragePercent: Double, demandSlots: Int, slotsFullyCovered: Int, teams: Int,
        teamsWithoutPartyMember: Int, teamsWithoutLeaderWhereNeeded: Int, volunteers: Int,
        volunteersWithZeroShifts: Int, shiftsMin: Int, shiftsMedian: Double, shiftsMax: Int,
        giniShifts: Double
    ) {
        self.neededVolunteerShifts = neededVolunteerShifts
        self.assignedVolunteerShifts = assignedVolunteerShifts
        self.coveredVolunteerShifts = coveredVolunteerShifts
        self.coveragePercent = coveragePercent
        self.demandSlots = demandSlots
        self.slotsFullyCovered = slotsFullyCovered
        self.teams = teams
        self.teamsWithoutPartyMember = teamsWithoutPartyMember
        self.teamsWithoutLeaderWhereNeeded = teamsWithoutLeaderWhereNeeded
        self.volunteers = volunteers
        self.volunteersWithZeroShifts = volunteersWithZeroShifts
        self.shiftsMin = shiftsMin
        self.shiftsMedian = shiftsMedian
        self.shiftsMax = shiftsMax
        self.giniShifts = giniShifts
    }
}
