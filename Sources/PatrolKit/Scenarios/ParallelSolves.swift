import Foundation
import PatrolChecker
import PatrolInterchange
import PatrolModel
import PatrolScenarios
import PatrolSolver

/// Solves independent communities on worker threads, at most `workers` at a time, and
/// checks each result on the thread that solved it.
///
/// The solver is synchronous and `Sendable`, and a solve's result depends only on its
/// community, configuration and start (with a move limit, not on the machine's speed), so
/// solving in parallel gives the same schedules as solving one after the other. Each worker
/// takes the next job nobody has started, so a slow solve does not hold up the rest.
enum ParallelSolves {
    struct Job: Sendable {
        var community: Community
        var configuration: SolverConfiguration
        /// A warm start; nil builds from scratch.
        var initial: Schedule?
        /// Where to write the roster files and the community, if anywhere.
        var outputDirectory: String?
    }

    /// A solved, independently checked job.
    struct Outcome: Sendable {
        var result: SolverResult
        var figures: RosterFigures
        /// Compiling the problem and solving, wall-clock.
        var seconds: Double
    }

    /// Solves, checks and writes every job; outcomes come back in job order.
    ///
    /// - Throws: `PatrolKitError` when a schedule fails the independent check,
    ///   `ScoreCorruption` (only with checking on), file errors; the first one thrown.
    static func solve(_ jobs: [Job], workers: Int) throws -> [Outcome] {
        try map(jobs.count, workers: workers) { index in try run(jobs[index]) }
    }

    private static func run(_ job: Job) throws -> Outcome {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try Solver(job.community).solve(job.configuration, initial: job.initial)
        let seconds = (clock.now - start).seconds
        let evaluation = try Workspace.verified(result, job.community)
        if let directory = job.outputDirectory {
            try RosterWriter.write(
                RosterWriter.files(community: job.community, schedule: result.schedule),
                to: directory)
            try RosterWriter.write(
                CommunityWriter.files(job.community), to: directory + "/community")
        }
        return Outcome(
            result: result,
            figures: RosterFigures(
                community: job.community, schedule: result.schedule, evaluation: evaluation),
            seconds: seconds)
    }

    /// `body(0) … body(count - 1)` on up to `workers` threads, results in index order.
    static func map<T: Sendable>(
        _ count: Int, workers: Int, _ body: @escaping @Sendable (Int) throws -> T
    )
        throws -> [T]
    {
        let results = Results<T>(count: count)
        let group = DispatchGroup()
        for _ in 0..<max(1, min(workers, count)) {
            group.enter()
            Thread.detachNewThread {
                while let index = results.nextIndex() {
                    results.store(Result { try body(index) }, at: index)
                }
                group.leave()
            }
        }
        group.wait()
        return try results.values()
    }

    /// The shared work list and results, behind a lock.
    private final class Results<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private var slots: [Result<T, any Error>?]

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func nextIndex() -> Int? {
            lock.withLock {
                guard next < slots.count else { return nil }
                defer { next += 1 }
                return next
            }
        }

        func store(_ result: Result<T, any Error>, at index: Int) {
            lock.withLock { slots[index] = result }
        }

        func values() throws -> [T] {
            try lock.withLock {
                try slots.map { slot in
                    // Every worker stores each index it takes before the group is left.
                    guard let slot else { preconditionFailure("a job did not report back") }
                    return try slot.get()
                }
            }
        }
    }
}
