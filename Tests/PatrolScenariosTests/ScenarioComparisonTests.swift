import PatrolInterchange
import PatrolModel
import PatrolScenarios
import PatrolTestSupport
import Testing

@Suite struct ScenarioComparisonTests {
    /// Two grids, four volunteers (A a Party member), five volunteer-shifts needed: a base
    /// schedule that staffs all of them, a variant that staffs two.
    struct HandMade {
        let community: Community
        let base: Schedule
        let variant: Schedule

        init() {
            var b = CommunityBuilder()
            b.grid("G1")
            b.grid("G2", risk: 2)
            b.volunteer("A", name: "甲", home: "G1", party: true)
            b.volunteer("B", name: "乙", home: "G1")
            b.volunteer("C", name: "丙", home: "G2")
            b.volunteer("D", name: "丁", home: "G2")
            b.demand(grid: "G1", period: "morning", dates: [b.day(1)], needed: 2)
            b.demand(grid: "G1", period: "morning", dates: [b.day(2)], needed: 1)
            b.demand(grid: "G2", period: "evening", dates: [b.day(1)], needed: 2)
            community = b.build()
            func on(_ v: VolunteerID, _ g: GridID, _ day: Int, _ p: PeriodID) -> Assignment {
                Assignment(volunteer: v, grid: g, date: b.day(day), period: p)
            }
            base = Schedule(assignments: [
                on("A", "G1", 1, "morning"), on("B", "G1", 1, "morning"),
                on("A", "G1", 2, "morning"),
                on("C", "G2", 1, "evening"), on("D", "G2", 1, "evening"),
            ])
            variant = Schedule(assignments: [
                on("A", "G1", 1, "morning"), on("C", "G2", 1, "evening"),
            ])
        }
    }

    let made = HandMade()

    @Test func countsTheFiguresOfASchedule() {
        let base = RosterFigures(community: made.community, schedule: made.base)
        #expect(base.coveragePercent == 100)
        #expect(base.shortVolunteerShifts == 0)
        #expect(base.teamsWithoutPartyMember == 1)
        #expect((base.shiftsMin, base.shiftsMedian, base.shiftsMax) == (1, 1, 2))
        #expect(abs(base.giniShifts - 0.15) < 1e-9)

        let variant = RosterFigures(community: made.community, schedule: made.variant)
        #expect(variant.coveragePercent == 40)
        #expect(variant.shortByGrid.map(\.missing) == [2, 1])
        #expect(variant.worstGrids(3).map(\.grid) == ["G1", "G2"])
        #expect(variant.score[.uncovered].penalty == 2 * 1000 + 1 * 1000 * 2)
        #expect(variant.teamsWithoutPartyMember == 1)
        #expect((variant.shiftsMin, variant.shiftsMedian, variant.shiftsMax) == (0, 0.5, 1))
        #expect(abs(variant.giniShifts - 0.5) < 1e-9)
        #expect(variant.volunteersWithoutPatrol == 2)
    }

