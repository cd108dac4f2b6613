/// A patrol period of the day, such as 上午 08:30-11:00 or a night patrol.
public struct Period: Hashable, Codable, Sendable, ClockSpan {
    public var id: PeriodID
    public var name: String
    public var start: TimeOfDay
    public var end: TimeOfDay
    /// Only volunteers with `night_ok` may take a night period.
    public var isNight: Bool

    public init(id: PeriodID, name: String, start: TimeOfDay, end: TimeOfDay, isNight: Bool) {
        self.id = id
        self.name = name
        self.start = start
        self.end = end
        self.isNight = isNight
    }
}

/// A patrol grid (网格).
public struct Grid: Hashable, Codable, Sendable {
    public var id: GridID
    public var name: String
    /// 1 low, 2 medium, 3 high: multiplies the penalty of a missing volunteer.
    public var risk: Int
    /// Adjacent grids; symmetric once a community is loaded.
    public var neighbors: Set<GridID>
    /// Every team here needs a volunteer with the `leader` skill.
    public var needsLeader: Bool

    public init(id: GridID, name: String, risk: Int, neighbors: Set<GridID>, needsLeader: Bool) {
        self.id = id
        self.name = name
        self.risk = risk
        self.neighbors = neighbors
        self.needsLeader = needsLeader
    }
}

/// Where a volunteer comes from.
public enum Affiliation: String, Codable, Sendable, CaseIterable {
    case resident, unit, shop, other

    /// 居民, 单位, 商户, 其他.
    public var chineseName: String {
        switch self {
        case .resident: "居民"
        case .unit: "单位"
        case .shop: "商户"
        case .other: "其他"
        }
    }
}

/// The weekly pattern of a volunteer's `available` column.
public struct WeeklyAvailability: Hashable, Codable, Sendable {
    /// Periods allowed on each weekday, Monday first; nil means any day, any period.
    public var periodsByWeekday: [Set<PeriodID>]?

    /// Any day, any period.
    public static let always = WeeklyAvailability(periodsByWeekday: nil)

    public init(periodsByWeekday: [Set<PeriodID>]?) { self.periodsByWeekday = periodsByWeekday }

    public func allows(_ weekday: Weekday, _ period: PeriodID) -> Bool {
        guard let periodsByWeekday else { return true }
        return periodsByWeekday[weekday.rawValue].contains(period)
    }
}

/// The skill tag that lets a volunteer lead a team where the grid needs a leader.
public let leaderSkill = "leader"

/// One row of `volunteers.csv`.
public struct Volunteer: Hashable, Codable, Sendable {
    public var id: VolunteerID
    public var name: String
    public var phone: String
    public var isPartyMember: Bool
    public var branch: String
    public var affiliation: Affiliation
    public var homeGrid: GridID
    /// Normalised English tags (`leader`, `first_aid`, `fire`, `anti_fraud`, or as written).
    public var skills: Set<String>
    public var maxShifts: Int
    public var minShifts: Int
    public var availability: WeeklyAvailability
    public var unavailable: [DateRange]
    public var nightOK: Bool
    /// The last completed training; nil when never trained.
    public var trainedOn: LocalDate?
    public var birthYear: Int?

    public init(
        id: VolunteerID, name: String, phone: String = "", isPartyMember: Bool = false,
        branch: String = "", affiliation: Affiliation = .resident, homeGrid: GridID,
        skills: Set<String> = [], maxShifts: Int, minShifts: Int = 0,
        availability: WeeklyAvailability = .always, unavailable: [DateRange] = [],
        nightOK: Bool = false, trainedOn: LocalDate? = nil, birthYear: Int? = nil
    ) {
        self.id = id
        self.name = name
        self.phone = phone
        self.isPartyMember = isPartyMember
        self.branch = branch
        self.affiliation = affiliation
        self.homeGrid = homeGrid
        self.skills = skills
        self.maxShifts = maxShifts
        self.minShifts = minShifts
        self.availability = availability
        self.unavailable = unavailable
        self.nightOK = nightOK
        self.trainedOn = trainedOn
        self.birthYear = birthYear
    }

    public var isLeader: Bool { skills.contains(leaderSkill) }

    public func isUnavailable(on date: LocalDate) -> Bool {
        unavailable.contains { $0.contains(date) }
    }
}

/// A grid, date and period that needs a team: one resolved cell of `demand.csv`.
public struct PatrolSlot: Hashable, Codable, Sendable {
    public var grid: GridID
    public var date: LocalDate
    public var period: PeriodID
    /// Team size needed, at least 1.
    public var needed: Int

    public init(grid: GridID, date: LocalDate, period: PeriodID, needed: Int) {
        self.grid = grid
        self.date = date
        self.period = period
        self.needed = needed
    }
}

