import PatrolInterchange
import PatrolModel
import PatrolScenarios

/// Everything a scenario run solves, read and applied before any solving starts.
struct ScenarioPlan {
    /// A base community that one or more scenarios change.
    struct Base {
        var base: ScenarioBase
        var community: Community
        /// `base`, or `base-2027-02` when a run has several.
        var key: String
        /// The directory, month and added holidays.
        var description: String
    }

    /// A scenario applied to its base.
    struct Entry {
        var variant: ScenarioVariant
        /// Index into `bases`.
        var baseIndex: Int
        /// The scenario's key, made unique in the run.
        var key: String
    }

    var bases: [Base] = []
    var variants: [Entry] = []
    /// The seed of every solve.
    var seed: UInt64
    /// Warnings of the communities and of changes without effect.
    var warnings: [Diagnostic] = []

    /// Reads every file, loads every base, applies every scenario.
    ///
    /// - Throws: `InputErrors` with the problems of all files and communities together.
    init(files: [String], options: ScenarioRunOptions) throws(InputErrors) {
        var errors: [Diagnostic] = []
        var scenarios: [Scenario] = []
        for file in files {
            do {
                var scenario = try ScenarioFile.load(path: file)
                if let directory = options.baseDirectory { scenario.base.directory = directory }
                scenarios.append(scenario)
            } catch {
                errors += error.diagnostics
            }
        }
        guard errors.isEmpty else { throw InputErrors(errors) }
        seed = options.seed ?? scenarios.lazy.compactMap(\.seed).first ?? 1

        var baseIndex: [ScenarioBase: Int] = [:]
        var loaded: [Int: Community] = [:]
        var distinct: [ScenarioBase] = []
        for scenario in scenarios where baseIndex[scenario.base] == nil {
            baseIndex[scenario.base] = distinct.count
            distinct.append(scenario.base)
        }
        for (index, base) in distinct.enumerated() {
            do {
                let result = try CommunityLoader().load(
                    directory: base.directory, month: base.month, extraHolidays: base.holidays)
                loaded[index] = result.community
                warnings += result.warnings.map { Self.inDirectory($0, base.directory) }
            } catch {
                errors += error.diagnostics.map { Self.inDirectory($0, base.directory) }
            }
        }
        guard errors.isEmpty else { throw InputErrors(errors) }

        var keys: Set<String> = []
        for (index, base) in distinct.enumerated() {
            guard let community = loaded[index] else { continue }
            let key = Self.unique(
                distinct.count == 1 ? "base" : "base-\(community.month)", in: &keys)
            bases.append(
                Base(
                    base: base, community: community, key: key,
                    description: Self.describe(base, community)))
        }
        for scenario in scenarios {
            guard let index = baseIndex[scenario.base] else { continue }
            do {
                let variant = try scenario.apply(
                    to: bases[index].community, seed: options.seed ?? scenario.seed ?? 1)
                warnings += variant.warnings
                variants.append(
                    Entry(
                        variant: variant, baseIndex: index,
                        key: Self.unique(scenario.key, in: &keys)))
            } catch {
                errors += error.diagnostics
            }
        }
        guard errors.isEmpty else { throw InputErrors(errors) }
    }

    /// `key`, or `key-2`, `key-3`… when taken.
    private static func unique(_ key: String, in keys: inout Set<String>) -> String {
        var candidate = key
        var number = 2
        while keys.contains(candidate) {
            candidate = "\(key)-\(number)"
            number += 1
        }
        keys.insert(candidate)
        return candidate
    }

    /// A community file's problem, named with its directory so that several bases can be told apart.
    private static func inDirectory(_ diagnostic: Diagnostic, _ directory: String) -> Diagnostic {
        var located = diagnostic
        if !located.location.file.hasPrefix(directory) {
            located.location.file = directory + "/" + located.location.file
        }
        return located
    }

    /// `Scenarios/changqing 2027-02, holidays 2027-02-05..2027-02-11`.
    static func describe(_ base: ScenarioBase, _ community: Community) -> String {
        var text = "\(base.directory) \(community.month)"
        let added = base.holidays.sorted()
        if !added.isEmpty {
            var ranges: [DateRange] = []
            for date in added {
                if let last = ranges.last, last.last.adding(days: 1) == date {
                    ranges[ranges.count - 1].last = date
                } else {
                    ranges.append(DateRange(date))
                }
            }
            text += ", holidays " + ranges.map(\.description).joined(separator: ", ")
        }
        return text
    }
}
