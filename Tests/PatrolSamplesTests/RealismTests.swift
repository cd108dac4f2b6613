import PatrolModel
import PatrolSamples
import Testing

@Suite("Community generator: realism")
struct RealismTests {
    static let sample = CommunityGenerator.generate(.init())
    static let large = CommunityGenerator.generate(.init(volunteers: 1_000, grids: 40, seed: 3))

    static func share(_ community: Community, _ isCounted: (Volunteer) -> Bool) -> Double {
        Double(community.volunteers.filter(isCounted).count) / Double(community.volunteers.count)
    }

    // MARK: - Periods and calendar

    @Test func aDayHasFourPeriodsWithTheNightOneEndingAfterMidnight() {
        let periods = Self.sample.periods
        #expect(periods.map(\.id) == ["morning", "afternoon", "evening", "night"])
        #expect(periods.map(\.name) == ["上午", "下午", "晚上", "夜间"])
        #expect(periods.map(\.start.description) == ["08:30", "14:30", "19:00", "21:30"])
        #expect(periods.map(\.end.description) == ["11:00", "17:00", "21:30", "00:30"])
        #expect(periods.map(\.isNight) == [false, false, false, true])
    }

    @Test func withoutTheNightPeriodNobodyIsOfferedANight() {
        let community = CommunityGenerator.generate(.init(includeNightPeriod: false))
        #expect(community.periods.map(\.id) == ["morning", "afternoon", "evening"])
        for volunteer in community.volunteers {
            let pattern = volunteer.availability.periodsByWeekday ?? []
            #expect(!pattern.contains { $0.contains("night") })
        }
    }

    @Test func newYearsDayIsAHolidayWithRaisedDemand() throws {
        let january = try #require(Month(year: 2027, month: 1))
        let community = CommunityGenerator.generate(.init(month: january))
        let newYear = try #require(LocalDate(year: 2027, month: 1, day: 1))
        #expect(community.holidays == [newYear])
        let byDay = Self.demandByDay(community)
        // Compare with the Saturdays, the busiest ordinary days.
        let saturdays = january.dates.filter { $0.weekday == .saturday }
        let saturdayAverage = saturdays.map { byDay[$0, default: 0] }.reduce(0, +) / saturdays.count
        #expect(byDay[newYear, default: 0] > saturdayAverage)
    }

    @Test func newYearsEveRaisesDemandInDecember() throws {
        let community = Self.sample
        #expect(community.holidays.isEmpty)
        let byDay = Self.demandByDay(community)
        let eve = try #require(LocalDate(year: 2026, month: 12, day: 31))
        let ordinary = community.month.dates.filter { $0 != eve }
        let average = ordinary.map { byDay[$0, default: 0] }.reduce(0, +) / ordinary.count
        #expect(byDay[eve, default: 0] > average)
    }

    @Test func springFestival2027IsAWeekOfHolidays() throws {
        let february = try #require(Month(year: 2027, month: 2))
        let community = CommunityGenerator.generate(.init(month: february))
        let expected = (6...12).compactMap { LocalDate(year: 2027, month: 2, day: $0) }
        #expect(community.holidays == Set(expected))
    }

    @Test func weekendMorningsNeedMoreThanWeekdayMornings() {
        var weekend = (needed: 0, days: 0)
        var weekday = (needed: 0, days: 0)
        for date in Self.large.month.dates {
            let needed = Self.large.slots
                .filter { $0.date == date && $0.period == "morning" }
                .reduce(0) { $0 + $1.needed }
            if date.weekday.isWeekend {
                weekend = (weekend.needed + needed, weekend.days + 1)
            } else {
                weekday = (weekday.needed + needed, weekday.days + 1)
            }
        }
        #expect(weekend.needed * weekday.days > weekday.needed * weekend.days)
    }

    static func demandByDay(_ community: Community) -> [LocalDate: Int] {
        community.slots.reduce(into: [:]) { $0[$1.date, default: 0] += $1.needed }
    }

