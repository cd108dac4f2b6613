import PatrolModel
import Testing

@Suite struct ScoreBreakdownTests {
    @Test func totalIsTheSumOfEveryPenalty() {
        var score = ScoreBreakdown()
        score[.uncovered] = ScoreLine(count: 2, penalty: 6000)
        score[.fairness] = ScoreLine(count: 50, penalty: 100)
        score[.requests] = ScoreLine(count: 1, penalty: 7)
        #expect(score.total == 6107)
        #expect(score[.noLeader] == ScoreLine(count: 0, penalty: 0))
    }

    @Test func diagnosticsReadAsFileLineColumnMessage() {
        let diagnostic = Diagnostic(
            .error, SourceLocation(file: "volunteers.csv", line: 12, column: "max_shifts"),
            "\"x\" is not a whole number", expected: "a whole number of patrols, 0 or more")
        #expect(
            diagnostic.description
                == "volunteers.csv:12 [max_shifts]: error: \"x\" is not a whole number (expected a whole number of patrols, 0 or more)"
        )
    }
}
