import CSV
import Foundation
import PatrolModel
import PatrolTestSupport
import Testing

@testable import PatrolInterchange

/// Exports read back by programs that share no code with ours: LibreOffice opens the
/// workbook, Python's `icalendar` parses the calendars, headless Chromium prints the page.
/// Each test is skipped, saying why, when its program is not installed; `.ci/run` installs
/// them.
@Suite("Exports read back by other programs")
struct ExportRoundTripTests {
    let community = ExportSample.community()
    let schedule = ExportSample.schedule

    /// The schedule's assignments as comparable text, `date period grid volunteer`.
    var expectedAssignments: Set<String> {
        Set(schedule.assignments.map { "\($0.date) \($0.period) \($0.grid) \($0.volunteer)" })
    }

    // MARK: - LibreOffice

    @Test(
        .enabled(if: ExternalTool.libreOffice != nil, "LibreOffice (soffice) is not installed"),
        arguments: ExportLanguage.allCases)
    func libreOfficeReadsTheWorkbooksCellsBack(language: ExportLanguage) throws {
        let folder = try TemporaryFolder()
        let options = ExportOptions(format: .xlsx, language: language)
        let workbook = try #require(try RosterExporter.files(community: community, schedule: schedule, options: options).first)
        try folder.write("book.xlsx", workbook.contents)
        // Field separator, quote, UTF-8, …, and -1 in the 12th token: every sheet to its own file.
        let run = try ExternalTool.run(
            try #require(ExternalTool.libreOffice),
            [
                "--headless", "-env:UserInstallation=file://\(folder.path)/profile",
                "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                "--outdir", folder.path + "/csv", folder.path + "/book.xlsx",
            ])
        #expect(run.status == 0, "\(run.output)\(run.errors)")

        // Given the tables the workbook was written from, every sheet reads back cell for cell.
        let view = RosterView(community: community, schedule: schedule, language: language, fullPhone: false)
        let tables = [view.summaryTable] + view.rosterTables(by: .grid) + [view.trainingsTable, view.hoursTable]
        var readBack = Set<String>()
        for table in tables {
            let rows = try csvRows(folder.path + "/csv/book-\(table.name).csv")
            #expect(rows == [table.header] + table.rows.map { $0.map(\.value) }, "sheet \(table.name)")
            guard table.header == view.text.rosterHeader else { continue }
            for row in rows.dropFirst() {
                let period = try #require(community.periods.first { view.text.period($0) == row[2] })
                let date = try #require(community.month.dates.first { view.text.date($0) == row[0] })
                readBack.insert("\(date) \(period.id) \(row[5]) \(row[7])")
            }
        }
        #expect(readBack == expectedAssignments, "the grid sheets give back the schedule")
    }

    private func csvRows(_ path: String) throws -> [[String]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return Array(try CSVReader(string: text, hasHeaderRow: false))
    }

    // MARK: - iCalendar

