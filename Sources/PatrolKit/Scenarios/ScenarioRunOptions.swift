import Foundation
import PatrolInterchange

/// How `patrol scenario run` solves its bases and variants.
///
/// The time budget: each base gets the full `timeLimit`, as `patrol solve` would. The
/// variants then start from their base's schedule (carried over to the changed community)
/// and share a budget of `variantBudgetShare` × `timeLimit` of wall-clock time, run
/// `workers` at a time: with 5 variants on 2 cores that is 3 rounds, so each variant gets
/// 0.3 × T / 3. A variant differs from its base in a few volunteers, days or grids, and a
/// warm start spends its time repairing exactly that, so a short search reaches what a cold
/// solve of the full time limit would, and the whole run stays under 1.5 × one solve.
public struct ScenarioRunOptions: Sendable {
    /// Seconds each base searches.
    public var timeLimit: Double = 30
    /// Seconds each variant searches; nil derives it from `variantBudgetShare`.
    public var variantTimeLimit: Double?
    /// The share of `timeLimit` all variants together may take, wall-clock.
    public var variantBudgetShare = 0.3
    /// Stop each solve after this many evaluated moves (reproducible on any machine).
    public var moveLimit: Int?
    /// The seed of every solve and of every scenario's random selections; nil takes the
    /// first scenario file's `seed`, else 1 (and each file's own seed for its selections).
    public var seed: UInt64?
    /// Solves at the same time; the machine's cores by default. 1 solves one after another.
    public var workers = ProcessInfo.processInfo.activeProcessorCount
    /// Replaces every scenario's `base` directory (to try the same scenarios on another
    /// community, such as a generated one).
    public var baseDirectory: String?
    /// Where each base and variant's roster files, changed community and
    /// `comparison.csv` are written; nil writes nothing.
    public var outputDirectory: String?
    /// Start variants from scratch instead of from their base's schedule.
    public var coldStart = false
    /// Also write the comparison for a community office into `outputDirectory`, next to
    /// `comparison.csv`: CSV for Excel or a printable page.
    public var comparisonExport: ComparisonExportOptions?

    public init() {}

    /// The time limit of each variant when `count` variants run `workers` at a time.
    ///
    /// With a move limit and no variant time limit, variants get the full `timeLimit`, so
    /// that the move limit, not the machine's speed, decides where each search stops.
    public func variantSeconds(variants count: Int) -> Double {
        if let variantTimeLimit { return variantTimeLimit }
        if moveLimit != nil { return timeLimit }
        guard count > 0 else { return 0 }
        let rounds = (count + max(1, workers) - 1) / max(1, workers)
        return max(0.1, timeLimit * variantBudgetShare / Double(rounds))
    }
}
