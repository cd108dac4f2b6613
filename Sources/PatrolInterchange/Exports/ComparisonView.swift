import PatrolModel

/// A comparison made ready for display, shared by its CSV table and its page: the figures
/// as rows in four sections, each variant's change from its base, and whether a change
/// makes the schedule better or worse.
///
/// Sections: the score (total, then each component), coverage and fairness, short
/// volunteer-shifts by grid (every grid of any column; `–` where a column has no such
/// grid), and the volunteers whose load changed most (one row per rank).
struct ComparisonView {
    /// Which way a figure improves.
    enum Better {
        case lower
        case higher
        /// A change is neither better nor worse, such as one volunteer's load.
        case neither
    }

    /// What a change from the base means.
    enum Judgement: String {
        case better
        case worse
        /// Changed, but neither better nor worse.
        case changed
        case unchanged
    }

    /// A figure: a count, a decimal with its places, text, or nothing (the figure does not
    /// apply to the column).
    enum Value: Equatable {
        case count(Int)
        case decimal(Double, places: Int)
        case text(String)
        case none
    }

    struct Row {
        var label: String
        var values: [Value]
        /// Each variant's change from its base; nil for bases and where nothing compares.
        var deltas: [Value?]
        var better: Better
        /// Per column: the cell is one of the column's worst grids.
        var highlighted: [Bool]
        /// The sum of the rows that follow it (the score's total).
        var isTotal = false
        /// A part of a total (a score component).
        var isPart = false
    }

    struct Section {
        /// The short name the CSV file repeats on each row.
        var title: String
        var rows: [Row]
    }

    let figures: ComparisonFigures
    let text: ExportText
    let score: Section
    let coverage: Section
    let grids: Section
    let loads: Section

    init(_ figures: ComparisonFigures, text: ExportText) {
        self.figures = figures
        self.text = text
        let columns = figures.columns

        func row(
            _ label: String, _ better: Better, isTotal: Bool = false, isPart: Bool = false,
            highlighted: (ComparisonFigures.Column) -> Bool = { _ in false },
            _ value: (ComparisonFigures.Column) -> Value
        ) -> Row {
            let values = columns.map(value)
            let deltas = columns.indices.map { index in
                columns[index].baseIndex.flatMap { Self.difference(values[index], values[$0]) }
            }
            return Row(
                label: label, values: values, deltas: deltas, better: better,
                highlighted: columns.map(highlighted), isTotal: isTotal, isPart: isPart)
        }

        var scoreRows = [row(text.totalScore, .lower, isTotal: true) { .count($0.score.total) }]
        for component in ScoreComponent.allCases {
            scoreRows.append(
                row(text.component(component), .lower, isPart: true) { .count($0.score[component].penalty) })
        }
        score = Section(title: text.scoreSection, rows: scoreRows)

        coverage = Section(
            title: text.coverageSection,
            rows: [
                row(text.coveragePercent, .higher) { .decimal($0.coveragePercent, places: 2) },
                row(text.teamsWithoutPartyMember, .lower) { .count($0.teamsWithoutPartyMember) },
                row(text.shortVolunteerShifts, .lower) { .count($0.shortVolunteerShifts) },
                row(text.worstGrids, .neither) { column in
                    let worst = column.worstGrids.map { grid in
                        "\(grid.rawValue)\(text.colon)\(column.shortByGrid[grid] ?? 0)"
                    }
                    return .text(worst.isEmpty ? text.noGrid : worst.joined(separator: text.listSeparator))
                },
                row(text.shiftsMin, .neither) { .count($0.shiftsMin) },
                row(text.shiftsMedian, .neither) { .decimal($0.shiftsMedian, places: 1) },
                row(text.shiftsMax, .neither) { .count($0.shiftsMax) },
                row(text.giniShifts, .lower) { .decimal($0.giniShifts, places: 3) },
                row(text.volunteersWithoutPatrol, .neither) { .count($0.volunteersWithoutPatrol) },
            ])

        grids = Section(
            title: text.gridsSection,
            rows: figures.grids.map { grid in
                row(
                    grid.name.isEmpty ? grid.id.rawValue : "\(grid.id.rawValue) \(grid.name)", .lower,
                    highlighted: { $0.worstGrids.contains(grid.id) }
                ) { column in column.shortByGrid[grid.id].map(Value.count) ?? .none }
            })

        let ranks = columns.map(\.loadChanges.count).max() ?? 0
        loads = Section(
            title: text.loadSection,
            rows: (0..<ranks).map { rank in
                let changes = columns.map { rank < $0.loadChanges.count ? $0.loadChanges[rank] : nil }
                return Row(
                    label: text.rank(rank + 1),
                    values: changes.map { change in
                        guard let change else { return .none }
                        let before = change.before.map(String.init) ?? "–"
                        let after = change.after.map(String.init) ?? "–"
                        return .text("\(change.volunteer.rawValue) \(change.name) \(before)→\(after)")
                    },
                    deltas: changes.map { $0.map { .count($0.delta) } }, better: .neither,
                    highlighted: columns.map { _ in false })
            })
    }

