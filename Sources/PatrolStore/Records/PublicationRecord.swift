import Foundation
import GRDB
import PatrolModel

/// A row of `publication`: the mark that a schedule version was published, for good.
///
/// The community's name and month are copied from the schedule so that a unique index can keep
/// one published schedule per community and month.
struct PublicationRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "publication"

    static let schedule = belongsTo(ScheduleRecord.self)

    var scheduleID: Int64
    var communityName: String
    var month: Month
    var publishedAt: Date

    enum Columns {
        static let scheduleID = Column(CodingKeys.scheduleID)
        static let communityName = Column(CodingKeys.communityName)
        static let month = Column(CodingKeys.month)
        static let publishedAt = Column(CodingKeys.publishedAt)
    }

    init(_ publication: Publication) {
        scheduleID = publication.scheduleID
        communityName = publication.communityName
        month = publication.month
        publishedAt = publication.publishedAt
    }

    var publication: Publication {
        Publication(
            scheduleID: scheduleID, communityName: communityName, month: month,
            publishedAt: publishedAt)
    }
}

/// A row of `servedRecord`: one volunteer's patrols, hours and training in a published month.
struct ServedRecordRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "servedRecord"

    var scheduleID: Int64
    /// 0-based place of the volunteer in the published schedule's community.
    var position: Int
    var communityName: String
    var month: Month
    var volunteer: VolunteerID
    var patrols: Int
    var minutes: Int
    var trainedOn: LocalDate?

    enum Columns {
        static let scheduleID = Column(CodingKeys.scheduleID)
        static let position = Column(CodingKeys.position)
        static let communityName = Column(CodingKeys.communityName)
        static let month = Column(CodingKeys.month)
    }

    init(_ record: ServedRecord, scheduleID: Int64, position: Int) {
        self.scheduleID = scheduleID
        self.position = position
        communityName = record.communityName
        month = record.month
        volunteer = record.volunteer
        patrols = record.patrols
        minutes = record.minutes
        trainedOn = record.trainedOn
    }

    var record: ServedRecord {
        ServedRecord(
            communityName: communityName, month: month, volunteer: volunteer, patrols: patrols,
            minutes: minutes, trainedOn: trainedOn)
    }
}
