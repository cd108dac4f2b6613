import PatrolModel

/// Reads `volunteers.csv`: one row per volunteer.
enum VolunteersFile {
    static let name = "volunteers.csv"
    static let columns = [
        ColumnSpec("id", ["编号"], required: true), ColumnSpec("name", ["姓名"], required: true),
        ColumnSpec("phone", ["电话"]), ColumnSpec("party_member", ["党员"]),
        ColumnSpec("branch", ["支部"]),
        ColumnSpec("affiliation", ["类别"]), ColumnSpec("home_grid", ["网格"], required: true),
        ColumnSpec("skills", ["技能"]), ColumnSpec("max_shifts", ["每月上限"]),
        ColumnSpec("min_shifts", ["每月下限"]), ColumnSpec("available", ["可排时段"]),
        ColumnSpec("unavailable", ["不可用日期"]), ColumnSpec("night_ok", ["可夜巡"]),
        ColumnSpec("trained_on", ["培训日期"]), ColumnSpec("birth_year", ["出生年份"]),
    ]

    private static let affiliationWords: [String: Affiliation] = {
        var words: [String: Affiliation] = [:]
        for affiliation in Affiliation.allCases {
            words[affiliation.rawValue] = affiliation
            words[affiliation.chineseName] = affiliation
        }
        return words
    }()

    static func affiliation(_ text: String) -> Result<Affiliation, ValueProblem> {
        guard let affiliation = affiliationWords[text.lowercased()] else {
            return .failure(
                ValueProblem(
                    "\(quoted(text)) is not an affiliation",
                    expected: "resident, unit, shop or other (居民/单位/商户/其他)"))
        }
        return .success(affiliation)
    }

    /// Chinese skill words and their English tags; other tags are kept as written, lowercased.
    static let skillWords = ["队长": "leader", "急救": "first_aid", "消防": "fire", "反诈": "anti_fraud"]

    /// What volunteer rows are checked against.
    struct Context {
        /// Nil when `grids.csv` could not be read: home grids are then not checked.
        var gridIDs: Set<GridID>?
        /// Nil when `community.yaml` has no usable periods: patterns are then not checked.
        var periods: PeriodTable?
        var defaultMaxShifts: Int
        /// The roster's month, the latest plausible birth year.
        var month: Month?
    }

    struct Contents {
        var volunteers: [Volunteer]
        /// Every id the file names, also on rows with mistakes.
        var knownIDs: Set<VolunteerID>
    }

    static func read(_ table: CSVTable, context: Context, log: inout DiagnosticLog) -> Contents {
        var volunteers: [Volunteer] = []
        var firstLine: [VolunteerID: Int] = [:]
        for row in table.rows {
            var fields = table.fields(row)
            let id = fields.requiredText("id", expected: "a volunteer id such as V001")
            if !id.isEmpty {
                if let first = firstLine[VolunteerID(id)] {
                    fields.fail(
                        "id",
                        "the volunteer id \(quoted(id)) is used twice (first on line \(first))",
                        expected: "a different id for each volunteer")
                } else {
                    firstLine[VolunteerID(id)] = row.line
                }
            }
            let name = fields.requiredText("name", expected: "the volunteer's name")
            let homeGrid = fields.requiredText(
                "home_grid", expected: "the id of the grid the volunteer lives in")
            if !homeGrid.isEmpty, let gridIDs = context.gridIDs, !gridIDs.contains(GridID(homeGrid))
            {
                fields.fail(
                    "home_grid", "unknown grid \(quoted(homeGrid))",
                    expected: "an id from the id column of grids.csv")
            }
            let maxShifts = fields.value("max_shifts", default: context.defaultMaxShifts) {
                ValueParser.wholeNumber($0)
            }
            let minShifts = fields.value("min_shifts", default: 0) { ValueParser.wholeNumber($0) }
            if minShifts > maxShifts {
                fields.fail(
                    "min_shifts",
                    "the monthly minimum \(minShifts) is above the monthly maximum \(maxShifts)",
                    expected: "a min_shifts no larger than max_shifts")
            }
            var availability = WeeklyAvailability.always
            if let periods = context.periods {
                availability = fields.value("available", default: .always, periods.availability)
            }
            var unavailable: [DateRange] = []
            for item in ValueParser.list(fields.text("unavailable")) {
                switch ValueParser.dateOrRange(item) {
                case .success(let range): unavailable.append(range)
                case .failure(let problem): fields.fail("unavailable", problem)
                }
            }
            let latestYear = context.month?.year ?? 9999
            let volunteer = Volunteer(
                id: VolunteerID(id), name: name, phone: fields.text("phone"),
                isPartyMember: fields.value("party_member", default: false, ValueParser.bool),
                branch: fields.text("branch"),
                affiliation: fields.value("affiliation", default: .resident, affiliation),
                homeGrid: GridID(homeGrid),
                skills: Set(
                    ValueParser.list(fields.text("skills")).map {
                        skillWords[$0] ?? $0.lowercased()
                    }),
                maxShifts: maxShifts, minShifts: minShifts, availability: availability,
                unavailable: unavailable,
                nightOK: fields.value("night_ok", default: false, ValueParser.bool),
                trainedOn: fields.optionalValue("trained_on", ValueParser.date),
                birthYear: fields.optionalValue("birth_year") { birthYear($0, latest: latestYear) })
            log.append(fields.problems)
            if fields.isValid { volunteers.append(volunteer) }
        }
        if table.rows.isEmpty {
            log.error(
                SourceLocation(file: Self.name), "the file lists no volunteers",
                expected: "one row per volunteer after the header")
        }
        return Contents(volunteers: volunteers, knownIDs: Set(firstLine.keys))
    }

    /// A four-digit year from 1900 to `latest`.
    static func birthYear(_ text: String, latest: Int) -> Result<Int, ValueProblem> {
        let expected = "a year of birth such as 1962, from 1900 to \(latest)"
        switch ValueParser.wholeNumber(text) {
        case .success(let year) where (1900...latest).contains(year): return .success(year)
        case .success:
            return .failure(
                ValueProblem("\(quoted(text)) is not a plausible year of birth", expected: expected)
            )
        case .failure(let problem):
            return .failure(ValueProblem(problem.message, expected: expected))
        }
    }
}
