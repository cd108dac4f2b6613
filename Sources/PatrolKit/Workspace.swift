import Logging
import PatrolChecker
import PatrolInterchange
import PatrolModel
import PatrolSolver
import PatrolStore

/// The use cases the `patrol` command offers: import, solve, store, export, check.
///
/// One workspace owns one store (`patrol.sqlite` by default). Every method reads its
/// input completely and validates it before anything is written: an input error
/// leaves the store and the output directory untouched.
public struct Workspace {
    public let database: ScheduleDatabase
    private let logger: Logger

    /// Opens (or creates) the store at `databasePath`.
    public init(databasePath: String, logger: Logger = Logger(label: "patrol")) throws {
        database = try ScheduleDatabase(path: databasePath)
        self.logger = logger
    }

    /// A workspace on a given store, for tests.
    public init(database: ScheduleDatabase, logger: Logger = Logger(label: "patrol")) {
        self.database = database
        self.logger = logger
    }

    // MARK: - Solve: import, optimise, check, store, write

    /// Loads a community directory, builds its schedule, checks it independently, stores
    /// it as a new version and writes the roster files.
    ///
    /// - Throws: `InputErrors` for bad input (nothing written), `PatrolKitError` if the
    ///   schedule fails the independent check (a bug), store and file errors.
    public func solve(
        directory: String, month: Month? = nil, outputDirectory: String,
        configuration: SolverConfiguration, onEvent: (SolverEvent) -> Void = { _ in }
    ) throws -> SolveReport {
        let loaded = try CommunityLoader().load(directory: directory, month: month)
        for warning in loaded.warnings { logger.warning("\(warning)") }
        var community = loaded.community
        var carryOver = try carryOver(into: &community)
        let result = try Solver(community).solve(configuration, onEvent: onEvent)
        let evaluation = try Self.verified(result, community)
        let (importID, scheduleID) = try database.recordSchedule(
            ScheduleDraft(
                month: community.month, seed: configuration.seed,
                timeLimitSeconds: configuration.timeLimit.seconds, score: result.score,
                schedule: result.schedule),
            community: community, source: directory)
        let files = RosterWriter.files(community: community, schedule: result.schedule)
        try RosterWriter.write(files, to: outputDirectory)
        var written = files.map { outputDirectory + "/" + $0.name }
        if carryOver != nil {
            // The directory alone no longer holds the month's input: write the community as
            // solved, so that `patrol_check.py OUTDIR/community OUTDIR` counts the same score.
            let directory = outputDirectory + "/community"
            try RosterWriter.write(CommunityWriter.files(community), to: directory)
            carryOver?.communityDirectory = directory
            written.append(directory)
        }
        return SolveReport(
            community: community, schedule: result.schedule, score: result.score,
            evaluation: evaluation,
            shortfalls: ShortfallAnalysis(community: community).shortfalls(in: result.schedule),
            statistics: result.statistics, seed: configuration.seed, importID: importID,
            scheduleID: scheduleID, warnings: loaded.warnings,
            writtenFiles: written, carryOver: carryOver)
    }

    /// The independent checker's verdict, which must agree with the optimiser.
    static func verified(_ result: SolverResult, _ community: Community) throws -> RosterEvaluation {
        let evaluation = RosterChecker(community: community).evaluate(result.schedule)
        guard evaluation.hardViolationCount == 0 else {
            throw PatrolKitError.hardRulesBroken(
                evaluation.violations.filter { !$0.value.isEmpty }.mapValues(\.count))
        }
        guard evaluation.score == result.score else {
            throw PatrolKitError.scoreMismatch(solver: result.score.total, checker: evaluation.score.total)
        }
        return evaluation
    }

    // MARK: - Check an output folder

    /// Re-reads a roster output folder and re-scores it with the independent checker.
    public static func check(directory: String, outputDirectory: String, month: Month? = nil) throws -> CheckReport {
        let loaded = try CommunityLoader().load(directory: directory, month: month)
        let schedule = try ScheduleReader().read(directory: outputDirectory, community: loaded.community)
        let evaluation = RosterChecker(community: loaded.community).evaluate(schedule)
        return CheckReport(community: loaded.community, schedule: schedule, evaluation: evaluation)
    }

    // MARK: - Stored versions

    /// Every stored schedule version, newest first.
    public func schedules(community: String? = nil, month: Month? = nil) throws -> [ScheduleSummary] {
        try database.schedules(community: community, month: month)
    }

    /// Writes a stored schedule's roster files again, byte for byte as first written.
    public func export(scheduleID: Int64, to outputDirectory: String) throws -> [String] {
        let stored = try database.schedule(id: scheduleID)
        let files = RosterWriter.files(community: stored.community, schedule: stored.schedule)
        try RosterWriter.write(files, to: outputDirectory)
        return files.map { outputDirectory + "/" + $0.name }
    }

    /// Writes a stored schedule in a format a community office uses as it is: CSV for
    /// Excel, an Excel workbook, a calendar per volunteer or a printable page.
    ///
    /// The files are written only once all are made, so an error leaves the folder as it was.
    ///
    /// - Returns: The paths written, in the order ``RosterExporter`` gives them.
    /// - Throws: `StoreError` when there is no such version, `ExportError` for options the
    ///   format cannot honour, `OutputWriteError` when the folder cannot be written.
    public func export(scheduleID: Int64, options: ExportOptions, to outputDirectory: String) throws -> [String] {
        let stored = try database.schedule(id: scheduleID)
        let files = try RosterExporter.files(
            community: stored.community, schedule: stored.schedule, options: options)
        try RosterWriter.write(files, to: outputDirectory)
        return files.map { outputDirectory + "/" + $0.name }
    }
}

/// What `patrol solve` reports.
public struct SolveReport: Sendable {
    public var community: Community
    public var schedule: Schedule
    public var score: ScoreBreakdown
    /// The independent checker's evaluation: same score, zero hard-rule violations.
    public var evaluation: RosterEvaluation
    public var shortfalls: [Shortfall]
    public var statistics: SolverStatistics
    public var seed: UInt64
    public var importID: Int64
    public var scheduleID: Int64
    public var warnings: [Diagnostic]
    public var writtenFiles: [String]
    /// What was taken over from the community's published months, if anything.
    public var carryOver: CarryOver?
}

/// What `patrol check` reports.
public struct CheckReport: Sendable {
    public var community: Community
    public var schedule: Schedule
    public var evaluation: RosterEvaluation
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    public var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}
