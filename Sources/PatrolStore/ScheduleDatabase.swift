import Foundation
import GRDB
import PatrolModel

/// The SQLite store of community imports and schedule versions: the one owner of the database.
///
/// Opening the store runs the migrations that are not applied yet. Every write method is one
/// transaction, so an error leaves the store as it was; every read method reads one
/// consistent snapshot. The schema is described in `ScheduleDatabase+Migrations.swift`.
///
/// ```swift
/// let store = try ScheduleDatabase(path: "patrol.sqlite")
/// let ids = try store.recordSchedule(draft, community: community, source: "Scenarios/changqing")
/// let stored = try store.schedule(id: ids.scheduleID)
/// ```
public final class ScheduleDatabase: Sendable {
    /// The connection every read and write goes through.
    let writer: any DatabaseWriter
    /// How messages name the store: its file name, such as `patrol.sqlite`.
    let storeName: String

    /// Wraps `writer` and brings its schema up to date.
    init(_ writer: any DatabaseWriter, storeName: String) throws {
        self.writer = writer
        self.storeName = storeName
        try Self.migrator.migrate(writer)
    }

    /// Opens the store at `path`, creating the file if needed, and runs its migrations.
    ///
    /// A `DatabaseQueue` rather than a pool: the CLI uses the store from one process at a
    /// time, and without write-ahead logging the store stays one file an office can copy.
    ///
    /// - Throws: `StoreError.cannotOpen` when the file cannot be opened or created, or is not
    ///   a database.
    public convenience init(path: String) throws {
        var configuration = Configuration()
        // Another `patrol` run may be writing; wait for it instead of failing at once.
        configuration.busyMode = .timeout(10)
        let storeName = URL(fileURLWithPath: path).lastPathComponent
        do {
            try self.init(
                DatabaseQueue(path: path, configuration: configuration), storeName: storeName)
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(path: path, reason: error.message ?? "\(error)")
        }
    }

    /// A fresh store that lives in memory only, for tests.
    public static func inMemory() throws -> ScheduleDatabase {
        try ScheduleDatabase(DatabaseQueue(), storeName: "the in-memory store")
    }
}

// MARK: - Writes
// Each method is one transaction: it stores everything it was given, or nothing.

extension ScheduleDatabase {
    /// Stores a community as loaded from the directory `source`, and returns the import id.
    ///
    /// A community whose content equals one already stored (same fingerprint) is not stored
    /// again: the existing import id is returned, and that import keeps the source and time of
    /// its first import.
    ///
    /// - Returns: The id to pass to `community(importID:)`.
    public func importCommunity(_ community: Community, source: String) throws -> Int64 {
        var rows = try CommunityRows(community, source: source, importedAt: Date())
        return try writer.write { db in try Self.findOrInsert(&rows, db) }
    }

    /// Records a solved schedule as a new version, together with its community, and returns
    /// both ids.
    ///
    /// The community is imported as by `importCommunity(_:source:)`, in the same transaction
    /// as the schedule, so that neither is stored without the other.
    ///
    /// - Returns: The id of the import (new or reused) and of the new schedule version.
    /// - Throws: `StoreError.monthMismatch` when the draft is for another month than the
    ///   community, `StoreError.unknownReference` when it names a volunteer, grid, period or
    ///   session the community does not have. Nothing is stored then.
    public func recordSchedule(
        _ draft: ScheduleDraft, community: Community, source: String
    ) throws -> (importID: Int64, scheduleID: Int64) {
        try Self.validate(draft, against: community)
        var rows = try CommunityRows(community, source: source, importedAt: Date())
        return try writer.write { db in try Self.insert(draft, community: community, rows: &rows, db) }
    }

    /// Inserts a validated draft and its community's rows (or finds the import); call it
    /// inside a write transaction.
    static func insert(
        _ draft: ScheduleDraft, community: Community, rows: inout CommunityRows, _ db: Database
    ) throws -> (importID: Int64, scheduleID: Int64) {
        let importID = try findOrInsert(&rows, db)
        var schedule = ScheduleRecord(draft, community: community, importID: importID)
        try schedule.insert(db)
        let scheduleID = db.lastInsertedRowID
        for (position, assignment) in draft.schedule.assignments.enumerated() {
            try AssignmentRecord(
                assignment, scheduleID: scheduleID, importID: importID, position: position
            ).insert(db)
        }
        for (position, attendance) in draft.schedule.attendance.enumerated() {
            try SessionAttendanceRecord(
                attendance, scheduleID: scheduleID, importID: importID, position: position
            ).insert(db)
        }
        return (importID, scheduleID)
    }

