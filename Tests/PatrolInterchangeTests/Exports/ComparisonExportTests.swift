import CSV
import Foundation
import PatrolModel
import Testing

@testable import PatrolInterchange

/// A hand-made comparison: a base and two scenarios. The flu takes volunteers away (worse
/// almost everywhere, two volunteers drop to no patrol); the split replaces G2 by G2A and
/// G2B (better coverage, a volunteer joins and one leaves). Names hold `<`, `>` and a comma.
enum ComparisonSample {
    static func score(_ penalties: [ScoreComponent: Int]) -> ScoreBreakdown {
        var score = ScoreBreakdown()
        for (component, penalty) in penalties { score[component] = ScoreLine(count: 0, penalty: penalty) }
        return score
    }

    static let figures = ComparisonFigures(
        columns: [
            .init(
                name: "base", scheduleID: 7,
                score: score([.uncovered: 3000, .noPartyMember: 600, .fairness: 200]),
                coveragePercent: 92.5, teamsWithoutPartyMember: 2, shortByGrid: ["G1": 1, "G2": 2],
                worstGrids: ["G2", "G1"], shiftsMin: 1, shiftsMedian: 3.5, shiftsMax: 6, giniShifts: 0.21,
                volunteersWithoutPatrol: 0),
            .init(
                name: "流感 <老人>", baseIndex: 0, scheduleID: 8,
                score: score([.uncovered: 5000, .noPartyMember: 300, .fairness: 180, .requests: 10]),
                coveragePercent: 87.5, teamsWithoutPartyMember: 1, shortByGrid: ["G1": 1, "G2": 4],
                worstGrids: ["G2", "G1"], shiftsMin: 0, shiftsMedian: 3, shiftsMax: 6, giniShifts: 0.2804,
                volunteersWithoutPatrol: 2,
                loadChanges: [
                    .init(volunteer: "V3", name: "王芳", before: 4, after: 0),
                    .init(volunteer: "V1", name: "张伟", before: 3, after: 5),
                    .init(volunteer: "V6", name: "刘洋", before: 2, after: 1),
                ]),
            .init(
                name: "拆分, 老街", baseIndex: 0, scheduleID: 9,
                score: score([.uncovered: 2000, .noPartyMember: 600, .fairness: 204]),
                coveragePercent: 95, teamsWithoutPartyMember: 2, shortByGrid: ["G1": 0, "G2A": 2, "G2B": 0],
                worstGrids: ["G2A"], shiftsMin: 1, shiftsMedian: 3.5, shiftsMax: 5, giniShifts: 0.2096,
                volunteersWithoutPatrol: 0,
                loadChanges: [
                    .init(volunteer: "V5", name: "陈静", before: 3, after: nil),
                    .init(volunteer: "V7", name: "孙悦", before: nil, after: 2),
                ]),
        ],
        grids: [
            .init(id: "G1", name: "东区"), .init(id: "G2", name: "老街, 西区"), .init(id: "G2A", name: "老街东"),
            .init(id: "G2B", name: "老街西"),
        ])
}

@Suite("Comparison exports")
struct ComparisonExportTests {
    static let goldens: [(folder: String, options: ComparisonExportOptions)] = [
        ("comparison-csv-zh", .init(format: .csv, language: .zh)),
        ("comparison-csv-en", .init(format: .csv, language: .en)),
        ("comparison-html-zh", .init(format: .html, language: .zh)),
        ("comparison-html-en", .init(format: .html, language: .en)),
    ]

    @Test(arguments: goldens)
    func comparisonMatchesItsGoldenFile(folder: String, options: ComparisonExportOptions) throws {
        let file = ComparisonExporter.file(ComparisonSample.figures, options: options)
        try ExportGoldenTests.expectGolden([file.name: file.contents], folder: folder)
    }

    private func rows(_ file: OutputFile) throws -> [[String]] {
        Array(try CSVReader(string: String(file.text.dropFirst()), hasHeaderRow: false))
    }

