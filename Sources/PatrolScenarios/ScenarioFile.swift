import Foundation
import PatrolInterchange
import PatrolModel
import Yams

/// Reads scenario files: YAML with a name, a description, the base community, an optional
/// month, holidays and seed, and the list of changes (see `Documentation/Scenarios.md`).
///
/// Every problem is reported with the file, the line and the column, and all problems of a
/// file are reported together: an unknown key (with the nearest known one suggested), a
/// value of the wrong kind, a missing key, a base or volunteers file that does not exist.
/// Ids of volunteers, grids and periods are checked later, against the base community,
/// by `Scenario.apply(to:seed:)`, whose problems point back into the file too.
///
/// ```swift
/// let scenario = try ScenarioFile.load(path: "Scenarios/flu-wave.yaml")
/// ```
public enum ScenarioFile {
    static let topKeys = ["name", "description", "base", "month", "holidays", "seed", "changes"]

    /// Reads the scenario file at `path`.
    ///
    /// - Throws: `InputErrors` with every error found, then the warnings.
    public static func load(path: String) throws(InputErrors) -> Scenario {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputErrors([
                Diagnostic(
                    .error, SourceLocation(file: path), "the scenario file cannot be read",
                    expected: "a readable YAML file")
            ])
        }
        guard let text = TextFile.decode([UInt8](data)) else {
            throw InputErrors([
                Diagnostic(
                    .error, SourceLocation(file: path),
                    "the scenario file is neither UTF-8 nor GB18030 text",
                    expected: "a YAML file saved as UTF-8 or GB18030 (GBK)")
            ])
        }
        let directory = (path as NSString).deletingLastPathComponent
        return try parse(text, file: path, directory: directory.isEmpty ? "." : directory)
    }

    /// Reads scenario text; `file` names it in messages, and relative paths inside it
    /// (`base`, `add_volunteers.file`) are resolved against `directory`.
    ///
    /// - Throws: `InputErrors` with every error found, then the warnings.
    public static func parse(_ text: String, file: String, directory: String) throws(InputErrors)
        -> Scenario
    {
        var reader = YAMLReader(file: file)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw InputErrors([syntaxError(error, file: file)])
        }
        guard let root else {
            throw InputErrors([
                Diagnostic(
                    .error, SourceLocation(file: file), "the scenario file is empty",
                    expected: "name:, base: and changes:")
            ])
        }
        var parser = ScenarioParser(reader: reader, directory: directory)
        let scenario = parser.scenario(root)
        reader = parser.reader
        let errors = reader.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty, let scenario else {
            throw InputErrors(errors + reader.diagnostics.filter { $0.severity == .warning })
        }
        return scenario
    }

    private static func syntaxError(_ error: any Error, file: String) -> Diagnostic {
        let expected = "YAML as in the examples: key: value lines, changes as a list with -"
        switch error as? YamlError {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            // libyaml notices a mistake where it gives up, often a line later; the context
            // (such as "while scanning a simple key") marks where the mistake starts.
            let start = context?.mark ?? mark
            let reading = context.map { "\($0.text): " } ?? ""
            return Diagnostic(
                .error,
                SourceLocation(file: file, line: start.line, column: "column \(start.column)"),
                "the file is not valid YAML: \(reading)\(problem)", expected: expected)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Diagnostic(
                .error,
                SourceLocation(
                    file: file, line: context.mark.line, column: "column \(context.mark.column)"),
                "the key \(duplicates.sorted().map { quoted($0) }.joined(separator: ", ")) is given twice",
                expected: "each key once in a mapping")
        default:
            return Diagnostic(
                .error, SourceLocation(file: file), "the file cannot be read as YAML: \(error)",
                expected: expected)
        }
    }
}

/// The reading of one scenario file's node tree, problems collected in `reader`.
struct ScenarioParser {
    var reader: YAMLReader
    let directory: String

