import GRDB

/// A row holding one part of an imported community (a period, grid, volunteer, ...), in a
/// table whose rows carry `importID` and the row's 0-based `position` in the community.
///
/// The position is what lets `ScheduleDatabase.community(importID:)` give back every array in
/// the order it was imported.
protocol ImportPartRecord: Codable, FetchableRecord, PersistableRecord {
    /// The import this row belongs to; 0 until the import is inserted.
    var importID: Int64 { get set }
}

/// The two columns every `ImportPartRecord` table has.
enum ImportPartColumns {
    static let importID = Column("importID")
    static let position = Column("position")
}
