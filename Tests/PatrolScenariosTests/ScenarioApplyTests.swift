import Foundation
import PatrolInterchange
import PatrolModel
import PatrolTestSupport
import Testing

@testable import PatrolScenarios

@Suite struct ScenarioApplyTests {
    let base = sampleCommunity()
    let december = { (day: Int) in LocalDate(year: 2026, month: 12, day: day)! }

    private func apply(_ changes: [ScenarioChange], seed: UInt64 = 1) throws -> ScenarioVariant {
        let variant = try scenario(changes).apply(to: base, seed: seed)
        #expect(invariantProblems(variant.community) == [])
        return variant
    }

    private func errors(_ changes: [ScenarioChange]) -> [Diagnostic] {
        do {
            _ = try scenario(changes).apply(to: base, seed: 1)
            return []
        } catch {
            return error.diagnostics.filter { $0.severity == .error }
        }
    }

    private func teams(_ community: Community, _ grid: GridID) -> [LocalDate: [PeriodID: Int]] {
        var result: [LocalDate: [PeriodID: Int]] = [:]
        for slot in community.slots where slot.grid == grid {
            result[slot.date, default: [:]][slot.period] = slot.needed
        }
        return result
    }

    // MARK: - Volunteers

    @Test func makesVolunteersUnavailableByID() throws {
        let range = DateRange(first: december(3), last: december(5))
        let variant = try apply([
            change(.unavailable(VolunteerSelection(ids: ["B", "E"]), dates: [range]))
        ])
        #expect(variant.community.volunteer("B")?.unavailable == [range])
        #expect(variant.community.volunteer("E")?.unavailable == [range])
        #expect(variant.community.volunteer("A")?.unavailable == [])
        #expect(variant.effects == ["unavailable 2026-12-03..2026-12-05: 2 of 2 volunteers (B, E)"])
    }

    @Test func drawsTheSameSeededShareOfAFilterEveryTime() throws {
        let shops = VolunteerSelection(
            filter: VolunteerFilter(affiliations: [.shop]), sample: .fraction(0.67))
        let dates = [DateRange(december(10))]
        func chosen(seed: UInt64) throws -> Set<VolunteerID> {
            let variant = try apply([change(.unavailable(shops, dates: dates))], seed: seed)
            return Set(variant.community.volunteers.filter { !$0.unavailable.isEmpty }.map(\.id))
        }
        let first = try chosen(seed: 7)
        #expect(first.count == 2)
        #expect(first.isSubset(of: ["A", "C", "F"]))
        #expect(try chosen(seed: 7) == first)
        let draws = try Set((1...12).map { try chosen(seed: $0) })
        #expect(draws.count > 1, "different seeds draw different volunteers")
    }

    @Test func filtersByAgeBranchGridSkillAndFlags() throws {
        func ids(_ filter: VolunteerFilter) -> [VolunteerID] {
            base.volunteers.filter { filter.matches($0, year: 2026) }.map(\.id)
        }
        #expect(ids(VolunteerFilter(ages: 70...200)) == ["A", "D"])
        #expect(ids(VolunteerFilter(ages: 60...69)) == ["B"])
        #expect(ids(VolunteerFilter(grids: ["G2"])) == ["C", "D"])
        #expect(ids(VolunteerFilter(skills: ["leader"])) == ["A"])
        #expect(ids(VolunteerFilter(partyMember: true)) == ["A", "E"])
        #expect(ids(VolunteerFilter(nightOK: true, trained: false)) == ["F"])
        #expect(ids(VolunteerFilter(affiliations: [.shop], ages: 0...40)) == ["C", "F"])
        #expect(ids(VolunteerFilter(branches: ["一支部"])) == [])
    }

