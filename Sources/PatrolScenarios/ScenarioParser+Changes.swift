import Foundation
import PatrolInterchange
import PatrolModel
import Yams

// MARK: - The changes: one single-key mapping per list item, the key naming the kind
// Each reader checks the keys and values it can check without the base community; ids of
// volunteers, grids and periods are checked when the change is applied.

extension ScenarioParser {
    static let changeKinds = [
        "unavailable", "demand", "event", "risk", "rules", "weights", "add_volunteers",
        "remove_volunteers", "training", "remove_trainings", "split_grid", "merge_grids",
    ]

    mutating func changes(_ node: Node) -> [ScenarioChange] {
        if YAMLReader.isNull(node) { return [] }
        guard case .sequence(let items) = node else {
            reader.error(
                node, "changes", "changes is not a list",
                expected: "a list, one change per line: - unavailable: {…}")
            return []
        }
        var changes: [ScenarioChange] = []
        for (index, item) in items.enumerated() {
            let path = "changes[\(index + 1)]"
            guard case .mapping(let mapping) = item, mapping.count == 1,
                let (keyNode, body) = mapping.first
            else {
                reader.error(
                    item, path, "a change is not written as one kind: {settings}",
                    expected:
                        "- kind: {…} with a kind among \(Self.changeKinds.joined(separator: ", "))"
                )
                continue
            }
            let kind = keyNode.scalar?.string ?? ""
            guard Self.changeKinds.contains(kind) else {
                var expected = "one of \(Self.changeKinds.joined(separator: ", "))"
                if let near = YAMLReader.nearest(kind, in: Self.changeKinds) {
                    expected = "\(near)? (\(expected))"
                }
                reader.error(keyNode, path, "unknown change \(quoted(kind))", expected: expected)
                continue
            }
            let kindPath = "\(path).\(kind)"
            if let parsed = change(kind, body, kindPath) {
                changes.append(ScenarioChange(parsed, location: reader.location(keyNode, kindPath)))
            }
        }
        return changes
    }

    private mutating func change(_ kind: String, _ body: Node, _ path: String) -> ScenarioChange
        .Kind?
    {
        switch kind {
        case "unavailable": unavailable(body, path)
        case "demand": demand(body, path)
        case "event": event(body, path)
        case "risk": risk(body, path)
        case "rules":
            settings(body, path, what: "rules", keys: SettingValues.ruleKeys) {
                SettingValues.setRule($0, from: $1, in: &$2.rules)
            }.map(ScenarioChange.Kind.rules)
        case "weights":
            settings(body, path, what: "weights", keys: SettingValues.weightKeys) {
                SettingValues.setWeight($0, from: $1, in: &$2.weights)
            }.map(ScenarioChange.Kind.weights)
        case "add_volunteers": addVolunteers(body, path)
        case "remove_volunteers": removeVolunteers(body, path)
        case "training": training(body, path)
        case "remove_trainings": removeTrainings(body, path)
        case "split_grid": splitGrid(body, path)
        default: mergeGrids(body, path)
        }
    }

    // MARK: - Volunteers

    private mutating func unavailable(_ body: Node, _ path: String) -> ScenarioChange.Kind? {
        guard
            let fields = reader.fields(
                body, path, allowed: Self.selectionKeys + ["dates"], what: "unavailable")
        else { return nil }
        let selection = selection(fields)
        let dates = reader.required(
            fields, "dates", expected: "dates or ranges such as 2027-02-05..2027-02-13"
        ).flatMap { dateRanges($0, fields.path("dates")) }
        guard let selection, let dates else { return nil }
        return .unavailable(selection, dates: dates)
    }

    private mutating func removeVolunteers(_ body: Node, _ path: String) -> ScenarioChange.Kind? {
        guard
            let fields = reader.fields(
                body, path, allowed: Self.selectionKeys, what: "remove_volunteers")
        else { return nil }
        return selection(fields).map(ScenarioChange.Kind.removeVolunteers)
    }

