import Foundation
import PatrolSolver

/// `patrol bench curtois`: the optimiser on Curtois & Qu instances, each solution
/// re-checked by `curtois_check.py` and, on request, the CP-SAT peer `curtois_cpsat.py`
/// run on the same instance with the same time and cores.
public struct CurtoisBenchmark {
    public struct Options: Sendable {
        public var files: [String] = []
        public var timeLimit: Double = 60
        /// Moves after which each instance stops (with one thread, the same work on any machine).
        public var moveLimit: Int?
        public var seed: UInt64 = 1
        public var outDirectory = "bench-out"
        public var toolsDirectory = "../shared/tools"
        /// Seconds for the CP-SAT peer; nil skips it.
        public var peerTimeLimit: Double?
        public var peerWorkers = 2
        public var threads = 1
        public var checking = CheckingLevel.off

        public init() {}
    }

    /// One instance's figures.
    public struct Row: Sendable {
        public var instance: String
        public var objective: Int
        public var feasible: Bool
        public var bestKnown: Int?
        public var secondsToBest: Double
        public var movesPerSecond: Double
        /// `curtois_check.py`'s objective and verdict, when the tools are at hand.
        public var checkerObjective: Int?
        public var checkerFeasible: Bool?
        public var peerObjective: Int?
        public var peerFeasible: Bool?

        /// Percent above the best known value.
        public var gapPercent: Double? {
            bestKnown.map { $0 == 0 ? 0 : 100 * Double(objective - $0) / Double($0) }
        }
    }

    public init() {}

    public func run(
        _ options: Options, onEvent: (SolverEvent) -> Void = { _ in }, onRow: (Row) -> Void = { _ in }
    ) throws -> [Row] {
        try FileManager.default.createDirectory(atPath: options.outDirectory, withIntermediateDirectories: true)
        var rows: [Row] = []
        for file in options.files {
            let url = URL(fileURLWithPath: file)
            let name = url.deletingPathExtension().lastPathComponent
            let instance = try CurtoisInstance(name: name, text: String(contentsOf: url, encoding: .utf8))
            let configuration = SolverConfiguration(
                timeLimit: .milliseconds(Int64(options.timeLimit * 1000)), seed: options.seed,
                moveLimit: options.moveLimit, checking: options.checking, threads: options.threads)
            let result = try CurtoisSolver(instance).solve(configuration, onEvent: onEvent)
            let solution = options.outDirectory + "/" + name + ".csv"
            try result.csv.write(toFile: solution, atomically: true, encoding: .utf8)
            var row = Row(
                instance: name, objective: result.objective, feasible: result.isFeasible,
                bestKnown: Self.bestKnown(url.deletingLastPathComponent().appendingPathComponent("best-known.csv"))[name],
                secondsToBest: result.statistics.timeToBest.seconds,
                movesPerSecond: result.statistics.movesPerSecond)
            let checker = options.toolsDirectory + "/curtois_check.py"
            if FileManager.default.fileExists(atPath: checker) {
                let report = try PatrolBenchmark.python([checker, file, solution])
                (row.checkerObjective, row.checkerFeasible) = Self.verdict(report)
                if let peerTime = options.peerTimeLimit {
                    let peerSolution = options.outDirectory + "/" + name + ".cpsat.csv"
                    _ = try PatrolBenchmark.python([
                        options.toolsDirectory + "/curtois_cpsat.py", file, "--time-limit", String(peerTime),
                        "--workers", String(options.peerWorkers), "--out", peerSolution,
                    ])
                    if FileManager.default.fileExists(atPath: peerSolution) {
                        (row.peerObjective, row.peerFeasible) = Self.verdict(
                            try PatrolBenchmark.python([checker, file, peerSolution]))
                    }
                }
            }
            onRow(row)
            rows.append(row)
        }
        return rows
    }

    /// `best_known_upper` by instance name, from the benchmark's `best-known.csv`.
    static func bestKnown(_ url: URL) -> [String: Int] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [:] }
        var result: [String: Int] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            if fields.count > 4, let value = Int(fields[4]) { result[String(fields[0])] = value }
        }
        return result
    }

    /// The objective total and feasibility of a `curtois_check.py` report.
    static func verdict(_ report: String) -> (Int?, Bool?) {
        guard let data = report.data(using: .utf8),
            let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let objective = json["objective"] as? [String: Any]
        else { return (nil, nil) }
        return ((objective["total"] as? NSNumber)?.intValue, json["feasible"] as? Bool)
    }
}

extension SummaryText {
    /// The header of the Curtois table.
    public static let curtoisHeader =
        "| instance | objective | feasible | best known | gap % | s to best | moves/s | curtois_check.py | CP-SAT |\n"
        + "| --- | ---: | --- | ---: | ---: | ---: | ---: | --- | ---: |"

    /// One row of the Curtois table.
    public static func curtoisRow(_ row: CurtoisBenchmark.Row) -> String {
        let check: String
        if let objective = row.checkerObjective, let feasible = row.checkerFeasible {
            check = "\(objective)\(feasible ? "" : " INFEASIBLE")\(objective == row.objective ? " (agrees)" : " (DISAGREES)")"
        } else {
            check = "not run"
        }
        let peer = row.peerObjective.map { "\($0)\(row.peerFeasible == false ? " infeasible" : "")" } ?? "–"
        return "| \(row.instance) | \(row.objective) | \(row.feasible ? "yes" : "no") | "
            + "\(row.bestKnown.map(String.init) ?? "–") | \(row.gapPercent.map(format) ?? "–") | "
            + "\(format(row.secondsToBest)) | \(Int(row.movesPerSecond)) | \(check) | \(peer) |"
    }
}
