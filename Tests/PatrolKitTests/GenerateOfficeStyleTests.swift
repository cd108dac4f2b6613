import Foundation
import PatrolInterchange
import PatrolKit
import PatrolModel
import PatrolSamples
import Testing

@Suite("Generating sample communities as a community office keeps them")
struct GenerateOfficeStyleTests {
    static func options(
        _ name: String, _ month: String, volunteers: Int, grids: Int,
        _ tightness: CommunityGenerator.Tightness, seed: UInt64, night: Bool = true,
        sessions: Int = 3, extras: Bool = true
    ) -> CommunityGenerator.Options {
        CommunityGenerator.Options(
            name: name, month: Month(month) ?? CommunityGenerator.Options.defaultMonth,
            volunteers: volunteers, grids: grids, tightness: tightness, seed: seed,
            includeNightPeriod: night, sessions: sessions, withRequests: extras,
            withHistory: extras)
    }

    /// Several sizes, seeds and tightnesses, and months with holidays: 元旦 in January 2027,
    /// the Spring Festival in February 2026, 国庆 in October 2026.
    static let samples = [
        options("长青社区", "2026-12", volunteers: 168, grids: 10, .balanced, seed: 1),
        options(
            "吴牙社区", "2026-12", volunteers: 40, grids: 3, .loose, seed: 2, night: false,
            sessions: 0, extras: false),
        options("长青社区", "2027-01", volunteers: 500, grids: 25, .tight, seed: 3),
        options("和平社区", "2026-02", volunteers: 90, grids: 6, .balanced, seed: 9),
        options("东湖社区", "2026-10", volunteers: 1200, grids: 40, .tight, seed: 5),
    ]

    /// A scratch folder for one test.
    final class Folder {
        let path = NSTemporaryDirectory() + "generate-\(UUID().uuidString)"
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    @Test(arguments: samples)
    func writesFilesThatLoadBackIntoTheGeneratedCommunity(options: CommunityGenerator.Options)
        throws
    {
        let folder = Folder()
        _ = try Workspace.generate(options, to: folder.path)
        let loaded = try CommunityLoader().load(directory: folder.path)
        let community = CommunityGenerator.generate(options)
        #expect(loaded.community == community)
        #expect(loaded.warnings.isEmpty)

        let bytes = try Data(contentsOf: URL(filePath: folder.path + "/demand.csv"))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "a BOM, so that Excel reads UTF-8")
        let demand = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(demand.hasPrefix("网格,时段,日期,人数\n"))
        let rows = demand.split(separator: "\n").count - 1
        #expect(Double(rows) < 0.15 * Double(community.slots.count), "\(rows) demand rows")
    }

    @Test func writesOneDemandRowPerSlotInThePlainStyle() throws {
        let folder = Folder()
        let options = Self.samples[1]
        _ = try Workspace.generate(options, style: .plain, to: folder.path)
        let demand = try String(contentsOfFile: folder.path + "/demand.csv", encoding: .utf8)
        #expect(demand.hasPrefix("grid,period,days,volunteers\n"))
        #expect(
            demand.split(separator: "\n").count - 1
                == CommunityGenerator.generate(options).slots.count)
        #expect(
            try CommunityLoader().load(directory: folder.path).community
                == CommunityGenerator.generate(options))
    }
}
