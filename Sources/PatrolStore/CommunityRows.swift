import Foundation
import GRDB
import PatrolModel

/// The rows that store one community: made from a `Community`, inserted in one go, fetched
/// back, and turned into the same `Community` again.
///
/// Every array keeps its order through `position` columns; sets are stored sorted, so the
/// rows of equal communities are equal.
struct CommunityRows {
    var communityImport: CommunityImportRecord
    var periods: [PeriodRecord]
    var grids: [GridRecord]
    var gridNeighbors: [GridNeighborRecord]
    var volunteers: [VolunteerRecord]
    var slots: [SlotRecord]
    var sessions: [TrainingSessionRecord]
    var requests: [RequestRecord]
    var history: [HistoryEntryRecord]

    /// The rows of `community`, not yet inserted: `importID` is 0 in every part.
    init(_ community: Community, source: String, importedAt: Date) throws {
        let importID: Int64 = 0
        periods = community.periods.enumerated().map {
            PeriodRecord($1, importID: importID, position: $0)
        }
        grids = community.grids.enumerated().map {
            GridRecord($1, importID: importID, position: $0)
        }
        gridNeighbors = community.grids.flatMap { grid in
            grid.neighbors.sorted().map {
                GridNeighborRecord(importID: importID, grid: grid.id, neighbor: $0)
            }
        }
        volunteers = community.volunteers.enumerated().map {
            VolunteerRecord($1, importID: importID, position: $0)
        }
        slots = community.slots.enumerated().map {
            SlotRecord($1, importID: importID, position: $0)
        }
        sessions = community.sessions.enumerated().map {
            TrainingSessionRecord($1, importID: importID, position: $0)
        }
        requests = community.requests.enumerated().map {
            RequestRecord($1, importID: importID, position: $0)
        }
        history = community.history.enumerated().map {
            HistoryEntryRecord($1, importID: importID, position: $0)
        }
        communityImport = CommunityImportRecord(
            community, source: source, importedAt: importedAt, fingerprint: "")
        communityImport.fingerprint = try fingerprint()
    }

    /// The stored rows of import `importID`, or nil when there is no such import.
    init?(fetching importID: Int64, from db: Database) throws {
        guard let communityImport = try CommunityImportRecord.fetchOne(db, key: importID) else {
            return nil
        }
        self.communityImport = communityImport
        periods = try PeriodRecord.all().forImport(importID).fetchAll(db)
        grids = try GridRecord.all().forImport(importID).fetchAll(db)
        gridNeighbors = try GridNeighborRecord.all().forImport(importID).fetchAll(db)
        volunteers = try VolunteerRecord.all().forImport(importID).fetchAll(db)
        slots = try SlotRecord.all().forImport(importID).fetchAll(db)
        sessions = try TrainingSessionRecord.all().forImport(importID).fetchAll(db)
        requests = try RequestRecord.all().forImport(importID).fetchAll(db)
        history = try HistoryEntryRecord.all().forImport(importID).fetchAll(db)
    }

    /// Inserts every row, parents first, and returns the new import id.
    ///
    /// Rows go in before the rows that refer to them, so that foreign keys hold after every
    /// statement. Call it inside a write transaction.
    mutating func insert(_ db: Database) throws -> Int64 {
        try communityImport.insert(db)
        let importID = db.lastInsertedRowID
        try insert(&periods, importID: importID, db)
        try insert(&grids, importID: importID, db)
        for index in gridNeighbors.indices {
            gridNeighbors[index].importID = importID
            try gridNeighbors[index].insert(db)
        }
        try insert(&volunteers, importID: importID, db)
        try insert(&slots, importID: importID, db)
        try insert(&sessions, importID: importID, db)
        try insert(&requests, importID: importID, db)
        try insert(&history, importID: importID, db)
        return importID
    }

    private func insert<Part: ImportPartRecord>(
        _ parts: inout [Part], importID: Int64, _ db: Database
    ) throws {
        for index in parts.indices {
            parts[index].importID = importID
            try parts[index].insert(db)
        }
    }

    /// The community these rows store.
    var community: Community {
        var neighbors: [GridID: Set<GridID>] = [:]
        for link in gridNeighbors {
            neighbors[link.grid, default: []].insert(link.neighbor)
        }
        return Community(
            name: communityImport.name, month: communityImport.month,
            periods: periods.map(\.period), holidays: Set(communityImport.holidays),
            rules: communityImport.rules, weights: communityImport.weights,
            grids: grids.map { $0.grid(neighbors: neighbors[$0.id] ?? []) },
            volunteers: volunteers.map(\.volunteer), slots: slots.map(\.slot),
            sessions: sessions.map(\.session), requests: requests.map(\.request),
            history: history.map(\.entry))
    }

    /// The SHA-256 of the community's content, as lowercase hex.
    ///
    /// The content is every row but the import's id, source, import time and fingerprint,
    /// taken before insertion (import ids 0), as JSON with sorted keys. Sets are already
    /// sorted and arrays keep their order, so equal communities have equal fingerprints, and
    /// communities that differ in anything, the order of an array included, have different
    /// ones (barring a 128-bit hash collision). Should a later version store
    /// more, or differently, identical content gets a new fingerprint and simply a new import.
    private func fingerprint() throws -> String {
        struct Content: Encodable {
            var name: String
            var month: Month
            var holidays: [LocalDate]
            var rules: Rules
            var weights: Weights
            var periods: [PeriodRecord]
            var grids: [GridRecord]
            var gridNeighbors: [GridNeighborRecord]
            var volunteers: [VolunteerRecord]
            var slots: [SlotRecord]
            var sessions: [TrainingSessionRecord]
            var requests: [RequestRecord]
            var history: [HistoryEntryRecord]
        }
        let content = Content(
            name: communityImport.name, month: communityImport.month,
            holidays: communityImport.holidays, rules: communityImport.rules,
            weights: communityImport.weights, periods: periods, grids: grids,
            gridNeighbors: gridNeighbors, volunteers: volunteers, slots: slots,
            sessions: sessions, requests: requests, history: history)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return Fingerprint.hexDigest(of: Array(try encoder.encode(content)))
    }
}