    private mutating func addVolunteers(_ body: Node, _ path: String) -> ScenarioChange.Kind? {
        guard
            let fields = reader.fields(
                body, path, allowed: ["file", "from"], what: "add_volunteers")
        else { return nil }
        let from = fields["from"].flatMap {
            reader.value($0, fields.path("from"), expected: "the date they join", CellValues.date)
        }
        guard
            let fileNode = reader.required(
                fields, "file", expected: "a CSV file in the volunteers.csv format"),
            let name = reader.text(fileNode, fields.path("file"), expected: "a CSV file name")
        else { return nil }
        let file = resolve(name)
        guard FileManager.default.fileExists(atPath: file) else {
            reader.error(
                fileNode, fields.path("file"), "the volunteers file \(quoted(file)) does not exist",
                expected: "a CSV file in the volunteers.csv format, relative to the scenario file")
            return nil
        }
        if fields.has("from") && from == nil { return nil }
        return .addVolunteers(AddedVolunteers(file: file, from: from))
    }

    // MARK: - Demand, events and risk

    /// The `grids`, `periods` and `dates` keys of a demand change or event.
    private mutating func teams(_ fields: YAMLReader.Fields, gridsRequired: Bool) -> TeamSelection?
    {
        var teams = TeamSelection()
        var valid = true
        let gridExpected = "grid ids such as [G03, G04], or * for every grid"
        if let node = gridsRequired
            ? reader.required(fields, "grids", expected: gridExpected) : fields["grids"]
        {
            if let items = reader.items(node, fields.path("grids"), expected: gridExpected) {
                teams.grids = items == ["*"] ? nil : items.map(GridID.init)
            } else {
                valid = false
            }
        } else if gridsRequired {
            valid = false
        }
        if let node = fields["periods"] {
            let expected = "period ids or names such as [evening, night], or *"
            if let items = reader.items(node, fields.path("periods"), expected: expected) {
                teams.periods = items == ["*"] ? nil : items
            } else {
                valid = false
            }
        }
        if let node = fields["dates"] {
            let path = fields.path("dates")
            if let items = reader.items(node, path, expected: CellValues.daysExpected) {
                switch CellValues.days(items.joined(separator: ";")) {
                case .success(let days): teams.days = days
                case .failure(let problem):
                    reader.error(node, path, problem.message, expected: problem.expected)
                    valid = false
                }
            } else {
                valid = false
            }
        }
        return valid ? teams : nil
    }

    private mutating func demand(_ body: Node, _ path: String) -> ScenarioChange.Kind? {
        let edits = ["add", "set", "at_least"]
        guard
            let fields = reader.fields(
                body, path, allowed: ["grids", "periods", "dates"] + edits, what: "demand")
        else { return nil }
        let teams = teams(fields, gridsRequired: false)
        let given = edits.filter(fields.has)
        guard given.count == 1, let key = given.first, let node = fields[key] else {
            if given.isEmpty && fields.hadUnknownKeys { return nil }
            reader.error(
                body, path,
                given.isEmpty
                    ? "the demand change says no team size"
                    : "\(given.joined(separator: " and ")) are given together",
                expected: "one of add: 1 (or -1), set: 3, at_least: 2")
            return nil
        }
        let edit: DemandChange.Edit?
        switch key {
        case "add":
            edit = reader.value(
                node, fields.path(key), expected: "a whole number such as 1 or -1",
                YAMLReader.signedNumber
            ).map { .add($0) }
        case "set":
            edit = reader.value(node, fields.path(key), expected: "a team size of 0 or more") {
                CellValues.wholeNumber($0)
            }.map { .set($0) }
        default:
            edit = reader.value(node, fields.path(key), expected: "a team size of 1 or more") {
                CellValues.wholeNumber($0, minimum: 1)
            }.map { .atLeast($0) }
        }
        guard let teams, let edit else { return nil }
        return .demand(DemandChange(teams: teams, edit: edit))
    }

