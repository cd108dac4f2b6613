import PatrolChecker
import PatrolModel
import PatrolSolver
import PatrolTestSupport
import Testing

/// The optimiser against the independent checker on random communities: every schedule
/// keeps every hard rule, and the optimiser's score equals the checker's to the unit.
@Suite struct SolverPropertyTests {
    @Test(arguments: 0..<40)
    func keepsEveryHardRuleAndScoresExactly(seed: UInt64) throws {
        let community = RandomCommunity.make(seed: seed)
        let configuration = SolverConfiguration(
            timeLimit: .seconds(30), seed: seed, moveLimit: 3_000, checking: .everyMove)

        let result = try Solver(community).solve(configuration)

        let evaluation = RosterChecker(community: community).evaluate(result.schedule)
        #expect(evaluation.hardViolationCount == 0, "\(evaluation.violations.filter { !$0.value.isEmpty })")
        #expect(evaluation.score == result.score)
    }

    @Test(arguments: 100..<106)
    func incrementalScoreMatchesARecountAlongLongSearches(seed: UInt64) throws {
        // Given a larger random community and a long search that recounts after every move
        let community = RandomCommunity.make(seed: seed, volunteers: 25...40, grids: 3...5, demandDays: 10...20)
        let configuration = SolverConfiguration(seed: seed, moveLimit: 40_000, checking: .everyMove)

        // When it runs, no ScoreCorruption is thrown, and the end result agrees with the checker
        let result = try Solver(community).solve(configuration)
        #expect(RosterChecker(community: community).evaluate(result.schedule).score == result.score)
    }

    @Test func sameSeedAndMoveLimitGiveTheSameSchedule() throws {
        let community = RandomCommunity.make(seed: 7, volunteers: 15...20, grids: 2...3)
        let configuration = SolverConfiguration(seed: 42, moveLimit: 20_000)

        let first = try Solver(community).solve(configuration)
        let second = try Solver(community).solve(configuration)

        #expect(first.schedule == second.schedule)
        #expect(first.score == second.score)
    }

    @Test func searchNeverEndsWorseThanConstruction() throws {
        for seed in UInt64(200)..<210 {
            let community = RandomCommunity.make(seed: seed)
            let result = try Solver(community).solve(SolverConfiguration(seed: seed, moveLimit: 10_000))
            #expect(result.score.total <= result.statistics.constructionScore)
        }
    }
}