    @Test func writesCSVForExcelWithEachChangeBesideItsScenario() throws {
        let file = ComparisonExporter.file(ComparisonSample.figures, options: .init(format: .csv))

        #expect(file.name == "情景对比.csv")
        #expect(file.contents.starts(with: CSVExport.byteOrderMark))
        #expect(!file.text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let rows = try rows(file)
        #expect(
            rows[0] == ["类别", "指标", "base", "流感 <老人>", "流感 <老人> 较基准", "拆分, 老街", "拆分, 老街 较基准"])
        let byLabel = Dictionary(rows.map { ($0[1], $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byLabel["总分"] == ["评分", "总分", "3800", "5490", "1690", "2804", "-996"])
        #expect(byLabel["覆盖率(%)"] == ["覆盖与公平", "覆盖率(%)", "92.50", "87.50", "-5.00", "95.00", "2.50"])
        #expect(byLabel["班次基尼系数"]?[2...] == ["0.210", "0.280", "0.070", "0.210", "0.000"])
        #expect(byLabel["缺岗最多网格"]?[2...] == ["G2：2、G1：1", "G2：4、G1：1", "", "G2A：2", ""])
        #expect(byLabel["G2 老街, 西区"]?[2...] == ["2", "4", "2", "", ""], "no G2 after the split")
        #expect(byLabel["G2A 老街东"]?[2...] == ["", "", "", "2", ""])
        #expect(byLabel["第1位"]?[2...] == ["", "V3 王芳 4→0", "-4", "V5 陈静 3→–", "-3"])
        #expect(byLabel["第3位"]?[2...] == ["", "V6 刘洋 2→1", "-1", "", ""])
    }

    @Test func writesEnglishLabelsWithLangEn() throws {
        let file = ComparisonExporter.file(
            ComparisonSample.figures, options: .init(format: .csv, language: .en))

        #expect(file.name == "scenario_comparison.csv")
        let rows = try rows(file)
        #expect(rows[0].prefix(5) == ["section", "figure", "base", "流感 <老人>", "流感 <老人>: change"])
        #expect(rows.map { $0[1] }.contains("Teams without a Party member"))
        #expect(rows.last?.prefix(2) == ["Volunteers whose load changed most", "No. 3"])
    }

    @Test func coloursEachChangeGreenWhenBetterAndRedWhenWorse() {
        let html = ComparisonExporter.file(ComparisonSample.figures, options: .init(format: .html)).text

        #expect(
            html.contains(
                #"<tr class="total"><th>总分</th><td class="base">3800</td>"#
                    + #"<td>5490 <span class="delta worse">+1690</span></td>"#
                    + #"<td>2804 <span class="delta better">-996</span></td></tr>"#))
        #expect(html.contains(#"87.50 <span class="delta worse">-5.00</span>"#), "less coverage is worse")
        #expect(html.contains(#"95.00 <span class="delta better">+2.50</span>"#), "more coverage is better")
        #expect(html.contains(#"<td>600</td>"#), "no change, no mark")
        #expect(html.contains(#"V1 张伟 3→5 <span class="delta changed">+2</span>"#), "a load is neither")
        #expect(html.contains(#"<td>0.210</td>"#), "a change hidden at three places is none")
    }

    @Test func highlightsEachColumnsWorstGrids() {
        let html = ComparisonExporter.file(ComparisonSample.figures, options: .init(format: .html)).text

        #expect(
            html.contains(
                #"<tr><th>G1 东区</th><td class="base worst">1</td><td class="worst">1</td>"#
                    + #"<td>0 <span class="delta better">-1</span></td></tr>"#))
        #expect(
            html.contains(#"<tr><th>G2A 老街东</th><td class="base">–</td><td>–</td><td class="worst">2</td></tr>"#))
    }

    @Test func escapesNamesAndNeedsNothingFromOutside() {
        for language in ExportLanguage.allCases {
            let html = ComparisonExporter.file(
                ComparisonSample.figures, options: .init(format: .html, language: language)
            ).text
            #expect(html.contains("流感 &lt;老人&gt;"))
            #expect(!html.contains("<老人>"))
            for outside in ["<script", "<img", "<link", "http:", "https:", "url("] {
                #expect(!html.contains(outside), "\(outside) in the \(language) page")
            }
        }
    }

    @Test func saysSoWhenThereIsNothingToCompare() throws {
        var figures = ComparisonSample.figures
        figures.columns = [figures.columns[0]]

        let html = ComparisonExporter.file(figures, options: .init(format: .html)).text
        let csv = ComparisonExporter.file(figures, options: .init(format: .csv))

        #expect(html.contains("各情景中没有志愿者的班次发生变化。"))
        #expect(!html.contains(#"class="delta"#))
        #expect(try rows(csv)[0] == ["类别", "指标", "base"])
    }

    @Test func showsAChangeOnlyWhenItShowsAtTheFiguresPlaces() {
        #expect(ComparisonView.judgement(.decimal(0.0004, places: 3), .lower) == .unchanged)
        #expect(ComparisonView.judgement(.decimal(-0.0006, places: 3), .lower) == .better)
        #expect(ComparisonView.judgement(.count(2), .higher) == .better)
        #expect(ComparisonView.judgement(.count(-2), .neither) == .changed)
        #expect(ComparisonView.signed(.decimal(0.5, places: 1)) == "+0.5")
        #expect(ComparisonView.signed(.decimal(-0.0004, places: 3)) == "0.000")
        #expect(ComparisonView.signed(.count(-3)) == "-3")
    }
}
