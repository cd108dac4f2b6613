import PatrolModel

/// Turns a month's resolved demand back into the few `demand.csv` rows a community office
/// would keep: general rows first, exceptions after, applied in order as the loader does.
///
/// The rows come in five layers, each decided greedily with a look ahead at the layers
/// below it:
///
/// 1. one row per period for every grid and day (`*,晚上,每天,1`),
/// 2. one row per period for every grid on a kind of day (`*,晚上,周末,2`),
/// 3. one row per grid and period for every day (`G03,夜间,每天,2`, or `0` to remove),
/// 4. one row per grid and period on a kind of day (`G03,上午,工作日,0`),
/// 5. explicit dates and ranges for whatever is still different.
///
/// Layer 5 is computed from what the first four layers leave, so the rows always resolve
/// to exactly the original slots, whatever the greedy choices were. Within a layer no two
/// rows touch the same grid, period and day with different sizes, so rows of one layer
/// that differ only in their grids or periods are merged (`G03、G07,晚上,周末,3`).
struct DemandCompressor {
    /// One row of the compact file; grid and period lists are indices, nil meaning `*`.
    struct Row: Equatable {
        var grids: [Int]?
        var periods: [Int]?
        var days: Days
        var size: Int
    }

    /// The `days` cell of a row.
    enum Days: Hashable {
        /// A kind of day from `DemandCompressor.kinds`, such as 每天 or 周末.
        case kind(Int)
        /// Day indices of the month, ascending.
        case dates([Int])
    }

    /// A kind of day a row may name: its words and the days of the month it means.
    struct DayKind {
        var words: [String]
        var mask: [Bool]
    }

    let gridCount: Int
    let periodCount: Int
    let month: Month
    /// Team sizes by period, grid and day index: `target[(p * gridCount + g) * dayCount + d]`.
    private let target: [Int]
    /// 每天 first, then the kinds that rows of layers 2 and 4 may name.
    let kinds: [DayKind]

    /// Costs of the greedy choices, about the characters each adds to the file.
    ///
    /// A row's grid, period and size, a date in a list (a range costs two), a kind-of-day
    /// word. So a row is worth two dates: a few more rows with short lists beat one long list.
    private static let rowCost = 20
    private static let dateCost = 11
    private static let wordCost = 3

    init(_ community: Community) {
        month = community.month
        gridCount = community.grids.count
        periodCount = community.periods.count
        let gridIndex = Dictionary(
            community.grids.enumerated().map { ($1.id, $0) },
            uniquingKeysWith: { first, _ in first })
        let periodIndex = Dictionary(
            community.periods.enumerated().map { ($1.id, $0) },
            uniquingKeysWith: { first, _ in first })
        let dayCount = month.dayCount
        var target = [Int](repeating: 0, count: periodCount * gridCount * dayCount)
        for slot in community.slots where month.contains(slot.date) {
            guard let g = gridIndex[slot.grid], let p = periodIndex[slot.period] else { continue }
            let d = slot.date.dayNumber - month.firstDate.dayNumber
            target[(p * gridCount + g) * dayCount + d] = slot.needed
        }
        self.target = target
        kinds = Self.dayKinds(month: month, holidays: community.holidays)
    }

    private var dayCount: Int { month.dayCount }

    /// 每天, then 工作日, 周末 and 节假日, single weekdays, two weekdays in a row, and a
    /// working day with the weekend (周五、周末), as the loader reads them; kinds that mean
    /// no day, every day, or the same days as an earlier kind are left out.
    static func dayKinds(month: Month, holidays: Set<LocalDate>) -> [DayKind] {
        let dates = month.dates
        func mask(_ test: (LocalDate) -> Bool) -> [Bool] { dates.map(test) }
        let weekend = { (date: LocalDate) in date.weekday.isWeekend || holidays.contains(date) }
        var candidates = [
            DayKind(words: ["每天"], mask: mask { _ in true }),
            DayKind(words: ["工作日"], mask: mask { !weekend($0) }),
            DayKind(words: ["周末"], mask: mask(weekend)),
            DayKind(words: ["节假日"], mask: mask { holidays.contains($0) }),
        ]
        for day in Weekday.allCases {
            candidates.append(DayKind(words: [day.chineseName], mask: mask { $0.weekday == day }))
        }
        for day in Weekday.allCases {
            let next = Weekday(rawValue: (day.rawValue + 1) % 7) ?? day
            candidates.append(
                DayKind(
                    words: [day.chineseName, next.chineseName],
                    mask: mask { $0.weekday == day || $0.weekday == next }))
        }
        for day in Weekday.allCases where !day.isWeekend {
            candidates.append(
                DayKind(
                    words: [day.chineseName, "周末"], mask: mask { $0.weekday == day || weekend($0) }
                ))
        }
        var kinds = [candidates[0]]
        var seen: Set<[Bool]> = [candidates[0].mask]
        for candidate in candidates.dropFirst()
        where candidate.mask.contains(true) && seen.insert(candidate.mask).inserted {
            kinds.append(candidate)
        }
        return kinds
    }

