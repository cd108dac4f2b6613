import PatrolModel

/// A slot left short in a schedule, with the reason a community office can act on.
public struct Shortfall: Sendable, Hashable {
    public var slot: PatrolSlot
    public var assigned: Int
    public var missing: Int { slot.needed - assigned }
    public var reason: ShortfallReason
}

/// Why nobody more could be added to a team.
public enum ShortfallReason: Sendable, Hashable, CustomStringConvertible {
    /// No volunteer's pattern and dates allow this date and period.
    case nobodyAvailable
    /// Only volunteers without `night_ok` are free for this night period.
    case noNightVolunteer
    /// Some are free then, but each is blocked by a limit; counts by the first limit hit.
    case everybodyAtLimits([LimitBlock: Int])
    /// Some volunteers could still join, but the weights make the team cheaper short
    /// (for instance a far grid or a broken request costs more than the missing place).
    case cheaperShort(freeVolunteers: Int)

    public var description: String {
        switch self {
        case .nobodyAvailable:
            return "nobody available (无人可排): no volunteer's weekly pattern and dates allow this date and period"
        case .noNightVolunteer:
            return "no night volunteer (无可夜巡志愿者): those free then lack night_ok"
        case .everybodyAtLimits(let blocks):
            let parts = blocks.sorted { ($0.value, $1.key.rawValue) > ($1.value, $0.key.rawValue) }
                .map { "\($0.value) \($0.key.description)" }
            let total = blocks.values.reduce(0, +)
            return "all \(total) available volunteers are at their limits (均已达上限): "
                + parts.joined(separator: ", ")
        case .cheaperShort(let count):
            return "\(count) volunteers could still join, but the weights make the team cheaper short (按权重留空)"
        }
    }
}

/// The first hard rule that keeps an available volunteer out of a team.
public enum LimitBlock: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case sameTime = "already on patrol or in training then"
    case monthLimit = "at their monthly limit"
    case weekLimit = "at the weekly limit"
    case dayLimit = "at the daily limit"
    case consecutiveDays = "would patrol too many days in a row"
    case rest = "would rest too little between patrols"
    case untrained = "not trained before this date"

    public var description: String { rawValue }
}

/// Finds every short slot of a schedule and says why it is short.
///
/// Works on domain values, independently of the optimiser: for each available
/// volunteer it names the first hard rule that adding them would break.
public struct ShortfallAnalysis {
    private let community: Community

    public init(community: Community) { self.community = community }

    public func shortfalls(in schedule: Schedule) -> [Shortfall] {
        var teams: [SlotKey: Int] = [:]
        var patrols: [VolunteerID: [Assignment]] = [:]
        for a in schedule.assignments {
            teams[SlotKey(a.grid, a.date, a.period), default: 0] += 1
            patrols[a.volunteer, default: []].append(a)
        }
        let sessionOf = Dictionary(
            schedule.attendance.map { ($0.volunteer, $0.session) }, uniquingKeysWith: { first, _ in first })
        var result: [Shortfall] = []
        for slot in community.slots {
            let assigned = teams[SlotKey(slot.grid, slot.date, slot.period)] ?? 0
            guard assigned < slot.needed else { continue }
            result.append(
                Shortfall(
                    slot: slot, assigned: assigned,
                    reason: reason(slot, patrols: patrols, sessionOf: sessionOf)))
        }
        return result
    }

    private struct SlotKey: Hashable {
        var grid: GridID
        var date: LocalDate
        var period: PeriodID
        init(_ grid: GridID, _ date: LocalDate, _ period: PeriodID) {
            self.grid = grid
            self.date = date
            self.period = period
        }
    }

    private func reason(
        _ slot: PatrolSlot, patrols: [VolunteerID: [Assignment]], sessionOf: [VolunteerID: SessionID]
    ) -> ShortfallReason {
        guard let period = community.period(slot.period) else { return .nobodyAvailable }
        let free = community.volunteers.filter {
            $0.availability.allows(slot.date.weekday, slot.period) && !$0.isUnavailable(on: slot.date)
        }
        if free.isEmpty { return .nobodyAvailable }
        let allowed = free.filter { !period.isNight || $0.nightOK }
        if allowed.isEmpty { return .noNightVolunteer }
        var blocks: [LimitBlock: Int] = [:]
        var joinable = 0
        for volunteer in allowed {
            if let block = firstBlock(volunteer, slot, period, patrols[volunteer.id] ?? [], sessionOf[volunteer.id]) {
                blocks[block, default: 0] += 1
            } else {
                joinable += 1
            }
        }
        return joinable > 0 ? .cheaperShort(freeVolunteers: joinable) : .everybodyAtLimits(blocks)
    }

    private func firstBlock(
        _ volunteer: Volunteer, _ slot: PatrolSlot, _ period: Period, _ mine: [Assignment],
        _ session: SessionID?
    ) -> LimitBlock? {
        let rules = community.rules
        let start = interval(slot.date, period)
        for other in mine {
            guard let otherPeriod = community.period(other.period) else { continue }
            let span = interval(other.date, otherPeriod)
            if span.start < start.end && start.start < span.end { return .sameTime }
        }
        if let session, let training = community.session(session) {
            let span = (
                start: training.date.dayNumber * 1440 + training.start.minutes,
                end: training.date.dayNumber * 1440 + training.endOffset
            )
            if span.start < start.end && start.start < span.end { return .sameTime }
        }
        if volunteer.trainedOn == nil && rules.trainBeforePatrol {
            guard let session, let training = community.session(session), training.date < slot.date
            else { return .untrained }
        }
        if mine.count >= volunteer.maxShifts { return .monthLimit }
        let week = slot.date.isoWeek
        if mine.filter({ $0.date.isoWeek == week }).count >= rules.maxShiftsPerWeek { return .weekLimit }
        let sameDay = mine.filter { $0.date == slot.date }.count
        if sameDay >= rules.maxShiftsPerDay { return .dayLimit }
        if sameDay == 0 {
            let days = Set(mine.map(\.date.dayNumber))
            var run = 1
            var day = slot.date.dayNumber - 1
            while days.contains(day) { run += 1; day -= 1 }
            day = slot.date.dayNumber + 1
            while days.contains(day) { run += 1; day += 1 }
            if run > rules.maxConsecutiveDays { return .consecutiveDays }
        }
        for other in mine {
            guard let otherPeriod = community.period(other.period) else { continue }
            let span = interval(other.date, otherPeriod)
            let gap = span.start >= start.start ? span.start - start.end : start.start - span.end
            if gap >= 0 && gap < rules.minRestMinutes { return .rest }
        }
        return nil
    }

    private func interval(_ date: LocalDate, _ period: Period) -> (start: Int, end: Int) {
        let base = date.dayNumber * 1440
        return (base + period.start.minutes, base + period.endOffset)
    }
}
