import PatrolModel

/// Seeded random communities for property and consistency tests.
///
/// Each seed gives one community, the same on every machine, that may use every feature of
/// the contract with a tightness of its own: weekly patterns and unavailable ranges, night
/// periods and `night_ok`, Party members and leaders, grids that need a leader, one-sided
/// neighbour lists (made symmetric, as a loader does), holidays, small training sessions,
/// never-trained volunteers, `on`/`off` requests over ranges and period sets, history with
/// departed volunteers and rows outside the carry-over window, and non-default rules and
/// weights (`max_shifts_per_day` 2, periods that overlap or follow closely so that min rest
/// matters, half-hour rests).
///
/// ```swift
/// let community = RandomCommunity.make(seed: 7, volunteers: 4...12, grids: 1...3)
/// ```
public enum RandomCommunity {
    /// - Parameters:
    ///   - seed: Picks the community; the same seed always gives the same one.
    ///   - volunteers: Range the number of volunteers is drawn from.
    ///   - grids: Range the number of grids is drawn from.
    ///   - periods: Range the number of periods per day is drawn from.
    ///   - demandDays: Range the number of consecutive days with demand is drawn from
    ///     (capped at the month's length), to keep solver tests small.
    public static func make(
        seed: UInt64, volunteers: ClosedRange<Int> = 3...20, grids: ClosedRange<Int> = 1...4,
        periods: ClosedRange<Int> = 1...4, demandDays: ClosedRange<Int> = 3...31
    ) -> Community {
        var random = TestRandom(seed: seed)
        let month = Month(year: random.int(in: 2026...2027), month: random.int(in: 1...12))!
        var builder = CommunityBuilder(
            month: month, periods: makePeriods(random.int(in: periods), &random))
        builder.name = "随机社区\(seed)"
        builder.holidays = Set(
            (0..<random.int(in: 0...2)).map { _ in builder.day(random.int(in: 1...month.dayCount)) }
        )
        builder.rules = makeRules(&random)
        if random.chance(0.5) { builder.weights = makeWeights(&random) }

        let gridIDs = (1...random.int(in: grids)).map { GridID("G\($0)") }
        for (i, id) in gridIDs.enumerated() {
            let risk = random.int(in: 1...3)
            // Listed on one side only: the builder makes adjacency symmetric.
            let neighbors = Set(gridIDs[(i + 1)...].filter { _ in random.chance(0.35) })
            builder.grid(
                id, risk: risk, neighbors: neighbors,
                needsLeader: random.chance(0.7) ? nil : random.chance(0.5))
        }

        let volunteerIDs = (1...random.int(in: volunteers)).map {
            VolunteerID($0 < 10 ? "V0\($0)" : "V\($0)")
        }
        for id in volunteerIDs {
            addVolunteer(id, homes: gridIDs, to: &builder, &random)
        }

        addDemand(to: &builder, days: demandDays, &random)
        addSessions(to: &builder, &random)
        addRequests(for: volunteerIDs, to: &builder, &random)
        addHistory(for: volunteerIDs, to: &builder, &random)
        return builder.build()
    }

    // MARK: - Parts of a community, each drawn from the one random source in a fixed order.

    /// The contract's three periods, or random ones on half-hours that may overlap, follow
    /// each other closely or back to back, or run past midnight.
    static func makePeriods(_ count: Int, _ random: inout TestRandom) -> [Period] {
        if count == 3 && random.chance(0.3) { return CommunityBuilder.defaultPeriods }
        var periods: [Period] = []
        for k in 1...count {
            var start = random.int(in: 0...47) * 30
            // Back to back with the previous period: a rest of exactly 0 minutes.
            if let previous = periods.last, random.chance(0.35) {
                start = previous.endOffset % 1440
            }
            let duration = random.int(in: 2...10) * 30
            let end = (start + duration) % 1440
            let night = start >= 21 * 60 || start < 5 * 60 || start + duration > 1440
            periods.append(
                Period(
                    id: PeriodID("p\(k)"), name: "时段\(k)",
                    start: TimeOfDay(minutes: start)!,
                    end: TimeOfDay(minutes: end == 0 ? 1440 : end)!,
                    isNight: night && random.chance(0.8)))
        }
        return periods.sorted { $0.start < $1.start }
    }

