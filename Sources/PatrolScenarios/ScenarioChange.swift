import PatrolModel

/// One edit a what-if scenario makes to its base community, applied in order.
public protocol ScenarioChange: Sendable {
    /// Applies the change; `seed` drives any random selection so that runs repeat.
    func apply(to community: inout Community, seed: UInt64) throws
}
