import PatrolModel

/// Reads `trainings.csv` (optional): the month's training sessions.
enum TrainingsFile {
    static let name = "trainings.csv"
    static let columns = [
        ColumnSpec("id", ["编号"], required: true), ColumnSpec("topic", ["主题"]),
        ColumnSpec("date", ["日期"], required: true), ColumnSpec("start", ["开始"], required: true),
        ColumnSpec("end", ["结束"], required: true), ColumnSpec("capacity", ["名额"]),
        ColumnSpec("location", ["地点"]),
    ]

    /// The sessions in file order; a session may end after midnight, but not when it starts.
    static func read(_ table: CSVTable, month: Month?, log: inout DiagnosticLog)
        -> [TrainingSession]
    {
        var sessions: [TrainingSession] = []
        var firstLine: [SessionID: Int] = [:]
        for row in table.rows {
            var fields = table.fields(row)
            let id = fields.requiredText("id", expected: "a session id such as T1")
            if !id.isEmpty {
                if let first = firstLine[SessionID(id)] {
                    fields.fail(
                        "id", "the session id \(quoted(id)) is used twice (first on line \(first))",
                        expected: "a different id for each session")
                } else {
                    firstLine[SessionID(id)] = row.line
                }
            }
            let date = fields.requiredValue(
                "date", expected: ValueParser.dateExpected, ValueParser.date)
            let start = fields.requiredValue(
                "start", expected: "a time such as 14:00", ValueParser.time)
            let end = fields.requiredValue(
                "end", expected: "a time such as 16:00", ValueParser.time)
            if let start, let end, start == end {
                fields.fail(
                    "end", "the session ends at \(end), the time it starts",
                    expected: "an end time after the start time")
            }
            let capacity = fields.optionalValue("capacity") { ValueParser.wholeNumber($0) }
            log.append(fields.problems)
            guard fields.isValid, let date, let start, let end else { continue }
            if let month, !month.contains(date) {
                log.warn(
                    fields.location("date"), "the session on \(date) is outside \(month)",
                    expected: "a date inside \(month)")
            }
            sessions.append(
                TrainingSession(
                    id: SessionID(id), topic: fields.text("topic"), date: date, start: start,
                    end: end,
                    capacity: capacity, location: fields.text("location")))
        }
        return sessions
    }
}
