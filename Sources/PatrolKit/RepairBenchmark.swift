import Foundation
import PatrolInterchange
import PatrolModel
import PatrolSamples
import PatrolSolver
import PatrolStore

/// `patrol bench --repair`: one volunteer falls ill on a generated community's solved month;
/// how long the repair takes, how many assignments it changes, and how many a fresh solve of
/// the changed month would have changed.
public struct RepairBenchmark {
    public struct Options: Sendable {
        public var community = CommunityGenerator.Options(volunteers: 500, grids: 25)
        /// The baseline solve, and the fresh solve it is compared with.
        public var solve = SolverConfiguration(timeLimit: .seconds(20), seed: 1)
        /// The repair's search.
        public var repair = SolverConfiguration(
            timeLimit: .milliseconds(500), seed: 1, unimprovedTimeLimit: .milliseconds(300))
        public var changeWeight = 500
        /// The volunteer falls ill on this day of the month and stays away to its end.
        public var fromDay = 10
        /// The folder holding `patrol_check.py`.
        public var toolsDirectory = "../shared/tools"
        /// Where the community, the store and the outputs are written.
        public var workDirectory = ".build-bench/repair"

        public init() {}
    }

    public struct Figures: Sendable {
        public var volunteers: Int
        public var slots: Int
        public var baselineScore: Int
        public var absent: VolunteerID
        public var from: LocalDate
        /// The absent volunteer's assignments from `from` on, in the baseline.
        public var heldAssignments: Int
        /// From reading the stored schedule to the roster written, check and store included.
        public var repairSeconds: Double
        public var repairSolveSeconds: Double
        public var repairMoves: Int
        public var changedAssignments: Int
        public var changedBeforeFrom: Int
        public var repairScore: Int
        public var uncoveredBefore: Int
        public var uncoveredAfter: Int
        /// A fresh solve of the month with the absence, for comparison.
        public var freshChangedAssignments: Int
        public var freshScore: Int
        /// `patrol_check.py` on the repair's output and community, when the tools are present.
        public var referenceScore: Int?
    }

    public init() {}

    public func run(_ options: Options, onEvent: (SolverEvent) -> Void = { _ in }) throws -> Figures
    {
        let work = options.workDirectory
        try? FileManager.default.removeItem(atPath: work)
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        try RosterWriter.write(
            CommunityWriter.files(CommunityGenerator.generate(options.community)),
            to: work + "/community")
        let workspace = try Workspace(databasePath: work + "/bench.sqlite")
        let baseline = try workspace.solve(
            directory: work + "/community", outputDirectory: work + "/baseline",
            configuration: options.solve, onEvent: onEvent)
        let from = baseline.community.month.firstDate.adding(days: options.fromDay - 1)

        // The volunteer who holds the most patrols from that day on: the hardest absence.
        var held: [VolunteerID: Int] = [:]
        for a in baseline.schedule.assignments where a.date >= from {
            held[a.volunteer, default: 0] += 1
        }
        guard let absent = held.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else {
            throw PatrolKitError.missingDirectory(
                work, hint: "The baseline has no patrol from \(from) on.")
        }

        let report = try workspace.repair(
            RepairRequest(
                scheduleID: baseline.scheduleID, unavailable: [absent.rawValue], from: from,
                changeWeight: options.changeWeight, configuration: options.repair,
                outputDirectory: work + "/repair"))
        let fresh = try Solver(report.community).solve(options.solve, onEvent: onEvent)
        let freshDiff = ScheduleDiff(
            from: baseline.schedule, to: fresh.schedule, community: report.community)

        var figures = Figures(
            volunteers: baseline.community.volunteers.count, slots: baseline.community.slots.count,
            baselineScore: baseline.score.total, absent: absent, from: from,
            heldAssignments: held[absent] ?? 0, repairSeconds: report.elapsed.seconds,
            repairSolveSeconds: report.statistics.elapsed.seconds,
            repairMoves: report.statistics.movesEvaluated,
            changedAssignments: report.diff.changedAssignments,
            changedBeforeFrom: report.diff.teams.filter { $0.date < from }.count,
            repairScore: report.score.total, uncoveredBefore: baseline.score[.uncovered].count,
            uncoveredAfter: report.score[.uncovered].count,
            freshChangedAssignments: freshDiff.changedAssignments, freshScore: fresh.score.total)
        let checker = options.toolsDirectory + "/patrol_check.py"
        if FileManager.default.fileExists(atPath: checker) {
            figures.referenceScore = PatrolBenchmark.total(
                inCheckerReport: try PatrolBenchmark.python([
                    checker, work + "/repair/community", work + "/repair",
                ]))
        }
        return figures
    }
}

extension SummaryText {
    /// The figures of `patrol bench --repair`.
    public static func repairBenchmark(_ f: RepairBenchmark.Figures) -> String {
        var lines = [
            "community: \(f.volunteers) volunteers, \(f.slots) slots; baseline score \(f.baselineScore)",
            "absence: \(f.absent) from \(f.from) to the month's end, holding \(f.heldAssignments) patrols from then on",
            "repair: \(format(f.repairSeconds)) s from reading the stored schedule to the files written "
                + "(search \(format(f.repairSolveSeconds)) s, \(f.repairMoves) moves)",
            "changed assignments: \(f.changedAssignments) (the absent volunteer's \(f.heldAssignments) dropped "
                + "+ \(f.changedAssignments - f.heldAssignments) others), \(f.changedBeforeFrom) before \(f.from)",
            "uncovered places: \(f.uncoveredBefore) -> \(f.uncoveredAfter); score \(f.baselineScore) -> \(f.repairScore)",
            "a fresh solve of the changed month: \(f.freshChangedAssignments) assignments changed, score \(f.freshScore)",
        ]
        if let reference = f.referenceScore {
            lines.append(
                "patrol_check.py on the repair: total \(reference)"
                    + (reference == f.repairScore ? " (agrees)" : " (DISAGREES)"))
        }
        lines.append("score: \(f.repairScore)")
        return lines.joined(separator: "\n")
    }
}
