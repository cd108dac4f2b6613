import Foundation
import PatrolModel
import Testing

@testable import PatrolInterchange

@Suite("Writing a community back as input files")
struct CommunityWriterTests {
    /// Every feature of the input format, none of it at its default.
    static func community() throws -> Community {
        var rules = Rules()
        rules.maxShiftsPerMonth = 10
        rules.maxShiftsPerWeek = 4
        rules.maxShiftsPerDay = 2
        rules.maxConsecutiveDays = 5
        rules.minRestMinutes = 470
        rules.trainingRequired = false
        rules.trainBeforePatrol = false
        var weights = Weights()
        (weights.uncovered, weights.noPartyMember, weights.noLeader, weights.missedTraining) = (
            900, 250, 150, 0
        )
        (weights.belowMinShifts, weights.fairness, weights.neighborGrid, weights.farGrid) = (
            40, 3, 2, 7
        )
        let december = try month("2026-12")
        var weekly = Array(repeating: Set<PeriodID>(), count: 7)
        weekly[Weekday.friday.rawValue] = ["evening", "night"]
        weekly[Weekday.sunday.rawValue] = ["morning"]
        return try Community(
            name: "吴牙社区 \"东片\": 试点", month: december,
            periods: [
                Period(
                    id: "morning", name: "上午", start: time("08:30"), end: time("11:00"),
                    isNight: false),
                Period(
                    id: "evening", name: "晚上", start: time("19:00"), end: time("21:30"),
                    isNight: false),
                Period(
                    id: "night", name: "夜间", start: time("21:30"), end: time("00:30"), isNight: true
                ),
                Period(
                    id: "late", name: "深夜", start: time("23:00"), end: time("24:00"), isNight: true),
            ],
            holidays: [date("2026-12-25"), date("2027-01-01")], rules: rules, weights: weights,
            grids: [
                Grid(id: "G1", name: "东区", risk: 1, neighbors: ["G2"], needsLeader: true),
                Grid(
                    id: "G2", name: "西区, 老街", risk: 3, neighbors: ["G1", "G3"], needsLeader: false),
                Grid(id: "G3", name: "北区", risk: 2, neighbors: ["G2"], needsLeader: false),
            ],
            volunteers: [
                Volunteer(
                    id: "V01", name: "张伟", phone: "13800001111", isPartyMember: true,
                    branch: "第一支部, 二组",
                    affiliation: .resident, homeGrid: "G1",
                    skills: ["leader", "first_aid", "drone"], maxShifts: 6,
                    minShifts: 2, availability: WeeklyAvailability(periodsByWeekday: weekly),
                    unavailable: [
                        DateRange(first: date("2026-12-10"), last: date("2026-12-12")),
                        DateRange(date("2026-12-20")),
                    ],
                    nightOK: true, trainedOn: date("2026-11-15"), birthYear: 1962),
                Volunteer(
                    id: "V02", name: "李娜", affiliation: .shop, homeGrid: "G2", skills: ["fire"],
                    maxShifts: 0),
                Volunteer(
                    id: "V03", name: "王芳", affiliation: .unit, homeGrid: "G3", maxShifts: 3,
                    availability: WeeklyAvailability(
                        periodsByWeekday: Array(repeating: [], count: 7))),
                Volunteer(
                    id: "V04", name: "Ahmed O'Neil", affiliation: .other, homeGrid: "G3",
                    maxShifts: 8, birthYear: 2001),
            ],
            slots: [
                PatrolSlot(grid: "G1", date: date("2026-12-01"), period: "evening", needed: 2),
                PatrolSlot(grid: "G3", date: date("2026-12-01"), period: "evening", needed: 1),
                PatrolSlot(grid: "G2", date: date("2026-12-01"), period: "night", needed: 1),
                PatrolSlot(grid: "G2", date: date("2026-12-25"), period: "morning", needed: 4),
                PatrolSlot(grid: "G1", date: date("2026-12-31"), period: "late", needed: 1),
            ],
            sessions: [
                TrainingSession(
                    id: "T1", topic: "防诈骗, \"基础\"", date: date("2026-12-05"), start: time("14:00"),
                    end: time("16:00"),
                    capacity: 0, location: "活动室"),
                TrainingSession(
                    id: "T2", topic: "夜巡", date: date("2026-12-12"), start: time("22:00"),
                    end: time("01:00"),
                    capacity: nil, location: ""),
            ],
            requests: [
                PatrolRequest(
                    volunteer: "V01", dates: DateRange(date("2026-12-08")), periods: ["evening"],
                    kind: .off, weight: 20,
                    line: 2),
                PatrolRequest(
                    volunteer: "V02",
                    dates: DateRange(first: date("2026-12-01"), last: date("2026-12-03")),
                    periods: ["morning", "evening", "night", "late"], kind: .on, weight: 10, line: 3
                ),
                PatrolRequest(
                    volunteer: "V04", dates: DateRange(date("2026-12-31")),
                    periods: ["night", "late"], kind: .on,
                    weight: 0, line: 6),
            ],
            history: [
                HistoryEntry(volunteer: "V01", month: month("2026-11"), shifts: 5),
                HistoryEntry(volunteer: "V99", month: month("2026-09"), shifts: 3),
                HistoryEntry(volunteer: "V01", month: month("2026-11"), shifts: 1),
            ])
    }

