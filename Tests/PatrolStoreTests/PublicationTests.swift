import Foundation
import GRDB
import PatrolModel
import Testing

@testable import PatrolStore

/// Publishing: once, one version per community and month, and never changed afterwards.
@Suite struct PublicationTests {
    private func storeWithDraft() throws -> (ScheduleDatabase, Int64) {
        let store = try ScheduleDatabase.inMemory()
        let ids = try store.recordSchedule(
            StoreTestCommunity.draft(), community: StoreTestCommunity.full(), source: "cq")
        return (store, ids.scheduleID)
    }

    @Test func publishingRecordsWhatEachVolunteerServed() throws {
        let (store, id) = try storeWithDraft()

        let publication = try store.publish(scheduleID: id, at: StoreTestCommunity.instant(600))

        #expect(
            publication
                == Publication(
                    scheduleID: id, communityName: "长青社区", month: StoreTestCommunity.month,
                    publishedAt: StoreTestCommunity.instant(600)))
        let served = try store.servedRecords(scheduleID: id)
        // Every volunteer, in community order, 0 patrols included.
        #expect(served.map(\.volunteer) == ["V01", "V02", "V03", "V04"])
        #expect(served.map(\.patrols) == [1, 2, 1, 1])
        // Evening 150 min, morning 150 min, night 21:30-00:30 180 min.
        #expect(served.map(\.minutes) == [150, 300, 180, 150])
        #expect(served[1].hours == 5)
        #expect(served.map(\.trainedOn) == [nil, StoreTestCommunity.date(3), StoreTestCommunity.date(10), nil])
        #expect(served.allSatisfy { $0.month == StoreTestCommunity.month && $0.communityName == "长青社区" })
        #expect(try store.schedule(id: id).summary.publishedAt == StoreTestCommunity.instant(600))
        #expect(try store.publication(scheduleID: id) == publication)
    }

    @Test func aPublishedScheduleCannotBePublishedAgain() throws {
        let (store, id) = try storeWithDraft()
        _ = try store.publish(scheduleID: id, at: StoreTestCommunity.instant(0))
        let before = try store.rowCounts()

        #expect(throws: StoreError.alreadyPublished(id, publishedAt: StoreTestCommunity.instant(0))) {
            try store.publish(scheduleID: id, at: StoreTestCommunity.instant(60))
        }
        #expect(try store.rowCounts() == before)
        #expect(try store.publication(scheduleID: id)?.publishedAt == StoreTestCommunity.instant(0))
        #expect(
            StoreError.alreadyPublished(4, publishedAt: StoreTestCommunity.instant(90)).description
                == "Schedule #4 was already published on 2026-12-01 00:01 UTC; a published "
                + "schedule stays as it is and is published once.")
    }

    @Test func onlyOneVersionPerCommunityAndMonthIsPublished() throws {
        let (store, first) = try storeWithDraft()
        let second = try store.recordSchedule(
            StoreTestCommunity.draft(note: "第二版"), community: StoreTestCommunity.full(), source: "cq")
        let other = try store.recordSchedule(
            StoreTestCommunity.otherDraft(createdAt: StoreTestCommunity.instant(0)),
            community: StoreTestCommunity.other(), source: "wy")
        _ = try store.publish(scheduleID: first)

        let error = #expect(throws: StoreError.self) { try store.publish(scheduleID: second.scheduleID) }

        #expect(
            error
                == .monthAlreadyPublished(
                    community: "长青社区", month: StoreTestCommunity.month, publishedScheduleID: first,
                    refusedScheduleID: second.scheduleID))
        #expect(error?.description.contains("already published as schedule #\(first)") == true)
        #expect(try store.publication(scheduleID: second.scheduleID) == nil)
        #expect(try store.servedRecords(scheduleID: second.scheduleID).isEmpty)
        // Another community's month is its own.
        _ = try store.publish(scheduleID: other.scheduleID)
        #expect(try store.publications().map(\.scheduleID) == [other.scheduleID, first])
        #expect(try store.publications(community: "长青社区").map(\.scheduleID) == [first])
    }

    @Test(arguments: [
        "UPDATE schedule SET note = 'changed' WHERE id = 1",
        "DELETE FROM schedule WHERE id = 1",
        "UPDATE assignment SET grid = 'G2' WHERE scheduleID = 1 AND position = 0",
        "DELETE FROM assignment WHERE scheduleID = 1",
        "INSERT INTO assignment VALUES (1, 1, 99, 'V04', 'G2', '2026-12-01', 'evening')",
        "DELETE FROM sessionAttendance WHERE scheduleID = 1",
        "INSERT INTO sessionAttendance VALUES (1, 1, 99, 'S1', 'V01')",
        "UPDATE sessionAttendance SET session = 'S1' WHERE scheduleID = 1",
        "UPDATE publication SET publishedAt = '2030-01-01 00:00:00.000'",
        "DELETE FROM publication",
        "UPDATE servedRecord SET patrols = 0",
        "DELETE FROM servedRecord",
        "DELETE FROM communityImport",
    ])
    func theDatabaseRefusesEveryChangeToWhatWasPublished(statement: String) throws {
        let (store, id) = try storeWithDraft()
        #expect(id == 1)
        _ = try store.publish(scheduleID: id)
        let before = try store.rowCounts()
        let published = try store.schedule(id: id)

        #expect(throws: DatabaseError.self) {
            try store.writer.write { db in try db.execute(sql: statement) }
        }

        #expect(try store.rowCounts() == before)
        #expect(try store.schedule(id: id) == published)
    }

    @Test func anUnpublishedVersionIsNotFrozen() throws {
        let (store, id) = try storeWithDraft()

        try store.writer.write { db in
            try db.execute(sql: "UPDATE schedule SET note = 'draft' WHERE id = ?", arguments: [id])
        }

        #expect(try store.schedule(id: id).summary.note == "draft")
        #expect(try store.schedule(id: id).summary.publishedAt == nil)
    }

    @Test func servedRecordsAreFoundByCommunityForTheMonthsBefore() throws {
        let store = try ScheduleDatabase.inMemory()
        var november = StoreTestCommunity.full()
        november.month = StoreTestCommunity.calendarMonth("2026-11")
        november.slots = []
        november.requests = []
        november.sessions = []
        var draft = StoreTestCommunity.draft()
        draft.month = november.month
        draft.schedule = Schedule()
        let old = try store.recordSchedule(draft, community: november, source: "cq")
        let december = try store.recordSchedule(
            StoreTestCommunity.draft(), community: StoreTestCommunity.full(), source: "cq"
        ).scheduleID
        _ = try store.publish(scheduleID: december)
        _ = try store.publish(scheduleID: old.scheduleID)

        let beforeJanuary = try store.servedRecords(community: "长青社区", before: StoreTestCommunity.january)
        let beforeDecember = try store.servedRecords(community: "长青社区", before: StoreTestCommunity.month)

        #expect(
            beforeJanuary.map(\.month.description)
                == Array(repeating: "2026-11", count: 4) + Array(repeating: "2026-12", count: 4))
        #expect(beforeDecember.map(\.patrols) == [0, 0, 0, 0])
        #expect(try store.servedRecords(community: "吴牙社区", before: StoreTestCommunity.january).isEmpty)
    }

    @Test func publishingAnUnknownScheduleIsReported() throws {
        let store = try ScheduleDatabase.inMemory()
        #expect(throws: StoreError.scheduleNotFound(3, store: "the in-memory store")) {
            try store.publish(scheduleID: 3)
        }
    }
}
