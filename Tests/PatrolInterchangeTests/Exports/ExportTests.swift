import Foundation
import PatrolModel
import Testing

@testable import PatrolInterchange

@Suite("Exports for community offices")
struct ExportTests {
    let community = ExportSample.community()

    func export(_ options: ExportOptions, schedule: Schedule = ExportSample.schedule) throws -> [OutputFile] {
        try RosterExporter.files(community: community, schedule: schedule, options: options)
    }

    /// Every byte an export holds, workbooks unzipped, as text.
    func allText(_ options: ExportOptions) throws -> String {
        let files = try export(options)
        let parts = try ExportGoldenTests.comparable(files, format: options.format)
        return parts.keys.sorted().map { String(decoding: parts[$0] ?? [], as: UTF8.self) }.joined(separator: "\n")
    }

    static let everyExport: [ExportOptions] = ExportFormat.allCases.flatMap { format in
        ExportLanguage.allCases.flatMap { language in
            ([nil] + format.groupings.map(Optional.some)).map {
                ExportOptions(format: format, language: language, grouping: $0)
            }
        }
    }

    // MARK: - Phone numbers

    @Test(arguments: [
        ("13812345678", "138****5678"), ("0571-87654321", "057******4321"), ("87654321", "876*4321"),
        ("1234567", "*****67"), ("12", "**"), ("", ""),
    ])
    func masksTheMiddleOfAPhoneNumber(phone: String, masked: String) {
        #expect(RosterView.masked(phone) == masked)
    }

    @Test(arguments: everyExport)
    func masksEveryPhoneNumberByDefault(options: ExportOptions) throws {
        let text = try allText(options)
        for phone in ExportSample.phones {
            #expect(!text.contains(phone), "\(phone) in \(options.format) \(options.language)")
        }
    }

    @Test func showsMaskedNumbersWhereTheFullOnesWouldBe() throws {
        let csv = try allText(ExportOptions(format: .csv))
        #expect(csv.contains("138****5678") && csv.contains("057******4321"))
        let html = try allText(ExportOptions(format: .html))
        #expect(html.contains("张伟 138****5678"), "the grid's leaders with their masked phone")
        let ics = try allText(ExportOptions(format: .ics))
        #expect(ics.contains("张伟 138****5678"), "the leader's masked phone in team mates' calendars")
    }

