import GRDB
import PatrolModel

/// A row of `request`: one volunteer's on or off request of an import.
struct RequestRecord: ImportPartRecord {
    static let databaseTableName = "request"

    var importID: Int64
    var position: Int
    var volunteer: VolunteerID
    var firstDate: LocalDate
    var lastDate: LocalDate
    /// Sorted, so that equal requests store equal text.
    var periods: [PeriodID]
    var kind: PatrolRequest.Kind
    var weight: Int
    var line: Int

    init(_ request: PatrolRequest, importID: Int64, position: Int) {
        self.importID = importID
        self.position = position
        volunteer = request.volunteer
        firstDate = request.dates.first
        lastDate = request.dates.last
        periods = request.periods.sorted()
        kind = request.kind
        weight = request.weight
        line = request.line
    }

    var request: PatrolRequest {
        PatrolRequest(
            volunteer: volunteer, dates: DateRange(first: firstDate, last: lastDate),
            periods: Set(periods), kind: kind, weight: weight, line: line)
    }
}
