import Foundation
import PatrolInterchange
import PatrolKit
import PatrolSamples
import PatrolTestSupport
import Testing

/// The office exports of a scenario comparison, written by a run and again from the store.
@Suite struct ScenarioExportTests {
    /// A generated community (with phone numbers) and four scenarios: a flu wave, a grid
    /// split, a long-named weight change and an extra holiday, which makes a second base:
    /// six columns.
    private func prepare(_ temp: TemporaryDirectory, volunteers: Int = 40, grids: Int = 3) throws
        -> [String]
    {
        let community = CommunityGenerator.generate(
            CommunityGenerator.Options(volunteers: volunteers, grids: grids, tightness: .tight, seed: 5))
        try RosterWriter.write(CommunityWriter.files(community), to: temp.file("community"))
        let scenarios = [
            "flu.yaml": """
            name: 流感
            base: community
            seed: 11
            changes:
              - unavailable: {filter: {age: 60+}, fraction: 0.5, dates: 2026-12-05..2026-12-15}
            """,
            "split.yaml": """
            name: 拆分
            base: community
            changes:
              - split_grid: {grid: G02, into: [{id: G02A, name: 东}, {id: G02B, name: 西}]}
            """,
            "fair.yaml": """
            name: 春节期间三分之一商户志愿者返乡之后加倍重视公平性的安排
            base: community
            changes:
              - weights: {fairness: 4}
            """,
            "holiday.yaml": """
            name: 加一天假
            base: community
            holidays: [2026-12-10]
            changes: []
            """,
        ]
        for (name, text) in scenarios { try Data(text.utf8).write(to: URL(fileURLWithPath: temp.file(name))) }
        return ["flu.yaml", "split.yaml", "fair.yaml", "holiday.yaml"].map(temp.file)
    }

    private func options(out: String, export: ComparisonExportOptions) -> ScenarioRunOptions {
        var options = ScenarioRunOptions()
        options.moveLimit = 3_000
        options.workers = 2
        options.outputDirectory = out
        options.comparisonExport = export
        return options
    }

    @Test func writesTheOfficeExportBesideComparisonCSVAndTheSameAgainFromTheStore() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let files = try prepare(temp)
        let workspace = Workspace(database: try .inMemory())
        let export = ComparisonExportOptions(format: .csv, language: .en)

        let report = try workspace.runScenarios(
            files: files, options: options(out: temp.file("out"), export: export))

        #expect(
            report.writtenPaths.suffix(2) == [
                temp.file("out/comparison.csv"), temp.file("out/scenario_comparison.csv"),
            ])
        let written = try temp.contents("out/scenario_comparison.csv")
        let again = ScenarioTable.export(try workspace.compareScenarioRuns([report.runID]), options: export)
        #expect(written == Data(again.contents))
        #expect(again.text.contains(",流感: change,"))
    }

    /// The page of six columns printed on A4: not blank, nothing past the right margin, no
    /// element wider than its box, and no phone number of the community anywhere.
    @Test(.enabled(if: HeadlessChromium.isAvailable, "chromium or pdftoppm (poppler-utils) is not installed"))
    func printsSixColumnsOnA4WithNothingOverflowingAndNoPhoneNumbers() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let files = try prepare(temp, volunteers: 120, grids: 8)
        let workspace = Workspace(database: try .inMemory())

        let report = try workspace.runScenarios(
            files: files, options: options(out: temp.file("out"), export: .init(format: .html)))

        #expect(report.comparison.columns.count == 6)
        let page = temp.file("out/情景对比.html")
        try HeadlessChromium.printToPDF(html: page, pdf: temp.file("comparison.pdf"))
        let pages = try PDFPages.render(pdf: temp.file("comparison.pdf"), dpi: 40)
        #expect(pages.count >= 2, "the figures, then grids and loads")
        for (number, image) in pages.enumerated() {
            #expect(image.inkedPixels() > 2_000, "page \(number + 1) is not blank")
            #expect(image.inkedPixels(inColumns: (image.width - 12)..<image.width) == 0, "page \(number + 1) overflows")
        }
        #expect(try PDFPages.text(pdf: temp.file("comparison.pdf"), page: 1).contains("总分"))
        #expect(try PDFPages.text(pdf: temp.file("comparison.pdf"), page: 2).contains("网格缺岗人次"))
        #expect(try HeadlessChromium.overflowingElements(html: page, width: 1047) == [])

        let html = try String(contentsOfFile: page, encoding: .utf8)
        let csv = ScenarioTable.export(report.comparison, options: .init(format: .csv)).text
        let community = try CommunityLoader().load(directory: temp.file("community")).community
        let phones = community.volunteers.map(\.phone).filter { !$0.isEmpty }
        #expect(!phones.isEmpty)
        for phone in phones {
            #expect(!html.contains(phone) && !csv.contains(phone), "\(phone) in the comparison")
        }
        #expect(!html.contains("****") && !csv.contains("****"), "not even masked")
    }
}
