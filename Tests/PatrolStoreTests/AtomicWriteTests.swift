import GRDB
import PatrolModel
import Testing

@testable import PatrolStore

/// A write that fails must leave the store exactly as it was.
@Suite struct AtomicWriteTests {
    @Test func aDraftNamingAnUnknownVolunteerStoresNothing() throws {
        let store = try ScheduleDatabase.inMemory()
        let before = try store.rowCounts()
        var draft = StoreTestCommunity.draft()
        draft.schedule.assignments.append(
            Assignment(
                volunteer: "V77", grid: "G1", date: StoreTestCommunity.date(2),
                period: "evening"))

        #expect(
            throws: StoreError.unknownReference(
                .volunteer("V77"), community: "长青社区", month: StoreTestCommunity.month)
        ) {
            try store.recordSchedule(draft, community: StoreTestCommunity.full(), source: "x")
        }
        #expect(try store.rowCounts() == before)
    }

    @Test func aDraftNamingAnUnknownSessionStoresNothing() throws {
        let store = try ScheduleDatabase.inMemory()
        var draft = StoreTestCommunity.draft()
        draft.schedule.attendance.append(SessionAttendance(session: "S9", volunteer: "V01"))

        #expect(throws: StoreError.self) {
            try store.recordSchedule(draft, community: StoreTestCommunity.full(), source: "x")
        }
        #expect(try store.rowCounts().values.allSatisfy { $0 == 0 })
    }

    @Test func aDraftForAnotherMonthStoresNothing() throws {
        let store = try ScheduleDatabase.inMemory()
        var draft = StoreTestCommunity.draft()
        draft.month = StoreTestCommunity.january

        #expect(throws: StoreError.self) {
            try store.recordSchedule(draft, community: StoreTestCommunity.full(), source: "x")
        }
        #expect(try store.rowCounts().values.allSatisfy { $0 == 0 })
        #expect(
            StoreError.monthMismatch(
                draft: draft.month, community: "长青社区", communityMonth: StoreTestCommunity.month
            ).description
                == "The schedule is for 2027-01, but 长青社区 was loaded for 2026-12; "
                + "nothing was stored. Solve again for 2026-12.")
    }

    @Test func aFailureLateInRecordingRollsBackTheImportAndTheSchedule() throws {
        // Given a store with one recorded version, whose last table refuses new rows
        let store = try ScheduleDatabase.inMemory()
        _ = try store.recordSchedule(
            StoreTestCommunity.otherDraft(createdAt: StoreTestCommunity.instant(0)),
            community: StoreTestCommunity.other(), source: "wy")
        try store.writer.write { db in
            try db.execute(
                sql: """
                    CREATE TEMP TRIGGER refuseAttendance BEFORE INSERT ON sessionAttendance
                    BEGIN SELECT RAISE(ABORT, 'refused by the test'); END
                    """)
        }
        let before = try store.rowCounts()

        // When recording a new community and schedule fails at the attendance rows
        #expect(throws: DatabaseError.self) {
            try store.recordSchedule(
                StoreTestCommunity.draft(), community: StoreTestCommunity.full(), source: "cq")
        }

        // Then neither the import nor the schedule nor its assignments were kept
        #expect(try store.rowCounts() == before)
        #expect(try store.schedules().count == 1)
    }

    @Test func theDatabaseRefusesAnAssignmentNamingAVolunteerOfAnotherImport() throws {
        let store = try ScheduleDatabase.inMemory()
        let ids = try store.recordSchedule(
            StoreTestCommunity.otherDraft(createdAt: StoreTestCommunity.instant(0)),
            community: StoreTestCommunity.other(), source: "wy")
        _ = try store.importCommunity(StoreTestCommunity.full(), source: "cq")
        let before = try store.rowCounts()

        // V01 exists, but only in the other import.
        let stray = AssignmentRecord(
            Assignment(
                volunteer: "V01", grid: "W1", date: StoreTestCommunity.date(1),
                period: "evening"),
            scheduleID: ids.scheduleID, importID: ids.importID, position: 1)
        let error = #expect(throws: DatabaseError.self) {
            try store.writer.write { db in try stray.insert(db) }
        }
        #expect(error?.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY)
        #expect(try store.rowCounts() == before)
    }

    @Test func theDatabaseRefusesRowsOfAScheduleUnderAnotherImport() throws {
        let store = try ScheduleDatabase.inMemory()
        let ids = try store.recordSchedule(
            StoreTestCommunity.draft(), community: StoreTestCommunity.full(), source: "cq")
        let otherImport = try store.importCommunity(StoreTestCommunity.other(), source: "wy")

        let mismatched = AssignmentRecord(
            Assignment(
                volunteer: "W01", grid: "W1", date: StoreTestCommunity.date(1),
                period: "evening"),
            scheduleID: ids.scheduleID, importID: otherImport, position: 99)
        let error = #expect(throws: DatabaseError.self) {
            try store.writer.write { db in try mismatched.insert(db) }
        }
        #expect(error?.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY)
    }
}
