import GRDB
import PatrolModel

/// A row of `historyEntry`: shifts served in an earlier month, as an import's history lists them.
struct HistoryEntryRecord: ImportPartRecord {
    static let databaseTableName = "historyEntry"

    var importID: Int64
    var position: Int
    var volunteer: VolunteerID
    var month: Month
    var shifts: Int

    init(_ entry: HistoryEntry, importID: Int64, position: Int) {
        self.importID = importID
        self.position = position
        volunteer = entry.volunteer
        month = entry.month
        shifts = entry.shifts
    }

    var entry: HistoryEntry { HistoryEntry(volunteer: volunteer, month: month, shifts: shifts) }
}
