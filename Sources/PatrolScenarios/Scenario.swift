import PatrolModel

/// A what-if scenario: a base community and the changes that turn it into a variant.
///
/// Read from a scenario file (see `ScenarioFile` and `Documentation/Scenarios.md`); the
/// changes apply in the order written, each to the result of the one before.
///
/// ```swift
/// let scenario = try ScenarioFile.load(path: "Scenarios/spring-festival.yaml")
/// let base = try CommunityLoader().load(
///     directory: scenario.base.directory, month: scenario.base.month,
///     extraHolidays: scenario.base.holidays
/// ).community
/// let variant = try scenario.apply(to: base, seed: scenario.seed ?? 1)
/// ```
public struct Scenario: Sendable, Equatable {
    /// The display name, such as 春节返乡.
    public var name: String
    public var description: String
    /// The scenario file as it was named; messages point into it.
    public var file: String
    /// The community and calendar the changes apply to.
    public var base: ScenarioBase
    /// Drives every random selection (`fraction`, `count`); the run's `--seed` wins over it.
    public var seed: UInt64?
    public var changes: [ScenarioChange]

    public init(
        name: String, description: String = "", file: String, base: ScenarioBase,
        seed: UInt64? = nil, changes: [ScenarioChange]
    ) {
        self.name = name
        self.description = description
        self.file = file
        self.base = base
        self.seed = seed
        self.changes = changes
    }

    /// A short key for folders and table columns: the file's name without `.yaml`.
    public var key: String {
        let last = file.split(separator: "/").last.map(String.init) ?? file
        for suffix in [".yaml", ".yml"] where last.hasSuffix(suffix) {
            return String(last.dropLast(suffix.count))
        }
        return last
    }
}

/// What a scenario starts from: a community directory for a month, with extra holidays.
///
/// Scenarios with equal bases share one base solve in a run.
public struct ScenarioBase: Sendable, Hashable {
    /// The community directory, resolved against the scenario file's folder.
    public var directory: String
    /// Replaces the month of community.yaml, as `--month` does.
    public var month: Month?
    /// Counted as if community.yaml listed them: demand's `weekends` and `holidays` rows
    /// resolve with them.
    public var holidays: Set<LocalDate>

    public init(directory: String, month: Month? = nil, holidays: Set<LocalDate> = []) {
        self.directory = directory
        self.month = month
        self.holidays = holidays
    }
}