    @Test(
        .enabled(if: ExternalTool.hasPythonICalendar, "Python's icalendar package is not installed"),
        arguments: ExportLanguage.allCases)
    func pythonsICalendarParsesTheCalendarsBack(language: ExportLanguage) throws {
        let folder = try TemporaryFolder()
        let files = try RosterExporter.files(
            community: community, schedule: schedule, options: ExportOptions(format: .ics, language: language))
        for file in files { try folder.write(file.name, file.contents) }
        let script = """
            import icalendar, json, sys, os
            result = {}
            for path in sys.argv[1:]:
                calendar = icalendar.Calendar.from_ical(open(path, 'rb').read())
                events = []
                for event in calendar.walk('VEVENT'):
                    start, end = event.decoded('DTSTART'), event.decoded('DTEND')
                    events.append({
                        'uid': str(event['UID']), 'start': start.strftime('%Y-%m-%d %H:%M'),
                        'end': end.strftime('%Y-%m-%d %H:%M'), 'zone': str(start.tzinfo),
                        'offset': int(start.utcoffset().total_seconds()),
                        'summary': str(event['SUMMARY']), 'location': str(event.get('LOCATION', '')),
                        'description': str(event.get('DESCRIPTION', '')),
                        'category': event.get('CATEGORIES').to_ical().decode(),
                        'alarms': len(event.walk('VALARM')),
                    })
                result[os.path.basename(path)] = events
            print(json.dumps(result, ensure_ascii=False))
            """
        let run = try ExternalTool.run(
            try #require(ExternalTool.python), ["-c", script] + files.map { folder.path + "/" + $0.name })
        try #require(run.status == 0, "\(run.errors)")
        let parsed = try JSONDecoder().decode([String: [ParsedEvent]].self, from: Data(run.output.utf8))

        let text = ExportText(language: language)
        var patrols = Set<String>()
        var trainings = Set<String>()
        var uids = Set<String>()
        for file in files {
            let volunteer = String(file.name.prefix { $0 != "_" })
            for event in parsed[file.name] ?? [] {
                #expect(event.zone == "Asia/Shanghai" && event.offset == 8 * 3600)
                uids.insert(event.uid)
                let date = String(event.start.prefix(10))
                if event.category == text.patrol {
                    let time = String(event.start.suffix(5))
                    let period = try #require(community.periods.first { $0.start.description == time })
                    let grid = try #require(community.grids.first { event.location.hasSuffix(text.parenthesised($0.id.rawValue)) })
                    patrols.insert("\(date) \(period.id) \(grid.id) \(volunteer)")
                    #expect(event.alarms == 1)
                    #expect(event.description.contains(text.leaderLabel + text.colon))
                } else {
                    #expect(event.category == text.training)
                    let session = try #require(community.sessions.first { event.summary == "\(text.training) \($0.topic)" })
                    trainings.insert("\(session.id) \(volunteer)")
                }
            }
        }
        #expect(patrols == expectedAssignments, "the calendars give back the schedule")
        #expect(trainings == Set(schedule.attendance.map { "\($0.session) \($0.volunteer)" }))
        #expect(uids.count == schedule.assignments.count + schedule.attendance.count, "every UID is different")

        // The night patrol ends the next morning; team mates and the leader are named.
        let night = try #require(parsed["V4_赵强.ics"]?.first)
        #expect(night.end == "2026-12-08 00:30")
        let wangFang = try #require(parsed["V3_王芳.ics"]?.first { $0.start.hasPrefix("2026-12-07") })
        #expect(wangFang.description.contains("张伟 138****5678"), "the leader with the masked phone")
    }

    private struct ParsedEvent: Decodable {
        var uid, start, end, zone, summary, location, description, category: String
        var offset, alarms: Int
    }

    // MARK: - Chromium

    @Test(
        .enabled(if: HeadlessChromium.isAvailable, "chromium or pdftoppm (poppler-utils) is not installed"),
        arguments: ExportLanguage.allCases)
    func chromiumPrintsTheRosterPageOnA4WithNothingBlankOrOverflowing(language: ExportLanguage) throws {
        let folder = try TemporaryFolder()
        let page = try #require(
            try RosterExporter.files(
                community: community, schedule: schedule, options: ExportOptions(format: .html, language: language)
            ).first)
        try folder.write("roster.html", page.contents)
        try HeadlessChromium.printToPDF(html: folder.path + "/roster.html", pdf: folder.path + "/roster.pdf")
        let pages = try PDFPages.render(pdf: folder.path + "/roster.pdf", dpi: 40)

        // A page per grid, the coverage, the trainings and the honour roll; A4 landscape at 40 dpi.
        #expect(pages.count == community.grids.count + 3)
        for (number, image) in pages.enumerated() {
            #expect(abs(image.width - 468) <= 1 && abs(image.height - 331) <= 1, "page \(number + 1) is A4 landscape")
            #expect(image.inkedPixels() > 500, "page \(number + 1) is not blank")
            // The 10 mm margin on the right (16 pixels at 40 dpi) stays white, but for a few.
            #expect(image.inkedPixels(inColumns: (image.width - 12)..<image.width) == 0, "page \(number + 1) overflows")
        }
        // Laid out 277 mm wide (the printable width), no element is wider than its box.
        #expect(try HeadlessChromium.overflowingElements(html: folder.path + "/roster.html", width: 1047) == [])
    }
}
