import PatrolModel

// MARK: - The community files' vocabulary, for other inputs that speak it
// Scenario files name dates, ranges, affiliations, skills, periods, demand days, rules and
// weights exactly as a community directory does; these entry points read them with the same
// parsers, so that a value means the same wherever an office writes it.

/// Why a value written by an office cannot be used: the value quoted, and what was expected.
public struct ValueError: Error, Hashable, Sendable {
    public var message: String
    /// What would have been accepted, when that helps to fix it.
    public var expected: String?

    public init(_ message: String, expected: String? = nil) {
        self.message = message
        self.expected = expected
    }

    init(_ problem: ValueProblem) { self.init(problem.message, expected: problem.expected) }
}

/// The cell values of the contract's section 1, read as the community loader reads them.
///
/// ```swift
/// let range = try CellValues.dateOrRange("2027-02-05..2027-02-13").get()
/// ```
public enum CellValues {
    /// `2026-12-05`, also `2026/12/5` and `2026年12月5日`.
    public static func date(_ text: String) -> Result<LocalDate, ValueError> {
        ValueParser.date(text).mapError(ValueError.init)
    }

    /// A date, or an inclusive range `2026-12-20..2026-12-27`.
    public static func dateOrRange(_ text: String) -> Result<DateRange, ValueError> {
        ValueParser.dateOrRange(text).mapError(ValueError.init)
    }

    /// `2026-12`, also `2026/12` and `2026年12月`.
    public static func month(_ text: String) -> Result<Month, ValueError> {
        ValueParser.month(text).mapError(ValueError.init)
    }

    /// `08:30`; a full-width colon is read as `:`.
    public static func time(_ text: String) -> Result<TimeOfDay, ValueError> {
        ValueParser.time(text).mapError(ValueError.init)
    }

    /// A whole number of at least `minimum`.
    public static func wholeNumber(_ text: String, minimum: Int = 0) -> Result<Int, ValueError> {
        ValueParser.wholeNumber(text, minimum: minimum).mapError(ValueError.init)
    }

    /// `yes`/`no` and the other words of the CSV files, and YAML's `on`/`off`.
    public static func bool(_ text: String) -> Result<Bool, ValueError> {
        CommunityYAML.bool(text).mapError(ValueError.init)
    }

    /// The items of a list cell, separated by `;`, `；` or `、`, blanks dropped.
    public static func list(_ text: String) -> [String] { ValueParser.list(text) }

    /// `resident`, `unit`, `shop`, `other` or 居民, 单位, 商户, 其他.
    public static func affiliation(_ text: String) -> Result<Affiliation, ValueError> {
        VolunteersFile.affiliation(text).mapError(ValueError.init)
    }

    /// A skill tag as volunteers.csv stores it: 队长 → `leader`, others lowercased.
    public static func skill(_ text: String) -> String {
        VolunteersFile.skillWords[text] ?? text.lowercased()
    }

    /// 1, 2 or 3, also low/medium/high and 低/中/高.
    public static func risk(_ text: String) -> Result<Int, ValueError> {
        GridsFile.risk(text).mapError(ValueError.init)
    }

    /// Periods by id or name, `*` for all, separated by `,`, `;` or `、`.
    public static func periods(_ text: String, of periods: [Period]) -> Result<
        Set<PeriodID>, ValueError
    > {
        PeriodTable(periods: periods).periodSet(text).mapError(ValueError.init)
    }

    /// A `days` cell of demand.csv: keywords, weekday names and ranges, dates and ranges.
    public static func days(_ text: String) -> Result<DaySelection, ValueError> {
        DemandFile.days(text).map(DaySelection.init).mapError(ValueError.init)
    }

    /// What a `days` cell may hold, for messages.
    public static var daysExpected: String { DemandFile.daysExpected }
}

/// The days a `days` cell of demand.csv means, such as `weekends` or `Fri;2026-12-24`.
public struct DaySelection: Sendable, Equatable {
    let tokens: [DemandFile.DayToken]

    /// Whether `date` is meant; holidays count as weekend days, as in demand.csv.
    public func contains(_ date: LocalDate, holidays: Set<LocalDate>) -> Bool {
        tokens.contains { $0.matches(date, holidays: holidays) }
    }
}

/// The `rules:` and `weights:` keys of community.yaml, read as the loader reads them.
public enum SettingValues {
    /// Every rule key, in the order community.yaml documents them.
    public static var ruleKeys: [String] {
        CommunityYAML.countRules.map(\.0) + ["min_rest_hours"] + CommunityYAML.switchRules.map(\.0)
    }

    /// Every weight key.
    public static var weightKeys: [String] { CommunityYAML.weightKeys.map(\.0) }

