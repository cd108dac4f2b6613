import PatrolModel
import Testing

@Suite struct CalendarTests {
    @Test func convertsDatesToDayNumbersAndBack() {
        for dayNumber in stride(from: -800_000, through: 800_000, by: 997) {
            let date = LocalDate(dayNumber: dayNumber)
            let (y, m, d) = date.components
            #expect(LocalDate(year: y, month: m, day: d) == date)
        }
        #expect(LocalDate(year: 1970, month: 1, day: 1)?.dayNumber == 0)
        #expect(LocalDate(year: 2026, month: 12, day: 5)?.description == "2026-12-05")
    }

    @Test func rejectsDatesThatDoNotExist() {
        #expect(LocalDate(year: 2026, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2028, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 2100, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2026, month: 13, day: 1) == nil)
        #expect(LocalDate(iso: "2026-1-05") == nil)
    }

    @Test func knowsTheWeekday() {
        #expect(LocalDate(year: 2026, month: 12, day: 5)?.weekday == .saturday)
        #expect(LocalDate(year: 2027, month: 1, day: 1)?.weekday == .friday)
        #expect(LocalDate(year: 1970, month: 1, day: 1)?.weekday == .thursday)
    }

    @Test(arguments: [
        (2026, 12, 28, 2026, 53), (2027, 1, 3, 2026, 53), (2027, 1, 4, 2027, 1),
        (2024, 12, 30, 2025, 1), (2026, 12, 1, 2026, 49),
    ])
    func knowsTheISOWeek(year: Int, month: Int, day: Int, weekYear: Int, week: Int) {
        let date = LocalDate(year: year, month: month, day: day)!
        #expect(date.isoWeek.year == weekYear)
        #expect(date.isoWeek.week == week)
    }

    @Test func stepsThroughMonths() {
        let december = Month("2026-12")!
        #expect(december.adding(months: 1).description == "2027-01")
        #expect(december.adding(months: -12).description == "2025-12")
        #expect(december.dayCount == 31)
        #expect(Month("2027-02")!.dates.count == 28)
        #expect(Month("2026-13") == nil)
        #expect(Month("2026-1") == nil)
    }

    @Test func readsClockTimesAndSpansPastMidnight() {
        #expect(TimeOfDay("08:30")?.minutes == 510)
        #expect(TimeOfDay("8:30")?.minutes == 510)
        #expect(TimeOfDay("24:00")?.minutes == 1440)
        #expect(TimeOfDay("24:01") == nil)
        #expect(TimeOfDay("12:60") == nil)
        let night = Period(id: "night", name: "夜间", start: TimeOfDay("21:30")!, end: TimeOfDay("00:30")!, isNight: true)
        #expect(night.endsNextDay)
        #expect(night.durationMinutes == 180)
        #expect(night.endOffset == 1470)
    }
}
