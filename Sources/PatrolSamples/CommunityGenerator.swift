import PatrolModel

/// Builds realistic synthetic communities: a Chinese urban community's safety patrol
/// (平安巡防) for one month, for samples, tests and benchmarks.
///
/// A community has the four periods 上午, 下午, 晚上 and 夜间 (or the first three), grids laid
/// out as city blocks with a few high-risk hotspots near markets, schools and stations,
/// volunteers drawn from the mix of retirees, working residents, unit staff, shop owners and
/// others that patrol teams have, training sessions early in the month, requests, and three
/// earlier months of history. The demand is sized last, so that the volunteers' capacity
/// (see ``StaffingBalance``) stands in the ratio that ``Tightness`` names.
///
/// Everything is drawn from a SplitMix64 source seeded with ``Options/seed``: the same
/// options give an identical community on every run and platform. Each part (grids,
/// volunteers, sessions, demand, requests, history) has its own stream, so switching
/// requests or history off leaves the rest unchanged.
///
/// ```swift
/// var options = CommunityGenerator.Options(volunteers: 500, grids: 25, tightness: .tight)
/// options.seed = 7
/// let community = CommunityGenerator.generate(options)
/// ```
public struct CommunityGenerator {
    /// What to generate.
    public struct Options: Sendable, Hashable {
        /// 2026-12, the month of the sample community in `Scenarios/`.
        public static let defaultMonth = Month.checked(year: 2026, month: 12)

        /// The community's name, such as 长青社区; its stem (长青) names a compound and a branch.
        public var name: String
        public var month: Month
        /// How many volunteers, at least 1.
        public var volunteers: Int
        /// How many grids, at least 1.
        public var grids: Int
        public var tightness: Tightness
        public var seed: UInt64
        /// Adds the 夜间 period 21:30-00:30, marked `night`.
        public var includeNightPeriod: Bool
        /// How many training sessions, 0 to 12.
        public var sessions: Int
        public var withRequests: Bool
        /// Adds three earlier months of shifts, including a few volunteers who have left.
        public var withHistory: Bool

        public init(
            name: String = "长青社区", month: Month = defaultMonth, volunteers: Int = 160,
            grids: Int = 10, tightness: Tightness = .balanced, seed: UInt64 = 1,
            includeNightPeriod: Bool = true, sessions: Int = 3, withRequests: Bool = true,
            withHistory: Bool = true
        ) {
            self.name = name
            self.month = month
            self.volunteers = volunteers
            self.grids = grids
            self.tightness = tightness
            self.seed = seed
            self.includeNightPeriod = includeNightPeriod
            self.sessions = sessions
            self.withRequests = withRequests
            self.withHistory = withHistory
        }
    }

    /// How much patrol capacity the volunteers have for the month's demand.
    ///
    /// The ratio holds while the demand fits realistic team sizes: from one to about 30
    /// volunteers per grid for `.tight` (about 40 for `.balanced`, 55 for `.loose`). With more
    /// volunteers per grid than that, even a full team in every grid and period leaves
    /// capacity over, and the community comes out looser than asked, never tighter.
    public enum Tightness: String, CaseIterable, Sendable {
        /// Capacity about 1.6 times the demand: easy to staff.
        case loose
        /// Capacity about 1.15 times the demand: staffable, with little to spare.
        case balanced
        /// Capacity about 0.9 times the demand: some patrols must stay short.
        case tight

        /// The capacity-to-demand ratio the generator aims at.
        public var targetRatio: Double {
            switch self {
            case .loose: 1.6
            case .balanced: 1.15
            case .tight: 0.9
            }
        }
    }

    /// Former volunteers who appear only in the history, in proportion to the team.
    static func departedCount(volunteers: Int) -> Int { max(2, volunteers / 25) }

    /// Generates the community the options describe.
    ///
    /// - Complexity: O(volunteers × days + grids × days × periods); about 20 ms for 5,000
    ///   volunteers and 60 grids in a release build.
    public static func generate(_ options: Options) -> Community {
        precondition(options.volunteers >= 1, "a community needs at least 1 volunteer")
        precondition(options.grids >= 1, "a community needs at least 1 grid")
        precondition((0...12).contains(options.sessions), "sessions must be 0 to 12")

        let seed = options.seed
        let stem = stem(of: options.name)
        let calendar = SampleCalendar(
            month: options.month, includeNightPeriod: options.includeNightPeriod)
        let rules = Rules()

        var gridRandom = SplitMix64(seed: seed, stream: .grids)
        let grids = GridPlan.make(count: options.grids, stem: stem, random: &gridRandom)

        var sessionRandom = SplitMix64(seed: seed, stream: .sessions)
        let sessions = SampleActivities.sessions(
            count: options.sessions, volunteers: options.volunteers, calendar: calendar,
            stem: stem, random: &sessionRandom)

        let departed = options.withHistory ? departedCount(volunteers: options.volunteers) : 0
        let idWidth = max(4, String(options.volunteers + departed).count)
        var volunteerRandom = SplitMix64(seed: seed, stream: .volunteers)
        var factory = VolunteerFactory(
            calendar: calendar, grids: grids, rules: rules, idWidth: idWidth)
        let volunteers = (1...options.volunteers).map {
            factory.make(number: $0, random: &volunteerRandom)
        }

        var demandRandom = SplitMix64(seed: seed, stream: .demand)
        let demand = DemandPlan(calendar: calendar, grids: grids, random: &demandRandom)
        let capacityModel = CapacityModel(
            month: calendar.month, periods: calendar.periods, rules: rules,
            sessionDates: sessions.map(\.date), volunteers: volunteers)
        let scale = scale(
            demand: demand, capacity: capacityModel, ratio: options.tightness.targetRatio)

        var requestRandom = SplitMix64(seed: seed, stream: .requests)
        var historyRandom = SplitMix64(seed: seed, stream: .history)
        return Community(
            name: options.name, month: calendar.month, periods: calendar.periods,
            holidays: calendar.holidays, rules: rules, weights: Weights(),
            grids: grids.map(\.grid), volunteers: volunteers, slots: demand.slots(scale: scale),
            sessions: sessions,
            requests: options.withRequests
                ? SampleActivities.requests(
                    volunteers: volunteers, calendar: calendar, random: &requestRandom) : [],
            history: options.withHistory
                ? SampleActivities.history(
                    volunteers: volunteers, departed: departed, idWidth: idWidth,
                    month: calendar.month, random: &historyRandom) : [])
    }

    /// The demand scale at which capacity / demand is nearest `ratio`.
    ///
    /// Capacity depends on which days and periods have any patrol, and a small demand leaves
    /// some closed, so the target is measured again on the sized demand until it settles.
    private static func scale(demand: DemandPlan, capacity: CapacityModel, ratio: Double)
        -> Double
    {
        var open = demand.openPeriods(scale: nil)
        var scale = 0.0
        for _ in 0..<4 {
            let target = Int((Double(capacity.capacity(openPeriods: open)) / ratio).rounded())
            scale = demand.scale(for: target)
            let sized = demand.openPeriods(scale: scale)
            if sized == open { break }
            open = sized
        }
        return scale
    }

    /// 长青社区 → 长青: the part of the name that compounds and branches reuse.
    private static func stem(of name: String) -> String {
        let stem = name.hasSuffix("社区") ? String(name.dropLast(2)) : name
        return stem.isEmpty ? name : stem
    }
}

extension Month {
    /// A month the generator names itself, always valid.
    static func checked(year: Int, month: Int) -> Month {
        guard let value = Month(year: year, month: month) else {
            preconditionFailure("\(year)-\(month) is not a month")
        }
        return value
    }
}
