import GRDB
import PatrolModel

/// A row of `trainingSession`: one training session of an import.
struct TrainingSessionRecord: ImportPartRecord {
    static let databaseTableName = "trainingSession"

    var importID: Int64
    var position: Int
    var id: SessionID
    var topic: String
    var date: LocalDate
    var start: TimeOfDay
    var end: TimeOfDay
    /// Nil (NULL) means unlimited.
    var capacity: Int?
    var location: String

    init(_ session: TrainingSession, importID: Int64, position: Int) {
        self.importID = importID
        self.position = position
        id = session.id
        topic = session.topic
        date = session.date
        start = session.start
        end = session.end
        capacity = session.capacity
        location = session.location
    }

    var session: TrainingSession {
        TrainingSession(
            id: id, topic: topic, date: date, start: start, end: end, capacity: capacity,
            location: location)
    }
}
