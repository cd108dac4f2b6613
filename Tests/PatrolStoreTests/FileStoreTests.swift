import Foundation
import Testing

@testable import PatrolStore

@Suite struct FileStoreTests {
    @Test func aStoreOnDiskKeepsItsContentWhenReopened() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("patrol.sqlite").path
        let community = StoreTestCommunity.full()
        let draft = StoreTestCommunity.draft()

        let ids = try ScheduleDatabase(path: path)
            .recordSchedule(draft, community: community, source: "Scenarios/cq")
        let reopened = try ScheduleDatabase(path: path)

        let stored = try reopened.schedule(id: ids.scheduleID)
        #expect(stored.schedule == draft.schedule)
        #expect(stored.community == community)
        #expect(try reopened.schedules().map(\.id) == [ids.scheduleID])
        #expect(try reopened.importCommunity(community, source: "again") == ids.importID)
        #expect(
            throws: StoreError.scheduleNotFound(ids.scheduleID + 1, store: "patrol.sqlite")
        ) {
            try reopened.schedule(id: ids.scheduleID + 1)
        }
    }

    @Test func aStoreInAMissingFolderCannotBeOpened() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("missing/patrol.sqlite").path

        let error = #expect(throws: StoreError.self) { try ScheduleDatabase(path: path) }
        guard case .cannotOpen(let reportedPath, _) = error else {
            Issue.record("expected cannotOpen, got \(String(describing: error))")
            return
        }
        #expect(reportedPath == path)
    }

    @Test func aFileThatIsNotAStoreCannotBeOpened() throws {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("volunteers.csv")
        try Data(String(repeating: "id,name,home_grid\nV01,王建国,G1\n", count: 100).utf8)
            .write(to: url)

        let error = #expect(throws: StoreError.self) { try ScheduleDatabase(path: url.path) }
        #expect(
            error?.description.hasPrefix("Cannot open the schedule store \(url.path): ") == true)
    }
}

/// A folder of its own under the system's temporary directory, removed when released.
private final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("PatrolStoreTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