    /// The id of the stored import with the fingerprint of `rows`, inserting `rows` when there
    /// is none.
    private static func findOrInsert(_ rows: inout CommunityRows, _ db: Database) throws -> Int64 {
        let existing =
            try CommunityImportRecord
            .select(CommunityImportRecord.Columns.id, as: Int64.self)
            .filter(CommunityImportRecord.Columns.fingerprint == rows.communityImport.fingerprint)
            .fetchOne(db)
        if let existing { return existing }
        return try rows.insert(db)
    }

    /// Checks what the foreign keys would also catch, so that the error can name the culprit.
    static func validate(_ draft: ScheduleDraft, against community: Community) throws {
        func unknown(_ reference: StoreError.Reference) -> StoreError {
            .unknownReference(reference, community: community.name, month: community.month)
        }
        guard draft.month == community.month else {
            throw StoreError.monthMismatch(
                draft: draft.month, community: community.name, communityMonth: community.month)
        }
        let volunteers = Set(community.volunteers.map(\.id))
        let grids = Set(community.grids.map(\.id))
        let periods = Set(community.periods.map(\.id))
        let sessions = Set(community.sessions.map(\.id))
        for assignment in draft.schedule.assignments {
            guard volunteers.contains(assignment.volunteer) else {
                throw unknown(.volunteer(assignment.volunteer))
            }
            guard grids.contains(assignment.grid) else { throw unknown(.grid(assignment.grid)) }
            guard periods.contains(assignment.period) else {
                throw unknown(.period(assignment.period))
            }
        }
        for attendance in draft.schedule.attendance {
            guard sessions.contains(attendance.session) else {
                throw unknown(.session(attendance.session))
            }
            guard volunteers.contains(attendance.volunteer) else {
                throw unknown(.volunteer(attendance.volunteer))
            }
        }
    }
}

// MARK: - Reads
// Each method reads from one snapshot, so it never sees half of a concurrent write.

extension ScheduleDatabase {
    /// The community of an import, equal to the one imported, arrays in the same order.
    ///
    /// - Throws: `StoreError.importNotFound` when there is no such import.
    public func community(importID: Int64) throws -> Community {
        try writer.read { db in
            guard let rows = try CommunityRows(fetching: importID, from: db) else {
                throw StoreError.importNotFound(importID, store: storeName)
            }
            return rows.community
        }
    }

    /// The stored schedule versions, newest first, optionally only those of the community
    /// named `community` or of `month`.
    public func schedules(community: String? = nil, month: Month? = nil) throws
        -> [ScheduleSummary]
    {
        var request = ScheduleRecord.all()
        if let community { request = request.filter(communityName: community) }
        if let month { request = request.filter(month: month) }
        return try writer.read { db in
            try Self.summaries(of: request.newestFirst()).fetchAll(db).map(\.summary)
        }
    }

    /// One stored version with its community, assignments and training attendance.
    ///
    /// - Throws: `StoreError.scheduleNotFound` when there is no such version.
    public func schedule(id: Int64) throws -> StoredSchedule {
        try writer.read { db in try Self.storedSchedule(id, db, storeName: storeName) }
    }

    /// One stored version in full, read inside the caller's transaction.
    static func storedSchedule(_ id: Int64, _ db: Database, storeName: String) throws
        -> StoredSchedule
    {
        let request = ScheduleRecord.filter(ScheduleRecord.Columns.id == id)
        guard let summary = try summaries(of: request).fetchOne(db)?.summary else {
            throw StoreError.scheduleNotFound(id, store: storeName)
        }
        // The foreign key from schedule to communityImport keeps the import present.
        guard let rows = try CommunityRows(fetching: summary.importID, from: db) else {
            throw StoreError.importNotFound(summary.importID, store: storeName)
        }
        let assignments = try AssignmentRecord.all().forSchedule(id).fetchAll(db)
        let attendance = try SessionAttendanceRecord.all().forSchedule(id).fetchAll(db)
        return StoredSchedule(
            summary: summary, community: rows.community,
            schedule: Schedule(
                assignments: assignments.map(\.assignment),
                attendance: attendance.map(\.attendance)))
    }

    /// A schedule row with the name of its community and the time it was published.
    struct SummaryRow: Decodable, FetchableRecord {
        var schedule: ScheduleRecord
        var communityName: String
        var publishedAt: Date?

        var summary: ScheduleSummary {
            ScheduleSummary(schedule, communityName: communityName, publishedAt: publishedAt)
        }
    }

    static func summaries(of request: QueryInterfaceRequest<ScheduleRecord>)
        -> QueryInterfaceRequest<SummaryRow>
    {
        request
            .annotated(
                withRequired: ScheduleRecord.communityImport
                    .select(CommunityImportRecord.Columns.name.forKey("communityName"))
            )
            .annotated(
                withOptional: ScheduleRecord.publication
                    .select(PublicationRecord.Columns.publishedAt.forKey("publishedAt"))
            )
            .asRequest(of: SummaryRow.self)
    }
}
