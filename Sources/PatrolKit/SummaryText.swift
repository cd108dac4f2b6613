import Foundation
import PatrolChecker
import PatrolInterchange
import PatrolModel
import PatrolStore

/// The terminal summary of a schedule (the contract's section 4), in English with the
/// Chinese terms a community office uses.
public enum SummaryText {
    /// The summary of a solve; its last line is `score: N`.
    public static func solve(_ report: SolveReport) -> String {
        var lines: [String] = []
        let community = report.community
        lines.append("\(community.name) \(community.month): \(community.volunteers.count) volunteers, "
            + "\(community.grids.count) grids, \(community.slots.count) patrol slots, "
            + "\(community.sessions.count) training sessions")
        lines.append("schedule #\(report.scheduleID) stored (import #\(report.importID)), seed \(report.seed), "
            + "\(format(report.statistics.elapsed.seconds)) s, \(report.statistics.movesEvaluated) moves "
            + "(\(Int(report.statistics.movesPerSecond)) per second), stopped on \(report.statistics.stopReason.rawValue)")
        if let carryOver = report.carryOver { lines.append(carryOver.summaryLine) }
        lines.append("")
        lines += evaluationLines(report.evaluation)
        lines.append("")
        lines += shortfallLines(report.shortfalls, community)
        if !report.writtenFiles.isEmpty {
            lines.append("")
            lines.append("written: " + report.writtenFiles.joined(separator: ", "))
        }
        lines.append("score: \(report.score.total)")
        return lines.joined(separator: "\n")
    }

    /// The summary of `patrol check`; its last line is `score: N`.
    public static func check(_ report: CheckReport) -> String {
        var lines = ["\(report.community.name) \(report.community.month): "
            + "\(report.schedule.assignments.count) patrol assignments, "
            + "\(report.schedule.attendance.count) training places"]
        lines.append("")
        lines += evaluationLines(report.evaluation)
        lines.append("score: \(report.evaluation.score.total)")
        return lines.joined(separator: "\n")
    }

    // MARK: - Parts

    static func evaluationLines(_ evaluation: RosterEvaluation) -> [String] {
        var lines = ["score by component (评分):"]
        for component in ScoreComponent.allCases {
            let line = evaluation.score[component]
            lines.append("  " + pad(component.rawValue, 18) + pad(component.chineseName, 14)
                + leftPad(String(line.count), 8) + " x -> " + leftPad(String(line.penalty), 9))
        }
        lines.append("  " + pad("total", 26) + leftPad(String(evaluation.score.total), 23))
        let kpi = evaluation.kpi
        lines.append("")
        lines.append("coverage (覆盖率): \(format(kpi.coveragePercent))% "
            + "(\(kpi.coveredVolunteerShifts) of \(kpi.neededVolunteerShifts) volunteer-shifts, "
            + "\(kpi.slotsFullyCovered) of \(kpi.demandSlots) slots fully staffed)")
        lines.append("teams without a Party member (无党员班组): \(kpi.teamsWithoutPartyMember) of \(kpi.teams)")
        lines.append("teams without a leader where needed (无队长班组): \(kpi.teamsWithoutLeaderWhereNeeded)")
        lines.append("shifts per volunteer (人均班次): min \(kpi.shiftsMin), median \(format(kpi.shiftsMedian)), "
            + "max \(kpi.shiftsMax), Gini \(format(kpi.giniShifts)), \(kpi.volunteersWithZeroShifts) with none")
        lines.append("")
        lines.append("hard rules (硬性规则), violations:")
        for rule in HardRule.allCases {
            lines.append("  " + pad(rule.rawValue, 34) + leftPad(String(evaluation.violations[rule]?.count ?? 0), 4))
        }
        return lines
    }

