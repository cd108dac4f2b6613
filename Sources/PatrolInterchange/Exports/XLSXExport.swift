import Foundation
import ZIPFoundation

/// An Excel workbook (Office Open XML SpreadsheetML), written part by part into a ZIP file.
///
/// Sheets: the summary by grid, one roster sheet per grid (or per branch), the training
/// bookings and the hours per volunteer. Each sheet has a bold, shaded header row that stays
/// frozen while scrolling, columns as wide as their longest value (Chinese characters count
/// double), and A4 landscape print settings fitted to the page width. Text goes through a
/// shared string table, numbers are numbers.
///
/// The bytes depend on the schedule only: every ZIP entry carries the first day of the
/// roster's month as its date, and the parts are written in a fixed order.
enum XLSXExport {
    static func file(_ view: RosterView, grouping: ExportGrouping?) throws(ExportError) -> OutputFile {
        var names = SheetNames()
        let tables =
            [view.summaryTable] + view.rosterTables(by: grouping ?? .grid)
            + [view.trainingsTable, view.hoursTable]
        let sheets = tables.map { (name: names.name($0.name), table: $0) }
        var strings = SharedStrings()
        var parts: [(path: String, xml: String)] = []
        for (index, sheet) in sheets.enumerated() {
            parts.append(
                ("xl/worksheets/sheet\(index + 1).xml", worksheet(sheet.table, selected: index == 0, &strings)))
        }
        parts.insert(contentsOf: [
            ("[Content_Types].xml", contentTypes(sheetCount: sheets.count)),
            ("_rels/.rels", rootRelationships),
            ("xl/workbook.xml", workbook(sheets.map(\.name))),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheetCount: sheets.count)),
            ("xl/styles.xml", styles),
        ], at: 0)
        parts.append(("xl/sharedStrings.xml", strings.xml))

        let name = ExportFileNames.sanitized(
            "\(view.community.name)_\(view.community.month)_\(view.text.rosterName)")
        let date = Date(timeIntervalSince1970: Double(view.community.month.firstDate.dayNumber) * 86_400)
        return OutputFile(name: name + ".xlsx", contents: try zip(parts, date: date))
    }

    /// The parts as one ZIP archive, deflated, in the order given.
    private static func zip(_ parts: [(path: String, xml: String)], date: Date) throws(ExportError) -> [UInt8] {
        do {
            let archive = try Archive(accessMode: .create)
            for part in parts {
                let data = Data(part.xml.utf8)
                try archive.addEntry(
                    with: part.path, type: .file, uncompressedSize: Int64(data.count),
                    modificationDate: date, compressionMethod: .deflate
                ) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw ExportError.workbookNotWritten("the archive is empty") }
            return Array(data)
        } catch let error as ExportError {
            throw error
        } catch {
            throw ExportError.workbookNotWritten("\(error)")
        }
    }

    // MARK: - Sheets

    private static func worksheet(_ table: ExportTable, selected: Bool, _ strings: inout SharedStrings) -> String {
        let columnCount = table.header.count
        let letters = (0..<columnCount).map(columnLetters)
        var widths = table.header.map(displayWidth)
        for row in table.rows {
            for (column, cell) in row.enumerated() where column < columnCount {
                widths[column] = max(widths[column], displayWidth(cell.value))
            }
        }
        var xml = xmlDeclaration
        xml += #"<worksheet xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipNamespace)">"#
        xml += #"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"#
        let lastRow = table.rows.count + 1
        let lastColumn = letters.last ?? "A"
        xml += #"<dimension ref="A1:\#(lastColumn)\#(lastRow)"/>"#
        xml += #"<sheetViews><sheetView\#(selected ? #" tabSelected="1""# : "") workbookViewId="0">"#
        xml += #"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        xml += #"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>"#
        xml += #"<sheetFormatPr defaultRowHeight="15"/><cols>"#
        for (column, width) in widths.enumerated() {
            let shown = min(max(width + 2, 6), 60)
            xml += #"<col min="\#(column + 1)" max="\#(column + 1)" width="\#(shown)" customWidth="1"/>"#
        }
        xml += "</cols><sheetData>"
        func appendRow(_ number: Int, _ cells: [ExportCell], style: Int) {
            xml += #"<row r="\#(number)">"#
            for (column, cell) in cells.enumerated() where column < columnCount {
                let reference = "\(letters[column])\(number)"
                let styleAttribute = style == 0 ? "" : #" s="\#(style)""#
                switch cell {
                case .text(let value):
                    guard !value.isEmpty else { continue }
                    xml += #"<c r="\#(reference)"\#(styleAttribute) t="s"><v>\#(strings.index(value))</v></c>"#
                case .number(let value):
                    xml += #"<c r="\#(reference)"\#(styleAttribute)><v>\#(value)</v></c>"#
                }
            }
            xml += "</row>"
        }
        appendRow(1, table.header.map(ExportCell.text), style: 1)
        for (offset, row) in table.rows.enumerated() { appendRow(offset + 2, row, style: 0) }
        xml += "</sheetData>"
        xml += #"<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>"#
        xml += #"<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>"#
        xml += "</worksheet>"
        return xml
    }

    /// `A` … `Z`, `AA` … for a 0-based column.
    static func columnLetters(_ column: Int) -> String {
        var number = column + 1
        var letters = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            number = (number - 1) / 26
        }
        return letters
    }

    /// Width in Excel's character units: East Asian characters take two.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) }
    }

    // MARK: - Workbook parts

    private static let xmlDeclaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    private static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationshipNamespace =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    private static let contentTypePrefix = "application/vnd.openxmlformats-officedocument.spreadsheetml"

    private static func contentTypes(sheetCount: Int) -> String {
        var xml = xmlDeclaration
        xml += #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        xml += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        xml += #"<Default Extension="xml" ContentType="application/xml"/>"#
        xml += #"<Override PartName="/xl/workbook.xml" ContentType="\#(contentTypePrefix).sheet.main+xml"/>"#
        for index in 1...sheetCount {
            xml += #"<Override PartName="/xl/worksheets/sheet\#(index).xml" ContentType="\#(contentTypePrefix).worksheet+xml"/>"#
        }
        xml += #"<Override PartName="/xl/styles.xml" ContentType="\#(contentTypePrefix).styles+xml"/>"#
        xml += #"<Override PartName="/xl/sharedStrings.xml" ContentType="\#(contentTypePrefix).sharedStrings+xml"/>"#
        return xml + "</Types>"
    }

    private static let rootRelationships =
        xmlDeclaration + #"<Relationships xmlns="\#(packageRelationships)">"#
        + #"<Relationship Id="rId1" Type="\#(relationshipNamespace)/officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>"

    private static func workbook(_ sheetNames: [String]) -> String {
        var xml = xmlDeclaration
        xml += #"<workbook xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipNamespace)">"#
        xml += #"<bookViews><workbookView activeTab="0"/></bookViews><sheets>"#
        for (index, name) in sheetNames.enumerated() {
            xml += #"<sheet name="\#(escaped(name))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
        }
        return xml + "</sheets></workbook>"
    }

    private static func workbookRelationships(sheetCount: Int) -> String {
        var xml = xmlDeclaration + #"<Relationships xmlns="\#(packageRelationships)">"#
        for index in 1...sheetCount {
            xml += #"<Relationship Id="rId\#(index)" Type="\#(relationshipNamespace)/worksheet" Target="worksheets/sheet\#(index).xml"/>"#
        }
        xml += #"<Relationship Id="rId\#(sheetCount + 1)" Type="\#(relationshipNamespace)/styles" Target="styles.xml"/>"#
        xml += #"<Relationship Id="rId\#(sheetCount + 2)" Type="\#(relationshipNamespace)/sharedStrings" Target="sharedStrings.xml"/>"#
        return xml + "</Relationships>"
    }

    /// Style 0 is plain text; style 1 the header: bold on a light blue fill, with a border.
    /// 等线 is the font Excel uses on Chinese Windows.
    private static let styles =
        xmlDeclaration + #"<styleSheet xmlns="\#(mainNamespace)">"#
        + #"<fonts count="2"><font><sz val="11"/><name val="等线"/><charset val="134"/><family val="2"/></font>"#
        + #"<font><b/><sz val="11"/><name val="等线"/><charset val="134"/><family val="2"/></font></fonts>"#
        + #"<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>"#
        + #"<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>"#
        + #"<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>"#
        + #"<border><left/><right/><top/><bottom style="thin"><color rgb="FF8EA9C8"/></bottom><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1"/></cellXfs>"#
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        + "</styleSheet>"

    /// Text safe inside XML: markup characters escaped, characters XML 1.0 forbids dropped.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// The workbook's shared string table: each distinct text once, in order of first use.
    private struct SharedStrings {
        private var indices: [String: Int] = [:]
        private var ordered: [String] = []
        private var uses = 0

        mutating func index(_ text: String) -> Int {
            uses += 1
            if let index = indices[text] { return index }
            indices[text] = ordered.count
            ordered.append(text)
            return ordered.count - 1
        }

        var xml: String {
            var xml = XLSXExport.xmlDeclaration
            xml += #"<sst xmlns="\#(XLSXExport.mainNamespace)" count="\#(uses)" uniqueCount="\#(ordered.count)">"#
            for text in ordered {
                // Keeps leading and trailing spaces, which Excel would otherwise trim.
                let preserve = text.first?.isWhitespace == true || text.last?.isWhitespace == true
                xml += preserve ? #"<si><t xml:space="preserve">"# : "<si><t>"
                xml += XLSXExport.escaped(text) + "</t></si>"
            }
            return xml + "</sst>"
        }
    }

    /// Sheet names Excel accepts: at most 31 characters, none of `[ ] : * ? / \`, no
    /// apostrophe at either end, each used once whatever the case.
    struct SheetNames {
        private var used: Set<String> = []

        mutating func name(_ wanted: String) -> String {
            let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
            var base = String(wanted.map { forbidden.contains($0) ? "_" : $0 })
            base = base.trimmingCharacters(in: CharacterSet(charactersIn: "'"))
            if base.isEmpty { base = "_" }
            var candidate = String(base.prefix(31))
            var counter = 2
            while used.contains(candidate.lowercased()) {
                let suffix = "-\(counter)"
                candidate = String(base.prefix(31 - suffix.count)) + suffix
                counter += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }
}
