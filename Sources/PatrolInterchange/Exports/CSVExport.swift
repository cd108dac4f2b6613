/// CSV files an office opens in Excel as they are.
///
/// Excel on Chinese Windows reads a CSV file as GBK unless it starts with a UTF-8 byte order
/// mark, so every file has one; lines end with `\r\n` as RFC 4180 and Excel write them.
/// Files: the roster (one file, or one per grid, branch or volunteer), then the summary
/// by grid, the training bookings and the hours per volunteer.
enum CSVExport {
    static func files(_ view: RosterView, grouping: ExportGrouping?) -> [OutputFile] {
        var names = ExportFileNames()
        let rosters = view.rosterTables(by: grouping).map { table in
            let stem = grouping == nil ? table.name : "\(view.text.rosterName)_\(table.name)"
            return file(table, name: names.name(stem, extension: "csv"))
        }
        return rosters
            + [view.summaryTable, view.trainingsTable, view.hoursTable].map {
                file($0, name: names.name($0.name, extension: "csv"))
            }
    }

    /// The table as Excel-ready CSV bytes.
    static func file(_ table: ExportTable, name: String) -> OutputFile {
        var text = ""
        func append(_ fields: [String]) {
            text += fields.map(CSVText.field).joined(separator: ",")
            text += "\r\n"
        }
        append(table.header)
        for row in table.rows { append(row.map(\.value)) }
        return OutputFile(name: name, contents: byteOrderMark + Array(text.utf8))
    }

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
}
