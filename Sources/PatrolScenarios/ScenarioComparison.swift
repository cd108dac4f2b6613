import PatrolModel

/// Schedules side by side: one column per schedule (bases and the variants of each), one
/// row per figure, each variant's figures next to their change from its base.
///
/// The rows are values, not text, so that the terminal table and `comparison.csv` show the
/// same numbers; a comparison built again from stored schedules gives equal rows.
///
/// ```swift
/// let comparison = ScenarioComparison(columns: [
///     .init(name: "base", key: "base", figures: baseFigures),
///     .init(name: "春节返乡", key: "spring-festival", figures: variantFigures, baseIndex: 0),
/// ])
/// for row in comparison.rows { print(row.label, row.values) }
/// ```
public struct ScenarioComparison: Sendable, Equatable {
    /// One schedule of the comparison.
    public struct Column: Sendable, Equatable {
        /// The display name, such as 春节返乡 or `base`.
        public var name: String
        /// A short key for folders and CSV headers, such as `spring-festival`.
        public var key: String
        public var figures: RosterFigures
        /// The column this one is compared with; nil for a base.
        public var baseIndex: Int?
        /// Seconds the solve took, when known.
        public var seconds: Double?
        /// The stored schedule version, when stored.
        public var scheduleID: Int64?

        public init(
            name: String, key: String, figures: RosterFigures, baseIndex: Int? = nil,
            seconds: Double? = nil, scheduleID: Int64? = nil
        ) {
            self.name = name
            self.key = key
            self.figures = figures
            self.baseIndex = baseIndex
            self.seconds = seconds
            self.scheduleID = scheduleID
        }
    }

    /// A figure: a count, a decimal with its places, text, or nothing (the figure does not
    /// apply to the column, such as a grid a split removed).
    public enum Value: Sendable, Equatable {
        case count(Int)
        case decimal(Double, places: Int)
        case text(String)
        case none
    }

    /// One figure for every column.
    public struct Row: Sendable, Equatable {
        /// What the row shows, in English with the Chinese term.
        public var label: String
        /// The row's name in comparison.csv.
        public var key: String
        public var values: [Value]
        /// Each variant's change from its base, for numeric rows; nil for bases and text.
        public var deltas: [Value?]
        /// False for rows only comparison.csv lists (counts behind penalties, grids no
        /// column is short in).
        public var inTerminal: Bool
    }

    public var columns: [Column]
    /// How many volunteers the load rows name per column.
    public var loadChangeLimit: Int
    /// How many grids the worst-grid row names.
    public var worstGridLimit: Int

    public init(columns: [Column], loadChangeLimit: Int = 5, worstGridLimit: Int = 3) {
        self.columns = columns
        self.loadChangeLimit = loadChangeLimit
        self.worstGridLimit = worstGridLimit
    }

    /// The load changes of column `index` from its base; empty for a base.
    public func loadChanges(_ index: Int) -> [LoadChange] {
        guard let base = columns[index].baseIndex else { return [] }
        return columns[index].figures.loadChanges(
            from: columns[base].figures, limit: loadChangeLimit)
    }

    // MARK: - Rows

    public var rows: [Row] {
        var rows: [Row] = []
        func add(
            _ label: String, _ key: String, inTerminal: Bool = true,
            _ value: (RosterFigures) -> Value
        ) {
            let values = columns.map { value($0.figures) }
            let deltas = columns.indices.map { index -> Value? in
                guard let base = columns[index].baseIndex else { return nil }
                return Self.delta(values[index], values[base])
            }
            rows.append(
                Row(label: label, key: key, values: values, deltas: deltas, inTerminal: inTerminal))
        }
        func text(_ label: String, _ key: String, _ values: [Value]) {
            rows.append(
                Row(
                    label: label, key: key, values: values, deltas: values.map { _ in nil },
                    inTerminal: true))
        }

        if columns.contains(where: { $0.scheduleID != nil }) {
            text(
                "schedule version (版本)", "schedule",
                columns.map { $0.scheduleID.map { .text("#\($0)") } ?? .none })
        }
        add("score (总分)", "score") { .count($0.score.total) }
        for component in ScoreComponent.allCases {
            add("  \(component.rawValue) (\(component.chineseName))", component.rawValue) {
                .count($0.score[component].penalty)
            }
            add("  \(component.rawValue) count", "\(component.rawValue)_count", inTerminal: false) {
                .count($0.score[component].count)
            }
        }
        add("coverage % (覆盖率)", "coverage_pct") { .decimal($0.coveragePercent, places: 2) }
        add("teams without a Party member (无党员班组)", "teams_without_party_member") {
            .count($0.teamsWithoutPartyMember)
        }
        add("teams", "teams", inTerminal: false) { .count($0.teams) }
        add("short volunteer-shifts (缺岗人次)", "short_volunteer_shifts") {
            .count($0.shortVolunteerShifts)
        }
        text(
            "  worst grids (缺岗最多网格)", "worst_grids",
            columns.map { column in
                let worst = column.figures.worstGrids(worstGridLimit)
                return .text(
                    worst.isEmpty
                        ? "none" : worst.map { "\($0.grid) \($0.missing)" }.joined(separator: ", "))
            })
        for grid in gridOrder {
            let shortSomewhere = columns.contains { column in
                column.figures.shortByGrid.contains { $0.grid == grid && $0.missing > 0 }
            }
            add("  short in \(grid)", "short_\(grid)", inTerminal: shortSomewhere) { figures in
                figures.shortByGrid.first { $0.grid == grid }.map { .count($0.missing) } ?? .none
            }
        }
        add("shifts per volunteer: min (人均班次)", "shifts_min") { .count($0.shiftsMin) }
        add("  median", "shifts_median") { .decimal($0.shiftsMedian, places: 1) }
        add("  max", "shifts_max") { .count($0.shiftsMax) }
        add("  Gini (基尼系数)", "gini_shifts") { .decimal($0.giniShifts, places: 3) }
        add("volunteers with no patrol (未排班)", "volunteers_without_patrol") {
            .count($0.volunteersWithoutPatrol)
        }
        let changes = columns.indices.map(loadChanges)
        for rank in 0..<loadChangeLimit {
            let values = changes.map { list -> Value in
                guard rank < list.count else { return .none }
                let change = list[rank]
                let before = change.before.map(String.init) ?? "–"
                let after = change.after.map(String.init) ?? "–"
                return .text("\(change.volunteer) \(change.name) \(before)→\(after)")
            }
            text(rank == 0 ? "load changed most (负担变化最大)" : "", "load_change_\(rank + 1)", values)
        }
        if columns.contains(where: { $0.seconds != nil }) {
            text(
                "solve time, s (求解用时)", "seconds",
                columns.map { $0.seconds.map { .decimal($0, places: 1) } ?? .none })
        }
        return rows
    }

    /// Every grid of every column, in the order they first appear.
    var gridOrder: [GridID] {
        var seen: Set<GridID> = []
        var order: [GridID] = []
        for column in columns {
            for entry in column.figures.shortByGrid where seen.insert(entry.grid).inserted {
                order.append(entry.grid)
            }
        }
        return order
    }

    private static func delta(_ value: Value, _ base: Value) -> Value? {
        switch (value, base) {
        case (.count(let a), .count(let b)): .count(a - b)
        case (.decimal(let a, let places), .decimal(let b, _)): .decimal(a - b, places: places)
        default: nil
        }
    }
}
