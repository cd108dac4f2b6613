import PatrolModel

/// A short way to write the tiny communities of hand-made tests.
///
/// Defaults follow the contract: month 2026-12, the periods `morning` 08:30-11:00, `evening`
/// 19:00-21:30 and `night` 21:30-00:30 (a night period), default rules and weights. Grids need
/// a leader exactly when their risk is 3 unless told otherwise; neighbours become symmetric
/// in `build()`, as a loaded community's are; a volunteer's `max_shifts` defaults to the rule
/// in force at `build()`, and volunteers count as trained last month unless `neverTrained`.
///
/// ```swift
/// var b = CommunityBuilder()
/// b.grid("G1", risk: 3)
/// b.volunteer("V1", home: "G1", party: true, skills: ["leader"])
/// b.demand(grid: "G1", period: "evening", dates: [b.day(5)], needed: 2)
/// let community = b.build()
/// ```
public struct CommunityBuilder: Sendable {
    public var name = "测试社区"
    public var month: Month
    public var periods: [Period]
    public var holidays: Set<LocalDate> = []
    public var rules = Rules()
    public var weights = Weights()
    public var grids: [Grid] = []
    public var sessions: [TrainingSession] = []
    public var requests: [PatrolRequest] = []
    public var history: [HistoryEntry] = []
    private var volunteerSpecs: [(volunteer: Volunteer, maxShifts: Int?)] = []
    /// Demand cells in the order given; a later cell for the same slot replaces an earlier one.
    private var demandCells: [PatrolSlot] = []

    /// The contract's example periods: morning, evening and a night period past midnight.
    public static let defaultPeriods = [
        Period(id: "morning", name: "上午", start: time("08:30"), end: time("11:00"), isNight: false),
        Period(id: "evening", name: "晚上", start: time("19:00"), end: time("21:30"), isNight: false),
        Period(id: "night", name: "夜间", start: time("21:30"), end: time("00:30"), isNight: true),
    ]

    public init(month: Month = Month(year: 2026, month: 12)!, periods: [Period]? = nil) {
        self.month = month
        self.periods = periods ?? Self.defaultPeriods
    }

    /// Day `number` of the month being built.
    public func day(_ number: Int) -> LocalDate { month.firstDate.adding(days: number - 1) }

    /// Days `first` to `last` of the month, inclusive.
    public func days(_ first: Int, _ last: Int) -> DateRange {
        DateRange(first: day(first), last: day(last))
    }

    public mutating func grid(
        _ id: GridID, name: String? = nil, risk: Int = 1, neighbors: Set<GridID> = [],
        needsLeader: Bool? = nil
    ) {
        grids.append(
            Grid(
                id: id, name: name ?? "网格\(id)", risk: risk, neighbors: neighbors,
                needsLeader: needsLeader ?? (risk == 3)))
    }

    public mutating func volunteer(
        _ id: VolunteerID, name: String? = nil, home: GridID, party: Bool = false,
        skills: Set<String> = [], maxShifts: Int? = nil, minShifts: Int = 0,
        available: WeeklyAvailability = .always, unavailable: [DateRange] = [],
        nightOK: Bool = false, trainedOn: LocalDate? = nil, neverTrained: Bool = false,
        phone: String = "", affiliation: Affiliation = .resident, birthYear: Int? = nil
    ) {
        let trained = neverTrained ? nil : trainedOn ?? month.adding(months: -1).firstDate
        let volunteer = Volunteer(
            id: id, name: name ?? "志愿者\(id)", phone: phone, isPartyMember: party,
            affiliation: affiliation, homeGrid: home, skills: skills, maxShifts: maxShifts ?? 0,
            minShifts: minShifts, availability: available, unavailable: unavailable,
            nightOK: nightOK, trainedOn: trained, birthYear: birthYear)
        volunteerSpecs.append((volunteer, maxShifts))
    }

