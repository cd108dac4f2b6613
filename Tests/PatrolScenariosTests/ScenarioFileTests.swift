import Foundation
import PatrolInterchange
import PatrolModel
import Testing

@testable import PatrolScenarios

@Suite struct ScenarioFileTests {
    @Test func readsEveryKindOfChange() throws {
        let folder = try ScenarioFolder()
        defer { folder.remove() }
        try folder.write("new.csv", "id,name,home_grid\nN1,新人,G1\n")

        let scenario = try folder.parse(
            """
            name: 全部
            description: every kind
            base: community
            month: 2027-02
            holidays: [2027-02-05..2027-02-07, 2027-02-10]
            seed: 42
            changes:
              - unavailable: {volunteers: [A, B], dates: 2027-02-03}
              - unavailable: {filter: {affiliation: [shop, 居民], age: 70+, skill: 队长, party_member: yes, night_ok: no, trained: yes, grid: G1, branch: 一支部}, fraction: 33%, dates: [2027-02-01..2027-02-02, 2027-02-09]}
              - remove_volunteers: {filter: {age: 60-69}, count: 2}
              - add_volunteers: {file: new.csv, from: 2027-02-15}
              - demand: {grids: [G1, G2], periods: [evening], dates: weekends, add: -1}
              - demand: {dates: 2027-02-14, set: 3}
              - demand: {grids: "*", at_least: 2}
              - event: {name: 灯会, grids: [G2], dates: 2027-02-20, periods: evening, volunteers: 4, risk: high, needs_leader: yes}
              - risk: {grids: [G1], level: 3}
              - rules: {max_shifts_per_week: 4, min_rest_hours: 7.5, train_before_patrol: no}
              - weights: {fairness: 3}
              - training: {id: T9, topic: 培训, date: 2027-02-03, start: "14:00", end: "16:00", capacity: 20, location: 活动室}
              - remove_trainings: {sessions: [T1]}
              - split_grid: {grid: G1, into: [{id: G1A, name: 东, volunteers_fraction: 0.6, demand_fraction: 0.5}, {id: G1B, name: 西, risk: 2}]}
              - merge_grids: {grids: [G2, G3], into: {id: G23, name: 合并, risk: 2}, demand: max}
            """)

        #expect(scenario.name == "全部")
        #expect(scenario.description == "every kind")
        #expect(scenario.key == "test")
        #expect(scenario.base.directory == folder.path + "/community")
        #expect(scenario.base.month == Month(year: 2027, month: 2))
        let feb = { (day: Int) in LocalDate(year: 2027, month: 2, day: day)! }
        #expect(scenario.base.holidays == [feb(5), feb(6), feb(7), feb(10)])
        #expect(scenario.seed == 42)
        let kinds = scenario.changes.map(\.kind)
        #expect(kinds.count == 15)
        #expect(
            kinds[0]
                == .unavailable(VolunteerSelection(ids: ["A", "B"]), dates: [DateRange(feb(3))]))
        #expect(
            kinds[1]
                == .unavailable(
                    VolunteerSelection(
                        filter: VolunteerFilter(
                            affiliations: [.shop, .resident], branches: ["一支部"], grids: ["G1"],
                            ages: 70...200, skills: ["leader"], partyMember: true, nightOK: false,
                            trained: true),
                        sample: .fraction(0.33)),
                    dates: [DateRange(first: feb(1), last: feb(2)), DateRange(feb(9))]))
        #expect(
            kinds[2]
                == .removeVolunteers(
                    VolunteerSelection(filter: VolunteerFilter(ages: 60...69), sample: .count(2))))
        #expect(
            kinds[3]
                == .addVolunteers(AddedVolunteers(file: folder.path + "/new.csv", from: feb(15))))
        guard case .demand(let weekendEvenings) = kinds[4] else {
            Issue.record("not a demand change: \(kinds[4])")
            return
        }
        #expect(weekendEvenings.teams.grids == ["G1", "G2"])
        #expect(weekendEvenings.teams.periods == ["evening"])
        #expect(weekendEvenings.teams.days?.contains(feb(6), holidays: []) == true)
        #expect(weekendEvenings.teams.days?.contains(feb(8), holidays: []) == false)
        #expect(weekendEvenings.edit == .add(-1))
        guard case .demand(let oneDay) = kinds[5], case .demand(let everywhere) = kinds[6] else {
            Issue.record("not demand changes")
            return
        }
        #expect(oneDay.edit == .set(3) && oneDay.teams.grids == nil)
        #expect(
            everywhere.edit == .atLeast(2) && everywhere.teams.grids == nil
                && everywhere.teams.days == nil)
        guard case .event(let event) = kinds[7] else {
            Issue.record("not an event")
            return
        }
        #expect(
            event.name == "灯会" && event.volunteers == 4 && event.risk == 3
                && event.needsLeader == true)
        #expect(event.teams.grids == ["G2"] && event.teams.periods == ["evening"])
        #expect(kinds[8] == .risk(RiskChange(grids: ["G1"], level: 3, needsLeader: nil)))
        #expect(
            kinds[9]
                == .rules([
                    Setting(key: "max_shifts_per_week", value: "4"),
                    Setting(key: "min_rest_hours", value: "7.5"),
                    Setting(key: "train_before_patrol", value: "no"),
                ]))
        #expect(kinds[10] == .weights([Setting(key: "fairness", value: "3")]))
        #expect(
            kinds[11]
                == .training(
                    TrainingSession(
                        id: "T9", topic: "培训", date: feb(3), start: TimeOfDay("14:00")!,
                        end: TimeOfDay("16:00")!, capacity: 20, location: "活动室")))
        #expect(kinds[12] == .removeTrainings(["T1"]))
        #expect(
            kinds[13]
                == .splitGrid(
                    GridSplit(
                        grid: "G1",
                        parts: [
                            .init(
                                id: "G1A", name: "东", volunteersFraction: 0.6, demandFraction: 0.5),
                            .init(id: "G1B", name: "西", risk: 2),
                        ])))
        #expect(
            kinds[14]
                == .mergeGrids(
                    GridMerge(grids: ["G2", "G3"], into: "G23", name: "合并", risk: 2, demand: .max)))
        // Each change remembers where it is written.
        #expect(scenario.changes.map(\.location.line) == Array(8...22))
        #expect(scenario.changes[3].location.column == "changes[4].add_volunteers, column 5")
    }

    @Test func takesAnEmptyListOfChangesAndNoDescription() throws {
        let folder = try ScenarioFolder()
        defer { folder.remove() }
        let scenario = try folder.parse("name: 原样\nbase: community\nchanges: []\n")
        #expect(scenario.changes.isEmpty && scenario.description.isEmpty && scenario.seed == nil)
    }

    // MARK: - Errors, each with file, line and column

    /// A scenario with one mistake, the line and column where it is, and words of the message.
    struct BadInput: CustomTestStringConvertible, Sendable {
        var yaml: String
        var line: Int
        var column: Int
        var message: String
        var testDescription: String { message }
    }

    static let header = "name: 试验\nbase: community\nchanges:\n"

    static let badInputs: [BadInput] = [
        BadInput(
            yaml: "name: 试验\nbase: community\nchnages: []\n", line: 3, column: 1,
            message: "unknown key \"chnages\""),
        BadInput(
            yaml: header + "  - unavailible: {volunteers: [A], dates: 2026-12-01}\n", line: 4,
            column: 5, message: "unknown change \"unavailible\""),
        BadInput(
            yaml: header + "  - unavailable: {volunteers: [A], date: 2026-12-01}\n", line: 4,
            column: 36, message: "unknown key \"date\""),
        BadInput(
            yaml: header + "  - unavailable: {volunteers: [A]}\n", line: 4, column: 18,
            message: "\"dates\" is missing"),
        BadInput(
            yaml: header + "  - unavailable: {volunteers: [A], dates: 2026-13-01}\n", line: 4,
            column: 43, message: "\"2026-13-01\" is not a day of the calendar"),
        BadInput(
            yaml: header + "  - unavailable: {volunteers: [A], dates: 2026-12-09..2026-12-01}\n",
            line: 4, column: 43, message: "ends before it starts"),
        BadInput(
            yaml: header
                + "  - unavailable: {filter: {affiliation: shop}, fraction: 1.5, dates: 2026-12-01}\n",
            line: 4, column: 58, message: "more than the whole"),
        BadInput(
            yaml: header
                + "  - unavailable: {filter: {affiliation: shop}, fraction: lots, dates: 2026-12-01}\n",
            line: 4, column: 58, message: "not a share"),
        BadInput(
            yaml: header + "  - unavailable: {filter: {affiliation: farmer}, dates: 2026-12-01}\n",
            line: 4, column: 41, message: "not an affiliation"),
        BadInput(
            yaml: header + "  - unavailable: {filter: {age: old}, dates: 2026-12-01}\n", line: 4,
            column: 33, message: "not an age group"),
        BadInput(
            yaml: header + "  - unavailable: {filter: {colour: red}, dates: 2026-12-01}\n", line: 4,
            column: 28, message: "unknown key \"colour\""),
        BadInput(
            yaml: header + "  - unavailable: {dates: 2026-12-01}\n", line: 4, column: 18,
            message: "names no volunteers"),
        BadInput(
            yaml: header + "  - remove_volunteers: {volunteers: [A], filter: {age: 70+}}\n",
            line: 4, column: 24, message: "both volunteers and filter"),
        BadInput(
            yaml: header + "  - remove_volunteers: {volunteers: [A], fraction: 0.5, count: 1}\n",
            line: 4, column: 24, message: "both fraction and count"),
        BadInput(
            yaml: header + "  - demand: {grids: [G1], add: 1, set: 2}\n", line: 4, column: 13,
            message: "add and set are given together"),
        BadInput(
            yaml: header + "  - demand: {grids: [G1]}\n", line: 4, column: 13,
            message: "says no team size"),
        BadInput(
            yaml: header + "  - demand: {dates: someday, add: 1}\n", line: 4, column: 21,
            message: "not a day"),
        BadInput(
            yaml: header + "  - demand: {set: -2}\n", line: 4, column: 19, message: "negative"),
        BadInput(
            yaml: header + "  - event: {grids: [G1], dates: 2026-12-05, volunteers: 0}\n", line: 4,
            column: 57, message: "below the minimum 1"),
        BadInput(
            yaml: header + "  - event: {grids: [G1], volunteers: 2}\n", line: 4, column: 12,
            message: "\"dates\" is missing"),
        BadInput(
            yaml: header + "  - risk: {grids: [G1], level: 5}\n", line: 4, column: 32,
            message: "not a risk level"),
        BadInput(
            yaml: header + "  - risk: {grids: [G1]}\n", line: 4, column: 11,
            message: "changes nothing"),
        BadInput(
            yaml: header + "  - rules: {max_shifts_per_weak: 4}\n", line: 4, column: 13,
            message: "unknown key \"max_shifts_per_weak\""),
        BadInput(
            yaml: header + "  - rules: {max_shifts_per_week: four}\n", line: 4, column: 34,
            message: "not a whole number"),
        BadInput(
            yaml: header + "  - weights: {fairness: -1}\n", line: 4, column: 25, message: "negative"
        ),
        BadInput(
            yaml: header + "  - add_volunteers: {file: missing.csv}\n", line: 4, column: 28,
            message: "does not exist"),
        BadInput(
            yaml: header
                + "  - training: {id: T9, date: 2026-12-05, start: \"14:00\", end: \"14:00\"}\n",
            line: 4, column: 63, message: "the time it starts"),
        BadInput(
            yaml: header
                + "  - training: {id: T9, date: 2026-12-05, start: \"25:00\", end: \"16:00\"}\n",
            line: 4, column: 49, message: "not a time"),
        BadInput(
            yaml: header + "  - split_grid: {grid: G1, into: [{id: A, name: 甲}]}\n", line: 4,
            column: 34, message: "fewer than two parts"),
        BadInput(
            yaml: header
                + "  - split_grid: {grid: G1, into: [{id: A, name: 甲, volunteers_fraction: 0.7}, {id: B, name: 乙, volunteers_fraction: 0.7}]}\n",
            line: 4, column: 34, message: "add up to 1.4"),
        BadInput(
            yaml: header
                + "  - split_grid: {grid: G1, into: [{id: A, name: 甲}, {id: A, name: 乙}]}\n",
            line: 4, column: 34, message: "the same id"),
        BadInput(
            yaml: header + "  - merge_grids: {grids: [G1], into: {id: G9, name: 合}}\n", line: 4,
            column: 26, message: "fewer than two grids"),
        BadInput(
            yaml: header
                + "  - merge_grids: {grids: [G1, G2], into: {id: G9, name: 合}, demand: average}\n",
            line: 4, column: 69, message: "not a way to merge teams"),
        BadInput(
            yaml: header + "  - unavailable: {volunteers: [A], dates: 2026-12-01}\n    oops\n",
            line: 5, column: 5, message: "not valid YAML"),
        BadInput(
            yaml: "name: 试验\nname: 又一个\nbase: community\nchanges: []\n", line: 1, column: 1,
            message: "given twice"),
        BadInput(
            yaml: "name: 试验\nbase: nowhere\nchanges: []\n", line: 2, column: 7,
            message: "does not exist"),
        BadInput(
            yaml: "base: community\nchanges: []\n", line: 1, column: 1,
            message: "\"name\" is missing"),
        BadInput(
            yaml: "name: 试验\nbase: community\nmonth: 2027-13\nchanges: []\n", line: 3, column: 8,
            message: "not a month"),
        BadInput(
            yaml: "name: 试验\nbase: community\nseed: -3\nchanges: []\n", line: 3, column: 7,
            message: "not a seed"),
        BadInput(
            yaml: header + "  - unavailable: [A, B]\n", line: 4, column: 18,
            message: "not written as key: value pairs"),
        BadInput(
            yaml: header + "  - unavailable\n", line: 4, column: 5,
            message: "not written as one kind"),
    ]

    @Test(arguments: badInputs)
    func reportsTheMistakeWithFileLineAndColumn(_ input: BadInput) throws {
        let folder = try ScenarioFolder()
        defer { folder.remove() }

        let errors = folder.errors(input.yaml)

        #expect(errors.count == 1, "\(errors)")
        let error = try #require(errors.first)
        #expect(error.location.file == "test.yaml")
        #expect(error.location.line == input.line, "\(error)")
        #expect(error.columnNumber == input.column, "\(error)")
        #expect(error.message.contains(input.message), "\(error)")
        #expect(error.expected != nil)
    }

    @Test func suggestsTheNearestKnownKey() throws {
        let folder = try ScenarioFolder()
        defer { folder.remove() }
        let errors = folder.errors(
            Self.header + "  - unavailable: {volunteers: [A], dats: 2026-12-01}\n")
        #expect(errors.contains { $0.expected?.hasPrefix("dates?") == true })
    }

    @Test func reportsEveryMistakeOfAFileTogether() throws {
        let folder = try ScenarioFolder()
        defer { folder.remove() }
        let errors = folder.errors(
            Self.header + """
                  - unavailable: {volunteers: [A], dates: tomorrow}
                  - demand: {grids: [G1], sett: 2}
                  - risk: {grids: [G1], level: 9}
                """)
        #expect(errors.map(\.location.line) == [4, 5, 6])
    }

    @Test func readsAFileSavedAsGB18030() throws {
        let folder = try ScenarioFolder()
        defer { folder.remove() }
        let bytes: [UInt8] =
            Array("name: ".utf8) + [0xCA, 0xD4, 0xD1, 0xE9]
            + Array("\nbase: community\nchanges: []\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: folder.path + "/gbk.yaml"))

        let scenario = try ScenarioFile.load(path: folder.path + "/gbk.yaml")

        #expect(scenario.name == "试验")
        #expect(scenario.key == "gbk")
    }

    @Test func namesTheFileWhenItCannotBeRead() {
        #expect(throws: InputErrors.self) { try ScenarioFile.load(path: "/nonexistent/x.yaml") }
    }

    @Test func readsAgeGroups() throws {
        #expect(try ScenarioParser.ageGroup("70+").get() == 70...200)
        #expect(try ScenarioParser.ageGroup("60-69").get() == 60...69)
        #expect(try ScenarioParser.ageGroup("45").get() == 45...45)
        #expect((try? ScenarioParser.ageGroup("69-60").get()) == nil)
    }
}
