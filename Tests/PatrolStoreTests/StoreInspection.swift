import GRDB

@testable import PatrolStore

/// Looks inside a store the way only tests need to.
extension ScheduleDatabase {
    /// Every table the migrations create.
    static let tableNames: Set<String> = [
        "communityImport", "period", "grid", "gridNeighbor", "volunteer", "slot",
        "trainingSession", "request", "historyEntry", "schedule", "assignment",
        "sessionAttendance", "publication", "servedRecord", "scenarioRun", "scenarioRunSchedule",
    ]

    /// The number of rows in each table.
    func rowCounts() throws -> [String: Int] {
        try writer.read { db in
            var counts: [String: Int] = [:]
            for table in Self.tableNames {
                counts[table] = try Table(table).fetchCount(db)
            }
            return counts
        }
    }
}