    mutating func scenario(_ root: Node) -> Scenario? {
        guard
            let top = reader.fields(
                root, "", allowed: ScenarioFile.topKeys, what: "the scenario")
        else { return nil }
        let name = reader.required(top, "name", expected: "the scenario's name, such as 春节返乡")
            .flatMap { reader.text($0, "name", expected: "the scenario's name") }
        let description = top["description"].flatMap { node in
            YAMLReader.isNull(node) ? "" : reader.text(node, "description", expected: "a sentence")
        }
        let base = reader.required(
            top, "base", expected: "the community directory, relative to this file"
        ).flatMap { baseDirectory($0) }
        let month = top["month"].flatMap {
            reader.value($0, "month", expected: "a month such as 2027-02", CellValues.month)
        }
        let holidays = top["holidays"].flatMap { holidayDates($0) } ?? []
        let seed = top["seed"].flatMap {
            reader.value($0, "seed", expected: "a whole number", YAMLReader.seed)
        }
        var changes: [ScenarioChange] = []
        if let list = reader.required(
            top, "changes", expected: "a list of changes, each - kind: {…}")
        {
            changes = self.changes(list)
        }
        guard let name, let base else { return nil }
        return Scenario(
            name: name, description: description ?? "", file: reader.file,
            base: ScenarioBase(directory: base, month: month, holidays: holidays), seed: seed,
            changes: changes)
    }

