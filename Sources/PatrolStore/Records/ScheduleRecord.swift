import Foundation
import GRDB
import PatrolModel

/// A row of `schedule`: one solved schedule version, with its score spread over a count and a
/// penalty column per score component.
///
/// Its assignments and session attendance are `AssignmentRecord` and
/// `SessionAttendanceRecord` rows keyed by `id`.
struct ScheduleRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "schedule"

    /// The import the schedule was solved for.
    static let communityImport = belongsTo(CommunityImportRecord.self)

    /// The schedule's publication, when it was published.
    static let publication = hasOne(PublicationRecord.self)

    /// Nil until inserted.
    var id: Int64?
    var importID: Int64
    var month: Month
    var createdAt: Date
    /// The solver's seed, bit-cast: SQLite integers are signed 64-bit.
    var seed: Int64
    var timeLimitSeconds: Double

    var uncoveredCount: Int
    var uncoveredPenalty: Int
    var noPartyMemberCount: Int
    var noPartyMemberPenalty: Int
    var noLeaderCount: Int
    var noLeaderPenalty: Int
    var missedTrainingCount: Int
    var missedTrainingPenalty: Int
    var belowMinShiftsCount: Int
    var belowMinShiftsPenalty: Int
    var fairnessCount: Int
    var fairnessPenalty: Int
    var neighborGridCount: Int
    var neighborGridPenalty: Int
    var farGridCount: Int
    var farGridPenalty: Int
    var requestsCount: Int
    var requestsPenalty: Int
    var total: Int

    var assignmentCount: Int
    /// Sum of the demand's team sizes.
    var neededVolunteers: Int
    /// Sum over the demand of min(assigned, needed).
    var coveredVolunteers: Int
    var note: String?

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let importID = Column(CodingKeys.importID)
        static let month = Column(CodingKeys.month)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    init(_ draft: ScheduleDraft, community: Community, importID: Int64) {
        self.importID = importID
        month = draft.month
        createdAt = draft.createdAt
        seed = Int64(bitPattern: draft.seed)
        timeLimitSeconds = draft.timeLimitSeconds

        let score = draft.score
        (uncoveredCount, uncoveredPenalty) = Self.columns(score[.uncovered])
        (noPartyMemberCount, noPartyMemberPenalty) = Self.columns(score[.noPartyMember])
        (noLeaderCount, noLeaderPenalty) = Self.columns(score[.noLeader])
        (missedTrainingCount, missedTrainingPenalty) = Self.columns(score[.missedTraining])
        (belowMinShiftsCount, belowMinShiftsPenalty) = Self.columns(score[.belowMinShifts])
        (fairnessCount, fairnessPenalty) = Self.columns(score[.fairness])
        (neighborGridCount, neighborGridPenalty) = Self.columns(score[.neighborGrid])
        (farGridCount, farGridPenalty) = Self.columns(score[.farGrid])
        (requestsCount, requestsPenalty) = Self.columns(score[.requests])
        total = score.total

        assignmentCount = draft.schedule.assignments.count
        let coverage = Coverage(community.slots, draft.schedule.assignments)
        neededVolunteers = coverage.needed
        coveredVolunteers = coverage.covered
        note = draft.note
    }

    private static func columns(_ line: ScoreLine) -> (Int, Int) { (line.count, line.penalty) }

    var score: ScoreBreakdown {
        var score = ScoreBreakdown()
        for component in ScoreComponent.allCases {
            score[component] = line(component)
        }
        return score
    }

    /// Exhaustive, so that a new score component cannot be forgotten here.
    private func line(_ component: ScoreComponent) -> ScoreLine {
        switch component {
        case .uncovered: ScoreLine(count: uncoveredCount, penalty: uncoveredPenalty)
        case .noPartyMember: ScoreLine(count: noPartyMemberCount, penalty: noPartyMemberPenalty)
        case .noLeader: ScoreLine(count: noLeaderCount, penalty: noLeaderPenalty)
        case .missedTraining:
            ScoreLine(count: missedTrainingCount, penalty: missedTrainingPenalty)
        case .belowMinShifts:
            ScoreLine(count: belowMinShiftsCount, penalty: belowMinShiftsPenalty)
        case .fairness: ScoreLine(count: fairnessCount, penalty: fairnessPenalty)
        case .neighborGrid: ScoreLine(count: neighborGridCount, penalty: neighborGridPenalty)
        case .farGrid: ScoreLine(count: farGridCount, penalty: farGridPenalty)
        case .requests: ScoreLine(count: requestsCount, penalty: requestsPenalty)
        }
    }
}

/// How much of a community's demand a schedule staffs, as the contract's coverage % counts it.
private struct Coverage {
    /// Sum of the team sizes needed.
    var needed = 0
    /// Sum over demanded slots of min(assigned, needed).
    var covered = 0

    init(_ slots: [PatrolSlot], _ assignments: [Assignment]) {
        struct Key: Hashable {
            var grid: GridID
            var date: LocalDate
            var period: PeriodID
        }
        var assigned: [Key: Int] = [:]
        for assignment in assignments {
            let key = Key(grid: assignment.grid, date: assignment.date, period: assignment.period)
            assigned[key, default: 0] += 1
        }
        for slot in slots {
            needed += slot.needed
            let key = Key(grid: slot.grid, date: slot.date, period: slot.period)
            covered += min(assigned[key] ?? 0, slot.needed)
        }
    }
}
