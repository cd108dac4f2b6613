import PatrolModel
import PatrolSamples
import Testing

@Suite("Community generator: tightness")
struct TightnessTests {
    /// Shapes with a realistic number of volunteers per grid, where every tightness is reachable.
    static let realisticShapes = [
        Shape(volunteers: 60, grids: 10), Shape(volunteers: 160, grids: 10),
        Shape(volunteers: 500, grids: 25), Shape(volunteers: 2_000, grids: 60),
        Shape(volunteers: 60, grids: 60), Shape(volunteers: 160, grids: 25),
    ]

    @Test(arguments: realisticShapes, CommunityGenerator.Tightness.allCases)
    func capacityStandsInTheIntendedRatioToDemand(
        shape: Shape, tightness: CommunityGenerator.Tightness
    ) {
        let balance = StaffingBalance(CommunityGenerator.generate(shape.options(tightness)))
        #expect(abs(balance.ratio - tightness.targetRatio) < 0.06, "ratio \(balance.ratio)")
    }

    @Test(arguments: realisticShapes)
    func looseIsLooserThanBalancedWhichIsLooserThanTight(shape: Shape) {
        let ratios = [CommunityGenerator.Tightness.loose, .balanced, .tight].map {
            StaffingBalance(CommunityGenerator.generate(shape.options($0))).ratio
        }
        #expect(ratios[0] > ratios[1])
        #expect(ratios[1] > ratios[2])
    }

    @Test func intendedBandsMatchTheBrief() {
        #expect(CommunityGenerator.Tightness.loose.targetRatio == 1.6)
        #expect(CommunityGenerator.Tightness.balanced.targetRatio == 1.15)
        #expect(CommunityGenerator.Tightness.tight.targetRatio == 0.9)
    }

    @Test(arguments: CommunityGenerator.Tightness.allCases)
    func crowdedGridsComeOutLooserThanAskedNeverTighter(tightness: CommunityGenerator.Tightness) {
        // 200 volunteers per grid is more than full teams everywhere can use.
        let shape = Shape(volunteers: 2_000, grids: 10)
        let balance = StaffingBalance(CommunityGenerator.generate(shape.options(tightness)))
        #expect(balance.ratio >= tightness.targetRatio)
    }

    @Test(arguments: [UInt64(3), 17, 2_026])
    func theRatioHoldsForOtherSeeds(seed: UInt64) {
        for tightness in CommunityGenerator.Tightness.allCases {
            let options = Shape(volunteers: 240, grids: 16).options(tightness, seed: seed)
            let balance = StaffingBalance(CommunityGenerator.generate(options))
            #expect(abs(balance.ratio - tightness.targetRatio) < 0.06, "ratio \(balance.ratio)")
        }
    }
}
