import Foundation
import PatrolModel
import Testing

@testable import PatrolInterchange

@Suite("Loading a valid community")
struct CommunityLoaderTests {
    let loaded: LoadedCommunity

    init() throws {
        loaded = try CommunityLoader().load(directory: try fixturePath("valid-en"))
    }

    var community: Community { loaded.community }

    @Test func readsTheSettingsOfCommunityYAML() {
        #expect(community.name == "吴牙社区")
        #expect(community.month == Month(year: 2027, month: 1))
        #expect(community.holidays == [date("2027-01-01")])
        var rules = Rules()
        rules.maxShiftsPerWeek = 2
        rules.minRestMinutes = 450
        rules.trainingRequired = false
        #expect(community.rules == rules)
        var weights = Weights()
        weights.fairness = 3
        weights.farGrid = 5
        #expect(community.weights == weights)
    }

    @Test func readsUnquotedTimesAsClockTimesAndNightPeriodsAcrossMidnight() throws {
        #expect(community.periods.map(\.id) == ["morning", "evening", "night"])
        #expect(community.periods.map(\.name) == ["上午", "晚上", "夜间"])
        let morning = community.periods[0]
        #expect(morning.start.description == "08:30" && morning.end.description == "11:00")
        let night = community.periods[2]
        #expect(night.isNight && !morning.isNight)
        #expect(night.endsNextDay && night.durationMinutes == 180)
    }

    @Test func readsGridsWithRiskWordsAndSymmetricNeighbors() {
        #expect(community.grids.map(\.id) == ["G1", "G2", "G3"])
        #expect(community.grids.map(\.name) == ["东区", "西区", "北区, 老街"])
        #expect(community.grids.map(\.risk) == [1, 3, 2])
        #expect(community.grids.map(\.needsLeader) == [false, true, false])
        #expect(community.grids[0].neighbors == ["G2", "G3"])
        #expect(community.grids[1].neighbors == ["G1", "G3"])
        #expect(community.grids[2].neighbors == ["G1", "G2"])
    }

