import PatrolModel
import PatrolScenarios
import Testing

@Suite struct ScenarioChangeTests {
    private struct Rename: ScenarioChange {
        var name: String
        func apply(to community: inout Community, seed: UInt64) throws { community.name = name }
    }

    @Test func appliesAChangeToACommunity() throws {
        var community = Community(
            name: "长青社区", month: Month("2026-12")!, periods: [], grids: [], volunteers: [], slots: [])
        try Rename(name: "幸福社区").apply(to: &community, seed: 1)
        #expect(community.name == "幸福社区")
    }
}