    // MARK: - Grids and teams

    @Test func aFewHotspotsAreHighRiskAndNeedALeader() {
        let highRisk = Self.large.grids.filter { $0.risk == 3 }
        #expect(!highRisk.isEmpty)
        #expect(highRisk.count <= Self.large.grids.count / 4)
        #expect(highRisk.allSatisfy { $0.needsLeader })
        #expect(Self.large.grids.contains { $0.risk == 1 })
        #expect(Self.large.grids.contains { $0.risk == 2 })
    }

    @Test func gridsAreNamedAfterCompoundsHotspotsOrNumbers() {
        let names = Self.large.grids.map(\.name)
        #expect(names.allSatisfy { $0.hasSuffix("网格") })
        #expect(names.contains("长青苑网格"))
        #expect(names.contains { $0.hasPrefix("第") })
    }

    @Test func highRiskEveningAndNightTeamsHaveTwoOrThree() {
        let risk = Dictionary(uniqueKeysWithValues: Self.sample.grids.map { ($0.id, $0.risk) })
        let eveningHoliday = LocalDate(year: 2026, month: 12, day: 31)
        for slot in Self.sample.slots
        where risk[slot.grid] == 3 && slot.period != "morning"
            && slot.period != "afternoon" && slot.date != eveningHoliday
        {
            #expect((2...3).contains(slot.needed))
        }
        #expect(Self.sample.slots.allSatisfy { $0.needed <= 4 })
    }

    @Test func nightPatrolsOnlyInMediumAndHighRiskGrids() {
        let risk = Dictionary(uniqueKeysWithValues: Self.large.grids.map { ($0.id, $0.risk) })
        let nights = Self.large.slots.filter { $0.period == "night" }
        #expect(!nights.isEmpty)
        #expect(nights.allSatisfy { (risk[$0.grid] ?? 0) >= 2 })
    }

    // MARK: - Volunteers

    @Test func idsAreNumberedFromV0001() {
        #expect(Self.sample.volunteers.first?.id == "V0001")
        #expect(Self.sample.volunteers.last?.id == "V0160")
    }

    @Test func aboutSixInTenArePartyMembersAcrossSeveralBranches() {
        let share = Self.share(Self.large, \.isPartyMember)
        #expect((0.55...0.67).contains(share))
        let branches = Set(Self.large.volunteers.map(\.branch)).subtracting([""])
        #expect(branches.count >= 5)
        #expect(branches.contains("离退休党支部"))
        #expect(branches.contains("两新组织党支部"))
    }

    @Test func affiliationsFollowTheUsualMix() {
        let expected: [(Affiliation, ClosedRange<Double>)] = [
            (.resident, 0.54...0.66), (.unit, 0.11...0.19), (.shop, 0.11...0.19),
            (.other, 0.07...0.13),
        ]
        for (affiliation, range) in expected {
            #expect(range.contains(Self.share(Self.large) { $0.affiliation == affiliation }))
        }
    }

    @Test func familyNamesFollowTheirFrequency() {
        let family = Self.large.volunteers.map { String($0.name.prefix(1)) }
        let wang = family.filter { $0 == "王" }.count
        let tang = family.filter { $0 == "汤" }.count
        #expect(wang > 40)
        #expect(wang > 5 * tang)
    }

    @Test func aboutOneInTenLeadsMostlyPartyMembers() {
        let leaders = Self.large.volunteers.filter(\.isLeader)
        let share = Double(leaders.count) / Double(Self.large.volunteers.count)
        #expect((0.07...0.13).contains(share))
        #expect(leaders.filter(\.isPartyMember).count * 2 > leaders.count)
    }

    @Test func nightVolunteersExistAndAreYounger() {
        let night = Self.large.volunteers.filter(\.nightOK)
        let others = Self.large.volunteers.filter { !$0.nightOK }
        let share = Double(night.count) / Double(Self.large.volunteers.count)
        #expect((0.18...0.32).contains(share))
        #expect(Self.averageBirthYear(night) > Self.averageBirthYear(others) + 5)
        // Every night volunteer can actually take a night on some weekday.
        for volunteer in night {
            #expect(Weekday.allCases.contains { volunteer.availability.allows($0, "night") })
        }
    }

