import PatrolModel
import Testing

@testable import PatrolSamples

@Suite("Grid plan")
struct GridPlanTests {
    @Test(arguments: 1...80)
    func everyGridCountGivesASymmetricLayoutOfTwoToFourNeighbours(count: Int) {
        var random = SplitMix64(seed: UInt64(count))
        let grids = GridPlan.make(count: count, stem: "长青", random: &random).map(\.grid)
        let byID = Dictionary(uniqueKeysWithValues: grids.map { ($0.id, $0) })
        #expect(byID.count == count)
        #expect(Set(grids.map(\.name)).count == count)
        for grid in grids {
            let degrees = count >= 3 ? 2...4 : (count - 1)...(count - 1)
            #expect(degrees.contains(grid.neighbors.count), "\(grid.id) of \(count)")
            for neighbor in grid.neighbors {
                #expect(byID[neighbor]?.neighbors.contains(grid.id) == true)
            }
        }
        let hotspots = grids.filter { $0.risk == 3 }.count
        #expect(hotspots >= 1 && hotspots <= max(1, count / 5))
    }

    @Test func idsSortInGridOrder() {
        var random = SplitMix64(seed: 1)
        let ids = GridPlan.make(count: 120, stem: "长青", random: &random).map(\.grid.id)
        #expect(ids.first == "G001")
        #expect(ids == ids.sorted())
    }

    @Test func ordinalNamesUseChineseNumerals() {
        #expect(ChineseNames.numeral(1) == "一")
        #expect(ChineseNames.numeral(10) == "十")
        #expect(ChineseNames.numeral(12) == "十二")
        #expect(ChineseNames.numeral(40) == "四十")
        #expect(ChineseNames.numeral(99) == "九十九")
        #expect(ChineseNames.numeral(120) == "120")
    }
}