    static func makeRules(_ random: inout TestRandom) -> Rules {
        var rules = Rules()
        rules.maxShiftsPerMonth = random.int(in: 2...10)
        rules.maxShiftsPerWeek = random.int(in: 1...5)
        rules.maxShiftsPerDay = random.pick([1, 1, 2, 2, 3])
        rules.maxConsecutiveDays = random.int(in: 1...5)
        rules.minRestMinutes = random.pick([0, 90, 240, 450, 480, 600, 720])
        rules.trainingRequired = random.chance(0.7)
        rules.trainBeforePatrol = random.chance(0.6)
        return rules
    }

    static func makeWeights(_ random: inout TestRandom) -> Weights {
        var weights = Weights()
        weights.uncovered = random.int(in: 100...2000)
        weights.noPartyMember = random.int(in: 0...400)
        weights.noLeader = random.int(in: 0...400)
        weights.missedTraining = random.int(in: 0...200)
        weights.belowMinShifts = random.int(in: 0...100)
        weights.fairness = random.int(in: 0...5)
        weights.neighborGrid = random.int(in: 0...3)
        weights.farGrid = random.int(in: 0...10)
        return weights
    }

    static func addVolunteer(
        _ id: VolunteerID, homes: [GridID], to builder: inout CommunityBuilder,
        _ random: inout TestRandom
    ) {
        let month = builder.month
        let periodIDs = builder.periods.map(\.id)
        var skills: Set<String> = random.chance(0.3) ? [leaderSkill] : []
        for skill in ["first_aid", "fire", "anti_fraud"] where random.chance(0.15) {
            skills.insert(skill)
        }
        var available = WeeklyAvailability.always
        if random.chance(0.6) {
            var byDay = Weekday.allCases.map { _ in
                random.chance(0.6)
                    ? Set(random.sample(periodIDs, count: random.int(in: 1...periodIDs.count)))
                    : []
            }
            // Someone who can never patrol cannot be written as a pattern: keep one day.
            if byDay.allSatisfy(\.isEmpty) {
                byDay[random.int(in: 0...6)] = [random.pick(periodIDs)]
            }
            available = WeeklyAvailability(periodsByWeekday: byDay)
        }
        let unavailable = (0..<random.int(in: 0...2)).map { _ -> DateRange in
            // Ranges may start before the month or end after it.
            let first = month.firstDate.adding(days: random.int(in: -3...(month.dayCount - 1)))
            return DateRange(first: first, last: first.adding(days: random.pick([0, 0, 1, 3, 7])))
        }
        builder.volunteer(
            id, home: random.pick(homes), party: random.chance(0.35), skills: skills,
            maxShifts: random.chance(0.6) ? nil : random.int(in: 1...10),
            minShifts: random.chance(0.6) ? 0 : random.int(in: 1...4), available: available,
            unavailable: unavailable, nightOK: random.chance(0.5),
            trainedOn: month.firstDate.adding(days: -random.int(in: 1...400)),
            neverTrained: random.chance(0.25),
            phone: "13\(random.int(in: 100_000_000...999_999_999))",
            affiliation: random.pick(Affiliation.allCases),
            birthYear: random.chance(0.8) ? random.int(in: 1950...2005) : nil)
    }

