import Foundation
import PatrolChecker
import PatrolModel
import PatrolTestSupport
import Testing

/// The reference checker `shared/tools/patrol_check.py` and `RosterChecker` give the same
/// score, hard-rule counts and KPIs on random communities and random, rule-breaking schedules.
///
/// The tools folder is `$PATROL_SHARED_TOOLS`, or `shared/tools` in the nearest folder above
/// this file that has one (next to the repository in CI and in the engineers' worktrees).
@Suite(
    .enabled(
        if: PythonChecker.script != nil && PythonChecker.python != nil,
        "needs python3 on PATH and shared/tools/patrol_check.py (set PATROL_SHARED_TOOLS)"))
struct PythonCheckerAgreementTests {
    @Test(arguments: 1...30)
    func swiftAndPythonCheckersAgreeOnARandomSchedule(seed: Int) throws {
        let community = RandomCommunity.make(seed: UInt64(seed), volunteers: 3...16, grids: 1...4)
        let schedule = RandomSchedule.make(for: community, seed: UInt64(seed) &* 31 &+ 7)
        let evaluation = RosterChecker(community: community).evaluate(schedule)

        let folder = FileManager.default.temporaryDirectory
            .appending(path: "patrol-checker-\(seed)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try ContractFilesWriter.write(community, to: folder.appending(path: "community"))
        try ContractFilesWriter.write(schedule, to: folder.appending(path: "output"))
        let report = try PythonChecker.run(
            community: folder.appending(path: "community"), output: folder.appending(path: "output")
        )

        let errors = report["output_errors"] as? [String: Any] ?? [:]
        #expect(errors.isEmpty, "rows the Python checker could not read: \(errors)")

        let score = try #require(report["score"] as? [String: Any])
        let components = try #require(score["components"] as? [String: [String: Any]])
        for component in ScoreComponent.allCases {
            let python = try #require(components[component.rawValue], "\(component)")
            #expect(
                python["count"] as? Int == evaluation.score[component].count, "\(component) count")
            #expect(
                python["penalty"] as? Int == evaluation.score[component].penalty,
                "\(component) penalty")
        }
        #expect(score["total"] as? Int == evaluation.score.total)

        let hard = try #require(report["hard_rules"] as? [String: [String: Any]])
        for rule in HardRule.allCases {
            let python = try #require(hard[rule.rawValue], "\(rule)")
            #expect(
                python["count"] as? Int == evaluation.violationCount(rule),
                """
                \(rule.rawValue): Python \(python["examples"] ?? []), \
                Swift \(evaluation.violations[rule] ?? [])
                """)
        }
        #expect(report["hard_violation_total"] as? Int == evaluation.hardViolationCount)

        let kpi = try #require(report["kpi"] as? [String: Any])
        let ours = evaluation.kpi
        #expect(kpi["needed_volunteer_shifts"] as? Int == ours.neededVolunteerShifts)
        #expect(kpi["assigned_volunteer_shifts"] as? Int == ours.assignedVolunteerShifts)
        #expect(kpi["covered_volunteer_shifts"] as? Int == ours.coveredVolunteerShifts)
        #expect(kpi["demand_slots"] as? Int == ours.demandSlots)
        #expect(kpi["slots_fully_covered"] as? Int == ours.slotsFullyCovered)
        #expect(kpi["teams"] as? Int == ours.teams)
        #expect(kpi["teams_without_party_member"] as? Int == ours.teamsWithoutPartyMember)
        #expect(
            kpi["teams_without_leader_where_needed"] as? Int == ours.teamsWithoutLeaderWhereNeeded)
        #expect(kpi["volunteers"] as? Int == ours.volunteers)
        #expect(kpi["volunteers_with_0_shifts"] as? Int == ours.volunteersWithZeroShifts)
        let spread = try #require(kpi["shifts_per_volunteer"] as? [String: Any])
        #expect(spread["min"] as? Int == ours.shiftsMin)
        #expect(spread["max"] as? Int == ours.shiftsMax)
        #expect((spread["median"] as? NSNumber)?.doubleValue == ours.shiftsMedian)
        // Python rounds these two for display: 2 and 4 decimals.
        let coverage = try #require((kpi["coverage_pct"] as? NSNumber)?.doubleValue)
        #expect(abs(coverage - ours.coveragePercent) <= 0.005 + 1e-9)
        let gini = try #require((kpi["gini_shifts"] as? NSNumber)?.doubleValue)
        #expect(abs(gini - ours.giniShifts) <= 0.00005 + 1e-12)

        let carry = try #require(report["carry_over"] as? [String: Any])
        #expect(
            carry["volunteers_with_carry"] as? Int
                == evaluation.carryOver.values.filter { $0 > 0 }.count)
        #expect(carry["max"] as? Int == evaluation.carryOver.values.max() ?? 0)
    }
}

/// Finds and runs `patrol_check.py`.
enum PythonChecker {
    static let script: URL? = {
        let fileManager = FileManager.default
        if let folder = ProcessInfo.processInfo.environment["PATROL_SHARED_TOOLS"] {
            let url = URL(filePath: folder).appending(path: "patrol_check.py")
            return fileManager.fileExists(atPath: url.path) ? url : nil
        }
        var folder = URL(filePath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appending(path: "shared/tools/patrol_check.py")
            if fileManager.fileExists(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }()

    static let python: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").lazy
            .map { URL(filePath: String($0)).appending(path: "python3") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The JSON report; exit status 0 (all hard rules kept) and 1 (some broken) both report.
    static func run(community: URL, output: URL) throws -> [String: Any] {
        guard let python, let script else { throw Failure(description: "no python3 or script") }
        let process = Process()
        process.executableURL = python
        process.arguments = [script.path, community.path, output.path]
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Read before waiting, so that a full pipe cannot stall the child.
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(
            decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 || process.terminationStatus == 1,
            let report = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        else {
            throw Failure(
                description: "patrol_check.py exited \(process.terminationStatus): "
                    + "\(String(decoding: data, as: UTF8.self)) \(errorText)")
        }
        return report
    }
}