    /// Sets the rule `key` from its text; nil when no rule has that key.
    public static func setRule(_ key: String, from text: String, in rules: inout Rules) -> Result<
        Void, ValueError
    >? {
        if let path = CommunityYAML.countRules.first(where: { $0.0 == key })?.1 {
            return ValueParser.wholeNumber(text).map { rules[keyPath: path] = $0 }
                .mapError(ValueError.init)
        }
        if let path = CommunityYAML.switchRules.first(where: { $0.0 == key })?.1 {
            return CommunityYAML.bool(text).map { rules[keyPath: path] = $0 }
                .mapError(ValueError.init)
        }
        if key == "min_rest_hours" {
            return CommunityYAML.restMinutes(text).map { rules.minRestMinutes = $0 }
                .mapError(ValueError.init)
        }
        return nil
    }

    /// Sets the weight `key` from its text; nil when no weight has that key.
    public static func setWeight(_ key: String, from text: String, in weights: inout Weights)
        -> Result<Void, ValueError>?
    {
        guard let path = CommunityYAML.weightKeys.first(where: { $0.0 == key })?.1 else {
            return nil
        }
        return ValueParser.wholeNumber(text).map { weights[keyPath: path] = $0 }
            .mapError(ValueError.init)
    }
}

/// Reads text files as the community's files are read.
public enum TextFile {
    /// The text of `bytes`: UTF-8 with or without a byte-order mark, or GB18030 (GBK) as
    /// Excel and editors on a Chinese-locale Windows save it; nil when it is neither.
    public static func decode(_ bytes: [UInt8]) -> String? { TextDecoding.decode(bytes) }
}

/// Builds a CSV file as the output files are built: RFC 4180, UTF-8, `\n` line ends.
public enum CSVFile {
    /// The file `name` with a header row and the rows, each field quoted only when needed.
    public static func make(name: String, header: [String], rows: [[String]]) -> OutputFile {
        var csv = CSVText(header: header)
        for row in rows { csv.append(row) }
        return csv.file(name)
    }
}

extension CommunityLoader {
    /// Loads the community in `directory` as `load(directory:month:)` does, with
    /// `extraHolidays` counted as if community.yaml listed them: demand.csv's `weekends`,
    /// `weekdays` and `holidays` rows resolve with them.
    ///
    /// - Throws: `InputErrors` as `load(directory:month:)` does.
    public func load(directory: String, month: Month?, extraHolidays: Set<LocalDate>)
        throws(InputErrors) -> LoadedCommunity
    {
        var loaded = try load(directory: directory, month: month)
        guard !extraHolidays.isSubset(of: loaded.community.holidays) else { return loaded }
        var community = loaded.community
        community.holidays.formUnion(extraHolidays)
        // The first load reported every problem and warning of demand.csv; this pass only
        // resolves its rows again with the longer holiday list.
        var log = DiagnosticLog()
        if let text = InputFile.text(
            directory: directory, name: DemandFile.name, required: true, log: &log),
            let table = CSVTable.parse(
                text, file: DemandFile.name, columns: DemandFile.columns, log: &log)
        {
            let rules = DemandFile.read(
                table,
                context: .init(
                    gridIDs: Set(community.grids.map(\.id)),
                    periods: PeriodTable(periods: community.periods)), log: &log)
            community.slots = DemandFile.resolve(
                rules, month: community.month, holidays: community.holidays,
                grids: community.grids, periods: community.periods, log: &log)
        }
        loaded.community = community
        return loaded
    }

    /// Reads a file in the volunteers.csv format (the contract's section 1) as volunteers who
    /// would join `community`: home grids and periods are checked against it, and limits
    /// default to its rules.
    ///
    /// Ids already in the community are not checked here; the caller decides what a clash means.
    ///
    /// - Parameter path: the file, named in messages by its last path component.
    /// - Throws: `InputErrors` with every error found, each with file, line and column.
    public func volunteers(file path: String, joining community: Community) throws(InputErrors)
        -> [Volunteer]
    {
        var log = DiagnosticLog()
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard
            let text = InputFile.text(directory: directory, name: name, required: true, log: &log),
            let table = CSVTable.parse(text, file: name, columns: VolunteersFile.columns, log: &log)
        else { throw log.failure }
        let context = VolunteersFile.Context(
            gridIDs: Set(community.grids.map(\.id)),
            periods: PeriodTable(periods: community.periods),
            defaultMaxShifts: community.rules.maxShiftsPerMonth, month: community.month)
        let contents = VolunteersFile.read(table, context: context, log: &log)
        guard !log.hasErrors else { throw log.failure }
        return contents.volunteers
    }
}
