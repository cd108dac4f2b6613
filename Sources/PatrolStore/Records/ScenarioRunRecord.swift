import Foundation
import GRDB

/// A row of `scenarioRun`: one `patrol scenario run`, with how it was solved and timed.
///
/// Its schedules are `ScenarioRunScheduleRecord` rows keyed by `id`.
struct ScenarioRunRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "scenarioRun"

    /// Nil until inserted.
    var id: Int64?
    var createdAt: Date
    /// The solver's seed, bit-cast: SQLite integers are signed 64-bit.
    var seed: Int64
    var timeLimitSeconds: Double
    var variantTimeLimitSeconds: Double
    var moveLimit: Int?
    var baseSeconds: Double
    var totalSeconds: Double

    enum Columns {
        static let id = Column(CodingKeys.id)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `scenarioRunSchedule`: one base or variant of a run, and its schedule version.
struct ScenarioRunScheduleRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "scenarioRunSchedule"

    var runID: Int64
    /// 0-based; bases come before the variants compared with them.
    var position: Int
    var scheduleID: Int64
    /// The position of the base a variant is compared with; nil for a base.
    var basePosition: Int?
    var name: String
    var key: String
    var description: String
    /// The scenario file; empty for a base.
    var file: String
    var seconds: Double

    enum Columns {
        static let runID = Column(CodingKeys.runID)
        static let position = Column(CodingKeys.position)
    }
}
