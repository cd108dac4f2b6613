import Foundation
import PatrolChecker
import PatrolInterchange
import PatrolModel
import PatrolSamples
import PatrolSolver

/// `patrol bench`: the optimiser on a generated community, measured on this machine and,
/// when the shared tools are at hand, re-scored by `patrol_check.py` and compared with the
/// CP-SAT peer `patrol_cpsat.py` run side by side.
public struct PatrolBenchmark {
    public struct Options: Sendable {
        public var community = CommunityGenerator.Options()
        public var timeLimit: Double = 30
        public var seed: UInt64 = 1
        /// Searches side by side, as `patrol solve --threads`.
        public var threads = 1
        /// Seconds for the CP-SAT peer; nil skips it.
        public var peerTimeLimit: Double?
        public var peerWorkers = 2
        /// The folder holding `patrol_check.py` and `patrol_cpsat.py`.
        public var toolsDirectory = "../shared/tools"
        /// Where the community and both outputs are written.
        public var workDirectory = ".build-bench"
        /// Also exports the schedule in every office format and times it.
        public var measureExports = false

        public init() {}
    }

    /// One benchmark's figures.
    public struct Figures: Sendable {
        public var volunteers: Int
        public var grids: Int
        public var slots: Int
        public var neededVolunteerShifts: Int
        /// Reading and checking the community's files.
        public var loadSeconds: Double
        /// From the start of reading to the first valid schedule.
        public var firstValidSeconds: Double
        public var firstScore: Int
        public var score: Int
        public var coveragePercent: Double
        public var secondsToBest: Double
        public var movesPerSecond: Double
        public var peakMemoryMB: Double
        /// `patrol_check.py`'s total and verdict on our output, when the tools are present.
        public var referenceScore: Int?
        public var referenceOK: Bool?
        /// The CP-SAT peer's score (re-scored by `patrol_check.py`) and its JSON line.
        public var peerScore: Int?
        public var peerSummary: String?
        /// Each office format's export of the schedule, when asked for.
        public var exports: [ExportTiming] = []
    }

    /// One format's export: making the files in memory, then writing them to disk.
    public struct ExportTiming: Sendable {
        public var format: ExportFormat
        public var makeSeconds: Double
        /// Mostly the file system's: a calendar per volunteer is thousands of new files.
        public var writeSeconds: Double
        public var files: Int
        public var bytes: Int
    }

    public init() {}

    public func run(_ options: Options, onEvent: (SolverEvent) -> Void = { _ in }) throws -> Figures {
        let communityDirectory = options.workDirectory + "/community"
        let ourOutput = options.workDirectory + "/patrol-out"
        let peerOutput = options.workDirectory + "/cpsat-out"
        try RosterWriter.write(
            CommunityWriter.files(CommunityGenerator.generate(options.community)), to: communityDirectory)
        // Read back from disk, as `patrol solve` does: the first valid schedule includes reading.
        let clock = ContinuousClock()
        let start = clock.now
        let community = try CommunityLoader().load(directory: communityDirectory).community
        let loadTime = clock.now - start
        let solver = Solver(community)
        let compileTime = clock.now - start - loadTime

        let configuration = SolverConfiguration(
            timeLimit: .milliseconds(Int64(options.timeLimit * 1000)), seed: options.seed,
            threads: options.threads)
        let result = try solver.solve(configuration, onEvent: onEvent)
        try RosterWriter.write(RosterWriter.files(community: community, schedule: result.schedule), to: ourOutput)
        let evaluation = RosterChecker(community: community).evaluate(result.schedule)

        var figures = Figures(
            volunteers: community.volunteers.count, grids: community.grids.count,
            slots: community.slots.count, neededVolunteerShifts: evaluation.kpi.neededVolunteerShifts,
            loadSeconds: loadTime.seconds,
            firstValidSeconds: (loadTime + compileTime + result.statistics.constructionTime).seconds,
            firstScore: result.statistics.constructionScore, score: result.score.total,
            coveragePercent: evaluation.kpi.coveragePercent,
            secondsToBest: result.statistics.timeToBest.seconds,
            movesPerSecond: result.statistics.movesPerSecond, peakMemoryMB: Self.peakMemoryMB())

        if options.measureExports {
            figures.exports = try Self.timeExports(
                community, result.schedule, into: options.workDirectory + "/exports")
        }

        let checker = options.toolsDirectory + "/patrol_check.py"
        if FileManager.default.fileExists(atPath: checker) {
            let report = try Self.python([checker, communityDirectory, ourOutput])
            figures.referenceScore = Self.total(inCheckerReport: report)
            figures.referenceOK = report.contains("\"ok\": true")
            if let peerTime = options.peerTimeLimit {
                figures.peerSummary = try Self.python([
                    options.toolsDirectory + "/patrol_cpsat.py", communityDirectory,
                    "--month", community.month.description, "--time-limit", String(peerTime),
                    "--workers", String(options.peerWorkers), "--out", peerOutput,
                ]).split(separator: "\n").last.map(String.init)
                figures.peerScore = Self.total(inCheckerReport: try Self.python([checker, communityDirectory, peerOutput]))
            }
        }
        return figures
    }

    /// Exports the schedule in every format (Chinese, each format's usual layout, phones
    /// masked) into a folder per format, timing the making and the writing of the files.
    static func timeExports(_ community: Community, _ schedule: Schedule, into directory: String) throws
        -> [ExportTiming]
    {
        let clock = ContinuousClock()
        return try ExportFormat.allCases.map { format in
            let start = clock.now
            let files = try RosterExporter.files(
                community: community, schedule: schedule, options: ExportOptions(format: format))
            let made = clock.now
            try RosterWriter.write(files, to: directory + "/" + format.rawValue)
            return ExportTiming(
                format: format, makeSeconds: (made - start).seconds, writeSeconds: (clock.now - made).seconds,
                files: files.count, bytes: files.reduce(0) { $0 + $1.contents.count })
        }
    }

    /// The process's peak resident memory, in MB.
    static func peakMemoryMB() -> Double {
        var usage = rusage()
        #if os(Linux)
            getrusage(RUSAGE_SELF.rawValue, &usage)
            return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
        #else
            getrusage(RUSAGE_SELF, &usage)
            return Double(usage.ru_maxrss) / 1_048_576  // bytes on Darwin
        #endif
    }

    /// Runs `python3 arguments…` and returns its standard output (exit status 0 or 1).
    static func python(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// The `"total"` of a `patrol_check.py` JSON report.
    static func total(inCheckerReport report: String) -> Int? {
        guard let data = report.data(using: .utf8),
            let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let score = json["score"] as? [String: Any]
        else { return nil }
        return (score["total"] as? NSNumber)?.intValue
    }
}