    private mutating func event(_ body: Node, _ path: String) -> ScenarioChange.Kind? {
        guard
            let fields = reader.fields(
                body, path,
                allowed: [
                    "name", "grids", "periods", "dates", "volunteers", "risk", "needs_leader",
                ],
                what: "event")
        else { return nil }
        let name = fields["name"].flatMap {
            reader.text($0, fields.path("name"), expected: "the event's name")
        }
        let teams = teams(fields, gridsRequired: true)
        if fields["dates"] == nil && !fields.hadUnknownKeys {
            reader.error(
                body, fields.path("dates"), "\"dates\" is missing",
                expected: "the event's dates, such as 2027-02-20")
        }
        let volunteers = reader.required(
            fields, "volunteers", expected: "the team size the event needs"
        ).flatMap {
            reader.value($0, fields.path("volunteers"), expected: "a team size of 1 or more") {
                CellValues.wholeNumber($0, minimum: 1)
            }
        }
        let risk = fields["risk"].flatMap {
            reader.value($0, fields.path("risk"), expected: "1, 2 or 3", CellValues.risk)
        }
        let needsLeader = fields["needs_leader"].flatMap {
            reader.value($0, fields.path("needs_leader"), expected: "yes or no", CellValues.bool)
        }
        guard let teams, teams.days != nil, let volunteers,
            fields["risk"] == nil || risk != nil,
            fields["needs_leader"] == nil || needsLeader != nil,
            fields["name"] == nil || name != nil
        else { return nil }
        return .event(
            EventChange(
                name: name ?? "", teams: teams, volunteers: volunteers, risk: risk,
                needsLeader: needsLeader))
    }

    private mutating func risk(_ body: Node, _ path: String) -> ScenarioChange.Kind? {
        guard
            let fields = reader.fields(
                body, path, allowed: ["grids", "level", "needs_leader"], what: "risk")
        else { return nil }
        let expected = "grid ids such as [G03, G04]"
        let grids = reader.required(fields, "grids", expected: expected).flatMap {
            reader.items($0, fields.path("grids"), expected: expected)
        }
        let level = fields["level"].flatMap {
            reader.value($0, fields.path("level"), expected: "1, 2 or 3", CellValues.risk)
        }
        let needsLeader = fields["needs_leader"].flatMap {
            reader.value($0, fields.path("needs_leader"), expected: "yes or no", CellValues.bool)
        }
        if !fields.has("level") && !fields.has("needs_leader") {
            if fields.hadUnknownKeys { return nil }
            reader.error(
                body, path, "the risk change changes nothing",
                expected: "level: 3 and/or needs_leader: yes")
            return nil
        }
        guard let grids, fields["level"] == nil || level != nil,
            fields["needs_leader"] == nil || needsLeader != nil
        else { return nil }
        return .risk(
            RiskChange(grids: grids.map(GridID.init), level: level, needsLeader: needsLeader))
    }

    // MARK: - Rules and weights

    /// `key: value` settings, each checked by `set` on a scratch community.
    private mutating func settings(
        _ body: Node, _ path: String, what: String, keys: [String],
        set: (String, String, inout Community) -> Result<Void, ValueError>?
    ) -> [Setting]? {
        guard let fields = reader.fields(body, path, allowed: keys, what: what) else { return nil }
        guard !fields.keys.isEmpty else {
            if fields.hadUnknownKeys { return nil }
            reader.error(body, path, "no \(what) are given", expected: keys.joined(separator: ", "))
            return nil
        }
        var scratch = Community(
            name: "", month: Month(year: 2000, month: 1)!, periods: [], grids: [], volunteers: [],
            slots: [])
        var settings: [Setting] = []
        for key in fields.keys {
            guard let node = fields[key],
                let text = reader.text(node, fields.path(key), expected: "a value")
            else { continue }
            switch set(key, text, &scratch) {
            case .success?: settings.append(Setting(key: key, value: text))
            case .failure(let problem)?:
                reader.error(node, fields.path(key), problem.message, expected: problem.expected)
            case nil: break
            }
        }
        return settings.count == fields.keys.count ? settings : nil
    }

