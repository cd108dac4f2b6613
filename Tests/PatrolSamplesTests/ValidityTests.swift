import PatrolModel
import PatrolSamples
import Testing

/// A size of community to generate.
struct Shape: Sendable, CustomTestStringConvertible {
    var volunteers: Int
    var grids: Int

    var testDescription: String { "\(volunteers) volunteers in \(grids) grids" }

    func options(_ tightness: CommunityGenerator.Tightness, seed: UInt64 = 1)
        -> CommunityGenerator.Options
    {
        CommunityGenerator.Options(
            volunteers: volunteers, grids: grids, tightness: tightness, seed: seed)
    }
}

@Suite("Community generator: validity")
struct ValidityTests {
    static let shapes = [
        Shape(volunteers: 60, grids: 10), Shape(volunteers: 160, grids: 10),
        Shape(volunteers: 500, grids: 25), Shape(volunteers: 2_000, grids: 60),
        Shape(volunteers: 60, grids: 60), Shape(volunteers: 2_000, grids: 10),
        Shape(volunteers: 160, grids: 25),
    ]

    @Test(arguments: shapes, CommunityGenerator.Tightness.allCases)
    func everyShapeAndTightnessIsValid(shape: Shape, tightness: CommunityGenerator.Tightness) {
        let community = CommunityGenerator.generate(shape.options(tightness))
        #expect(community.volunteers.count == shape.volunteers)
        #expect(community.grids.count == shape.grids)
        #expect(!community.slots.isEmpty)
        #expect(invariantViolations(community) == [])
    }

    @Test(arguments: [
        CommunityGenerator.Options(includeNightPeriod: false),
        CommunityGenerator.Options(sessions: 0),
        CommunityGenerator.Options(sessions: 12),
        CommunityGenerator.Options(volunteers: 1, grids: 1),
        CommunityGenerator.Options(volunteers: 7, grids: 3, tightness: .tight),
        CommunityGenerator.Options(name: "翠湖社区", grids: 5),
        CommunityGenerator.Options(
            month: CommunityGenerator.Options.defaultMonth.adding(months: 1)),
        CommunityGenerator.Options(
            month: CommunityGenerator.Options.defaultMonth.adding(months: 2)),
        CommunityGenerator.Options(
            month: CommunityGenerator.Options.defaultMonth.adding(months: 14), grids: 120),
    ])
    func unusualOptionsStayValid(options: CommunityGenerator.Options) {
        #expect(invariantViolations(CommunityGenerator.generate(options)) == [])
    }

    @Test(arguments: 1...12)
    func manySeedsStayValid(seed: Int) {
        let options = CommunityGenerator.Options(volunteers: 90, grids: 7, seed: UInt64(seed))
        #expect(invariantViolations(CommunityGenerator.generate(options)) == [])
    }
}
