import Foundation
import GRDB
import PatrolModel

/// A row of `communityImport`: one community as loaded from a directory, with its rules and
/// weights spread over one column each.
///
/// The community's other parts live in the tables of the `ImportPartRecord` types, keyed by
/// this row's `id`.
struct CommunityImportRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "communityImport"

    /// Nil until inserted.
    var id: Int64?
    var name: String
    var month: Month
    /// The directory the community was first imported from.
    var source: String
    var importedAt: Date
    /// Identifies the content; see `CommunityRows.fingerprint`.
    var fingerprint: String
    /// Sorted, so that equal sets store equal text.
    var holidays: [LocalDate]

    var maxShiftsPerMonth: Int
    var maxShiftsPerWeek: Int
    var maxShiftsPerDay: Int
    var maxConsecutiveDays: Int
    var minRestMinutes: Int
    var trainingRequired: Bool
    var trainBeforePatrol: Bool

    var uncoveredWeight: Int
    var noPartyMemberWeight: Int
    var noLeaderWeight: Int
    var missedTrainingWeight: Int
    var belowMinShiftsWeight: Int
    var fairnessWeight: Int
    var neighborGridWeight: Int
    var farGridWeight: Int

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let name = Column(CodingKeys.name)
        static let fingerprint = Column(CodingKeys.fingerprint)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    init(_ community: Community, source: String, importedAt: Date, fingerprint: String) {
        name = community.name
        month = community.month
        self.source = source
        self.importedAt = importedAt
        self.fingerprint = fingerprint
        holidays = community.holidays.sorted()

        let rules = community.rules
        maxShiftsPerMonth = rules.maxShiftsPerMonth
        maxShiftsPerWeek = rules.maxShiftsPerWeek
        maxShiftsPerDay = rules.maxShiftsPerDay
        maxConsecutiveDays = rules.maxConsecutiveDays
        minRestMinutes = rules.minRestMinutes
        trainingRequired = rules.trainingRequired
        trainBeforePatrol = rules.trainBeforePatrol

        let weights = community.weights
        uncoveredWeight = weights.uncovered
        noPartyMemberWeight = weights.noPartyMember
        noLeaderWeight = weights.noLeader
        missedTrainingWeight = weights.missedTraining
        belowMinShiftsWeight = weights.belowMinShifts
        fairnessWeight = weights.fairness
        neighborGridWeight = weights.neighborGrid
        farGridWeight = weights.farGrid
    }

    var rules: Rules {
        var rules = Rules()
        rules.maxShiftsPerMonth = maxShiftsPerMonth
        rules.maxShiftsPerWeek = maxShiftsPerWeek
        rules.maxShiftsPerDay = maxShiftsPerDay
        rules.maxConsecutiveDays = maxConsecutiveDays
        rules.minRestMinutes = minRestMinutes
        rules.trainingRequired = trainingRequired
        rules.trainBeforePatrol = trainBeforePatrol
        return rules
    }

    var weights: Weights {
        var weights = Weights()
        weights.uncovered = uncoveredWeight
        weights.noPartyMember = noPartyMemberWeight
        weights.noLeader = noLeaderWeight
        weights.missedTraining = missedTrainingWeight
        weights.belowMinShifts = belowMinShiftsWeight
        weights.fairness = fairnessWeight
        weights.neighborGrid = neighborGridWeight
        weights.farGrid = farGridWeight
        return weights
    }
}