    @Test func namesTheVolunteersWhoseLoadChangedMost() {
        let base = RosterFigures(community: made.community, schedule: made.base)
        var community = made.community
        community.volunteers.removeAll { $0.id == "D" }
        community.volunteers.append(Volunteer(id: "E", name: "戊", homeGrid: "G2", maxShifts: 8))
        var schedule = made.variant
        schedule.assignments.append(
            Assignment(
                volunteer: "E", grid: "G2", date: community.month.firstDate, period: "evening"))
        let variant = RosterFigures(community: community, schedule: schedule)

        let changes = variant.loadChanges(from: base, limit: 3)

        #expect(changes.map(\.volunteer) == ["A", "B", "D"])
        #expect(changes.map(\.delta) == [-1, -1, -1])
        #expect(changes[2].after == nil && changes[2].name == "丁")
        #expect(
            variant.loadChanges(from: base, limit: 10).contains {
                $0.volunteer == "E" && $0.before == nil && $0.after == 1
            })
    }

    @Test func setsVariantsBesideTheirBaseWithTheirChanges() throws {
        let comparison = ScenarioComparison(columns: [
            .init(
                name: "base", key: "base",
                figures: RosterFigures(community: made.community, schedule: made.base), seconds: 2),
            .init(
                name: "少人", key: "fewer",
                figures: RosterFigures(community: made.community, schedule: made.variant),
                baseIndex: 0, seconds: 0.5),
        ])
        let rows = Dictionary(uniqueKeysWithValues: comparison.rows.map { ($0.key, $0) })

        #expect(rows["score"]?.values == [.count(base.total), .count(variantTotal)])
        #expect(rows["score"]?.deltas == [nil, .count(variantTotal - base.total)])
        #expect(
            rows["coverage_pct"]?.values == [.decimal(100, places: 2), .decimal(40, places: 2)])
        #expect(rows["coverage_pct"]?.deltas[1] == .decimal(-60, places: 2))
        #expect(rows["short_volunteer_shifts"]?.values == [.count(0), .count(3)])
        #expect(rows["worst_grids"]?.values == [.text("none"), .text("G1 2, G2 1")])
        #expect(rows["short_G1"]?.values == [.count(0), .count(2)])
        #expect(rows["short_G1"]?.inTerminal == true)
        #expect(rows["uncovered_count"]?.inTerminal == false)
        #expect(rows["load_change_1"]?.values == [.none, .text("A 甲 2→1")])
        #expect(rows["load_change_4"]?.values == [.none, .none])
        #expect(rows["seconds"]?.values == [.decimal(2, places: 1), .decimal(0.5, places: 1)])
        #expect(rows["schedule"] == nil, "no row of versions before anything is stored")
    }

    @Test func handsTheExportsTheFiguresOfEveryColumnAndGrid() {
        // The variant's community calls G2 G2A.
        var split = made.community
        split.grids[1].id = "G2A"
        split.grids[1].name = "新区"
        for index in split.slots.indices where split.slots[index].grid == "G2" {
            split.slots[index].grid = "G2A"
        }
        var schedule = made.variant
        for index in schedule.assignments.indices where schedule.assignments[index].grid == "G2" {
            schedule.assignments[index].grid = "G2A"
        }
        let comparison = ScenarioComparison(
            columns: [
                .init(
                    name: "base", key: "base",
                    figures: RosterFigures(community: made.community, schedule: made.base),
                    scheduleID: 4),
                .init(
                    name: "少人", key: "fewer",
                    figures: RosterFigures(community: split, schedule: schedule), baseIndex: 0),
            ], loadChangeLimit: 2, worstGridLimit: 1)

        let figures = ComparisonFigures(comparison)

        #expect(figures.grids.map(\.id) == ["G1", "G2", "G2A"])
        #expect(figures.grids.map(\.name) == ["网格G1", "网格G2", "新区"])
        #expect(figures.columns.map(\.name) == ["base", "少人"])
        #expect(figures.columns.map(\.baseIndex) == [nil, 0])
        #expect(figures.columns.map(\.scheduleID) == [4, nil])
        let fewer = figures.columns[1]
        #expect(fewer.shortByGrid == ["G1": 2, "G2A": 1], "only the grids of the column's community")
        #expect(fewer.worstGrids == ["G1"], "as many as the comparison names")
        #expect(fewer.score == comparison.columns[1].figures.score)
        #expect(fewer.coveragePercent == comparison.columns[1].figures.coveragePercent)
        #expect(fewer.loadChanges.map(\.volunteer) == comparison.loadChanges(1).map(\.volunteer))
        #expect(fewer.loadChanges.count == 2)
        #expect(figures.columns[0].loadChanges.isEmpty)
    }

    private var base: ScoreBreakdown {
        RosterFigures(community: made.community, schedule: made.base).score
    }
    private var variantTotal: Int {
        RosterFigures(community: made.community, schedule: made.variant).score.total
    }
}
