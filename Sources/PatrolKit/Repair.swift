import PatrolChecker
import PatrolInterchange
import PatrolModel
import PatrolSolver
import PatrolStore

/// What `patrol repair` is asked to do: some volunteers are away from a date on.
public struct RepairRequest: Sendable {
    /// The stored schedule to repair; it is never changed (a published one cannot be).
    public var scheduleID: Int64
    /// Ids, or names when unique, of the volunteers who are away.
    public var unavailable: [String]
    /// The first day away; nothing before it moves.
    public var from: LocalDate
    /// The last day away; nil means the end of the month.
    public var to: LocalDate?
    /// The penalty of each assignment that differs from the baseline (dropped or added).
    public var changeWeight: Int
    public var configuration: SolverConfiguration
    public var outputDirectory: String

    public init(
        scheduleID: Int64, unavailable: [String], from: LocalDate, to: LocalDate? = nil,
        changeWeight: Int = 500, configuration: SolverConfiguration, outputDirectory: String
    ) {
        self.scheduleID = scheduleID
        self.unavailable = unavailable
        self.from = from
        self.to = to
        self.changeWeight = changeWeight
        self.configuration = configuration
        self.outputDirectory = outputDirectory
    }
}

/// What `patrol repair` reports.
public struct RepairReport: Sendable {
    public var baselineID: Int64
    public var baselineScore: ScoreBreakdown
    /// The community as repaired: the stored one with the absences added.
    public var community: Community
    public var absent: [VolunteerID]
    public var away: DateRange
    public var schedule: Schedule
    public var score: ScoreBreakdown
    /// The independent checker's evaluation: same score, zero hard-rule violations.
    public var evaluation: RosterEvaluation
    public var diff: ScheduleDiff
    public var statistics: SolverStatistics
    public var importID: Int64
    public var scheduleID: Int64
    public var note: String
    public var writtenFiles: [String]
    /// From reading the stored schedule to the files written, the solve and the check included.
    public var elapsed: Duration
}

extension Workspace {
    /// Re-solves a stored schedule after volunteers fall away from a date on, changing as few
    /// assignments as possible, and stores the result as a new version.
    ///
    /// Slots and sessions dated before `from` keep the baseline's people exactly; from `from`
    /// on the solver may change anything, at `changeWeight` per assignment that differs from
    /// the baseline. The result is re-scored by the independent checker before it is stored
    /// and written, with the community as repaired in `OUTDIR/community`.
    ///
    /// - Throws: `StoreError` for an unknown schedule, `ScheduleQueryError` for an unknown
    ///   volunteer or a date outside the month, `PatrolKitError` if the repair fails the
    ///   independent check (a bug).
    public func repair(
        _ request: RepairRequest, onEvent: (SolverEvent) -> Void = { _ in }
    ) throws -> RepairReport {
        let clock = ContinuousClock()
        let start = clock.now
        let stored = try database.schedule(id: request.scheduleID)
        var community = stored.community
        let from = try community.checkInMonth(request.from)
        let to = min(request.to ?? community.month.lastDate, community.month.lastDate)
        guard to >= from else { throw ScheduleQueryError.emptyRange(from: from, to: to) }
        let away = DateRange(first: from, last: to)
        var absent: [VolunteerID] = []
        for text in request.unavailable {
            let id = try community.resolveVolunteer(text).id
            guard !absent.contains(id) else { continue }
            absent.append(id)
            for index in community.volunteers.indices where community.volunteers[index].id == id {
                community.volunteers[index].unavailable.append(away)
            }
        }

        let plan = RepairPlan(
            baseline: stored.schedule, frozenBefore: from, changeWeight: request.changeWeight)
        let result = try Solver(community, repair: plan).solve(
            request.configuration, onEvent: onEvent)
        let evaluation = try Self.verified(result, community)
        let diff = ScheduleDiff(from: stored.schedule, to: result.schedule, community: community)
        let note =
            "repair of #\(request.scheduleID): "
            + absent.map(\.rawValue).joined(separator: ", ") + " unavailable \(away); "
            + "\(diff.changedAssignments) assignments changed"
        let (importID, scheduleID) = try database.recordSchedule(
            ScheduleDraft(
                month: community.month, seed: request.configuration.seed,
                timeLimitSeconds: request.configuration.timeLimit.seconds, score: result.score,
                schedule: result.schedule, note: note),
            community: community, source: "repair of schedule #\(request.scheduleID)")

        let files = RosterWriter.files(community: community, schedule: result.schedule)
        try RosterWriter.write(files, to: request.outputDirectory)
        // No directory on disk holds the repaired month's input: write it next to the roster.
        let communityDirectory = request.outputDirectory + "/community"
        try RosterWriter.write(CommunityWriter.files(community), to: communityDirectory)

        return RepairReport(
            baselineID: request.scheduleID, baselineScore: stored.summary.score,
            community: community, absent: absent, away: away, schedule: result.schedule,
            score: result.score, evaluation: evaluation, diff: diff,
            statistics: result.statistics, importID: importID, scheduleID: scheduleID, note: note,
            writtenFiles: files.map { request.outputDirectory + "/" + $0.name } + [
                communityDirectory
            ],
            elapsed: clock.now - start)
    }
}

