import PatrolModel

/// Re-solving a published schedule after something changed, moving as few people as possible.
///
/// Slots and training sessions dated before `frozenBefore` keep exactly the baseline's
/// volunteers; from that date on the search may change anything, but each assignment that
/// differs from the baseline (one dropped, one added) costs `changeWeight`, so the repair
/// that moves the fewest people wins unless moving more is worth it.
public struct RepairPlan: Sendable, Hashable {
    public var baseline: Schedule
    public var frozenBefore: LocalDate
    public var changeWeight: Int

    public init(baseline: Schedule, frozenBefore: LocalDate, changeWeight: Int = 500) {
        self.baseline = baseline
        self.frozenBefore = frozenBefore
        self.changeWeight = changeWeight
    }
}
