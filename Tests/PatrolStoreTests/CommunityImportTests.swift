import GRDB
import PatrolModel
import Testing

@testable import PatrolStore

@Suite struct CommunityImportTests {
    @Test func anImportedCommunityReadsBackEqualToTheOriginal() throws {
        let store = try ScheduleDatabase.inMemory()
        let community = StoreTestCommunity.full()

        let importID = try store.importCommunity(community, source: "Scenarios/changqing")

        #expect(try store.community(importID: importID) == community)
    }

    @Test func arraysReadBackInTheOrderTheyWereImported() throws {
        let store = try ScheduleDatabase.inMemory()
        var community = StoreTestCommunity.full()
        community.periods.reverse()
        community.grids.reverse()
        community.volunteers.reverse()
        community.slots.reverse()
        community.sessions.reverse()
        community.requests.reverse()
        community.history.reverse()

        let importID = try store.importCommunity(community, source: "reversed")

        #expect(try store.community(importID: importID) == community)
    }

    @Test func aCommunityWithNothingOptionalReadsBackEqual() throws {
        let store = try ScheduleDatabase.inMemory()
        let community = StoreTestCommunity.other()

        let importID = try store.importCommunity(community, source: "Scenarios/wuya")

        #expect(try store.community(importID: importID) == community)
    }

    @Test func importingIdenticalContentAgainReusesTheImport() throws {
        let store = try ScheduleDatabase.inMemory()

        let first = try store.importCommunity(StoreTestCommunity.full(), source: "a")
        let second = try store.importCommunity(StoreTestCommunity.full(), source: "b")

        #expect(second == first)
        #expect(try store.rowCounts()["communityImport"] == 1)
        #expect(try store.rowCounts()["volunteer"] == 4)
    }

    @Test func setsThatIterateInAnotherOrderStillMatchTheStoredImport() throws {
        let store = try ScheduleDatabase.inMemory()
        let community = StoreTestCommunity.full()
        var rebuilt = community
        // A set with spare capacity iterates its elements in a different order.
        var skills = Set<String>(minimumCapacity: 64)
        skills.formUnion(community.volunteers[0].skills)
        rebuilt.volunteers[0].skills = skills
        var holidays = Set<LocalDate>(minimumCapacity: 64)
        holidays.formUnion(community.holidays)
        rebuilt.holidays = holidays

        let first = try store.importCommunity(community, source: "a")
        let second = try store.importCommunity(rebuilt, source: "a")

        #expect(second == first)
    }

    @Test(arguments: ChangedCommunity.allCases)
    func changedContentMakesANewImport(change: ChangedCommunity) throws {
        let store = try ScheduleDatabase.inMemory()
        let original = StoreTestCommunity.full()
        let changed = change.apply(to: original)

        let first = try store.importCommunity(original, source: "Scenarios/changqing")
        let second = try store.importCommunity(changed, source: "Scenarios/changqing")

        #expect(second != first)
        #expect(try store.community(importID: first) == original)
        #expect(try store.community(importID: second) == changed)
    }

    @Test func anUnknownImportIsReportedWithItsId() throws {
        let store = try ScheduleDatabase.inMemory()

        #expect(throws: StoreError.importNotFound(42, store: "the in-memory store")) {
            try store.community(importID: 42)
        }
        #expect(
            StoreError.importNotFound(42, store: "patrol.sqlite").description
                == "No community import with id 42 in patrol.sqlite. "
                + "Run `patrol schedules` to see the import each schedule was made from.")
    }

    @Test func valuesAreStoredReadablyInTheirColumns() throws {
        let store = try ScheduleDatabase.inMemory()
        let importID = try store.importCommunity(StoreTestCommunity.full(), source: "x")

        try store.writer.read { db in
            let night = try Row.fetchOne(
                db, sql: "SELECT start, \"end\", isNight FROM period WHERE importID = ? AND id = ?",
                arguments: [importID, "night"])
            #expect(night == ["start": "21:30", "end": "00:30", "isNight": 1])

            let volunteers = try Row.fetchAll(
                db,
                sql: """
                    SELECT skills, availability, unavailable, trainedOn FROM volunteer
                    WHERE importID = ? ORDER BY position
                    """,
                arguments: [importID])
            #expect(volunteers[0]["skills"] == #"["first_aid","leader"]"#)
            #expect(
                volunteers[0]["unavailable"]
                    == #"[{"first":"2026-12-05","last":"2026-12-05"},"#
                    + #"{"first":"2026-12-20","last":"2026-12-27"}]"#)
            #expect(volunteers[0]["trainedOn"] == "2026-06-15")
            #expect(volunteers[1]["availability"] == DatabaseValue.null)
            #expect(
                volunteers[2]["availability"]
                    == #"[[],["night"],[],["evening","night"],[],[],[]]"#)

            let holidays = try String.fetchOne(
                db, sql: "SELECT holidays FROM communityImport WHERE id = ?", arguments: [importID])
            #expect(holidays == #"["2026-12-24","2026-12-31"]"#)
        }
    }
}

/// One way of changing a community's content, each of which must give a new import.
enum ChangedCommunity: CaseIterable, Sendable {
    case name, month, rule, weight, volunteerSkill, volunteerOrder, gridNeighbor, slotDemand
    case historyShifts

    func apply(to community: Community) -> Community {
        var changed = community
        switch self {
        case .name: changed.name = "长青社区（新）"
        case .month: changed.month = StoreTestCommunity.january
        case .rule: changed.rules.minRestMinutes += 30
        case .weight: changed.weights.farGrid += 1
        case .volunteerSkill: changed.volunteers[1].skills.insert("leader")
        case .volunteerOrder: changed.volunteers.swapAt(0, 1)
        case .gridNeighbor: changed.grids[2].neighbors.insert("G1")
        case .slotDemand: changed.slots[0].needed += 1
        case .historyShifts: changed.history[0].shifts += 1
        }
        return changed
    }
}