    // MARK: - The layers.

    /// The general rows chosen for one period, or for one grid and period: a row for every
    /// day, then a row for a kind of day; either may be left out.
    private struct Choice {
        var base: Int?
        var kind: (index: Int, size: Int)?

        static let none = Choice(base: nil, kind: nil)
    }

    /// The rows, in the order they must be applied.
    func rows() -> [Row] {
        var current = [Int](repeating: 0, count: target.count)
        var periodBases: [(cell: Int, days: Days, size: Int)] = []
        var periodKinds: [(cell: Int, days: Days, size: Int)] = []
        for p in 0..<periodCount {
            let choice = bestPeriodRows(p)
            if let base = choice.base { periodBases.append((p, .kind(0), base)) }
            if let kind = choice.kind { periodKinds.append((p, .kind(kind.index), kind.size)) }
            for g in 0..<gridCount { apply(choice, to: &current, at: offset(p, g)) }
        }

        var gridBases: [(cell: Int, days: Days, size: Int)] = []
        var gridKinds: [(cell: Int, days: Days, size: Int)] = []
        for p in 0..<periodCount {
            for g in 0..<gridCount {
                let start = offset(p, g)
                let inherited = Array(current[start..<start + dayCount])
                let choice = bestGridRows(p, g, inherited: inherited, withKinds: true).choice
                let cell = p * gridCount + g
                if let base = choice.base { gridBases.append((cell, .kind(0), base)) }
                if let kind = choice.kind { gridKinds.append((cell, .kind(kind.index), kind.size)) }
                apply(choice, to: &current, at: start)
            }
        }

        return mergedPeriodRows(periodBases) + mergedPeriodRows(periodKinds)
            + mergedGridRows(gridBases) + mergedGridRows(gridKinds) + exceptionRows(current)
    }

    private func offset(_ p: Int, _ g: Int) -> Int { (p * gridCount + g) * dayCount }

    /// Applies the rows of `choice` to the month of sizes that starts at `start` in `values`.
    private func apply(_ choice: Choice, to values: inout [Int], at start: Int) {
        for d in 0..<dayCount {
            if let base = choice.base { values[start + d] = base }
            if let kind = choice.kind, kinds[kind.index].mask[d] { values[start + d] = kind.size }
        }
    }

    /// What writing the rows of `choice` costs.
    private func cost(of choice: Choice) -> Int {
        var cost = 0
        if choice.base != nil { cost += Self.rowCost + Self.wordCost }
        if let kind = choice.kind {
            cost += Self.rowCost + Self.wordCost * kinds[kind.index].words.count
        }
        return cost
    }

    /// Every choice of rows that set cells to sizes among `sizes`.
    private func choices(_ sizes: [Int], withKinds: Bool) -> [Choice] {
        let kindRows: [(index: Int, size: Int)?] =
            [nil]
            + (withKinds
                ? kinds.indices.dropFirst().flatMap { k in sizes.map { (index: k, size: $0) } }
                : [])
        return ([nil] + sizes.map(Optional.some)).flatMap { base in
            kindRows.map { Choice(base: base, kind: $0) }
        }
    }

    /// The sizes worth trying for a row: those the cells it could cover need.
    private func sizes(in range: Range<Int>) -> [Int] {
        Set(target[range]).sorted()
    }

