import Foundation
import PatrolModel

/// A community read from its directory, with the warnings worth showing the office.
public struct LoadedCommunity: Sendable {
    public var community: Community
    /// Problems passed over: unknown columns and settings, empty demand days, requests
    /// outside the month, and the like.
    public var warnings: [Diagnostic]

    public init(community: Community, warnings: [Diagnostic]) {
        self.community = community
        self.warnings = warnings
    }
}

/// Reads a community directory (`community.yaml` and the CSV files of the contract's
/// section 1) into a `Community`.
///
/// Every file is read even when an earlier one has mistakes, so that one run reports all
/// of them; checks that need a file that could not be read at all (unknown grids when
/// `grids.csv` is missing, say) are left out rather than reported row by row.
///
/// ```swift
/// let loaded = try CommunityLoader().load(directory: "Scenarios/changqing")
/// print(loaded.community.slots.count)
/// ```
public struct CommunityLoader {
    public init() {}

    /// Loads the community in `directory`.
    ///
    /// - Parameters:
    ///   - directory: the community folder.
    ///   - month: replaces the month of `community.yaml` (the command line's `--month`).
    /// - Returns: the community, its demand resolved to slots ordered by date, period
    ///   order and grid order, and the warnings.
    /// - Throws: `InputErrors` with every error found (each with file, line and column),
    ///   followed by the warnings.
    public func load(directory: String, month: Month? = nil) throws(InputErrors) -> LoadedCommunity
    {
        var log = DiagnosticLog()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            log.error(
                SourceLocation(file: directory), "the community folder does not exist",
                expected:
                    "a folder holding community.yaml, volunteers.csv, grids.csv and demand.csv")
            throw log.failure
        }

        var settings = CommunitySettings(month: month)
        if let text = InputFile.text(
            directory: directory, name: CommunityYAML.file, required: true, log: &log)
        {
            settings = CommunityYAML.read(text, monthOverride: month, log: &log)
        }
        let periods = settings.periods

        let grids = table(GridsFile.name, GridsFile.columns, directory, &log).map {
            GridsFile.read($0, log: &log)
        }
        let volunteerContext = VolunteersFile.Context(
            gridIDs: grids?.knownIDs, periods: periods,
            defaultMaxShifts: settings.rules.maxShiftsPerMonth, month: settings.month)
        let volunteers = table(VolunteersFile.name, VolunteersFile.columns, directory, &log).map {
            VolunteersFile.read($0, context: volunteerContext, log: &log)
        }
        let demand = table(DemandFile.name, DemandFile.columns, directory, &log).map {
            DemandFile.read(
                $0, context: .init(gridIDs: grids?.knownIDs, periods: periods), log: &log)
        }
        let sessions = table(
            TrainingsFile.name, TrainingsFile.columns, directory, &log, required: false
        )
        .map { TrainingsFile.read($0, month: settings.month, log: &log) }
        let requestContext = RequestsFile.Context(
            volunteerIDs: volunteers?.knownIDs, periods: periods, month: settings.month)
        let requests = table(
            RequestsFile.name, RequestsFile.columns, directory, &log, required: false
        )
        .map { RequestsFile.read($0, context: requestContext, log: &log) }
        let history = table(HistoryFile.name, HistoryFile.columns, directory, &log, required: false)
            .map { HistoryFile.read($0, log: &log) }

        guard !log.hasErrors, let resolvedMonth = settings.month, let periods, let grids,
            let volunteers,
            let demand
        else { throw ordered(log).failure }

        let slots = DemandFile.resolve(
            demand, month: resolvedMonth, holidays: settings.holidays, grids: grids.grids,
            periods: periods.periods, log: &log)
        if slots.isEmpty {
            log.warn(
                SourceLocation(file: DemandFile.name), "no grid needs a patrol in \(resolvedMonth)",
                expected: "rows with a team size above 0 for days of the month")
        }
        let community = Community(
            name: settings.name, month: resolvedMonth, periods: periods.periods,
            holidays: settings.holidays,
            rules: settings.rules, weights: settings.weights, grids: grids.grids,
            volunteers: volunteers.volunteers, slots: slots, sessions: sessions ?? [],
            requests: requests ?? [],
            history: history ?? [])
        return LoadedCommunity(community: community, warnings: ordered(log).warnings)
    }

    /// Parses a month given on the command line (`--month 2026-12`).
    ///
    /// - Throws: `InputErrors` with one error located at `--month` when it does not parse.
    public static func month(fromOption text: String) throws(InputErrors) -> Month {
        switch ValueParser.month(text.trimmingCharacters(in: .whitespaces)) {
        case .success(let month): return month
        case .failure(let problem):
            throw InputErrors([
                Diagnostic(
                    .error, SourceLocation(file: "--month"), problem.message,
                    expected: problem.expected)
            ])
        }
    }

    private func table(
        _ name: String, _ columns: [ColumnSpec], _ directory: String, _ log: inout DiagnosticLog,
        required: Bool = true
    ) -> CSVTable? {
        guard
            let text = InputFile.text(
                directory: directory, name: name, required: required, log: &log)
        else {
            return nil
        }
        return CSVTable.parse(text, file: name, columns: columns, log: &log)
    }

    /// The log with each file's diagnostics in line order, files in the order they are read.
    private func ordered(_ log: DiagnosticLog) -> DiagnosticLog {
        let files = [
            CommunityYAML.file, GridsFile.name, VolunteersFile.name, DemandFile.name,
            TrainingsFile.name,
            RequestsFile.name, HistoryFile.name,
        ]
        func key(_ diagnostic: Diagnostic, _ position: Int) -> (Int, Int, Int) {
            (
                files.firstIndex(of: diagnostic.location.file) ?? -1, diagnostic.location.line ?? 0,
                position
            )
        }
        var sorted = DiagnosticLog()
        // Swift's sort is not stable, so the original position breaks ties.
        for list in [log.errors, log.warnings] {
            sorted.append(
                list.enumerated().sorted { key($0.element, $0.offset) < key($1.element, $1.offset) }
                    .map(\.element))
        }
        return sorted
    }
}