    // MARK: - Training sessions

    private mutating func training(_ body: Node, _ path: String) -> ScenarioChange.Kind? {
        guard
            let fields = reader.fields(
                body, path,
                allowed: ["id", "topic", "date", "start", "end", "capacity", "location"],
                what: "training")
        else { return nil }
        let id = reader.required(fields, "id", expected: "a session id such as T9").flatMap {
            reader.text($0, fields.path("id"), expected: "a session id")
        }
        let date = reader.required(fields, "date", expected: "the session's date").flatMap {
            reader.value($0, fields.path("date"), expected: "a date", CellValues.date)
        }
        let start = reader.required(fields, "start", expected: "a time such as \"14:00\"").flatMap {
            reader.value($0, fields.path("start"), expected: "a time", CellValues.time)
        }
        let end = reader.required(fields, "end", expected: "a time such as \"16:00\"").flatMap {
            reader.value($0, fields.path("end"), expected: "a time", CellValues.time)
        }
        let capacity = fields["capacity"].flatMap {
            reader.value($0, fields.path("capacity"), expected: "a number of places") {
                CellValues.wholeNumber($0)
            }
        }
        let topic = fields["topic"].flatMap {
            reader.text($0, fields.path("topic"), expected: "a topic")
        }
        let location = fields["location"].flatMap {
            reader.text($0, fields.path("location"), expected: "a place")
        }
        if let start, let end, start == end, let node = fields["end"] {
            reader.error(
                node, fields.path("end"), "the session ends at \(end), the time it starts",
                expected: "an end time after the start time")
            return nil
        }
        guard let id, let date, let start, let end, fields["capacity"] == nil || capacity != nil
        else { return nil }
        return .training(
            TrainingSession(
                id: SessionID(id), topic: topic ?? "", date: date, start: start, end: end,
                capacity: capacity, location: location ?? ""))
    }

    private mutating func removeTrainings(_ body: Node, _ path: String) -> ScenarioChange.Kind? {
        guard
            let fields = reader.fields(body, path, allowed: ["sessions"], what: "remove_trainings")
        else { return nil }
        let expected = "session ids such as [T01, T02]"
        return reader.required(fields, "sessions", expected: expected)
            .flatMap { reader.items($0, fields.path("sessions"), expected: expected) }
            .map { .removeTrainings($0.map(SessionID.init)) }
    }

    // MARK: - Grids split and merged

