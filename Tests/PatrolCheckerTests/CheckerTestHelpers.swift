import PatrolChecker
import PatrolModel
import PatrolTestSupport
import Testing

/// A community with one grid `G1` that wants two volunteers in every period of every day of
/// December 2026, so that patrols on G1 never exceed demand unless a test means them to.
func oneGridBuilder() -> CommunityBuilder {
    var b = CommunityBuilder()
    b.grid("G1")
    b.demand(grid: "G1", needed: 2)
    return b
}

/// An assignment on day `day` of December 2026.
func patrol(
    _ volunteer: VolunteerID, day: Int, _ period: PeriodID, grid: GridID = "G1"
) -> Assignment {
    Assignment(
        volunteer: volunteer, grid: grid, date: CommunityBuilder().day(day), period: period)
}

func attend(_ volunteer: VolunteerID, _ session: SessionID) -> SessionAttendance {
    SessionAttendance(session: session, volunteer: volunteer)
}

func evaluate(
    _ builder: CommunityBuilder, _ assignments: [Assignment],
    _ attendance: [SessionAttendance] = []
) -> RosterEvaluation {
    RosterChecker(community: builder.build())
        .evaluate(Schedule(assignments: assignments, attendance: attendance))
}

/// Expects `rule` broken exactly once and every other hard rule kept.
func expectOnly(
    _ rule: HardRule, in evaluation: RosterEvaluation,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    for other in HardRule.allCases {
        #expect(
            evaluation.violationCount(other) == (other == rule ? 1 : 0),
            "\(other.rawValue): \(evaluation.violations[other] ?? [])",
            sourceLocation: sourceLocation)
    }
    #expect(evaluation.hardViolationCount == 1, sourceLocation: sourceLocation)
}

/// Expects every hard rule kept.
func expectFeasible(
    _ evaluation: RosterEvaluation, sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let broken = evaluation.violations.filter { !$0.value.isEmpty }
    #expect(broken.isEmpty, "\(broken)", sourceLocation: sourceLocation)
}