    static func averageBirthYear(_ volunteers: [Volunteer]) -> Int {
        volunteers.compactMap(\.birthYear).reduce(0, +) / max(1, volunteers.count)
    }

    @Test func profilesShapeWhenPeopleCanPatrol() {
        let volunteers = Self.large.volunteers.filter { $0.availability.periodsByWeekday != nil }
        let shops = volunteers.filter { $0.affiliation == .shop }
        let shopMornings = shops.filter { $0.availability.allows(.monday, "morning") }
        #expect(shopMornings.isEmpty)
        let retirees = volunteers.filter {
            ($0.birthYear ?? 2000) <= 1965 && $0.affiliation == .resident
        }
        let retireeMornings = retirees.filter { $0.availability.allows(.tuesday, "morning") }
        #expect(retireeMornings.count * 2 > retirees.count)
        #expect(Self.large.volunteers.contains { $0.availability == .always })
    }

    @Test func limitsVaryAndCommitmentsStayWithinThem() {
        let maxima = Set(Self.large.volunteers.map(\.maxShifts))
        #expect(maxima == Set(4...10))
        let committed = Self.large.volunteers.filter { $0.minShifts > 0 }
        #expect(!committed.isEmpty)
        #expect(committed.allSatisfy { $0.minShifts <= min(4, $0.maxShifts) })
    }

    @Test func aboutOneInFiveIsAwaySomeOfTheMonth() {
        let share = Self.share(Self.large) { !$0.unavailable.isEmpty }
        #expect((0.14...0.26).contains(share))
    }

    @Test func mostAreTrainedAndSomeAreNew() {
        let share = Self.share(Self.large) { $0.trainedOn == nil }
        #expect((0.1...0.2).contains(share))
    }

    // MARK: - Sessions, requests, history

    @Test func sessionsEarlyInTheMonthHoldEveryone() {
        let sessions = Self.large.sessions
        #expect(sessions.count == 3)
        let capacity = sessions.compactMap(\.capacity).reduce(0, +)
        #expect(capacity >= Self.large.volunteers.count)
        #expect(capacity <= Self.large.volunteers.count * 3 / 2)
        #expect(sessions.allSatisfy { $0.date.day >= 2 && $0.date.day <= 17 })
        #expect(sessions.map(\.date) == sessions.map(\.date).sorted())
        #expect(sessions.first?.topic == "巡防规范与安全培训")
        #expect(sessions.allSatisfy { !$0.location.isEmpty && $0.durationMinutes >= 90 })
    }

    @Test func aboutOneInSevenAsksForSomething() {
        let asking = Set(Self.large.requests.map(\.volunteer))
        let share = Double(asking.count) / Double(Self.large.volunteers.count)
        #expect((0.1...0.2).contains(share))
        #expect(Self.large.requests.contains { $0.kind == .on })
        #expect(Self.large.requests.contains { $0.kind == .off })
        #expect(Self.large.requests.contains { $0.dates.first != $0.dates.last })
    }

    @Test func historyCoversThreeMonthsAndVolunteersWhoLeft() {
        let history = Self.large.history
        let months = Set(history.map(\.month))
        #expect(months == Set((1...3).map { Self.large.month.adding(months: -$0) }))
        let current = Set(Self.large.volunteers.map(\.id))
        #expect(history.contains { !current.contains($0.volunteer) })
        let newcomers = Set(Self.large.volunteers.filter { $0.trainedOn == nil }.map(\.id))
        #expect(!history.contains { newcomers.contains($0.volunteer) })
        let served = Set(history.map(\.volunteer)).intersection(current)
        #expect(served.count * 4 > Self.large.volunteers.count * 3)
    }
}