    private mutating func splitGrid(_ body: Node, _ path: String) -> ScenarioChange.Kind? {
        guard
            let fields = reader.fields(body, path, allowed: ["grid", "into"], what: "split_grid")
        else { return nil }
        let errorsBefore = reader.errorCount
        let grid = reader.required(fields, "grid", expected: "the id of the grid to split").flatMap
        {
            reader.text($0, fields.path("grid"), expected: "a grid id")
        }
        guard let intoNode = reader.required(fields, "into", expected: "a list of the new grids")
        else { return nil }
        let intoPath = fields.path("into")
        guard case .sequence(let items) = intoNode, items.count >= 2 else {
            reader.error(
                intoNode, intoPath, "a grid is split into fewer than two parts",
                expected: "a list of two or more grids: - {id: G07A, name: …}")
            return nil
        }
        var parts: [GridSplit.Part] = []
        for (index, item) in items.enumerated() {
            let partPath = "\(intoPath)[\(index + 1)]"
            guard
                let part = reader.fields(
                    item, partPath,
                    allowed: ["id", "name", "volunteers_fraction", "demand_fraction", "risk"],
                    what: "a part of a split grid")
            else { continue }
            let id = reader.required(part, "id", expected: "a new grid id").flatMap {
                reader.text($0, part.path("id"), expected: "a grid id")
            }
            let name = reader.required(part, "name", expected: "the new grid's name").flatMap {
                reader.text($0, part.path("name"), expected: "a name")
            }
            let volunteers = part["volunteers_fraction"].flatMap {
                reader.value(
                    $0, part.path("volunteers_fraction"), expected: "a share", YAMLReader.fraction)
            }
            let demand = part["demand_fraction"].flatMap {
                reader.value(
                    $0, part.path("demand_fraction"), expected: "a share", YAMLReader.fraction)
            }
            let risk = part["risk"].flatMap {
                reader.value($0, part.path("risk"), expected: "1, 2 or 3", CellValues.risk)
            }
            if let id, let name {
                parts.append(
                    GridSplit.Part(
                        id: GridID(id), name: name, volunteersFraction: volunteers,
                        demandFraction: demand, risk: risk))
            }
        }
        for (key, share) in [
            ("volunteers_fraction", \GridSplit.Part.volunteersFraction),
            ("demand_fraction", \GridSplit.Part.demandFraction),
        ] {
            let given = parts.compactMap { $0[keyPath: share] }
            let total = given.reduce(0, +)
            if total > 1.0001 || (given.count == parts.count && abs(total - 1) > 0.0001) {
                reader.error(
                    intoNode, "\(intoPath).\(key)",
                    "the parts' \(key) add up to \(total), not 1",
                    expected: "shares that add up to 1 (leave some out to share the rest equally)")
                return nil
            }
        }
        let ids = parts.map(\.id)
        if Set(ids).count != ids.count {
            reader.error(
                intoNode, intoPath, "two parts have the same id",
                expected: "a different id for each part")
            return nil
        }
        guard let grid, reader.errorCount == errorsBefore else { return nil }
        return .splitGrid(GridSplit(grid: GridID(grid), parts: parts))
    }

    private mutating func mergeGrids(_ body: Node, _ path: String) -> ScenarioChange.Kind? {
        guard
            let fields = reader.fields(
                body, path, allowed: ["grids", "into", "demand"], what: "merge_grids")
        else { return nil }
        let expected = "two or more grid ids such as [G08, G09]"
        let grids = reader.required(fields, "grids", expected: expected).flatMap {
            reader.items($0, fields.path("grids"), expected: expected)
        }
        if let grids, Set(grids).count < 2, let node = fields["grids"] {
            reader.error(
                node, fields.path("grids"), "fewer than two grids to merge", expected: expected)
            return nil
        }
        let demand = fields["demand"].flatMap { node in
            reader.value(node, fields.path("demand"), expected: "sum or max") { text in
                GridMerge.Demand(rawValue: text).map { .success($0) }
                    ?? .failure(
                        ValueError(
                            "\(quoted(text)) is not a way to merge teams", expected: "sum or max"))
            }
        }
        guard let intoNode = reader.required(fields, "into", expected: "{id: G89, name: …}"),
            let into = reader.fields(
                intoNode, fields.path("into"), allowed: ["id", "name", "risk"],
                what: "the merged grid")
        else { return nil }
        let id = reader.required(into, "id", expected: "the merged grid's id").flatMap {
            reader.text($0, into.path("id"), expected: "a grid id")
        }
        let name = reader.required(into, "name", expected: "the merged grid's name").flatMap {
            reader.text($0, into.path("name"), expected: "a name")
        }
        let risk = into["risk"].flatMap {
            reader.value($0, into.path("risk"), expected: "1, 2 or 3", CellValues.risk)
        }
        guard let grids, let id, let name, into["risk"] == nil || risk != nil,
            fields["demand"] == nil || demand != nil
        else { return nil }
        return .mergeGrids(
            GridMerge(
                grids: grids.map(GridID.init), into: GridID(id), name: name, risk: risk,
                demand: demand ?? .sum))
    }
}
