import PatrolModel

/// Reads an output folder (`schedule.csv`, and `trainings.csv` when present) back into a
/// `Schedule`, for `patrol check` and round-trip tests.
///
/// English headers or the Chinese ones `patrol_check.py` accepts, UTF-8 with or without a
/// BOM or GB18030; columns other than the ids (names, times, roles) are not read, because
/// the community is the source of truth for them.
public struct ScheduleReader {
    static let scheduleColumns = [
        ColumnSpec("date", ["日期"], required: true), ColumnSpec("weekday", ["星期", "周几"]),
        ColumnSpec("period", ["时段", "班次"], required: true), ColumnSpec("start", ["开始", "开始时间"]),
        ColumnSpec("end", ["结束", "结束时间"]), ColumnSpec("grid", ["网格", "网格编号"], required: true),
        ColumnSpec("grid_name", ["网格名称", "名称"]),
        ColumnSpec("volunteer", ["志愿者", "志愿者编号", "编号"], required: true),
        ColumnSpec("volunteer_name", ["姓名", "志愿者姓名"]), ColumnSpec("phone", ["电话"]),
        ColumnSpec("party_member", ["党员"]), ColumnSpec("role", ["角色", "职责"]),
    ]
    static let trainingColumns = [
        ColumnSpec("session", ["场次", "培训", "培训编号", "编号"], required: true),
        ColumnSpec("topic", ["主题"]),
        ColumnSpec("date", ["日期"]), ColumnSpec("start", ["开始", "开始时间"]),
        ColumnSpec("end", ["结束", "结束时间"]),
        ColumnSpec("location", ["地点"]), ColumnSpec("volunteer", ["志愿者", "志愿者编号"], required: true),
        ColumnSpec("volunteer_name", ["姓名", "志愿者姓名"]),
    ]

    public init() {}

    /// The schedule written in `directory` for `community`.
    ///
    /// - Throws: `InputErrors` naming file and line of every row that names a date outside
    ///   the month, or a period, grid, volunteer or session the community does not have;
    ///   also a missing `schedule.csv` and files that are not CSV.
    public func read(directory: String, community: Community) throws(InputErrors) -> Schedule {
        var log = DiagnosticLog()
        let periods = PeriodTable(periods: community.periods)
        let lookup = CommunityLookup(community)
        var schedule = Schedule()
        if let text = InputFile.text(
            directory: directory, name: "schedule.csv", required: true, log: &log),
            let table = CSVTable.parse(
                text, file: "schedule.csv", columns: Self.scheduleColumns, log: &log)
        {
            for row in table.rows {
                var fields = table.fields(row)
                let date = fields.requiredValue(
                    "date", expected: ValueParser.dateExpected, ValueParser.date)
                if let date, !community.month.contains(date) {
                    fields.fail(
                        "date", "\(date) is outside \(community.month)",
                        expected: "a date inside \(community.month)")
                }
                let periodText = fields.requiredText("period", expected: periods.expected)
                let period = periods.resolve(periodText)
                if !periodText.isEmpty && period == nil {
                    fields.fail(
                        "period", "unknown period \(quoted(periodText))", expected: periods.expected
                    )
                }
                let grid = GridID(fields.requiredText("grid", expected: "a grid id from grids.csv"))
                if !grid.rawValue.isEmpty && lookup.gridIndex[grid] == nil {
                    fields.fail(
                        "grid", "unknown grid \(quoted(grid.rawValue))",
                        expected: "a grid id from grids.csv")
                }
                let volunteer = knownVolunteer(&fields, lookup)
                log.append(fields.problems)
                if fields.isValid, let date, let period {
                    schedule.assignments.append(
                        Assignment(volunteer: volunteer, grid: grid, date: date, period: period))
                }
            }
        }
        if let text = InputFile.text(
            directory: directory, name: "trainings.csv", required: false, log: &log),
            let table = CSVTable.parse(
                text, file: "trainings.csv", columns: Self.trainingColumns, log: &log)
        {
            for row in table.rows {
                var fields = table.fields(row)
                let session = SessionID(
                    fields.requiredText("session", expected: "a session id from trainings.csv"))
                if !session.rawValue.isEmpty && lookup.sessionIndex[session] == nil {
                    fields.fail(
                        "session", "unknown session \(quoted(session.rawValue))",
                        expected: "a session id from the community's trainings.csv")
                }
                let volunteer = knownVolunteer(&fields, lookup)
                log.append(fields.problems)
                if fields.isValid {
                    schedule.attendance.append(
                        SessionAttendance(session: session, volunteer: volunteer))
                }
            }
        }
        // Unknown output columns are no reason to reject a schedule.
        guard !log.hasErrors else { throw InputErrors(log.errors) }
        return schedule
    }

    private func knownVolunteer(_ fields: inout RowFields, _ lookup: CommunityLookup) -> VolunteerID
    {
        let volunteer = VolunteerID(
            fields.requiredText("volunteer", expected: "a volunteer id from volunteers.csv"))
        if !volunteer.rawValue.isEmpty && lookup.volunteers[volunteer] == nil {
            fields.fail(
                "volunteer", "unknown volunteer \(quoted(volunteer.rawValue))",
                expected: "a volunteer id from volunteers.csv")
        }
        return volunteer
    }
}
