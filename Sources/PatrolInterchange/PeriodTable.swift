import PatrolModel

/// The periods of `community.yaml`, looked up by id or name, and the cells that name them.
///
/// A period is named by its id, or by its display name when no id or earlier name is
/// spelled the same (as the checker reads them), or by `*` for every period.
struct PeriodTable {
    let periods: [Period]
    private let byKey: [String: PeriodID]

    /// A table of `periods`.
    ///
    /// `unreadable` lists ids of periods that `community.yaml` names but gets wrong; they
    /// resolve to themselves so that their mistake is not reported again in every CSV cell
    /// that names them.
    init(periods: [Period], unreadable: [PeriodID] = []) {
        self.periods = periods
        var byKey: [String: PeriodID] = [:]
        for id in periods.map(\.id) + unreadable { byKey[id.rawValue] = id }
        for period in periods where byKey[period.name] == nil { byKey[period.name] = period.id }
        self.byKey = byKey
    }

    var ids: [PeriodID] { periods.map(\.id) }

    func resolve(_ key: String) -> PeriodID? { byKey[key] }

    /// What a period cell may hold, for messages.
    var expected: String {
        "one of \(ids.map(\.rawValue).joined(separator: ", ")) (or a period name, or * for all)"
    }

    /// A list of periods, `*` meaning all of them.
    ///
    /// Inside a weekly pattern, where `;` separates clauses, the items are separated by `,`,
    /// `，` or `、`; a demand or request cell also takes `;` and `；`.
    func periodSet(
        _ text: String, separators: Set<Character> = [",", "，", "、", ";", "；"]
    ) -> Result<Set<PeriodID>, ValueProblem> {
        var result: Set<PeriodID> = []
        for item in ValueParser.split(text, on: separators) {
            if item == "*" {
                result.formUnion(ids)
            } else if let id = resolve(item) {
                result.insert(id)
            } else {
                return .failure(ValueProblem("unknown period \(quoted(item))", expected: expected))
            }
        }
        return .success(result)
    }

    static let patternExpected =
        "a weekly pattern such as Mon-Fri:evening;Sat,Sun:morning,afternoon"

    /// The weekly pattern of an `available` cell.
    ///
    /// Clauses `days:periods` are separated by `;`; a clause of days alone allows all
    /// periods, one of periods alone allows them every day. Empty text allows any day and
    /// any period.
    func availability(_ text: String) -> Result<WeeklyAvailability, ValueProblem> {
        guard !text.isEmpty else { return .success(.always) }
        var byWeekday = Array(repeating: Set<PeriodID>(), count: 7)
        let itemSeparators: Set<Character> = [",", "，", "、"]
        for clause in ValueParser.split(text, on: [";", "；"]) {
            let parts = clause.split(
                omittingEmptySubsequences: false, whereSeparator: { $0 == ":" || $0 == "：" }
            ).map(String.init)
            let days: Set<Weekday>
            let allowed: Set<PeriodID>
            switch parts.count {
            case 1:
                if case .success(let weekdays) = ValueParser.weekdays(parts[0]) {
                    (days, allowed) = (weekdays, Set(ids))
                } else if case .success(let periods) = periodSet(
                    parts[0], separators: itemSeparators)
                {
                    (days, allowed) = (Set(Weekday.allCases), periods)
                } else {
                    return .failure(
                        ValueProblem(
                            "\(quoted(clause)) is neither weekdays nor periods",
                            expected: Self.patternExpected))
                }
            case 2:
                switch (
                    ValueParser.weekdays(parts[0]), periodSet(parts[1], separators: itemSeparators)
                ) {
                case (.success(let weekdays), .success(let periods)):
                    (days, allowed) = (weekdays, periods)
                case (.failure(let problem), _):
                    return .failure(ValueProblem(problem.message, expected: Self.patternExpected))
                case (_, .failure(let problem)): return .failure(problem)
                }
            default:
                return .failure(
                    ValueProblem(
                        "\(quoted(clause)) has more than one ':'", expected: Self.patternExpected))
            }
            for day in days { byWeekday[day.rawValue].formUnion(allowed) }
        }
        return .success(WeeklyAvailability(periodsByWeekday: byWeekday))
    }
}