    /// Sets the team size of each grid, period and date given; nil means all of them.
    /// A size of 0 removes the patrol, as in `demand.csv`.
    public mutating func demand(
        grid: GridID? = nil, period: PeriodID? = nil, dates: [LocalDate]? = nil, needed: Int
    ) {
        let gridIDs = grid.map { [$0] } ?? grids.map(\.id)
        let periodIDs = period.map { [$0] } ?? periods.map(\.id)
        for date in dates ?? month.dates {
            for g in gridIDs {
                for p in periodIDs {
                    demandCells.append(PatrolSlot(grid: g, date: date, period: p, needed: needed))
                }
            }
        }
    }

    public mutating func session(
        _ id: SessionID, date: LocalDate, start: String = "14:00", end: String = "16:00",
        capacity: Int? = nil, topic: String = "安全培训", location: String = "社区活动室"
    ) {
        sessions.append(
            TrainingSession(
                id: id, topic: topic, date: date, start: Self.time(start), end: Self.time(end),
                capacity: capacity, location: location))
    }

    /// A request over `dates`; nil periods means every period (`*`).
    public mutating func request(
        _ volunteer: VolunteerID, _ kind: PatrolRequest.Kind, dates: DateRange,
        periods: Set<PeriodID>? = nil, weight: Int = 10
    ) {
        requests.append(
            PatrolRequest(
                volunteer: volunteer, dates: dates, periods: periods ?? Set(self.periods.map(\.id)),
                kind: kind, weight: weight, line: requests.count + 2))
    }

    public mutating func history(_ volunteer: VolunteerID, _ month: Month, shifts: Int) {
        history.append(HistoryEntry(volunteer: volunteer, month: month, shifts: shifts))
    }

    /// The community, as a loader would hand it over.
    public func build() -> Community {
        var grids = self.grids
        let index = Dictionary(
            grids.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        for grid in self.grids {
            for other in grid.neighbors where other != grid.id {
                if let i = index[other] { grids[i].neighbors.insert(grid.id) }
            }
        }
        let volunteers = volunteerSpecs.map { spec in
            var volunteer = spec.volunteer
            volunteer.maxShifts = spec.maxShifts ?? rules.maxShiftsPerMonth
            return volunteer
        }
        return Community(
            name: name, month: month, periods: periods, holidays: holidays, rules: rules,
            weights: weights, grids: grids, volunteers: volunteers,
            slots: Self.resolve(demandCells, periods: periods, grids: grids), sessions: sessions,
            requests: requests, history: history)
    }

    /// One slot per grid, date and period, the last cell winning, sizes above 0 only,
    /// ordered by date, then period and grid in declaration order.
    static func resolve(_ cells: [PatrolSlot], periods: [Period], grids: [Grid]) -> [PatrolSlot] {
        struct Key: Hashable {
            var grid: GridID
            var date: LocalDate
            var period: PeriodID
        }
        var latest: [Key: PatrolSlot] = [:]
        for cell in cells {
            latest[Key(grid: cell.grid, date: cell.date, period: cell.period)] = cell
        }
        let periodRank = Dictionary(
            periods.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let gridRank = Dictionary(
            grids.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        return latest.values.filter { $0.needed > 0 }.sorted {
            ($0.date.dayNumber, periodRank[$0.period] ?? 0, gridRank[$0.grid] ?? 0)
                < ($1.date.dayNumber, periodRank[$1.period] ?? 0, gridRank[$1.grid] ?? 0)
        }
    }

    /// `HH:MM` as a time; the texts here are written by tests, so a typo is a test bug.
    public static func time(_ text: String) -> TimeOfDay {
        guard let time = TimeOfDay(text) else { preconditionFailure("not a time: \(text)") }
        return time
    }
}

extension WeeklyAvailability {
    /// A weekly pattern from weekday to periods; unlisted weekdays allow nothing.
    public static func only(_ periods: [Weekday: Set<PeriodID>]) -> WeeklyAvailability {
        WeeklyAvailability(periodsByWeekday: Weekday.allCases.map { periods[$0] ?? [] })
    }
}