    /// Layers 1 and 2 for one period, judged by what layers 3 to 5 would then need.
    ///
    /// Every choice is first judged with quick estimates of the grids' rows (without layer
    /// 4); the few best, and no period row at all, are then judged in full.
    private func bestPeriodRows(_ p: Int) -> Choice {
        let options = choices(sizes(in: offset(p, 0)..<offset(p, gridCount)), withKinds: true)
        let estimates = options.indices.map { periodCost(p, options[$0], full: false) }
        let promising = options.indices.dropFirst().sorted {
            (estimates[$0], $0) < (estimates[$1], $1)
        }
        var best = (cost: Int.max, choice: Choice.none)
        for index in [0] + promising.prefix(4) {
            let cost = periodCost(p, options[index], full: true)
            if cost < best.cost { best = (cost, options[index]) }
        }
        return best.choice
    }

    /// The cost of period rows for period `p` and of the grid rows they leave to write.
    private func periodCost(_ p: Int, _ choice: Choice, full: Bool) -> Int {
        var inherited = [Int](repeating: 0, count: dayCount)
        apply(choice, to: &inherited, at: 0)
        return (0..<gridCount).reduce(cost(of: choice)) { total, g in
            total + bestGridRows(p, g, inherited: inherited, withKinds: full).cost
        }
    }

    /// Layers 3 and 4 for one grid and period over what the period rows left, judged by what
    /// layer 5 would then need; `withKinds` false leaves layer 4 out, for a quicker estimate.
    private func bestGridRows(_ p: Int, _ g: Int, inherited: [Int], withKinds: Bool) -> (
        cost: Int, choice: Choice
    ) {
        let start = offset(p, g)
        var best = (cost: Int.max, choice: Choice.none)
        var values = inherited
        for choice in choices(sizes(in: start..<start + dayCount), withKinds: withKinds) {
            values.replaceSubrange(0..<dayCount, with: inherited)
            apply(choice, to: &values, at: 0)
            let cost = cost(of: choice) + exceptionCost(start: start, values: values)
            if cost < best.cost { best = (cost, choice) }
        }
        return best
    }

    /// What listing the days where `values` differs from the target would cost: a row per
    /// size, and a date per day, where a run of three days or more is one range that costs
    /// two dates.
    private func exceptionCost(start: Int, values: [Int]) -> Int {
        var cost = 0
        // Per size: the length of the run of days being listed, and its last day.
        var run: [Int: (length: Int, last: Int)] = [:]
        for d in 0..<dayCount where values[d] != target[start + d] {
            let size = target[start + d]
            guard let (length, last) = run[size] else {
                cost += Self.rowCost + Self.dateCost
                run[size] = (1, d)
                continue
            }
            let extends = last == d - 1
            if !extends || length < 2 { cost += Self.dateCost }
            run[size] = (extends ? length + 1 : 1, d)
        }
        return cost
    }

    // MARK: - Merging the rows of one layer.

    /// Period rows for every grid: periods with the same days and size share a row.
    private func mergedPeriodRows(_ rows: [(cell: Int, days: Days, size: Int)]) -> [Row] {
        var merged: [Row] = []
        for row in rows {
            if let index = merged.firstIndex(where: { $0.days == row.days && $0.size == row.size })
            {
                merged[index].periods?.append(row.cell)
            } else {
                merged.append(Row(grids: nil, periods: [row.cell], days: row.days, size: row.size))
            }
        }
        return merged.map { normalized($0) }
    }

    /// Rows of single grid and period cells (`p * gridCount + g`): cells with the same days
    /// and size are written as few grid × period blocks as possible.
    private func mergedGridRows(_ rows: [(cell: Int, days: Days, size: Int)]) -> [Row] {
        var groups: [(days: Days, size: Int, cells: [Int])] = []
        for row in rows {
            if let index = groups.firstIndex(where: { $0.days == row.days && $0.size == row.size })
            {
                groups[index].cells.append(row.cell)
            } else {
                groups.append((row.days, row.size, [row.cell]))
            }
        }
        return groups.flatMap { group in
            blocks(group.cells).map { grids, periods in
                normalized(Row(grids: grids, periods: periods, days: group.days, size: group.size))
            }
        }.sorted(by: gridOrder)
    }