    /// A path written in the file, resolved against its folder.
    func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
    }

    private mutating func baseDirectory(_ node: Node) -> String? {
        guard let text = reader.text(node, "base", expected: "a community directory") else {
            return nil
        }
        let path = resolve(text)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            reader.error(
                node, "base", "the community directory \(quoted(path)) does not exist",
                expected:
                    "a folder with community.yaml, volunteers.csv, grids.csv and demand.csv, relative to the scenario file"
            )
            return nil
        }
        return path
    }

    private mutating func holidayDates(_ node: Node) -> Set<LocalDate>? {
        dateRanges(node, "holidays").map { ranges in
            Set(
                ranges.flatMap { range in
                    (range.first.dayNumber...range.last.dayNumber).map(LocalDate.init(dayNumber:))
                })
        }
    }

    /// A list of dates and ranges.
    mutating func dateRanges(_ node: Node, _ path: String) -> [DateRange]? {
        let expected = "dates or ranges such as 2027-02-05..2027-02-13"
        guard let items = reader.items(node, path, expected: expected) else { return nil }
        var ranges: [DateRange] = []
        for item in items {
            switch CellValues.dateOrRange(item) {
            case .success(let range): ranges.append(range)
            case .failure(let problem):
                reader.error(node, path, problem.message, expected: problem.expected)
            }
        }
        return ranges.count == items.count ? ranges : nil
    }

    // MARK: - Who: volunteers by id or by filter, all or a seeded part

    static let selectionKeys = ["volunteers", "filter", "fraction", "count"]
    static let filterKeys = [
        "affiliation", "branch", "grid", "age", "skill", "party_member", "night_ok", "trained",
    ]

    /// The selection keys of `fields`; nil (with an error) when it names nobody.
    mutating func selection(_ fields: YAMLReader.Fields) -> VolunteerSelection? {
        var selection = VolunteerSelection()
        var valid = true
        switch (fields["volunteers"], fields["filter"]) {
        case (let ids?, nil):
            let path = fields.path("volunteers")
            if let items = reader.items(ids, path, expected: "volunteer ids such as [V0012, V0040]")
            {
                selection.ids = items.map(VolunteerID.init)
            } else {
                valid = false
            }
        case (nil, let filter?):
            selection.filter = self.filter(filter, fields.path("filter"))
            valid = selection.filter != nil
        case (.some, .some):
            reader.error(
                fields.node, fields.path, "both volunteers and filter are given",
                expected: "either volunteers: [ids] or filter: {…}, not both")
            valid = false
        case (nil, nil):
            if fields.hadUnknownKeys { return nil }
            reader.error(
                fields.node, fields.path, "the change names no volunteers",
                expected: "volunteers: [V0012, V0040] or filter: {affiliation: shop}")
            valid = false
        }
        switch (fields["fraction"], fields["count"]) {
        case (let node?, nil):
            selection.sample = reader.value(
                node, fields.path("fraction"), expected: "a share from 0 to 1",
                YAMLReader.fraction
            ).map(VolunteerSelection.Sample.fraction)
            valid = valid && selection.sample != nil
        case (nil, let node?):
            selection.sample = reader.value(
                node, fields.path("count"), expected: "a number of volunteers"
            ) { CellValues.wholeNumber($0) }.map(VolunteerSelection.Sample.count)
            valid = valid && selection.sample != nil
        case (.some, .some):
            reader.error(
                fields.node, fields.path, "both fraction and count are given",
                expected: "fraction: 0.33 or count: 5, not both")
            valid = false
        case (nil, nil):
            break
        }
        return valid ? selection : nil
    }

    private mutating func filter(_ node: Node, _ path: String) -> VolunteerFilter? {
        guard
            let fields = reader.fields(
                node, path, allowed: Self.filterKeys, what: "a volunteer filter")
        else { return nil }
        guard !fields.keys.isEmpty else {
            if fields.hadUnknownKeys { return nil }
            reader.error(
                node, path, "the filter is empty",
                expected: "one or more of \(Self.filterKeys.joined(separator: ", "))")
            return nil
        }
        var filter = VolunteerFilter()
        var valid = true
        func list(_ key: String, _ expected: String) -> [String]? {
            guard let node = fields[key] else { return nil }
            let items = reader.items(node, fields.path(key), expected: expected)
            if items == nil { valid = false }
            return items
        }
        func flag(_ key: String) -> Bool? {
            guard let node = fields[key] else { return nil }
            let value = reader.value(
                node, fields.path(key), expected: "yes or no", CellValues.bool)
            if value == nil { valid = false }
            return value
        }
        if let words = list("affiliation", "resident, unit, shop or other (居民/单位/商户/其他)") {
            var affiliations: Set<Affiliation> = []
            for word in words {
                switch CellValues.affiliation(word) {
                case .success(let affiliation): affiliations.insert(affiliation)
                case .failure(let problem):
                    reader.error(
                        fields["affiliation"] ?? node, fields.path("affiliation"), problem.message,
                        expected: problem.expected)
                    valid = false
                }
            }
            filter.affiliations = affiliations
        }
        filter.branches = list("branch", "branch names").map(Set.init)
        filter.grids = list("grid", "home grid ids such as G03").map { Set($0.map(GridID.init)) }
        filter.skills = list("skill", "skill tags such as leader or first_aid (队长, 急救)").map {
            Set($0.map(CellValues.skill))
        }
        if let ageNode = fields["age"] {
            filter.ages = reader.value(
                ageNode, fields.path("age"), expected: "an age group", Self.ageGroup)
            if filter.ages == nil { valid = false }
        }
        filter.partyMember = flag("party_member")
        filter.nightOK = flag("night_ok")
        filter.trained = flag("trained")
        return valid ? filter : nil
    }

    /// `70+`, `60-69` or `45`: ages in whole years, inclusive.
    static func ageGroup(_ text: String) -> Result<ClosedRange<Int>, ValueError> {
        let expected = "an age group such as 70+, 60-69 or 45"
        let failure = Result<ClosedRange<Int>, ValueError>.failure(
            ValueError("\(quoted(text)) is not an age group", expected: expected))
        func age(_ part: Substring) -> Int? {
            part.allSatisfy(\.isASCII) ? Int(part.trimmingCharacters(in: .whitespaces)) : nil
        }
        if text.hasSuffix("+") {
            guard let low = age(text.dropLast()), low >= 0 else { return failure }
            return .success(low...200)
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            guard let exact = age(parts[0]), exact >= 0 else { return failure }
            return .success(exact...exact)
        case 2:
            guard let low = age(parts[0]), let high = age(parts[1]), low >= 0 else {
                return failure
            }
            guard low <= high else {
                return .failure(
                    ValueError(
                        "the age group \(quoted(text)) ends before it starts", expected: expected))
            }
            return .success(low...high)
        default:
            return failure
        }
    }
}