    @Test func warnsWhenAFilterMatchesNobody() throws {
        let variant = try apply([
            change(
                .unavailable(
                    VolunteerSelection(filter: VolunteerFilter(ages: 100...200)),
                    dates: [DateRange(december(1))]))
        ])
        #expect(
            variant.warnings.map(\.message) == ["no volunteer matches: the change has no effect"])
    }

    @Test func removesVolunteersWithTheirRequestsButKeepsTheirHistory() throws {
        let variant = try apply([change(.removeVolunteers(VolunteerSelection(ids: ["A", "C"])))])
        #expect(variant.community.volunteers.map(\.id) == ["B", "D", "E", "F"])
        #expect(variant.community.requests.map(\.volunteer) == ["D"])
        #expect(variant.community.history == base.history)
    }

    @Test func addsVolunteersFromAFileUnavailableBeforeTheyJoin() throws {
        let folder = try ScenarioFolder()
        defer { folder.remove() }
        try folder.write("new.csv", "编号,姓名,网格,类别,培训日期\nN1,新人甲,G2,商户,\nN2,新人乙,G3,居民,2026-06-01\n")
        let variant = try apply([
            change(
                .addVolunteers(AddedVolunteers(file: folder.path + "/new.csv", from: december(15))))
        ])
        let added = variant.community.volunteers.suffix(2)
        #expect(added.map(\.id) == ["N1", "N2"])
        #expect(added.map(\.affiliation) == [.shop, .resident])
        #expect(
            added.allSatisfy {
                $0.unavailable == [DateRange(first: december(1), last: december(14))]
            })
        #expect(added.allSatisfy { $0.maxShifts == base.rules.maxShiftsPerMonth })
    }

    @Test func reportsAVolunteersFileMistakeAtItsCell() throws {
        let folder = try ScenarioFolder()
        defer { folder.remove() }
        try folder.write("new.csv", "id,name,home_grid\nN1,新人甲,G2\nN2,新人乙,G9\n")
        let found = errors([change(.addVolunteers(AddedVolunteers(file: folder.path + "/new.csv")))]
        )
        #expect(found.count == 1)
        #expect(
            found.first?.location == SourceLocation(file: "new.csv", line: 3, column: "home_grid"))
        #expect(found.first?.message.contains("unknown grid \"G9\"") == true)
    }

    @Test func refusesNewVolunteersWithIDsAlreadyTaken() throws {
        let folder = try ScenarioFolder()
        defer { folder.remove() }
        try folder.write("new.csv", "id,name,home_grid\nA,重名,G1\n")
        let found = errors([
            change(.addVolunteers(AddedVolunteers(file: folder.path + "/new.csv")), line: 9)
        ])
        #expect(found.map(\.location.line) == [9])
        #expect(found.first?.message.contains("already in the community") == true)
    }

    // MARK: - Demand, events, risk

    @Test func raisesOnlyExistingPatrolsAndDropsTeamsLoweredToZero() throws {
        let evenings = TeamSelection(
            grids: ["G2", "G3"], periods: ["晚上"], days: try CellValues.days("weekends").get())
        let raised = try apply([change(.demand(DemandChange(teams: evenings, edit: .add(1))))])
        #expect(teams(raised.community, "G2")[december(5)]?["evening"] == 3)
        #expect(
            teams(raised.community, "G2")[december(7)] == nil,
            "Monday has no patrol in G2 and gets none")
        #expect(teams(raised.community, "G3")[december(5)]?["evening"] == 2)
        #expect(teams(raised.community, "G3")[december(7)]?["evening"] == 1)
        #expect(raised.community.slots.count == base.slots.count)

        let lowered = try apply([
            change(.demand(DemandChange(teams: TeamSelection(grids: ["G3"]), edit: .add(-1))))
        ])
        #expect(teams(lowered.community, "G3").isEmpty)
        #expect(lowered.community.slots.count == base.slots.count - 31)
    }

    @Test func setsAndAddsPatrolsWhereThereWereNone() throws {
        let days = try CellValues.days("2026-12-24..2026-12-25").get()
        let variant = try apply([
            change(
                .demand(
                    DemandChange(
                        teams: TeamSelection(grids: ["G1"], periods: ["night"], days: days),
                        edit: .set(2)))),
            change(
                .demand(
                    DemandChange(
                        teams: TeamSelection(grids: ["G1"], periods: ["morning"], days: days),
                        edit: .set(0)))),
            change(
                .demand(
                    DemandChange(
                        teams: TeamSelection(grids: ["G2"], periods: ["evening"]), edit: .atLeast(1)
                    ))),
        ])
        let g1 = teams(variant.community, "G1")
        #expect(g1[december(24)] == ["night": 2])
        #expect(g1[december(25)] == ["night": 2])
        #expect(g1[december(23)] == ["morning": 1])
        #expect(teams(variant.community, "G2").values.allSatisfy { $0["evening"] ?? 0 >= 1 })
        #expect(teams(variant.community, "G2")[december(5)]?["evening"] == 2)
        #expect(teams(variant.community, "G2").count == 31)
    }

    @Test func holdsAnEventWithLargerTeamsAndAHigherRisk() throws {
        let days = try CellValues.days("2026-12-19").get()
        let variant = try apply([
            change(
                .event(
                    EventChange(
                        name: "灯会",
                        teams: TeamSelection(
                            grids: ["G1", "G2"], periods: ["evening"], days: days), volunteers: 4,
                        risk: 3)))
        ])
        #expect(teams(variant.community, "G1")[december(19)] == ["morning": 1, "evening": 4])
        #expect(teams(variant.community, "G2")[december(19)] == ["evening": 4])
        #expect(variant.community.grid("G1")?.risk == 3)
        #expect(variant.community.grid("G1")?.needsLeader == true)
        #expect(variant.community.grid("G3")?.risk == 3, "a higher risk is kept")
    }

    @Test func holdsAnEventInEveryGrid() throws {
        let days = try CellValues.days("2026-12-31").get()
        let variant = try apply([
            change(
                .event(
                    EventChange(
                        name: "跨年夜", teams: TeamSelection(periods: ["night"], days: days),
                        volunteers: 1, risk: 2)))
        ])
        #expect(variant.community.grids.map(\.risk) == [2, 2, 3])
        #expect(variant.community.slots.count { $0.period == "night" } == 3)
    }

    @Test func changesTheRiskOfGrids() throws {
        let variant = try apply([
            change(.risk(RiskChange(grids: ["G1", "G2"], level: 3, needsLeader: nil)))
        ])
        #expect(variant.community.grids.map(\.risk) == [3, 3, 3])
        #expect(variant.community.grids.allSatisfy { $0.needsLeader })
        let lowered = try apply([
            change(.risk(RiskChange(grids: ["G3"], level: 1, needsLeader: false)))
        ])
        #expect(
            lowered.community.grid("G3")?.risk == 1
                && lowered.community.grid("G3")?.needsLeader == false)
    }

    @Test func reportsUnknownGridsPeriodsAndVolunteersAtTheChange() {
        let found = errors([
            change(.risk(RiskChange(grids: ["G9"], level: 2, needsLeader: nil)), line: 4),
            change(
                .demand(DemandChange(teams: TeamSelection(periods: ["dawn"]), edit: .add(1))),
                line: 5),
            change(
                .unavailable(VolunteerSelection(ids: ["A", "Z"]), dates: [DateRange(december(1))]),
                line: 6),
            change(
                .splitGrid(
                    GridSplit(
                        grid: "G1",
                        parts: [.init(id: "G2", name: "x"), .init(id: "G1B", name: "y")])), line: 7),
            change(.mergeGrids(GridMerge(grids: ["G1", "G2"], into: "G3", name: "合")), line: 8),
            change(
                .training(
                    TrainingSession(
                        id: "T1", topic: "", date: december(3), start: TimeOfDay("10:00")!,
                        end: TimeOfDay("11:00")!, capacity: nil, location: "")), line: 9),
            change(.removeTrainings(["T7"]), line: 10),
        ])
        #expect(found.map(\.location.line) == [4, 5, 6, 7, 8, 9, 10])
        #expect(
            found.map(\.message) == [
                "unknown grid \"G9\"", "unknown period \"dawn\"", "unknown volunteer \"Z\"",
                "the new grid id \"G2\" is already used", "the grid id \"G3\" is already used",
                "the session id \"T1\" is already used", "unknown training session \"T7\"",
            ])
        #expect(found.allSatisfy { $0.location.file == "test.yaml" && $0.expected != nil })
    }

    // MARK: - Rules, weights, training

    @Test func changesRulesAndTheLimitsThatFollowThem() throws {
        var community = base
        community.volunteers[0].maxShifts = 5
        let variant = try scenario([
            change(
                .rules([
                    Setting(key: "max_shifts_per_month", value: "6"),
                    Setting(key: "min_rest_hours", value: "7.5"),
                ])),
            change(
                .weights([
                    Setting(key: "fairness", value: "3"), Setting(key: "no_leader", value: "0"),
                ])),
        ]).apply(to: community, seed: 1)
        #expect(variant.community.rules.maxShiftsPerMonth == 6)
        #expect(variant.community.rules.minRestMinutes == 450)
        #expect(variant.community.volunteers.map(\.maxShifts) == [5, 6, 6, 6, 6, 6])
        #expect(variant.community.weights.fairness == 3 && variant.community.weights.noLeader == 0)
    }

    @Test func addsAndCancelsTrainingSessions() throws {
        let session = TrainingSession(
            id: "T2", topic: "新人培训", date: december(16), start: TimeOfDay("19:00")!,
            end: TimeOfDay("20:30")!,
            capacity: 10, location: "活动室")
        let variant = try apply([change(.removeTrainings(["T1"])), change(.training(session))])
        #expect(variant.community.sessions == [session])
    }

    // MARK: - Grids

    @Test func splitsAGridIntoPartsThatTakeItsPlace() throws {
        var community = base
        for number in 1...8 {
            community.volunteers.append(
                Volunteer(
                    id: VolunteerID("R\(number)"), name: "居民\(number)", homeGrid: "G2", maxShifts: 8
                ))
        }
        let split = GridSplit(
            grid: "G2",
            parts: [
                .init(id: "G2A", name: "东", volunteersFraction: 0.7, demandFraction: 0.75),
                .init(id: "G2B", name: "西", risk: 3),
            ])
        let variant = try scenario([change(.splitGrid(split))]).apply(to: community, seed: 3)
        let result = variant.community
        #expect(invariantProblems(result) == [])
        #expect(result.grids.map(\.id) == ["G1", "G2A", "G2B", "G3"])
        #expect(result.grid("G2A")?.neighbors == ["G1", "G2B", "G3"])
        #expect(result.grid("G2B")?.neighbors == ["G1", "G2A", "G3"])
        #expect(result.grid("G1")?.neighbors == ["G2A", "G2B"])
        #expect(result.grid("G2A")?.risk == 2 && result.grid("G2B")?.risk == 3)
        #expect(result.grid("G2B")?.needsLeader == true && result.grid("G2A")?.needsLeader == false)
        // 10 volunteers lived in G2: 7 now live in the east part, 3 in the west.
        #expect(result.volunteers.count { $0.homeGrid == "G2A" } == 7)
        #expect(result.volunteers.count { $0.homeGrid == "G2B" } == 3)
        // Teams of 2: 2 x 0.75 = 1.5 rounds to 2 in the east, 2 x 0.25 = 0.5 to 1 in the west.
        #expect(teams(result, "G2A")[december(5)] == ["evening": 2])
        #expect(teams(result, "G2B")[december(5)] == ["evening": 1])
        #expect(teams(result, "G2A").count == teams(base, "G2").count)
        #expect(variant.gridMap["G2"] == ["G2A", "G2B"] && variant.gridMap["G1"] == ["G1"])
        #expect(result.requests == base.requests && result.history == base.history)
    }

    @Test func splitsAGridKeepingItsIDForOnePart() throws {
        let split = GridSplit(
            grid: "G3", parts: [.init(id: "G3", name: "老区"), .init(id: "G4", name: "新区")])
        let result = try apply([change(.splitGrid(split))]).community
        #expect(result.grids.map(\.id) == ["G1", "G2", "G3", "G4"])
        #expect(result.grid("G3")?.neighbors == ["G2", "G4"])
        #expect(result.grid("G4")?.neighbors == ["G2", "G3"])
        #expect(result.grid("G2")?.neighbors == ["G1", "G3", "G4"])
        #expect(
            teams(result, "G4")[december(1)] == ["evening": 1], "a part of a team of 1 still gets 1"
        )
    }

    @Test func mergesGridsAddingOrTakingTheLargestTeam() throws {
        let sum = try apply([
            change(.mergeGrids(GridMerge(grids: ["G2", "G3"], into: "G23", name: "合并")))
        ])
        let merged = sum.community
        #expect(merged.grids.map(\.id) == ["G1", "G23"])
        #expect(merged.grid("G23")?.risk == 3 && merged.grid("G23")?.needsLeader == true)
        #expect(merged.grid("G23")?.neighbors == ["G1"] && merged.grid("G1")?.neighbors == ["G23"])
        #expect(merged.volunteers.map(\.homeGrid) == ["G1", "G1", "G23", "G23", "G23", "G23"])
        #expect(teams(merged, "G23")[december(5)] == ["evening": 3])
        #expect(teams(merged, "G23")[december(7)] == ["evening": 1])
        #expect(sum.gridMap == ["G1": ["G1"], "G2": ["G23"], "G3": ["G23"]])

        let largest = try apply([
            change(
                .mergeGrids(
                    GridMerge(grids: ["G2", "G3"], into: "G2", name: "合并", risk: 2, demand: .max)))
        ])
        #expect(largest.community.grids.map(\.id) == ["G1", "G2"])
        #expect(teams(largest.community, "G2")[december(5)] == ["evening": 2])
        #expect(largest.community.grid("G2")?.risk == 2)
    }

    @Test func carriesABaseScheduleOverToTheChangedGrids() throws {
        let split = GridSplit(
            grid: "G3", parts: [.init(id: "G3A", name: "东"), .init(id: "G3B", name: "西")])
        let variant = try apply([
            change(.removeVolunteers(VolunteerSelection(ids: ["B"]))),
            change(.mergeGrids(GridMerge(grids: ["G1", "G2"], into: "G12", name: "合并"))),
            change(.splitGrid(split)),
        ])
        let home = Dictionary(
            uniqueKeysWithValues: variant.community.volunteers.map { ($0.id, $0.homeGrid) })
        let schedule = Schedule(
            assignments: [
                Assignment(volunteer: "A", grid: "G1", date: december(2), period: "morning"),
                Assignment(volunteer: "B", grid: "G1", date: december(3), period: "morning"),
                Assignment(volunteer: "E", grid: "G3", date: december(2), period: "evening"),
                Assignment(volunteer: "A", grid: "G3", date: december(4), period: "evening"),
            ],
            attendance: [
                SessionAttendance(session: "T1", volunteer: "B"),
                SessionAttendance(session: "T1", volunteer: "F"),
            ])

        let adapted = variant.adapt(schedule)

        #expect(
            adapted.assignments == [
                Assignment(volunteer: "A", grid: "G12", date: december(2), period: "morning"),
                Assignment(
                    volunteer: "E", grid: home["E"] ?? "", date: december(2), period: "evening"),
                Assignment(volunteer: "A", grid: "G3A", date: december(4), period: "evening"),
            ])
        #expect(adapted.attendance == [SessionAttendance(session: "T1", volunteer: "F")])
    }

    @Test func keepsEveryInvariantThroughALongListOfChanges() throws {
        let variant = try apply([
            change(
                .splitGrid(
                    GridSplit(
                        grid: "G1",
                        parts: [
                            .init(id: "G1A", name: "a"), .init(id: "G1B", name: "b"),
                            .init(id: "G1C", name: "c"),
                        ]))),
            change(.mergeGrids(GridMerge(grids: ["G1C", "G3"], into: "G9", name: "合"))),
            change(
                .demand(
                    DemandChange(
                        teams: TeamSelection(grids: ["G9"], periods: ["night"]), edit: .set(1)))),
            change(
                .removeVolunteers(
                    VolunteerSelection(
                        filter: VolunteerFilter(affiliations: [.shop]), sample: .count(2)))),
            change(
                .event(
                    EventChange(
                        name: "",
                        teams: TeamSelection(
                            grids: ["G1A"], days: try CellValues.days("Sat").get()), volunteers: 2,
                        risk: 2))),
        ])
        #expect(variant.community.grids.map(\.id) == ["G1A", "G1B", "G9", "G2"])
        #expect(variant.gridMap == ["G1": ["G1A", "G1B", "G9"], "G2": ["G2"], "G3": ["G9"]])
        #expect(variant.effects.count == 6, "the event says what it did to demand and to risk")
    }

    @Test func apportionsByTheLargestRemainder() {
        #expect(ChangeApplier.apportion(10, [0.7, 0.3]) == [7, 3])
        #expect(ChangeApplier.apportion(10, [1.0 / 3, 1.0 / 3, 1.0 / 3]) == [4, 3, 3])
        #expect(ChangeApplier.apportion(5, [0.5, 0.5]) == [3, 2])
        #expect(ChangeApplier.apportion(0, [0.5, 0.5]) == [0, 0])
    }
}