    func roundTrip(_ community: Community) throws -> LoadedCommunity {
        let folder = try TemporaryFolder()
        try RosterWriter.write(CommunityWriter.files(community), to: folder.path)
        return try CommunityLoader().load(directory: folder.path)
    }

    @Test func writesEveryInputFile() throws {
        let names = CommunityWriter.files(try Self.community()).map(\.name)
        #expect(
            names == [
                "community.yaml", "volunteers.csv", "grids.csv", "demand.csv", "trainings.csv",
                "requests.csv", "history.csv",
            ])
    }

    @Test func givesBackAnEqualCommunityWhenLoaded() throws {
        let community = try Self.community()
        let loaded = try roundTrip(community)
        #expect(loaded.community == community)
        #expect(loaded.warnings.isEmpty)
    }

    @Test func givesBackTheLoadedFixtureUnchanged() throws {
        let original = try CommunityLoader().load(directory: try fixturePath("valid-en")).community
        #expect(try roundTrip(original).community == original)
    }

    @Test func quotesEveryYAMLString() throws {
        let yaml = try #require(CommunityWriter.files(try Self.community()).first?.text)
        #expect(yaml.hasPrefix("name: \"吴牙社区 \\\"东片\\\": 试点\"\nmonth: \"2026-12\"\n"))
        #expect(
            yaml.contains(
                "  - {id: \"night\", name: \"夜间\", start: \"21:30\", end: \"00:30\", night: true}"))
        #expect(yaml.contains("  min_rest_hours: 7.8333\n"))
        #expect(CommunityWriter.yamlQuoted("a\\b\n\u{1}") == "\"a\\\\b\\n\\x01\"")
    }

    @Test func writesWeeklyPatternsInPeriodOrder() throws {
        let community = try Self.community()
        let periods = community.periods
        let pattern = community.volunteers[0].availability
        #expect(
            CommunityWriter.pattern(pattern, periods: periods) == "Fri:evening,night;Sun:morning")
        #expect(CommunityWriter.pattern(.always, periods: periods) == "")
        #expect(
            CommunityWriter.pattern(community.volunteers[2].availability, periods: periods)
                == ";")
    }

    @Test(arguments: [0, 1, 7, 450, 470, 479, 1439])
    func writesRestHoursThatReadBackAsTheSameMinutes(minutes: Int) {
        let text = CommunityWriter.restHours(minutes: minutes)
        #expect(CommunityYAML.restMinutes(text) == .success(minutes))
    }
}
