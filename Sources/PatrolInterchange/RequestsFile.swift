import PatrolModel

/// Reads `requests.csv` (optional): volunteers' wishes to patrol, or to be free, at some times.
enum RequestsFile {
    static let name = "requests.csv"
    static let columns = [
        ColumnSpec("volunteer", ["志愿者"], required: true),
        ColumnSpec("date", ["日期"], required: true),
        ColumnSpec("period", ["时段"]), ColumnSpec("kind", ["类型", "种类", "意愿"], required: true),
        ColumnSpec("weight", ["权重"]),
    ]

    static func kind(_ text: String) -> Result<PatrolRequest.Kind, ValueProblem> {
        switch text.lowercased() {
        case "on", "想排": .success(.on)
        case "off", "不想排": .success(.off)
        default:
            .failure(
                ValueProblem(
                    "\(quoted(text)) is not a kind of request", expected: "on or off (想排/不想排)"))
        }
    }

    struct Context {
        /// Nil when `volunteers.csv` could not be read.
        var volunteerIDs: Set<VolunteerID>?
        /// Nil when `community.yaml` has no usable periods.
        var periods: PeriodTable?
        var month: Month?
    }

    /// The requests with a date in the month, their dates clipped to it; an empty or `*`
    /// period means every period, and the weight defaults to 10.
    static func read(_ table: CSVTable, context: Context, log: inout DiagnosticLog)
        -> [PatrolRequest]
    {
        var requests: [PatrolRequest] = []
        for row in table.rows {
            var fields = table.fields(row)
            let volunteer = fields.requiredText(
                "volunteer", expected: "a volunteer id from volunteers.csv")
            if !volunteer.isEmpty, let known = context.volunteerIDs,
                !known.contains(VolunteerID(volunteer))
            {
                fields.fail(
                    "volunteer", "unknown volunteer \(quoted(volunteer))",
                    expected: "an id from the id column of volunteers.csv")
            }
            let dates = fields.requiredValue(
                "date", expected: "a date or a range such as 2026-12-20..2026-12-27",
                ValueParser.dateOrRange)
            let periodText = fields.text("period")
            var periods = Set(context.periods?.ids ?? [])
            if periodText != "*", let table = context.periods {
                periods = fields.value("period", default: periods, { table.periodSet($0) })
            }
            let kind = fields.requiredValue("kind", expected: "on or off (想排/不想排)", Self.kind)
            let weight = fields.value("weight", default: 10) { ValueParser.wholeNumber($0) }
            log.append(fields.problems)
            guard fields.isValid, let dates, let kind, let month = context.month else { continue }
            let first = max(dates.first, month.firstDate)
            let last = min(dates.last, month.lastDate)
            guard first <= last else {
                log.warn(
                    fields.location("date"),
                    "no date of \(quoted(dates.description)) is in \(month): the request is ignored",
                    expected: "dates inside \(month)")
                continue
            }
            requests.append(
                PatrolRequest(
                    volunteer: VolunteerID(volunteer), dates: DateRange(first: first, last: last),
                    periods: periods, kind: kind, weight: weight, line: row.line))
        }
        return requests
    }
}
