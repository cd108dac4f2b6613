import Foundation
import PatrolModel
import Testing

@testable import PatrolStore

@Suite struct ScheduleVersionTests {
    @Test func aRecordedScheduleReadsBackWithEverythingThatMadeIt() throws {
        let store = try ScheduleDatabase.inMemory()
        let community = StoreTestCommunity.full()
        let draft = StoreTestCommunity.draft(createdAt: StoreTestCommunity.instant(90))

        let ids = try store.recordSchedule(draft, community: community, source: "Scenarios/cq")
        let stored = try store.schedule(id: ids.scheduleID)

        #expect(stored.schedule == draft.schedule)
        #expect(stored.community == community)
        let summary = stored.summary
        #expect(summary.id == ids.scheduleID)
        #expect(summary.importID == ids.importID)
        #expect(summary.communityName == "长青社区")
        #expect(summary.month == draft.month)
        #expect(summary.createdAt == draft.createdAt)
        #expect(summary.seed == UInt64.max)
        #expect(summary.timeLimitSeconds == 2.5)
        #expect(summary.score == draft.score)
        #expect(summary.total == draft.score.total)
        #expect(summary.note == "首版")
        #expect(summary.assignmentCount == 5)
    }

    @Test func coverageCountsEachSlotUpToItsDemand() throws {
        let store = try ScheduleDatabase.inMemory()

        let ids = try store.recordSchedule(
            StoreTestCommunity.draft(), community: StoreTestCommunity.full(), source: "x")
        let summary = try store.schedule(id: ids.scheduleID).summary

        // Demand 2 + 1 + 1 + 3 + 1; the draft staffs 2 of 2, 0 of 1, 1 of 1, 1 of 3, 1 of 1.
        #expect(summary.neededVolunteers == 8)
        #expect(summary.coveredVolunteers == 5)
        #expect(summary.coveragePercent == 62.5)
    }

    @Test(arguments: [UInt64.min, 1, UInt64(Int64.max), UInt64(Int64.max) + 1, UInt64.max])
    func everySeedReadsBackUnchanged(seed: UInt64) throws {
        let store = try ScheduleDatabase.inMemory()
        var draft = StoreTestCommunity.draft()
        draft.seed = seed

        let ids = try store.recordSchedule(draft, community: StoreTestCommunity.full(), source: "x")

        #expect(try store.schedule(id: ids.scheduleID).summary.seed == seed)
    }

    @Test func recordingReusesTheImportOfIdenticalContent() throws {
        let store = try ScheduleDatabase.inMemory()
        let community = StoreTestCommunity.full()
        let importID = try store.importCommunity(community, source: "Scenarios/cq")

        let first = try store.recordSchedule(
            StoreTestCommunity.draft(), community: community, source: "Scenarios/cq")
        let second = try store.recordSchedule(
            StoreTestCommunity.draft(), community: community, source: "elsewhere")

        #expect(first.importID == importID)
        #expect(second.importID == importID)
        #expect(second.scheduleID != first.scheduleID)
        #expect(try store.rowCounts()["communityImport"] == 1)
    }

    @Test func schedulesAreListedNewestFirstAndFilteredByCommunityAndMonth() throws {
        // Given two versions for 长青社区 (2026-12) around one for 吴牙社区 (2027-01)
        let store = try ScheduleDatabase.inMemory()
        let first = try store.recordSchedule(
            StoreTestCommunity.draft(createdAt: StoreTestCommunity.instant(0)),
            community: StoreTestCommunity.full(), source: "cq")
        let other = try store.recordSchedule(
            StoreTestCommunity.otherDraft(createdAt: StoreTestCommunity.instant(60)),
            community: StoreTestCommunity.other(), source: "wy")
        let third = try store.recordSchedule(
            StoreTestCommunity.draft(createdAt: StoreTestCommunity.instant(120), note: nil),
            community: StoreTestCommunity.full(), source: "cq")

        // Then
        #expect(
            try store.schedules().map(\.id)
                == [third.scheduleID, other.scheduleID, first.scheduleID])
        #expect(
            try store.schedules(community: "长青社区").map(\.id)
                == [third.scheduleID, first.scheduleID])
        #expect(
            try store.schedules(month: StoreTestCommunity.january).map(\.id)
                == [other.scheduleID])
        #expect(
            try store.schedules(community: "吴牙社区", month: StoreTestCommunity.month).isEmpty)
        #expect(try store.schedules(community: "没有这个社区").isEmpty)

        let listed = try #require(try store.schedules(community: "吴牙社区").first)
        #expect(listed.communityName == "吴牙社区")
        #expect(listed.importID == other.importID)
        #expect(listed.seed == 7)
        #expect(listed.assignmentCount == 1)
        #expect(listed.coveragePercent == 100)
        #expect(listed.note == nil)
    }

    @Test func anEmptyStoreListsNoSchedules() throws {
        #expect(try ScheduleDatabase.inMemory().schedules().isEmpty)
    }

    @Test func anUnknownScheduleIsReportedWithAHint() throws {
        let store = try ScheduleDatabase.inMemory()

        #expect(throws: StoreError.scheduleNotFound(7, store: "the in-memory store")) {
            try store.schedule(id: 7)
        }
        #expect(
            StoreError.scheduleNotFound(7, store: "patrol.sqlite").description
                == "No schedule with id 7 in patrol.sqlite. Run `patrol schedules` to list them.")
    }
}
