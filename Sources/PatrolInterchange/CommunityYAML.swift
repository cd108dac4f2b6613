import PatrolModel
import Yams

/// What `community.yaml` holds, as far as it could be read.
struct CommunitySettings {
    var name = ""
    /// Nil when neither the file nor the command line gives a month that parses.
    var month: Month?
    /// Nil when the file defines no usable period list, so that period names in the CSV
    /// files cannot be checked.
    var periods: PeriodTable?
    var holidays: Set<LocalDate> = []
    var rules = Rules()
    var weights = Weights()
}

/// Reads `community.yaml` (section 1 of the contract).
///
/// Yams composes the file into a node tree with line marks, and every scalar is read from
/// its raw text, never from the type YAML 1.1 would give it: `start: 08:30` unquoted is
/// the sexagesimal number 510 to YAML 1.1 and still means 08:30 here, `month: 2026-12`
/// stays a month, and `name: 2026` stays a name.
enum CommunityYAML {
    static let file = "community.yaml"

    /// The settings read from `yaml`, with every problem in `log`.
    ///
    /// When `monthOverride` (the month given on the command line) is set, the file's `month`
    /// is not read.
    static func read(_ yaml: String, monthOverride: Month?, log: inout DiagnosticLog)
        -> CommunitySettings
    {
        var settings = CommunitySettings(month: monthOverride)
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            report(error, log: &log)
            return settings
        }
        guard let root, case .mapping(let mapping) = root else {
            log.error(
                SourceLocation(file: file, line: root?.mark?.line),
                root == nil ? "the file is empty" : "the file is not a list of settings",
                expected: "settings written key: value, such as name:, month:, periods:")
            return settings
        }
        var sawMonth = false
        var sawPeriods = false
        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? ""
            switch key {
            case "name":
                settings.name = text(of: value, key: key, log: &log) ?? ""
            case "month":
                sawMonth = true
                if monthOverride == nil { settings.month = month(value, log: &log) }
            case "periods":
                sawPeriods = true
                settings.periods = periods(value, log: &log)
            case "holidays":
                settings.holidays = holidays(value, log: &log)
            case "rules":
                settings.rules = rules(value, log: &log)
            case "weights":
                settings.weights = weights(value, log: &log)
            default:
                log.warn(
                    location(keyNode, key), "unknown setting \(quoted(key)) ignored",
                    expected: "name, month, periods, holidays, rules, weights")
            }
        }
        if !sawMonth && monthOverride == nil {
            log.error(
                SourceLocation(file: file, column: "month"), "no month is given",
                expected: "a line such as month: 2026-12")
        }
        if !sawPeriods {
            log.error(
                SourceLocation(file: file, column: "periods"), "no periods are defined",
                expected:
                    "a periods: list, such as - {id: evening, name: 晚上, start: \"19:00\", end: \"21:30\"}"
            )
        }
        return settings
    }

    // MARK: - Scalars: raw text of a node, with its location.

    private static func location(_ node: Node, _ key: String) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line, column: key)
    }

    private static func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar, scalar.style == .plain || scalar.style == .any else {
            return false
        }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// A scalar's raw text, trimmed; nil (and an error) for a list or mapping; nil for null.
    private static func text(of node: Node, key: String, log: inout DiagnosticLog) -> String? {
        guard let scalar = node.scalar else {
            log.error(
                location(node, key), "\(key) is a list or mapping", expected: "a single value")
            return nil
        }
        return isNull(node) ? nil : scalar.string.trimmingCharacters(in: .whitespaces)
    }

    private static func parse<T>(
        _ node: Node, key: String, log: inout DiagnosticLog,
        _ parse: (String) -> Result<T, ValueProblem>
    ) -> T? {
        guard let text = text(of: node, key: key, log: &log) else { return nil }
        switch parse(text) {
        case .success(let value): return value
        case .failure(let problem):
            log.error(location(node, key), problem.message, expected: problem.expected)
            return nil
        }
    }

    private static func month(_ node: Node, log: inout DiagnosticLog) -> Month? {
        guard !isNull(node) else {
            log.error(
                location(node, "month"), "the month is empty", expected: ValueParser.monthExpected)
            return nil
        }
        return parse(node, key: "month", log: &log, ValueParser.month)
    }

    /// YAML's own words for true and false, and those of the CSV files.
    static func bool(_ text: String) -> Result<Bool, ValueProblem> {
        switch text.lowercased() {
        case "on": .success(true)
        case "off": .success(false)
        default: ValueParser.bool(text)
        }
    }

    // MARK: - Periods and holidays.

    private static func periods(_ node: Node, log: inout DiagnosticLog) -> PeriodTable? {
        guard case .sequence(let items) = node, !items.isEmpty else {
            log.error(
                location(node, "periods"), "no periods are defined",
                expected:
                    "a list of periods, such as - {id: evening, name: 晚上, start: \"19:00\", end: \"21:30\"}"
            )
            return nil
        }
        var periods: [Period] = []
        var unreadable: [PeriodID] = []
        var seen: Set<String> = []
        for (index, item) in items.enumerated() {
            let path = "periods[\(index + 1)]"
            guard case .mapping(let fields) = item else {
                log.error(
                    location(item, path), "a period is not written as id, name, start and end",
                    expected: "- {id: evening, name: 晚上, start: \"19:00\", end: \"21:30\"}")
                continue
            }
            var problems = DiagnosticLog()
            var id: String?
            var name: String?
            var start: TimeOfDay?
            var end: TimeOfDay?
            var night = false
            for (keyNode, value) in fields {
                let key = keyNode.scalar?.string ?? ""
                let column = "\(path).\(key)"
                switch key {
                case "id": id = text(of: value, key: column, log: &problems)
                case "name": name = text(of: value, key: column, log: &problems)
                case "start": start = parse(value, key: column, log: &problems, ValueParser.time)
                case "end": end = parse(value, key: column, log: &problems, ValueParser.time)
                case "night": night = parse(value, key: column, log: &problems, bool) ?? false
                default:
                    log.warn(
                        location(keyNode, column), "unknown period setting \(quoted(key)) ignored",
                        expected: "id, name, start, end, night")
                }
            }
            for (key, present) in [("id", id != nil), ("start", start != nil), ("end", end != nil)]
            where !present
                && !problems.errors.contains(where: { $0.location.column == "\(path).\(key)" })
            {
                problems.error(
                    location(item, "\(path).\(key)"), "the period has no \(key)",
                    expected: key == "id" ? "an id such as evening" : "a time such as 19:00")
            }
            if let id, !seen.insert(id).inserted {
                problems.error(
                    location(item, "\(path).id"), "the period id \(quoted(id)) is used twice",
                    expected: "a different id for each period")
            }
            log.append(problems.errors)
            if let id, let start, let end, !problems.hasErrors {
                let label = name.flatMap { $0.isEmpty ? nil : $0 } ?? id
                periods.append(
                    Period(id: PeriodID(id), name: label, start: start, end: end, isNight: night))
            } else if let id {
                unreadable.append(PeriodID(id))
            }
        }
        return PeriodTable(periods: periods, unreadable: unreadable)
    }

    private static func holidays(_ node: Node, log: inout DiagnosticLog) -> Set<LocalDate> {
        let items: [Node]
        switch node {
        case .sequence(let sequence): items = Array(sequence)
        case .scalar where isNull(node): items = []
        default: items = [node]
        }
        var dates: Set<LocalDate> = []
        for item in items {
            guard let text = text(of: item, key: "holidays", log: &log) else { continue }
            for entry in ValueParser.list(text) {
                switch ValueParser.date(entry) {
                case .success(let date): dates.insert(date)
                case .failure(let problem):
                    log.error(
                        location(item, "holidays"), problem.message, expected: problem.expected)
                }
            }
        }
        return dates
    }

    // MARK: - Rules and weights: defaults replaced key by key.

    static var countRules: [(String, WritableKeyPath<Rules, Int>)] {
        [
            ("max_shifts_per_month", \.maxShiftsPerMonth),
            ("max_shifts_per_week", \.maxShiftsPerWeek),
            ("max_shifts_per_day", \.maxShiftsPerDay),
            ("max_consecutive_days", \.maxConsecutiveDays),
        ]
    }
    static var switchRules: [(String, WritableKeyPath<Rules, Bool>)] {
        [
            ("training_required", \.trainingRequired), ("train_before_patrol", \.trainBeforePatrol),
        ]
    }
    static var weightKeys: [(String, WritableKeyPath<Weights, Int>)] {
        [
            ("uncovered", \.uncovered), ("no_party_member", \.noPartyMember),
            ("no_leader", \.noLeader),
            ("missed_training", \.missedTraining), ("below_min_shifts", \.belowMinShifts),
            ("fairness", \.fairness), ("neighbor_grid", \.neighborGrid), ("far_grid", \.farGrid),
        ]
    }

    private static func entries(_ node: Node, section: String, log: inout DiagnosticLog) -> [(
        String, Node, Node
    )] {
        if isNull(node) { return [] }
        guard case .mapping(let mapping) = node else {
            log.error(
                location(node, section), "\(section) is not a list of settings",
                expected: "key: value lines")
            return []
        }
        return mapping.map { ($0.key.scalar?.string ?? "", $0.key, $0.value) }
    }

    private static func rules(_ node: Node, log: inout DiagnosticLog) -> Rules {
        var rules = Rules()
        for (key, keyNode, value) in entries(node, section: "rules", log: &log) {
            let column = "rules.\(key)"
            if let path = countRules.first(where: { $0.0 == key })?.1 {
                if let count = parse(value, key: column, log: &log, { ValueParser.wholeNumber($0) })
                {
                    rules[keyPath: path] = count
                }
            } else if let path = switchRules.first(where: { $0.0 == key })?.1 {
                if let flag = parse(value, key: column, log: &log, bool) {
                    rules[keyPath: path] = flag
                }
            } else if key == "min_rest_hours" {
                if let minutes = parse(value, key: column, log: &log, restMinutes) {
                    rules.minRestMinutes = minutes
                }
            } else {
                log.warn(
                    location(keyNode, column), "unknown rule \(quoted(key)) ignored",
                    expected: (countRules.map(\.0) + ["min_rest_hours"] + switchRules.map(\.0))
                        .joined(separator: ", "))
            }
        }
        return rules
    }

    /// Hours, possibly fractional (`7.5`), as whole minutes rounded to the nearest.
    static func restMinutes(_ text: String) -> Result<Int, ValueProblem> {
        let expected = "hours of 0 or more, such as 8 or 7.5"
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count),
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
            parts[0].count <= 4, let hours = Double(text)
        else {
            let problem = text.hasPrefix("-") ? "is negative" : "is not a number of hours"
            return .failure(ValueProblem("\(quoted(text)) \(problem)", expected: expected))
        }
        return .success(Int((hours * 60).rounded()))
    }

    private static func weights(_ node: Node, log: inout DiagnosticLog) -> Weights {
        var weights = Weights()
        for (key, keyNode, value) in entries(node, section: "weights", log: &log) {
            let column = "weights.\(key)"
            guard let path = weightKeys.first(where: { $0.0 == key })?.1 else {
                log.warn(
                    location(keyNode, column), "unknown weight \(quoted(key)) ignored",
                    expected: weightKeys.map(\.0).joined(separator: ", "))
                continue
            }
            if let weight = parse(value, key: column, log: &log, { ValueParser.wholeNumber($0) }) {
                weights[keyPath: path] = weight
            }
        }
        return weights
    }

    // MARK: - Syntax errors.

    private static func report(_ error: any Error, log: inout DiagnosticLog) {
        let expected = "YAML as in the example: key: value lines, lists with -, times in quotes"
        switch error as? YamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            log.error(
                SourceLocation(file: file, line: mark.line),
                "the file is not valid YAML: \(problem)",
                expected: expected)
        case .duplicatedKeysInMapping(let duplicates, let context):
            log.error(
                SourceLocation(file: file, line: context.mark.line),
                "the setting \(duplicates.sorted().map(quoted).joined(separator: ", ")) is given twice",
                expected: "each setting once")
        default:
            log.error(
                SourceLocation(file: file), "the file cannot be read as YAML: \(error)",
                expected: expected)
        }
    }
}