/// One row of `trainings.csv`.
public struct TrainingSession: Hashable, Codable, Sendable, ClockSpan {
    public var id: SessionID
    public var topic: String
    public var date: LocalDate
    public var start: TimeOfDay
    public var end: TimeOfDay
    /// Most attendees; nil means unlimited.
    public var capacity: Int?
    public var location: String

    public init(
        id: SessionID, topic: String, date: LocalDate, start: TimeOfDay, end: TimeOfDay,
        capacity: Int?, location: String
    ) {
        self.id = id
        self.topic = topic
        self.date = date
        self.start = start
        self.end = end
        self.capacity = capacity
        self.location = location
    }
}

/// One row of `requests.csv`: a volunteer's wish to patrol, or to be free, at some times.
public struct PatrolRequest: Hashable, Codable, Sendable {
    public enum Kind: String, Codable, Sendable {
        /// Wants at least one patrol in these dates and periods (想排).
        case on
        /// Wants no patrol in these dates and periods (不想排).
        case off
    }

    public var volunteer: VolunteerID
    /// The dates asked for, already clipped to the month.
    public var dates: DateRange
    public var periods: Set<PeriodID>
    public var kind: Kind
    public var weight: Int
    /// The line of `requests.csv` it came from, so explanations can point at it.
    public var line: Int

    public init(
        volunteer: VolunteerID, dates: DateRange, periods: Set<PeriodID>, kind: Kind,
        weight: Int, line: Int
    ) {
        self.volunteer = volunteer
        self.dates = dates
        self.periods = periods
        self.kind = kind
        self.weight = weight
        self.line = line
    }
}

/// One row of `history.csv`: patrols served in an earlier month.
public struct HistoryEntry: Hashable, Codable, Sendable {
    /// May name someone no longer in `volunteers.csv`: they still count in the group average.
    public var volunteer: VolunteerID
    public var month: Month
    public var shifts: Int

    public init(volunteer: VolunteerID, month: Month, shifts: Int) {
        self.volunteer = volunteer
        self.month = month
        self.shifts = shifts
    }
}

/// The hard rules of `community.yaml`.
public struct Rules: Hashable, Codable, Sendable {
    public var maxShiftsPerMonth = 8
    public var maxShiftsPerWeek = 3
    public var maxShiftsPerDay = 1
    public var maxConsecutiveDays = 3
    /// `min_rest_hours` in minutes, so that fractional hours stay exact.
    public var minRestMinutes = 8 * 60
    public var trainingRequired = true
    public var trainBeforePatrol = true

    public init() {}
}

/// The soft penalties of `community.yaml`.
public struct Weights: Hashable, Codable, Sendable {
    public var uncovered = 1000
    public var noPartyMember = 300
    public var noLeader = 200
    public var missedTraining = 100
    public var belowMinShifts = 50
    public var fairness = 2
    public var neighborGrid = 1
    public var farGrid = 4

    public init() {}
}

/// Everything read from a community directory: the input of a solve.
public struct Community: Hashable, Codable, Sendable {
    public var name: String
    public var month: Month
    /// The periods of a day, in the order `community.yaml` gives them.
    public var periods: [Period]
    public var holidays: Set<LocalDate>
    public var rules: Rules
    public var weights: Weights
    public var grids: [Grid]
    public var volunteers: [Volunteer]
    /// Demand resolved to one slot per grid, date and period with a team size above 0,
    /// ordered by date, period and grid.
    public var slots: [PatrolSlot]
    public var sessions: [TrainingSession]
    /// Requests with at least one date inside the month.
    public var requests: [PatrolRequest]
    public var history: [HistoryEntry]

    public init(
        name: String, month: Month, periods: [Period], holidays: Set<LocalDate> = [],
        rules: Rules = Rules(), weights: Weights = Weights(), grids: [Grid],
        volunteers: [Volunteer], slots: [PatrolSlot], sessions: [TrainingSession] = [],
        requests: [PatrolRequest] = [], history: [HistoryEntry] = []
    ) {
        self.name = name
        self.month = month
        self.periods = periods
        self.holidays = holidays
        self.rules = rules
        self.weights = weights
        self.grids = grids
        self.volunteers = volunteers
        self.slots = slots
        self.sessions = sessions
        self.requests = requests
        self.history = history
    }

    public func grid(_ id: GridID) -> Grid? { grids.first { $0.id == id } }
    public func period(_ id: PeriodID) -> Period? { periods.first { $0.id == id } }
    public func volunteer(_ id: VolunteerID) -> Volunteer? { volunteers.first { $0.id == id } }
    public func session(_ id: SessionID) -> TrainingSession? { sessions.first { $0.id == id } }

    /// Whether the month has holidays or weekends on this date (for demand keywords).
    public func isWeekendOrHoliday(_ date: LocalDate) -> Bool {
        date.weekday.isWeekend || holidays.contains(date)
    }
}