    @Test(arguments: ExportFormat.allCases)
    func writesFullNumbersOnlyWhenAsked(format: ExportFormat) throws {
        let text = try allText(ExportOptions(format: format, fullPhone: true))
        // The page and the calendars show only leaders' numbers: V1 leads in both.
        #expect(text.contains("13812345678"))
        if format == .csv || format == .xlsx {
            for phone in ExportSample.phones { #expect(text.contains(phone)) }
        }
    }

    // MARK: - Options and determinism

    @Test func refusesAGroupingTheFormatCannotSplitBy() {
        #expect(throws: ExportError.unsupportedGrouping(.ics, .grid)) {
            try export(ExportOptions(format: .ics, grouping: .grid))
        }
        #expect(throws: ExportError.unsupportedGrouping(.xlsx, .volunteer)) {
            try export(ExportOptions(format: .xlsx, grouping: .volunteer))
        }
        #expect(
            "\(ExportError.unsupportedGrouping(.html, .branch))"
                == "html cannot be split by branch; use --by grid, or leave --by out.")
    }

    @Test(arguments: everyExport)
    func writesTheSameBytesWhateverTheOrderOfTheSchedule(options: ExportOptions) throws {
        var shuffled = ExportSample.schedule
        shuffled.assignments.reverse()
        shuffled.attendance.reverse()
        #expect(try export(options, schedule: shuffled) == export(options))
    }

    // MARK: - CSV

    @Test func writesCSVForExcelWithABOMCRLFAndChineseDates() throws {
        let files = try export(ExportOptions(format: .csv, language: .zh))
        #expect(files.map(\.name) == ["排班表.csv", "汇总.csv", "培训.csv", "服务时长.csv"])
        for file in files {
            #expect(file.contents.starts(with: [0xEF, 0xBB, 0xBF]))
            #expect(!file.text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        }
        let roster = files[0].text.dropFirst()
        #expect(roster.hasPrefix("日期,星期,时段,开始,结束,网格编号,网格,编号,姓名,电话,党员,角色,支部\r\n"))
        #expect(roster.contains("2026年12月5日,周六,晚上,19:00,21:30,G1,东区,V1,张伟,138****5678,是,队长,第一支部\r\n"))
        #expect(roster.contains("2026年12月7日,周一,夜间,21:30,00:30,G1,东区,V4,赵强,057******4321,否,队长,\r\n"))
    }

    @Test func splitsTheRosterIntoOneFilePerGridBranchOrVolunteer() throws {
        let names = { (options: ExportOptions) in try export(options).map(\.name) }
        #expect(
            try names(ExportOptions(format: .csv, grouping: .grid)) == [
                "排班表_G1_东区.csv", "排班表_G2_老街,_西区.csv", "汇总.csv", "培训.csv", "服务时长.csv",
            ])
        #expect(
            try names(ExportOptions(format: .csv, grouping: .branch)) == [
                "排班表_第一支部.csv", "排班表_第二支部.csv", "排班表_未填支部.csv", "汇总.csv", "培训.csv", "服务时长.csv",
            ])
        #expect(
            try names(ExportOptions(format: .csv, language: .en, grouping: .volunteer)) == [
                "roster_V1_张伟.csv", "roster_V2_李_小_娜.csv", "roster_V3_王芳.csv", "roster_V4_赵强.csv",
                "roster_V5_陈静.csv", "Summary.csv", "trainings.csv", "hours.csv",
            ], "only volunteers with a patrol")
    }

    @Test func namesFilesSafelyAndOnce() {
        var names = ExportFileNames()
        #expect(names.name("a/b: c?", extension: "csv") == "a_b__c_.csv")
        #expect(names.name("A_B__C_", extension: "csv") == "A_B__C_-2.csv", "names differing in case only")
        #expect(names.name("..hidden", extension: "ics") == "hidden.ics")
        #expect(names.name("", extension: "ics") == "_.ics")
    }

    // MARK: - Workbook

    @Test func buildsAWorkbookWithASummaryAGridSheetEachAndFrozenHeaders() throws {
        let files = try export(ExportOptions(format: .xlsx))
        #expect(files.map(\.name) == ["长青社区_2026-12_排班表.xlsx"])
        let parts = Dictionary(
            try ExportGoldenTests.unzipped(files[0].contents).map { ($0.0, String(decoding: $0.1, as: UTF8.self)) },
            uniquingKeysWith: { first, _ in first })
        let workbook = try #require(parts["xl/workbook.xml"])
        for sheet in ["汇总", "G1 东区", "G2 老街, 西区", "培训", "服务时长"] {
            #expect(workbook.contains(#"<sheet name="\#(sheet)""#))
        }
        let gridSheet = try #require(parts["xl/worksheets/sheet2.xml"])
        #expect(gridSheet.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
        #expect(gridSheet.contains(#"<col min="1" max="1" width="15" customWidth="1"/>"#), "2026年12月5日 is 13 wide, plus 2")
        #expect(parts["xl/sharedStrings.xml"]?.contains("<t>李&quot;小&quot;娜</t>") == true)
    }

    @Test func keepsSheetNamesWithinExcelsRules() {
        var names = XLSXExport.SheetNames()
        #expect(names.name("G1 [东]: a/b?") == "G1 _东__ a_b_")
        #expect(names.name(String(repeating: "长", count: 40)) == String(repeating: "长", count: 31))
        #expect(names.name(String(repeating: "长", count: 35)) == String(repeating: "长", count: 29) + "-2")
        #expect(names.name("'quoted'") == "quoted")
    }

    @Test(arguments: [(0, "A"), (25, "Z"), (26, "AA"), (27, "AB"), (701, "ZZ"), (702, "AAA")])
    func lettersColumnsAsExcelDoes(column: Int, letters: String) {
        #expect(XLSXExport.columnLetters(column) == letters)
    }

    // MARK: - Calendars

    @Test func writesOneCalendarPerVolunteerWithSomethingToDo() throws {
        let files = try export(ExportOptions(format: .ics))
        #expect(files.map(\.name) == ["V1_张伟.ics", "V2_李_小_娜.ics", "V3_王芳.ics", "V4_赵强.ics", "V5_陈静.ics"])
        let first = files[0].text
        #expect(first.components(separatedBy: "BEGIN:VEVENT").count - 1 == 3, "two patrols and a session")
        #expect(first.contains("DTSTART;TZID=Asia/Shanghai:20261205T190000\r\n"))
        #expect(first.contains("TZOFFSETTO:+0800"))
        let night = files[3].text
        #expect(night.contains("DTEND;TZID=Asia/Shanghai:20261208T003000\r\n"), "a night patrol ends the next day")
    }

    @Test func foldsCalendarLinesAt75OctetsWithoutSplittingCharacters() throws {
        for file in try export(ExportOptions(format: .ics, language: .zh)) {
            let lines = file.contents.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast()
            for line in lines {
                #expect(line.last == 0x0D, "every line ends with CRLF")
                #expect(line.count - 1 <= 75, "\(String(decoding: line, as: UTF8.self))")
                #expect(String(validating: line, as: UTF8.self) != nil, "a fold split a character")
            }
        }
        var long = ICalendarText()
        let text = "DESCRIPTION:" + String(repeating: "队长：张伟", count: 12)
        long.line(text)
        let unfolded = String(decoding: long.bytes, as: UTF8.self).replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded == text + "\r\n")
    }

    @Test func escapesCalendarText() {
        #expect(ICalendarText.escaped("a,b;c\\d\ne") == #"a\,b\;c\\d\ne"#)
    }

    // MARK: - Printed page

    @Test func printsACalendarPerGridCoverageTrainingsAndTheHonourRoll() throws {
        let page = try #require(try export(ExportOptions(format: .html)).first)
        #expect(page.name == "长青社区_2026-12_排班表.html")
        let html = page.text
        #expect(html.components(separatedBy: #"<section class="grid-page">"#).count - 1 == 2)
        #expect(html.contains(#"<span class="member leader">★张伟<span class="party">党</span></span>"#))
        #expect(html.contains(#"<span class="short">缺1</span>"#), "G2 on the 5th is one short")
        #expect(html.contains("服务时长红榜") && html.contains("防诈骗, 基础"))
        #expect(html.contains("李&quot;小&quot;娜"))
        #expect(html.contains("@page { size: A4 landscape; margin: 10mm; }"))
        for external in ["<script", "<link", "src=", "url(", "http://", "https://"] {
            #expect(!html.contains(external), "self-contained: no \(external)")
        }
    }
}