    @Test func readsEveryVolunteerColumn() throws {
        #expect(community.volunteers.map(\.id) == ["V1", "V2", "V3"])
        let first = community.volunteers[0]
        #expect(first.name == "张伟" && first.phone == "13800001111" && first.isPartyMember)
        #expect(first.branch == "第一支部" && first.affiliation == .resident && first.homeGrid == "G1")
        #expect(first.skills == ["leader", "first_aid"])
        #expect(first.maxShifts == 6 && first.minShifts == 2)
        #expect(
            first.availability.allows(.monday, "evening")
                && !first.availability.allows(.monday, "morning"))
        #expect(
            first.availability.allows(.sunday, "morning")
                && !first.availability.allows(.sunday, "evening"))
        #expect(
            first.unavailable == [
                DateRange(first: date("2027-01-10"), last: date("2027-01-12")),
                DateRange(date("2027-01-20")),
            ])
        #expect(first.nightOK && first.trainedOn == date("2026-11-15") && first.birthYear == 1962)

        let second = community.volunteers[1]
        #expect(second.affiliation == .shop && second.skills == ["fire"] && second.nightOK)
        #expect(second.maxShifts == 8, "max_shifts defaults to rules.max_shifts_per_month")
        #expect(second.minShifts == 0 && second.trainedOn == nil && second.birthYear == nil)
        let everyDay = Array(repeating: Set<PeriodID>(["evening", "night"]), count: 7)
        #expect(second.availability == WeeklyAvailability(periodsByWeekday: everyDay))

        let third = community.volunteers[2]
        #expect(third.affiliation == .unit && third.isPartyMember && !third.nightOK)
        #expect(third.trainedOn == date("2026-10-05"))
        let wrapping = (0..<7).map {
            [0, 5, 6].contains($0) ? Set<PeriodID>(["morning", "evening", "night"]) : []
        }
        #expect(
            third.availability == WeeklyAvailability(periodsByWeekday: wrapping), "Sat-Mon wraps")
    }

    @Test func resolvesDemandRowsInOrderIntoSortedSlots() {
        let slots = community.slots
        #expect(slots.count == 134)
        #expect(slots.map(\.needed).reduce(0, +) == 227)
        func count(_ grid: GridID, _ period: PeriodID) -> Int {
            slots.filter { $0.grid == grid && $0.period == period }.count
        }
        #expect(count("G1", "evening") == 31 && count("G3", "evening") == 28, "a later 0 removes")
        #expect(count("G2", "night") == 11, "weekends include the holiday")
        #expect(count("G1", "morning") == 10, "weekday names mean the calendar weekday")
        #expect(count("G1", "night") == 13, "weekday ranges and dates mix in one cell")
        let newYear = slots.filter { $0.date == date("2027-01-01") && $0.period == "evening" }
        #expect(newYear.map(\.needed) == [3, 3, 3], "a later row replaces an earlier size")
        let sorted = slots.sorted {
            let periods = community.periods.map(\.id)
            let grids = community.grids.map(\.id)
            return (
                $0.date, periods.firstIndex(of: $0.period) ?? 0, grids.firstIndex(of: $0.grid) ?? 0
            )
                < (
                    $1.date, periods.firstIndex(of: $1.period) ?? 0,
                    grids.firstIndex(of: $1.grid) ?? 0
                )
        }
        #expect(slots == sorted)
        #expect(
            slots.first
                == PatrolSlot(grid: "G1", date: date("2027-01-01"), period: "evening", needed: 3))
    }

    @Test func readsTrainingSessions() {
        #expect(
            community.sessions == [
                TrainingSession(
                    id: "T1", topic: "防诈骗培训", date: date("2027-01-05"), start: TimeOfDay("14:00")!,
                    end: TimeOfDay("16:00")!, capacity: 20, location: "社区活动室"),
                TrainingSession(
                    id: "T2", topic: "夜巡安全", date: date("2027-01-15"), start: TimeOfDay("20:00")!,
                    end: TimeOfDay("22:00")!, capacity: nil, location: "会议室, 二楼"),
            ])
    }

    @Test func clipsRequestsToTheMonthAndKeepsTheirStartingLines() {
        #expect(
            community.requests == [
                PatrolRequest(
                    volunteer: "V1", dates: DateRange(date("2027-01-08")), periods: ["evening"],
                    kind: .off,
                    weight: 20, line: 2),
                PatrolRequest(
                    volunteer: "V2",
                    dates: DateRange(first: date("2027-01-01"), last: date("2027-01-03")),
                    periods: ["morning", "evening", "night"], kind: .on, weight: 10, line: 4),
                PatrolRequest(
                    volunteer: "V1", dates: DateRange(date("2027-01-15")),
                    periods: ["morning", "night"], kind: .on,
                    weight: 15, line: 7),
            ])
    }

    @Test func keepsHistoryOfPeopleWhoLeft() {
        #expect(
            community.history == [
                HistoryEntry(volunteer: "V1", month: Month(year: 2026, month: 12)!, shifts: 5),
                HistoryEntry(volunteer: "V9", month: Month(year: 2026, month: 11)!, shifts: 3),
                HistoryEntry(volunteer: "V2", month: Month(year: 2026, month: 10)!, shifts: 2),
            ])
    }

    @Test func warnsAboutUnknownColumnsAndRequestsOutsideTheMonth() {
        let warnings = loaded.warnings.map(\.description)
        #expect(loaded.warnings.allSatisfy { $0.severity == .warning })
        #expect(
            warnings.contains {
                $0.hasPrefix("requests.csv:1 [note]") && $0.contains("unknown column")
            })
        #expect(
            warnings.contains { $0.hasPrefix("requests.csv:5 [date]") && $0.contains("ignored") })
        #expect(loaded.warnings.count == 2)
    }

    @Test(arguments: ["valid-zh", "valid-zh-gb18030", "valid-en-bom"])
    func readsChineseHeadersAndOtherEncodingsTheSameWay(fixture: String) throws {
        let other = try CommunityLoader().load(directory: try fixturePath(fixture))
        #expect(other.community == community)
    }

    @Test func monthOverrideReplacesTheMonthOfTheFile() throws {
        let february = try CommunityLoader().load(
            directory: try fixturePath("valid-en"), month: Month(year: 2027, month: 2))
        #expect(february.community.month == Month(year: 2027, month: 2))
        #expect(february.community.slots.allSatisfy { $0.date.month == 2 })
        #expect(february.community.requests.isEmpty, "every request falls outside February")
    }
}
