import PatrolModel
import PatrolSamples
import Testing

@Suite("Staffing balance")
struct StaffingBalanceTests {
    /// December 2026: Tuesday the 1st to Thursday the 31st, touching five ISO weeks.
    static let december = CommunityGenerator.Options.defaultMonth

    static func day(_ day: Int) -> LocalDate { december.firstDate.adding(days: day - 1) }

    static func time(_ text: String) throws -> TimeOfDay { try #require(TimeOfDay(text)) }

    /// Only on Saturdays, in every period.
    static let saturdays = WeeklyAvailability(
        periodsByWeekday: (0..<7).map { $0 == 5 ? ["evening", "night"] : [] })

    /// One grid with an evening and a night patrol of two on the given days, and one training
    /// session on the 14th.
    static func community(volunteers: [Volunteer], days: [Int] = Array(1...31)) throws
        -> Community
    {
        let periods = [
            Period(
                id: "evening", name: "晚上", start: try time("19:00"), end: try time("21:30"),
                isNight: false),
            Period(
                id: "night", name: "夜间", start: try time("21:30"), end: try time("00:30"),
                isNight: true),
        ]
        let slots = days.flatMap { day in
            [
                PatrolSlot(grid: "G1", date: Self.day(day), period: "evening", needed: 2),
                PatrolSlot(grid: "G1", date: Self.day(day), period: "night", needed: 2),
            ]
        }
        let session = TrainingSession(
            id: "T1", topic: "巡防规范与安全培训", date: day(14), start: try time("09:00"),
            end: try time("11:00"), capacity: nil, location: "社区党群服务中心")
        return Community(
            name: "测试社区", month: december, periods: periods,
            grids: [Grid(id: "G1", name: "第一网格", risk: 2, neighbors: [], needsLeader: false)],
            volunteers: volunteers, slots: slots, sessions: [session])
    }

    static func volunteer(
        _ id: String, maxShifts: Int, availability: WeeklyAvailability = .always,
        unavailable: [DateRange] = [], trained: Bool = true
    ) -> Volunteer {
        Volunteer(
            id: VolunteerID(id), name: id, homeGrid: "G1", maxShifts: maxShifts,
            availability: availability, unavailable: unavailable,
            trainedOn: trained ? december.adding(months: -6).firstDate : nil)
    }

    @Test func demandSumsTheTeamsNeeded() throws {
        let balance = StaffingBalance(try Self.community(volunteers: []))
        #expect(balance.demand == 31 * 2 * 2)
        #expect(balance.capacity == 0)
        #expect(balance.ratio == 0)
    }

    @Test func maxShiftsCapsAVolunteerWhoCouldDoMore() throws {
        // Five ISO weeks touch December 2026, three patrols each: 15, capped at 8.
        let community = try Self.community(volunteers: [Self.volunteer("A", maxShifts: 8)])
        #expect(StaffingBalance(community).capacity == 8)
    }

    @Test func theWeeklyLimitCapsAVolunteerWithAHighMaximum() throws {
        let community = try Self.community(volunteers: [Self.volunteer("A", maxShifts: 31)])
        #expect(StaffingBalance(community).capacity == 15)
    }

    @Test func onlyAllowedWeekdaysCount() throws {
        // The Saturdays of December 2026: 5, 12, 19, 26.
        let community = try Self.community(
            volunteers: [Self.volunteer("B", maxShifts: 8, availability: Self.saturdays)])
        #expect(StaffingBalance(community).capacity == 4)
    }

    @Test func unavailableDatesCountNothing() throws {
        // Free from the 21st: 21-27 (3 of 7) and 28-31 (3 of 4).
        let away = DateRange(first: Self.day(1), last: Self.day(20))
        let community = try Self.community(
            volunteers: [Self.volunteer("C", maxShifts: 10, unavailable: [away])])
        #expect(StaffingBalance(community).capacity == 6)
    }

    @Test func aNeverTrainedVolunteerCountsOnlyAfterTheSession() throws {
        // The session is on the 14th: 15-20 (3), 21-27 (3), 28-31 (3).
        let community = try Self.community(
            volunteers: [Self.volunteer("D", maxShifts: 10, trained: false)])
        #expect(StaffingBalance(community).capacity == 9)
    }

    @Test func nightPeriodsNeedNightOK() throws {
        let nightsOnly = WeeklyAvailability(periodsByWeekday: Array(repeating: ["night"], count: 7))
        var volunteer = Self.volunteer("E", maxShifts: 8, availability: nightsOnly)
        #expect(StaffingBalance(try Self.community(volunteers: [volunteer])).capacity == 0)
        volunteer.nightOK = true
        #expect(StaffingBalance(try Self.community(volunteers: [volunteer])).capacity == 8)
    }

    @Test func daysWithoutDemandAddNoCapacity() throws {
        // Weekends only: 5-6, 12-13, 19-20, 26-27.
        let community = try Self.community(
            volunteers: [Self.volunteer("A", maxShifts: 10)], days: [5, 6, 12, 13, 19, 20, 26, 27])
        #expect(StaffingBalance(community).capacity == 8)
    }

    @Test func nothingDemandedMeansAnInfiniteRatio() throws {
        let community = try Self.community(
            volunteers: [Self.volunteer("A", maxShifts: 8)], days: [])
        #expect(StaffingBalance(community).ratio == .infinity)
    }
}