    static func shortfallLines(_ shortfalls: [Shortfall], _ community: Community) -> [String] {
        guard !shortfalls.isEmpty else { return ["every slot fully staffed (全部满员)"] }
        let missing = shortfalls.reduce(0) { $0 + $1.missing }
        var lines = ["short slots (缺岗): \(shortfalls.count) slots, \(missing) volunteer-shifts missing"]
        for grid in community.grids {
            let mine = shortfalls.filter { $0.slot.grid == grid.id }
            guard !mine.isEmpty else { continue }
            lines.append("  \(grid.id) \(grid.name): \(mine.reduce(0) { $0 + $1.missing }) missing")
            for shortfall in mine {
                let period = community.period(shortfall.slot.period)?.name ?? shortfall.slot.period.rawValue
                lines.append("    \(shortfall.slot.date) \(shortfall.slot.date.weekday.englishAbbreviation) "
                    + "\(shortfall.slot.period) (\(period)): \(shortfall.assigned)/\(shortfall.slot.needed), "
                    + shortfall.reason.description)
            }
        }
        return lines
    }

    // MARK: - Formatting

    public static func format(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let whole = hundredths / 100
        let fraction = abs(hundredths % 100)
        return "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Pads to a display width, counting a Chinese character as two columns.
    static func pad(_ text: String, _ width: Int) -> String {
        let shown = text.unicodeScalars.reduce(0) { $0 + ($1.value > 0x2E80 ? 2 : 1) }
        return text + String(repeating: " ", count: max(1, width - shown))
    }

    static func leftPad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}

extension SummaryText {
    /// The table of `patrol schedules`.
    public static func scheduleList(_ list: [ScheduleSummary]) -> String {
        guard !list.isEmpty else { return "No schedules stored yet. Run `patrol solve DIR` first." }
        var lines = ["id    community         month    created               seed   score      assignments  published"]
        for row in list {
            lines.append(leftPad(String(row.id), 4) + "  " + pad(row.communityName, 18) + pad(row.month.description, 9)
                + pad(row.createdAt.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false)), 22) + pad(String(row.seed), 7) + pad(String(row.score.total), 11)
                + (row.publishedAt == nil ? String(row.assignmentCount) : pad(String(row.assignmentCount), 13) + "yes (已发布)"))
        }
        return lines.joined(separator: "\n")
    }

    /// The figures of `patrol bench`.
    public static func benchmark(_ f: PatrolBenchmark.Figures) -> String {
        var lines = [
            "community: \(f.volunteers) volunteers, \(f.grids) grids, \(f.slots) slots, \(f.neededVolunteerShifts) volunteer-shifts needed",
            "first valid schedule: \(format(f.firstValidSeconds)) s after starting to read the files "
                + "(reading \(format(f.loadSeconds)) s), score \(f.firstScore)",
            "final score: \(f.score), coverage \(format(f.coveragePercent))%, best found at \(format(f.secondsToBest)) s",
            "moves evaluated per second: \(Int(f.movesPerSecond))",
            "peak memory: \(format(f.peakMemoryMB)) MB",
        ]
        if let reference = f.referenceScore, let ok = f.referenceOK {
            lines.append("patrol_check.py: total \(reference), \(ok ? "ok" : "NOT OK")"
                + (reference == f.score ? " (agrees)" : " (DISAGREES)"))
        }
        if let peer = f.peerScore {
            lines.append("CP-SAT peer: score \(peer) (\(f.score <= peer ? "ours is no worse" : "ours is worse"))")
            if let summary = f.peerSummary { lines.append("CP-SAT: \(summary)") }
        }
        for export in f.exports {
            lines.append(
                "export \(export.format.rawValue): made in \(format(export.makeSeconds)) s, written in "
                    + "\(format(export.writeSeconds)) s (\(export.files) files, "
                    + "\(format(Double(export.bytes) / 1_048_576)) MB)")
        }
        if !f.exports.isEmpty {
            let made = f.exports.reduce(0) { $0 + $1.makeSeconds }
            let written = f.exports.reduce(0) { $0 + $1.writeSeconds }
            lines.append("exports in every format: made in \(format(made)) s, written in \(format(written)) s")
        }
        lines.append("score: \(f.score)")
        return lines.joined(separator: "\n")
    }
}
