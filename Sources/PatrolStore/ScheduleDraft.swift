import Foundation
import PatrolModel

/// A solved schedule about to be recorded as a new version, with what produced it.
public struct ScheduleDraft: Hashable, Sendable {
    /// The month solved; must be the community's month.
    public var month: Month
    /// The solver's seed: the same seed, configuration and community give the same schedule.
    public var seed: UInt64
    public var timeLimitSeconds: Double
    /// The score of `schedule`, every component.
    public var score: ScoreBreakdown
    public var schedule: Schedule
    /// When the schedule was made; the store keeps it to the millisecond.
    public var createdAt: Date
    /// A free remark for the office, such as why this version was made.
    public var note: String?

    public init(
        month: Month, seed: UInt64, timeLimitSeconds: Double, score: ScoreBreakdown,
        schedule: Schedule, createdAt: Date = Date(), note: String? = nil
    ) {
        self.month = month
        self.seed = seed
        self.timeLimitSeconds = timeLimitSeconds
        self.score = score
        self.schedule = schedule
        self.createdAt = createdAt
        self.note = note
    }
}
