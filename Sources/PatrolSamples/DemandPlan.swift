import PatrolModel

/// Sizes the month's patrol teams so that the volunteers' capacity stands in a chosen ratio
/// to the demand.
///
/// Every grid, date and period gets an expected team size from its risk and the kind of day:
/// evenings are the busiest, weekday mornings the lightest, weekends and holidays heavier,
/// night patrols only in medium- and high-risk grids, and event days (holidays, New Year's
/// Eve) raised by half. One scale factor multiplies all expectations, and a team size is
/// `floor(scaled expectation + jitter)` with a jitter drawn once per cell, clamped to a
/// realistic team (high-risk evening and night teams 2 to 3, others 1 to 2 and up to 3 in
/// busy medium-risk periods and high-risk grids, one more on event days); 0 means no patrol.
/// Team sizes only grow with the scale factor, so the total demand does too, and a bisection
/// on the factor finds the total nearest the target.
struct DemandPlan {
    private struct Cell {
        var grid: Int
        var day: Int
        var period: Int
        var expected: Double
        var jitter: Double
        var smallest: Int
        var largest: Int

        func size(scale: Double) -> Int {
            let raw = Int((expected * scale + jitter).rounded(.down))
            return raw <= 0 ? 0 : min(largest, max(smallest, raw))
        }
    }

    /// Cells in slot order: date, then period, then grid; only those that can ever be staffed.
    private let cells: [Cell]
    private let calendar: SampleCalendar
    private let grids: [GridProfile]
    private let periodCount: Int

    init(calendar: SampleCalendar, grids: [GridProfile], random: inout SplitMix64) {
        self.calendar = calendar
        self.grids = grids
        periodCount = calendar.periods.count
        var cells: [Cell] = []
        cells.reserveCapacity(calendar.month.dayCount * periodCount * grids.count)
        for (day, date) in calendar.month.dates.enumerated() {
            let restDay = date.weekday.isWeekend || calendar.holidays.contains(date)
            let event = calendar.eventDays.contains(date)
            for (periodIndex, period) in calendar.periods.enumerated() {
                for (gridIndex, profile) in grids.enumerated() {
                    let risk = profile.grid.risk
                    let jitter = random.unit()
                    let base = Self.expectedTeam(
                        period: period.id, risk: risk, weekday: date.weekday, restDay: restDay)
                    guard base > 0 else { continue }
                    let busy = period.id == SampleCalendar.evening || period.isNight
                    let eventFactor = event ? (busy ? 1.5 : 1.3) : 1
                    // High-risk evening and night teams are never fewer than 2; busy
                    // periods in medium-risk grids and any period in high-risk grids may grow
                    // to 3 when the team is large for its grids.
                    let heavy = risk == 3 && busy
                    let largest = risk == 3 || (risk == 2 && busy) ? 3 : 2
                    cells.append(
                        Cell(
                            grid: gridIndex, day: day, period: periodIndex,
                            expected: base * eventFactor * profile.busyness, jitter: jitter,
                            smallest: heavy ? 2 : 1, largest: largest + (event ? 1 : 0)))
                }
            }
        }
        self.cells = cells
    }

    /// The expected team size before scaling, by period, risk (1 to 3) and kind of day.
    private static func expectedTeam(period: PeriodID, risk: Int, weekday: Weekday, restDay: Bool)
        -> Double
    {
        let byRisk: [Double]
        var dayFactor = 1.0
        switch period {
        case SampleCalendar.morning:
            byRisk = [0.5, 0.8, 1.2]
            if restDay { dayFactor = 1.6 }
        case SampleCalendar.afternoon:
            byRisk = [0.7, 1.0, 1.5]
            if restDay { dayFactor = 1.3 }
        case SampleCalendar.evening:
            byRisk = [1.2, 1.6, 2.4]
            if restDay || weekday == .friday { dayFactor = 1.15 }
        default:
            byRisk = [0, 1.2, 2.2]
            if weekday == .friday || weekday == .saturday { dayFactor = 1.2 }
        }
        return byRisk[min(max(risk, 1), 3) - 1] * dayFactor
    }

    /// The days and periods on which some cell can be staffed, as `CapacityModel` reads them.
    func openPeriods(scale: Double?) -> [UInt32] {
        var open = Array(repeating: UInt32(0), count: calendar.month.dayCount)
        for cell in cells where scale.map({ cell.size(scale: $0) > 0 }) ?? true {
            open[cell.day] |= 1 << UInt32(cell.period)
        }
        return open
    }

    /// The scale factor whose total demand is nearest `target`; the largest realistic demand
    /// when even that falls short.
    func scale(for target: Int) -> Double {
        var low = 0.0
        var high = 1.0
        while total(scale: high) < target, high < 64 { high *= 2 }
        for _ in 0..<48 {
            let middle = (low + high) / 2
            if total(scale: middle) < target { low = middle } else { high = middle }
        }
        return target - total(scale: low) <= total(scale: high) - target ? low : high
    }

    func total(scale: Double) -> Int {
        var sum = 0
        for cell in cells { sum += cell.size(scale: scale) }
        return sum
    }

    /// The month's slots at this scale, ordered by date, period and grid.
    func slots(scale: Double) -> [PatrolSlot] {
        let dates = calendar.month.dates
        return cells.compactMap { cell in
            let needed = cell.size(scale: scale)
            guard needed > 0 else { return nil }
            return PatrolSlot(
                grid: grids[cell.grid].grid.id, date: dates[cell.day],
                period: calendar.periods[cell.period].id, needed: needed)
        }
    }
}
