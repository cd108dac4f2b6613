import PatrolModel

/// Reads `demand.csv` and resolves it into one slot per grid, date and period.
///
/// Rows apply in order: a later row that matches the same grid, period and date replaces
/// the earlier team size, and a size of 0 removes the patrol.
enum DemandFile {
    static let name = "demand.csv"
    static let columns = [
        ColumnSpec("grid", ["网格"], required: true), ColumnSpec("period", ["时段"], required: true),
        ColumnSpec("days", ["日期"], required: true),
        ColumnSpec("volunteers", ["人数"], required: true),
    ]

    /// One item of a `days` cell.
    enum DayToken: Equatable {
        case all, weekdays, weekends, holidays
        case weekdayNames(Set<Weekday>)
        case dates(DateRange)

        /// Whether `date` is meant; holidays count as weekend days, weekday names mean the
        /// calendar weekday.
        func matches(_ date: LocalDate, holidays: Set<LocalDate>) -> Bool {
            switch self {
            case .all: true
            case .weekdays: !date.weekday.isWeekend && !holidays.contains(date)
            case .weekends: date.weekday.isWeekend || holidays.contains(date)
            case .holidays: holidays.contains(date)
            case .weekdayNames(let names): names.contains(date.weekday)
            case .dates(let range): range.contains(date)
            }
        }
    }

    /// A row of the file, checked but not yet applied to the month.
    struct Rule {
        /// The row's `days` cell, for warnings about it.
        var daysLocation: SourceLocation
        /// Nil for `*`: every grid.
        var grids: Set<GridID>?
        /// Nil for `*`: every period.
        var periods: Set<PeriodID>?
        var days: [DayToken]
        var size: Int
    }

    private static let keywords: [String: DayToken] = [
        "all": .all, "weekdays": .weekdays, "weekends": .weekends, "holidays": .holidays,
        "每天": .all, "全部": .all, "工作日": .weekdays, "周末": .weekends, "节假日": .holidays,
    ]

    static let daysExpected =
        "all, weekdays, weekends or holidays (每天/工作日/周末/节假日), weekday names such as Fri or Mon-Fri, dates or ranges such as 2026-12-20..2026-12-27"

    /// The `days` cell: keywords, weekday names and ranges, dates and date ranges, mixed.
    static func days(_ text: String) -> Result<[DayToken], ValueProblem> {
        var tokens: [DayToken] = []
        for item in ValueParser.list(text) {
            if let keyword = keywords[item.lowercased()] {
                tokens.append(keyword)
            } else if ValueParser.looksLikeDate(item) {
                switch ValueParser.dateOrRange(item) {
                case .success(let range): tokens.append(.dates(range))
                case .failure(let problem): return .failure(problem)
                }
            } else if case .success(let names) = ValueParser.weekdays(item) {
                tokens.append(.weekdayNames(names))
            } else {
                return .failure(
                    ValueProblem("\(quoted(item)) is not a day", expected: daysExpected))
            }
        }
        return .success(tokens)
    }

    struct Context {
        /// Nil when `grids.csv` could not be read.
        var gridIDs: Set<GridID>?
        /// Nil when `community.yaml` has no usable periods.
        var periods: PeriodTable?
    }

    static func read(_ table: CSVTable, context: Context, log: inout DiagnosticLog) -> [Rule] {
        var rules: [Rule] = []
        for row in table.rows {
            var fields = table.fields(row)
            let gridText = fields.requiredText(
                "grid", expected: "a grid id, a list of them, or * for every grid")
            var grids: Set<GridID>?
            if gridText != "*" {
                grids = Set(
                    ValueParser.split(gridText, on: [";", "；", "、", ",", "，"]).map(GridID.init))
                for grid in grids ?? [] where context.gridIDs.map({ !$0.contains(grid) }) ?? false {
                    fields.fail(
                        "grid", "unknown grid \(quoted(grid.rawValue))",
                        expected: "an id from grids.csv, or * for every grid")
                }
            }
            let periodText = fields.requiredText(
                "period", expected: "a period id, a list of them, or * for every period")
            var periods: Set<PeriodID>?
            if periodText != "*", let table = context.periods {
                periods = fields.value("period", default: [], { table.periodSet($0) })
            }
            var days: [DayToken] = [.all]
            if fields.text("days").isEmpty {
                log.warn(
                    fields.location("days"), "the days are empty: every day of the month is meant",
                    expected: daysExpected)
            } else {
                days = fields.value("days", default: [], Self.days)
            }
            let size = fields.requiredValue("volunteers", expected: "a team size of 0 or more") {
                ValueParser.wholeNumber($0)
            }
            log.append(fields.problems)
            if fields.isValid, let size {
                rules.append(
                    Rule(
                        daysLocation: fields.location("days"), grids: grids, periods: periods,
                        days: days, size: size))
            }
        }
        return rules
    }

    /// The slots the rules ask for in `month`, ordered by date, then period order, then grid
    /// order; a rule that names dates only, none of them in the month, is warned about.
    static func resolve(
        _ rules: [Rule], month: Month, holidays: Set<LocalDate>, grids: [Grid], periods: [Period],
        log: inout DiagnosticLog
    ) -> [PatrolSlot] {
        let dates = month.dates
        var sizes = [Int](repeating: 0, count: dates.count * periods.count * grids.count)
        for rule in rules {
            let gridIndices = grids.indices.filter { rule.grids?.contains(grids[$0].id) ?? true }
            let periodIndices = periods.indices.filter {
                rule.periods?.contains(periods[$0].id) ?? true
            }
            let dateIndices = dates.indices.filter { index in
                rule.days.contains { $0.matches(dates[index], holidays: holidays) }
            }
            let onlyDates = rule.days.allSatisfy { if case .dates = $0 { true } else { false } }
            if dateIndices.isEmpty && onlyDates {
                log.warn(
                    rule.daysLocation,
                    "no date of \(month) is among these days: the row has no effect",
                    expected: "dates inside \(month)")
            }
            for d in dateIndices {
                for p in periodIndices {
                    for g in gridIndices {
                        sizes[(d * periods.count + p) * grids.count + g] = rule.size
                    }
                }
            }
        }
        var slots: [PatrolSlot] = []
        for (d, date) in dates.enumerated() {
            for (p, period) in periods.enumerated() {
                for (g, grid) in grids.enumerated() {
                    let size = sizes[(d * periods.count + p) * grids.count + g]
                    if size > 0 {
                        slots.append(
                            PatrolSlot(grid: grid.id, date: date, period: period.id, needed: size))
                    }
                }
            }
        }
        return slots
    }
}
