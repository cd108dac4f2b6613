import Foundation
import PatrolInterchange
import PatrolKit
import PatrolModel
import PatrolSamples
import PatrolSolver
import PatrolStore
import PatrolTestSupport
import Testing

@Suite struct WorkspaceExportTests {
    private let configuration = SolverConfiguration(seed: 3, moveLimit: 20_000)

    /// A solved and stored generated community.
    private func solved(
        volunteers: Int = 40, grids: Int = 3, in temp: TemporaryDirectory
    ) throws -> (Workspace, SolveReport) {
        let community = CommunityGenerator.generate(
            CommunityGenerator.Options(volunteers: volunteers, grids: grids, tightness: .balanced, seed: 5))
        try RosterWriter.write(CommunityWriter.files(community), to: temp.file("community"))
        let workspace = Workspace(database: try .inMemory())
        let report = try workspace.solve(
            directory: temp.file("community"), outputDirectory: temp.file("out"), configuration: configuration)
        return (workspace, report)
    }

    @Test(arguments: ExportFormat.allCases)
    func exportsAStoredScheduleAsTheExporterMakesIt(format: ExportFormat) throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let (workspace, report) = try solved(in: temp)
        let options = ExportOptions(format: format, language: .zh)

        let written = try workspace.export(scheduleID: report.scheduleID, options: options, to: temp.file("export"))

        let expected = try RosterExporter.files(community: report.community, schedule: report.schedule, options: options)
        #expect(written == expected.map { temp.file("export/" + $0.name) })
        for file in expected {
            #expect(try temp.contents("export/" + file.name) == Data(file.contents), "\(file.name)")
        }
    }

    @Test func refusesAGroupingTheFormatCannotSplitByAndWritesNothing() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let (workspace, report) = try solved(in: temp)

        #expect(throws: ExportError.unsupportedGrouping(.html, .volunteer)) {
            try workspace.export(
                scheduleID: report.scheduleID, options: ExportOptions(format: .html, grouping: .volunteer),
                to: temp.file("export"))
        }
        #expect(!temp.exists("export"))
    }

    /// The printed page of a community like the sample (160 volunteers, 10 grids): a page per
    /// grid calendar, nothing blank or overflowing. `PATROL_UPDATE_SCREENSHOT=1` also writes
    /// the busiest grid's page as `Documentation/roster-page.png`, the picture in the README.
    @Test(.enabled(if: HeadlessChromium.isAvailable, "chromium or pdftoppm (poppler-utils) is not installed"))
    func printsTheSampleRosterAGridPerPageWithNothingOverflowing() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let (workspace, report) = try solved(volunteers: 160, grids: 10, in: temp)
        let page = try #require(
            try workspace.export(scheduleID: report.scheduleID, options: ExportOptions(format: .html), to: temp.path)
                .first)
        try HeadlessChromium.printToPDF(html: page, pdf: temp.file("roster.pdf"))

        let pages = try PDFPages.render(pdf: temp.file("roster.pdf"), dpi: 40)
        #expect(pages.count >= 10 + 3, "a page per grid, the coverage, the trainings and the honour roll")
        for (number, grid) in report.community.grids.enumerated() {
            let text = try PDFPages.text(pdf: temp.file("roster.pdf"), page: number + 1)
            #expect(text.contains("\(grid.id) \(grid.name)"), "page \(number + 1) is \(grid.id)'s calendar")
            #expect(text.contains("本月队长"), "the calendar of \(grid.id) ends on its page")
        }
        let lastPage = try PDFPages.text(pdf: temp.file("roster.pdf"), page: pages.count)
        #expect(lastPage.contains("服务时长红榜"), "the honour roll has the last page to itself")
        for (number, image) in pages.enumerated() {
            #expect(image.inkedPixels() > 2_000, "page \(number + 1) is not blank")
            #expect(image.inkedPixels(inColumns: (image.width - 12)..<image.width) == 0, "page \(number + 1) overflows")
        }
        #expect(try HeadlessChromium.overflowingElements(html: page, width: 1047) == [])

        if ProcessInfo.processInfo.environment["PATROL_UPDATE_SCREENSHOT"] == "1" {
            // The busiest grid's page: the one with the most volunteers to place shows the most.
            var demand: [GridID: Int] = [:]
            for slot in report.community.slots { demand[slot.grid, default: 0] += slot.needed }
            let busiest = report.community.grids.indices.max {
                demand[report.community.grids[$0].id] ?? 0 < demand[report.community.grids[$1].id] ?? 0
            }
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent()
            try PDFPages.writePNG(
                pdf: temp.file("roster.pdf"), page: (busiest ?? 0) + 1, dpi: 110,
                to: root.appendingPathComponent("Documentation/roster-page.png").path)
        }
    }
}
