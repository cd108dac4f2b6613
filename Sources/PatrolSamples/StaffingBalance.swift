import PatrolModel

/// How the volunteers' patrol capacity in a month compares with the patrols demanded.
///
/// A volunteer's capacity is the most patrols the month's calendar lets them take, before any
/// competition with other volunteers: the days on which some demanded period is open to them
/// (their weekly pattern, `night_ok`, no `unavailable` date, and, when never trained and
/// `train_before_patrol` holds, only after the earliest session they could attend), at most
/// one patrol a day, at most `max_shifts_per_week` in each ISO week, and at most their
/// `max_shifts`. The consecutive-days and rest rules are left out; with the sample periods
/// they rarely bind before the weekly limit does.
///
/// ```swift
/// let balance = StaffingBalance(community)
/// print(balance.ratio)   // about 1.15 for a `.balanced` sample
/// ```
public struct StaffingBalance: Hashable, Sendable {
    /// The sum of every volunteer's capacity.
    public var capacity: Int
    /// The sum of `needed` over the month's slots.
    public var demand: Int

    /// Measures a community.
    ///
    /// - Complexity: O(volunteers × days × periods + slots).
    public init(_ community: Community) {
        let month = community.month
        var open = Array(repeating: UInt32(0), count: month.dayCount)
        let periodIndex = Dictionary(
            community.periods.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        demand = 0
        for slot in community.slots where month.contains(slot.date) {
            guard let index = periodIndex[slot.period] else { continue }
            open[slot.date.dayNumber - month.firstDate.dayNumber] |= 1 << UInt32(index)
            demand += slot.needed
        }
        let model = CapacityModel(
            month: month, periods: community.periods, rules: community.rules,
            sessionDates: community.sessions.map(\.date), volunteers: community.volunteers)
        capacity = model.capacity(openPeriods: open)
    }

    /// Capacity divided by demand; infinite when nothing is demanded.
    public var ratio: Double {
        demand == 0 ? .infinity : Double(capacity) / Double(demand)
    }
}

/// The volunteers' calendars reduced to bit masks, so that capacity can be measured again
/// for each trial demand while the generator sizes it.
struct CapacityModel {
    private struct Calendar {
        /// Allowed periods by weekday (Monday first), one bit per period index.
        var weekly: [UInt32]
        /// Dates (by day of month, from 0) on which the volunteer cannot patrol at all.
        var blocked: [Bool]
        var maxShifts: Int
    }

    private let calendars: [Calendar]
    private let firstWeekday: Int
    private let perWeek: Int
    private let perDay: Int

    /// Reduces each volunteer's calendar; `sessionDates` decide when the never-trained start.
    init(
        month: Month, periods: [Period], rules: Rules, sessionDates: [LocalDate],
        volunteers: [Volunteer]
    ) {
        firstWeekday = month.firstDate.weekday.rawValue
        perWeek = rules.maxShiftsPerWeek
        perDay = min(rules.maxShiftsPerDay, 1)
        let dates = month.dates
        let sortedSessions = sessionDates.sorted()
        calendars = volunteers.map { volunteer in
            let weekly = Weekday.allCases.map { weekday in
                var mask: UInt32 = 0
                for (index, period) in periods.enumerated()
                where (!period.isNight || volunteer.nightOK)
                    && volunteer.availability.allows(weekday, period.id)
                {
                    mask |= 1 << UInt32(index)
                }
                return mask
            }
            var blocked = dates.map { volunteer.isUnavailable(on: $0) }
            if volunteer.trainedOn == nil, rules.trainBeforePatrol {
                // Patrols start the day after the first session they can attend.
                let session = sortedSessions.first { !volunteer.isUnavailable(on: $0) }
                for (index, date) in dates.enumerated() where session.map({ date <= $0 }) ?? true {
                    blocked[index] = true
                }
            }
            return Calendar(weekly: weekly, blocked: blocked, maxShifts: volunteer.maxShifts)
        }
    }

    /// The total capacity when `openPeriods[day]` has a bit set for each period index with
    /// demand on that day of the month.
    func capacity(openPeriods: [UInt32]) -> Int {
        let weeks = (firstWeekday + openPeriods.count + 6) / 7
        var total = 0
        var weekCounts = Array(repeating: 0, count: weeks)
        for calendar in calendars {
            for week in 0..<weeks { weekCounts[week] = 0 }
            for (day, open) in openPeriods.enumerated() where !calendar.blocked[day] {
                let position = firstWeekday + day
                if open & calendar.weekly[position % 7] != 0 { weekCounts[position / 7] += perDay }
            }
            var days = 0
            for count in weekCounts { days += min(count, perWeek) }
            total += min(days, calendar.maxShifts)
        }
        return total
    }
}
