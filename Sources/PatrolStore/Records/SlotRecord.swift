import GRDB
import PatrolModel

/// A row of `slot`: the demand of one grid, date and period of an import.
struct SlotRecord: ImportPartRecord {
    static let databaseTableName = "slot"

    var importID: Int64
    var position: Int
    var grid: GridID
    var date: LocalDate
    var period: PeriodID
    var needed: Int

    init(_ slot: PatrolSlot, importID: Int64, position: Int) {
        self.importID = importID
        self.position = position
        grid = slot.grid
        date = slot.date
        period = slot.period
        needed = slot.needed
    }

    var slot: PatrolSlot { PatrolSlot(grid: grid, date: date, period: period, needed: needed) }
}
