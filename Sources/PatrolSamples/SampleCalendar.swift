import PatrolModel

/// The patrol periods of a day and the special dates of a sample month.
struct SampleCalendar {
    static let morning: PeriodID = "morning"
    static let afternoon: PeriodID = "afternoon"
    static let evening: PeriodID = "evening"
    static let night: PeriodID = "night"

    let month: Month
    /// 上午, 下午, 晚上 and, when asked for, 夜间 (ending after midnight).
    let periods: [Period]
    /// Public holidays inside the month: they count as weekend days for demand.
    let holidays: Set<LocalDate>
    /// Dates with raised demand: holidays and New Year's Eve (跨年夜).
    let eventDays: Set<LocalDate>

    init(month: Month, includeNightPeriod: Bool) {
        self.month = month
        var periods = [
            Period(
                id: Self.morning, name: "上午", start: .clock(8, 30), end: .clock(11, 0),
                isNight: false),
            Period(
                id: Self.afternoon, name: "下午", start: .clock(14, 30), end: .clock(17, 0),
                isNight: false),
            Period(
                id: Self.evening, name: "晚上", start: .clock(19, 0), end: .clock(21, 30),
                isNight: false),
        ]
        if includeNightPeriod {
            periods.append(
                Period(
                    id: Self.night, name: "夜间", start: .clock(21, 30), end: .clock(0, 30),
                    isNight: true))
        }
        self.periods = periods
        holidays = Self.holidays(in: month)
        var eventDays = holidays
        if month.month == 12 { eventDays.insert(month.lastDate) }
        self.eventDays = eventDays
    }

    var hasNight: Bool { periods.contains { $0.isNight } }

    /// The statutory holidays that fall in the month.
    ///
    /// 元旦, 劳动节 and 国庆 every year, and the Spring Festival break for the years whose
    /// dates are known here. Adjusted working days (调休) are left out: the sample keeps to
    /// dates an office would mark as days off.
    static func holidays(in month: Month) -> Set<LocalDate> {
        var ranges: [(first: (Int, Int), last: (Int, Int))] = [
            ((1, 1), (1, 1)), ((5, 1), (5, 5)), ((10, 1), (10, 7)),
        ]
        switch month.year {
        case 2026: ranges.append(((2, 15), (2, 23)))
        case 2027: ranges.append(((2, 6), (2, 12)))
        default: break
        }
        var dates: Set<LocalDate> = []
        for range in ranges {
            guard let first = LocalDate(year: month.year, month: range.first.0, day: range.first.1),
                let last = LocalDate(year: month.year, month: range.last.0, day: range.last.1)
            else { continue }
            for day in first.dayNumber...last.dayNumber {
                let date = LocalDate(dayNumber: day)
                if month.contains(date) { dates.insert(date) }
            }
        }
        return dates
    }
}

extension TimeOfDay {
    /// A clock time the generator writes itself, always within a day.
    static func clock(_ hour: Int, _ minute: Int) -> TimeOfDay {
        guard let time = TimeOfDay(minutes: hour * 60 + minute) else {
            preconditionFailure("\(hour):\(minute) is not a time of day")
        }
        return time
    }
}