    /// Grid × period blocks covering exactly `cells`: grids grouped by their periods, or
    /// periods grouped by their grids, whichever gives fewer blocks.
    private func blocks(_ cells: [Int]) -> [(grids: [Int], periods: [Int])] {
        var periodsOfGrid: [Int: [Int]] = [:]
        var gridsOfPeriod: [Int: [Int]] = [:]
        for cell in cells.sorted() {
            let (p, g) = cell.quotientAndRemainder(dividingBy: gridCount)
            periodsOfGrid[g, default: []].append(p)
            gridsOfPeriod[p, default: []].append(g)
        }
        let byGrid = grouped(periodsOfGrid).map { (grids: $0.keys, periods: $0.value) }
        let byPeriod = grouped(gridsOfPeriod).map { (grids: $0.value, periods: $0.keys) }
        return byPeriod.count <= byGrid.count ? byPeriod : byGrid
    }

    /// Keys with the same value list, in key order: [(keys, value)].
    private func grouped(_ lists: [Int: [Int]]) -> [(keys: [Int], value: [Int])] {
        var groups: [(keys: [Int], value: [Int])] = []
        for key in lists.keys.sorted() {
            let value = lists[key] ?? []
            if let index = groups.firstIndex(where: { $0.value == value }) {
                groups[index].keys.append(key)
            } else {
                groups.append(([key], value))
            }
        }
        return groups
    }

    // MARK: - Layer 5: explicit dates.

    /// Layer 5: rows that set every cell still different to its target.
    ///
    /// Per period and size, either a row per grid listing its dates (grids with the same
    /// dates merged) or a row per date listing its grids (dates with the same grids merged),
    /// whichever gives fewer rows; then rows that differ only in their period are merged.
    /// Every row writes targets only, so their order does not matter.
    private func exceptionRows(_ current: [Int]) -> [Row] {
        var rows: [Row] = []
        for p in 0..<periodCount {
            // Filled grid by grid and day by day, so that every list is in ascending order.
            var datesOfGrid: [Int: [Int: [Int]]] = [:]  // size → grid → days
            var gridsOfDate: [Int: [Int: [Int]]] = [:]  // size → day → grids
            for g in 0..<gridCount {
                let start = offset(p, g)
                for d in 0..<dayCount where current[start + d] != target[start + d] {
                    let size = target[start + d]
                    datesOfGrid[size, default: [:]][g, default: []].append(d)
                    gridsOfDate[size, default: [:]][d, default: []].append(g)
                }
            }
            for size in datesOfGrid.keys.sorted() {
                let byGrid = grouped(datesOfGrid[size] ?? [:]).map {
                    Row(grids: $0.keys, periods: [p], days: .dates($0.value), size: size)
                }
                // A date's grid list may take in grids that already have this size there,
                // which lets a date whose grids all need it be written `*`.
                var byDateLists = gridsOfDate[size] ?? [:]
                for d in byDateLists.keys {
                    let all = (0..<gridCount).filter { target[offset(p, $0) + d] == size }
                    if all.count == gridCount { byDateLists[d] = all }
                }
                let byDate = grouped(byDateLists).map {
                    Row(grids: $0.value, periods: [p], days: .dates($0.keys), size: size)
                }
                rows += byDate.count < byGrid.count ? byDate : byGrid
            }
        }
        var merged: [Row] = []
        for row in rows {
            if let index = merged.firstIndex(where: {
                $0.grids == row.grids && $0.days == row.days && $0.size == row.size
            }) {
                merged[index].periods? += row.periods ?? []
            } else {
                merged.append(row)
            }
        }
        return merged.map { normalized($0) }.sorted(by: gridOrder)
    }

    /// `*` for lists of every grid or every period.
    private func normalized(_ row: Row) -> Row {
        var row = row
        if let grids = row.grids {
            row.grids = grids.count == gridCount ? nil : grids.sorted()
        }
        if let periods = row.periods {
            row.periods = periods.count == periodCount ? nil : periods.sorted()
        }
        return row
    }

    /// Rows of one layer in the order an office lists them: by period, then grid, then date.
    private func gridOrder(_ a: Row, _ b: Row) -> Bool {
        func key(_ row: Row) -> [Int] {
            let day: Int
            switch row.days {
            case .kind(let k): day = -kinds.count + k
            case .dates(let days): day = days.first ?? 0
            }
            return [row.periods?.first ?? -1, row.grids?.first ?? -1, day]
        }
        return key(a).lexicographicallyPrecedes(key(b))
    }
}
