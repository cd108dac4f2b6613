@testable import PatrolSolver
import Testing

/// The working solution keeps its counters in one block written in place: copies must
/// still behave as values, whichever of them changes first.
@Suite struct WorkingSolutionTests {
    @Test(arguments: [1, 2] as [UInt64])
    func aCopyIsAValueWhicheverSideChanges(seed: UInt64) throws {
        let original = try RandomShiftRoster.constructed(seed: seed)
        let assignment = BestScheduleTests.assignment(original)
        var copies = [original, original]
        var selector = MoveSelector(problem: original.problem)
        var random = RandomSource(seed: seed)
        var log = MoveLog()
        var applied = 0
        // The first copy walks; then the second, which still shares the first's old block.
        for index in copies.indices {
            for _ in 0..<500 {
                log.clear()
                if selector.apply(&copies[index], &log, &random) { applied += 1 }
            }
            #expect(copies[index].corruption(after: "the walk") == nil)
        }
        #expect(applied > 100)
        #expect(BestScheduleTests.assignment(original) == assignment)
        #expect(original.corruption(after: "the copies' walks") == nil)
        #expect(BestScheduleTests.assignment(copies[0]) != assignment)
        #expect(BestScheduleTests.assignment(copies[0]) != BestScheduleTests.assignment(copies[1]))
    }
}
