/// A soft rule of the contract's section 3; each adds to the score.
public enum ScoreComponent: String, CaseIterable, Codable, Sendable {
    case uncovered
    case noPartyMember = "no_party_member"
    case noLeader = "no_leader"
    case missedTraining = "missed_training"
    case belowMinShifts = "below_min_shifts"
    case fairness
    case neighborGrid = "neighbor_grid"
    case farGrid = "far_grid"
    case requests

    /// The name a community office reads in Chinese output.
    public var chineseName: String {
        switch self {
        case .uncovered: "缺岗"
        case .noPartyMember: "无党员班组"
        case .noLeader: "无队长班组"
        case .missedTraining: "未安排培训"
        case .belowMinShifts: "未达每月下限"
        case .fairness: "公平性"
        case .neighborGrid: "相邻网格"
        case .farGrid: "非相邻网格"
        case .requests: "意愿未满足"
        }
    }
}

/// The count and penalty of one score component.
public struct ScoreLine: Hashable, Codable, Sendable {
    /// Units counted: missing volunteers, teams, patrols, requests, or the sum of squares.
    public var count: Int
    public var penalty: Int

    public init(count: Int, penalty: Int) {
        self.count = count
        self.penalty = penalty
    }
}

/// The score of a schedule by component; lower is better.
public struct ScoreBreakdown: Hashable, Codable, Sendable {
    /// One line per component, in `ScoreComponent.allCases` order.
    public private(set) var lines: [ScoreLine]

    public init() {
        lines = Array(repeating: ScoreLine(count: 0, penalty: 0), count: ScoreComponent.allCases.count)
    }

    public subscript(component: ScoreComponent) -> ScoreLine {
        get { lines[Self.index(component)] }
        set { lines[Self.index(component)] = newValue }
    }

    public var total: Int { lines.reduce(0) { $0 + $1.penalty } }

    private static func index(_ component: ScoreComponent) -> Int {
        ScoreComponent.allCases.firstIndex(of: component)!
    }
}

/// A hard rule of the contract's section 2, named as `patrol_check.py` names it.
public enum HardRule: String, CaseIterable, Codable, Sendable {
    case availablePattern = "2.1 available_pattern"
    case unavailableDate = "2.1 unavailable_date"
    case nightOK = "2.1 night_ok"
    case overlap = "2.2 overlap"
    case maxShiftsPerDay = "2.2 max_shifts_per_day"
    case maxShiftsMonth = "2.3 max_shifts_month"
    case maxShiftsPerWeek = "2.3 max_shifts_per_week"
    case maxConsecutiveDays = "2.3 max_consecutive_days"
    case minRestHours = "2.3 min_rest_hours"
    case sessionCapacity = "2.4 session_capacity"
    case oneSessionPerVolunteer = "2.4 one_session_per_volunteer"
    case sessionUnavailableDate = "2.4 session_unavailable_date"
    case trainBeforePatrol = "2.5 train_before_patrol"
    case teamAboveDemand = "2.6 team_above_demand"
}