    /// Demand on a window of consecutive days: per grid and period none, every day, working
    /// days, weekends and holidays, or scattered dates; then a few exceptions and removals.
    static func addDemand(
        to builder: inout CommunityBuilder, days: ClosedRange<Int>, _ random: inout TestRandom
    ) {
        let month = builder.month
        let length = min(month.dayCount, random.int(in: days))
        let offset = random.int(in: 0...(month.dayCount - length))
        let window = (0..<length).map { month.firstDate.adding(days: offset + $0) }
        let holidays = builder.holidays
        let isWeekend = { (date: LocalDate) in date.weekday.isWeekend || holidays.contains(date) }
        for grid in builder.grids.map(\.id) {
            for period in builder.periods.map(\.id) {
                let dates: [LocalDate]
                switch random.int(in: 0...4) {
                case 0: dates = []
                case 1: dates = window
                case 2: dates = window.filter { !isWeekend($0) }
                case 3: dates = window.filter(isWeekend)
                default: dates = window.filter { _ in random.chance(0.4) }
                }
                if !dates.isEmpty {
                    builder.demand(
                        grid: grid, period: period, dates: dates, needed: random.int(in: 1...3))
                }
            }
        }
        for _ in 0..<random.int(in: 0...3) {
            builder.demand(
                grid: random.pick(builder.grids).id, period: random.pick(builder.periods).id,
                dates: [random.pick(window)], needed: random.int(in: 0...4))
        }
        if builder.build().slots.isEmpty {
            builder.demand(
                grid: builder.grids[0].id, period: builder.periods[0].id, dates: [window[0]],
                needed: 1)
        }
    }

    static func addSessions(to builder: inout CommunityBuilder, _ random: inout TestRandom) {
        guard random.chance(0.75) else { return }
        for k in 1...random.int(in: 1...3) {
            let late = random.chance(0.1)
            let start = late ? 22 * 60 : random.int(in: 16...40) * 30
            let end = (start + random.int(in: 2...6) * 30) % 1440
            builder.session(
                SessionID("S\(k)"), date: builder.day(random.int(in: 1...builder.month.dayCount)),
                start: TimeOfDay(minutes: start)!.description,
                end: TimeOfDay(minutes: end)!.description,
                capacity: random.chance(0.4) ? nil : random.int(in: 1...4))
        }
    }

    /// Requests over single days or ranges, some reaching past the month's ends; a request
    /// with no day inside the month is dropped, as a loader drops it.
    static func addRequests(
        for volunteers: [VolunteerID], to builder: inout CommunityBuilder,
        _ random: inout TestRandom
    ) {
        let month = builder.month
        let periodIDs = builder.periods.map(\.id)
        for _ in 0..<random.int(in: 0...volunteers.count) {
            let first = month.firstDate.adding(days: random.int(in: -4...(month.dayCount + 1)))
            let last = first.adding(days: random.chance(0.5) ? 0 : random.int(in: 1...9))
            let clipped = DateRange(
                first: max(first, month.firstDate), last: min(last, month.lastDate))
            let kind: PatrolRequest.Kind = random.chance(0.5) ? .on : .off
            let periods: Set<PeriodID>? =
                random.chance(0.4)
                ? nil : Set(random.sample(periodIDs, count: random.int(in: 1...periodIDs.count)))
            let weight = random.chance(0.5) ? 10 : random.int(in: 1...30)
            guard clipped.first <= clipped.last else { continue }
            builder.request(
                random.pick(volunteers), kind, dates: clipped, periods: periods, weight: weight)
        }
    }

    /// History over the five months before: the window is the last three, so older rows
    /// must be ignored; departed volunteers `X1`... count in the group average.
    static func addHistory(
        for volunteers: [VolunteerID], to builder: inout CommunityBuilder,
        _ random: inout TestRandom
    ) {
        guard random.chance(0.8) else { return }
        let departed = (1...random.int(in: 1...3)).map { VolunteerID("X\($0)") }
        for id in volunteers + departed where random.chance(0.6) {
            for back in 1...5 where random.chance(0.6) {
                builder.history(
                    id, builder.month.adding(months: -back), shifts: random.int(in: 0...8))
                if random.chance(0.1) {
                    builder.history(
                        id, builder.month.adding(months: -back), shifts: random.int(in: 0...3))
                }
            }
        }
    }
}
