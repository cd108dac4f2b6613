import PatrolModel

/// Reads `history.csv` (optional): patrols served in earlier months.
///
/// Ids of people no longer in `volunteers.csv` are allowed: they still count in the group
/// average of the fairness carry-over.
enum HistoryFile {
    static let name = "history.csv"
    static let columns = [
        ColumnSpec("volunteer", ["志愿者"], required: true),
        ColumnSpec("month", ["月份"], required: true),
        ColumnSpec("shifts", ["班次"], required: true),
    ]

    static func read(_ table: CSVTable, log: inout DiagnosticLog) -> [HistoryEntry] {
        var entries: [HistoryEntry] = []
        for row in table.rows {
            var fields = table.fields(row)
            let volunteer = fields.requiredText("volunteer", expected: "a volunteer id")
            let month = fields.requiredValue(
                "month", expected: ValueParser.monthExpected, ValueParser.month)
            let shifts = fields.requiredValue("shifts", expected: "a whole number of 0 or more") {
                ValueParser.wholeNumber($0)
            }
            log.append(fields.problems)
            if fields.isValid, let month, let shifts {
                entries.append(
                    HistoryEntry(volunteer: VolunteerID(volunteer), month: month, shifts: shifts))
            }
        }
        return entries
    }
}