    /// The change from `base` to `value` for numbers, nil when either is not a number; of
    /// decimals, the change between them as they show, so that a reader's own subtraction
    /// agrees with it.
    private static func difference(_ value: Value, _ base: Value) -> Value? {
        switch (value, base) {
        case (.count(let a), .count(let b)): return .count(a - b)
        case (.decimal(let a, let places), .decimal(let b, _)):
            let scale = Self.scale(places)
            return .decimal(((a * scale).rounded() - (b * scale).rounded()) / scale, places: places)
        default: return nil
        }
    }

    // MARK: - Judging and writing values

    /// Whether the change makes the schedule better or worse; a change too small to show at
    /// the figure's places is none.
    static func judgement(_ delta: Value, _ better: Better) -> Judgement {
        let sign: Int
        switch delta {
        case .count(let change): sign = change.signum()
        case .decimal(let change, let places):
            sign = units(change, places: places) == 0 ? 0 : (change > 0 ? 1 : -1)
        case .text, .none: return .unchanged
        }
        guard sign != 0 else { return .unchanged }
        switch better {
        case .neither: return .changed
        case .lower: return sign < 0 ? .better : .worse
        case .higher: return sign > 0 ? .better : .worse
        }
    }

    /// The value as text; nothing as `none`.
    static func plain(_ value: Value, none: String) -> String {
        switch value {
        case .count(let count): String(count)
        case .decimal(let number, let places): fixed(number, places: places)
        case .text(let text): text
        case .none: none
        }
    }

    /// A change with its sign: `+2`, `-0.5`, `0`.
    static func signed(_ delta: Value) -> String {
        let text = plain(delta, none: "")
        return text.hasPrefix("-") || judgement(delta, .neither) == .unchanged ? text : "+" + text
    }

    /// Fixed decimals, rounded half away from zero, `-` only before a value that shows as
    /// other than zero.
    static func fixed(_ value: Double, places: Int) -> String {
        let scale = Int(Self.scale(places))
        let scaled = units(value, places: places)
        var text = (value < 0 && scaled != 0 ? "-" : "") + String(scaled / scale)
        if places > 0 {
            let fraction = String(scaled % scale)
            text += "." + String(repeating: "0", count: places - fraction.count) + fraction
        }
        return text
    }

    /// How many units of the last place the value's size rounds to: 0 when it shows as zero.
    private static func units(_ value: Double, places: Int) -> Int {
        Int((abs(value) * scale(places)).rounded())
    }

    private static func scale(_ places: Int) -> Double { (0..<places).reduce(1.0) { scale, _ in scale * 10 } }

    // MARK: - The CSV table

    /// One row per figure: its section and label, then each column's value, each variant's
    /// followed by its change from its base (numbers as numbers, so Excel can add them up).
    var table: ExportTable {
        var header = text.comparisonHeader
        for column in figures.columns {
            header.append(column.name)
            if column.baseIndex != nil { header.append(text.change(of: column.name)) }
        }
        var rows: [[ExportCell]] = []
        for section in [score, coverage, grids, loads] {
            for row in section.rows {
                var cells: [ExportCell] = [.text(section.title), .text(row.label)]
                for (index, column) in figures.columns.enumerated() {
                    cells.append(Self.cell(row.values[index]))
                    if column.baseIndex != nil { cells.append(row.deltas[index].map(Self.cell) ?? .text("")) }
                }
                rows.append(cells)
            }
        }
        return ExportTable(name: text.comparisonName, header: header, rows: rows)
    }

    private static func cell(_ value: Value) -> ExportCell {
        switch value {
        case .count, .decimal: .number(plain(value, none: ""))
        case .text(let text): .text(text)
        case .none: .text("")
        }
    }
}