/// The differences between two schedules of one community: who leaves which team, who joins,
/// and who changes training session.
public struct ScheduleDiff: Sendable, Hashable {
    /// One team whose people changed.
    public struct TeamChange: Sendable, Hashable {
        public var grid: GridID
        public var date: LocalDate
        public var period: PeriodID
        public var leaving: [VolunteerID]
        public var joining: [VolunteerID]
        /// The team size needed, and the size after the change.
        public var needed: Int
        public var assigned: Int
    }

    /// A volunteer booked into another session, or into none.
    public struct TrainingChange: Sendable, Hashable {
        public var volunteer: VolunteerID
        public var before: SessionID?
        public var after: SessionID?
    }

    /// By date, then period and grid in the community's order.
    public var teams: [TeamChange]
    public var training: [TrainingChange]

    /// Assignments dropped plus assignments added.
    public var changedAssignments: Int {
        teams.reduce(0) { $0 + $1.leaving.count + $1.joining.count }
    }

    /// The earliest date with a changed team.
    public var firstChange: LocalDate? { teams.map(\.date).min() }

    public init(from baseline: Schedule, to revised: Schedule, community: Community) {
        struct Key: Hashable {
            var grid: GridID
            var date: LocalDate
            var period: PeriodID
        }
        func teams(_ schedule: Schedule) -> [Key: Set<VolunteerID>] {
            var teams: [Key: Set<VolunteerID>] = [:]
            for a in schedule.assignments {
                teams[Key(grid: a.grid, date: a.date, period: a.period), default: []].insert(
                    a.volunteer)
            }
            return teams
        }
        let before = teams(baseline)
        let after = teams(revised)
        let needed = Dictionary(
            community.slots.map {
                (Key(grid: $0.grid, date: $0.date, period: $0.period), $0.needed)
            },
            uniquingKeysWith: { _, last in last })
        let periodRank = Dictionary(
            community.periods.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let gridRank = Dictionary(
            community.grids.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var changes: [TeamChange] = []
        for key in Set(before.keys).union(after.keys) {
            let old = before[key] ?? []
            let new = after[key] ?? []
            guard old != new else { continue }
            changes.append(
                TeamChange(
                    grid: key.grid, date: key.date, period: key.period,
                    leaving: old.subtracting(new).sorted(), joining: new.subtracting(old).sorted(),
                    needed: needed[key] ?? 0, assigned: new.count))
        }
        self.teams = changes.sorted {
            ($0.date.dayNumber, periodRank[$0.period] ?? 0, gridRank[$0.grid] ?? 0)
                < ($1.date.dayNumber, periodRank[$1.period] ?? 0, gridRank[$1.grid] ?? 0)
        }

        func sessions(_ schedule: Schedule) -> [VolunteerID: SessionID] {
            Dictionary(
                schedule.attendance.map { ($0.volunteer, $0.session) },
                uniquingKeysWith: { a, _ in a })
        }
        let oldSessions = sessions(baseline)
        let newSessions = sessions(revised)
        training = community.volunteers.compactMap { volunteer in
            let old = oldSessions[volunteer.id]
            let new = newSessions[volunteer.id]
            return old == new
                ? nil : TrainingChange(volunteer: volunteer.id, before: old, after: new)
        }
    }
}

extension SummaryText {
    /// The summary of `patrol repair`: the changes, the score change, the checks; its last
    /// line is `score: N`.
    public static func repair(_ report: RepairReport) -> String {
        let community = report.community
        var lines: [String] = []
        lines.append(
            "repair of schedule #\(report.baselineID) (\(community.name) \(community.month)): "
                + report.absent.map { community.label($0) }.joined(separator: ", ")
                + " unavailable \(report.away)")
        let changed = report.diff.changedAssignments
        lines.append(
            "schedule #\(report.scheduleID) stored (import #\(report.importID)): \(changed) "
                + "assignment\(changed == 1 ? "" : "s") changed, none before \(report.away.first); "
                + "\(format(report.elapsed.seconds)) s, \(report.statistics.movesEvaluated) moves")
        lines.append("")
        lines += diffLines(report.diff, community)
        lines.append("")
        lines += scoreChangeLines(from: report.baselineScore, to: report.score)
        lines.append(
            "hard rules (硬性规则): \(report.evaluation.hardViolationCount) violations, "
                + "recounted by the independent checker")
        // The counts only: naming each short slot's reason is `patrol explain`'s job, and
        // would cost a repair of a large month a tenth of a second.
        let kpi = report.evaluation.kpi
        let short = kpi.demandSlots - kpi.slotsFullyCovered
        lines.append(
            short == 0
                ? "every slot fully staffed (全部满员)"
                : "short slots (缺岗): \(short) slots, "
                    + "\(kpi.neededVolunteerShifts - kpi.coveredVolunteerShifts) volunteer-shifts missing; "
                    + "`patrol explain \(report.scheduleID)` says why")
        lines.append("")
        lines.append("written: " + report.writtenFiles.joined(separator: ", "))
        lines.append("score: \(report.score.total)")
        return lines.joined(separator: "\n")
    }

    /// Who leaves, who takes over, where and when.
    static func diffLines(_ diff: ScheduleDiff, _ community: Community) -> [String] {
        guard !diff.teams.isEmpty || !diff.training.isEmpty else {
            return ["changes (变更): none"]
        }
        var lines = ["changes (变更):"]
        func names(_ ids: [VolunteerID]) -> String {
            ids.map { community.label($0) }.joined(separator: ", ")
        }
        for team in diff.teams {
            let one = { (ids: [VolunteerID]) in ids.count == 1 }
            var what: [String] = []
            if !team.leaving.isEmpty {
                what.append(names(team.leaving) + (one(team.leaving) ? " leaves" : " leave"))
            }
            if team.joining.isEmpty {
                what.append("nobody takes over")
            } else if team.leaving.isEmpty {
                what.append(names(team.joining) + (one(team.joining) ? " joins" : " join"))
            } else {
                what.append(
                    names(team.joining) + (one(team.joining) ? " takes over" : " take over"))
            }
            let staffing =
                team.assigned < team.needed ? " (now \(team.assigned)/\(team.needed), short)" : ""
            lines.append(
                "  " + community.timeLabel(team.date, team.period) + ", "
                    + community.gridLabel(team.grid) + ": " + what.joined(separator: "; ")
                    + staffing)
        }
        for change in diff.training {
            lines.append(
                "  training (培训): \(community.label(change.volunteer)) "
                    + "\(change.before?.rawValue ?? "no session") -> \(change.after?.rawValue ?? "no session")"
            )
        }
        return lines
    }

    /// `score (评分): 12345 -> 12400 (+55)` and the components that moved.
    static func scoreChangeLines(from before: ScoreBreakdown, to after: ScoreBreakdown) -> [String]
    {
        var lines = [
            "score (评分): \(before.total) -> \(after.total) (\(signed(after.total - before.total)))"
        ]
        for component in ScoreComponent.allCases {
            let delta = after[component].penalty - before[component].penalty
            guard delta != 0 else { continue }
            lines.append(
                "  " + pad(component.rawValue, 18) + pad(component.chineseName, 14)
                    + leftPad(signed(delta), 8))
        }
        return lines
    }

    /// `+5`, `-3`, `0`.
    static func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : "\(value)" }
}
