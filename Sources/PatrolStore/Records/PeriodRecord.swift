import GRDB
import PatrolModel

/// A row of `period`: one patrol period of an import.
struct PeriodRecord: ImportPartRecord {
    static let databaseTableName = "period"

    var importID: Int64
    var position: Int
    var id: PeriodID
    var name: String
    var start: TimeOfDay
    var end: TimeOfDay
    var isNight: Bool

    init(_ period: Period, importID: Int64, position: Int) {
        self.importID = importID
        self.position = position
        id = period.id
        name = period.name
        start = period.start
        end = period.end
        isNight = period.isNight
    }

    var period: Period { Period(id: id, name: name, start: start, end: end, isNight: isNight) }
}
