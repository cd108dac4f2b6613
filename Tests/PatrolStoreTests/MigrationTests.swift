import GRDB
import Testing

@testable import PatrolStore

@Suite struct MigrationTests {
    @Test func aFreshStoreHasEveryMigrationAppliedAndEveryTable() throws {
        let store = try ScheduleDatabase.inMemory()
        try store.writer.read { db in
            #expect(try ScheduleDatabase.migrator.appliedIdentifiers(db) == ["v1", "v2 publish"])
            #expect(try ScheduleDatabase.migrator.hasCompletedMigrations(db))
            let tables = try String.fetchSet(
                db,
                sql: """
                    SELECT name FROM sqlite_master
                    WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'
                    """)
            #expect(tables == ScheduleDatabase.tableNames)
        }
        #expect(try store.rowCounts().values.allSatisfy { $0 == 0 })
    }

    @Test func migratingAgainChangesNothing() throws {
        let store = try ScheduleDatabase.inMemory()
        let schema = try store.writer.read { db in
            try String.fetchAll(
                db, sql: "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")
        }
        try ScheduleDatabase.migrator.migrate(store.writer)
        let again = try store.writer.read { db in
            try String.fetchAll(
                db, sql: "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")
        }
        #expect(again == schema)
    }

    @Test func foreignKeysAreEnforced() throws {
        let store = try ScheduleDatabase.inMemory()
        let enabled = try store.writer.read { db in
            try Bool.fetchOne(db, sql: "PRAGMA foreign_keys")
        }
        #expect(enabled == true)
    }

    @Test func everyForeignKeyIsIndexed() throws {
        let store = try ScheduleDatabase.inMemory()
        try store.writer.read { db in
            for table in ScheduleDatabase.tableNames {
                let leadingColumns =
                    try [db.primaryKey(table).columns] + db.indexes(on: table).map(\.columns)
                for foreignKey in try db.foreignKeys(on: table) {
                    let columns = Set(foreignKey.originColumns)
                    let indexed = leadingColumns.contains { index in
                        index.count >= columns.count
                            && Set(index.prefix(columns.count)) == columns
                    }
                    #expect(indexed, "\(table)(\(foreignKey.originColumns)) has no index")
                }
            }
        }
    }
}
