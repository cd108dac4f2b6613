/// Rebuilds one person's work over a window of days as well as it can be done with
/// everyone else held fixed.
///
/// A dynamic programme over the window's days whose states carry what the person's rules
/// look at: the class of the last shift (which shifts may follow it: see `typeClass`), the
/// length of the current run of work or of rest (for the run limits), whether that run
/// reaches the start of the horizon (where a short run is allowed), the weekends and minutes
/// worked in the window, and the shifts of the one type whose limit binds hardest there
/// (others are priced). Every roster it returns keeps the run and succession rules, inside
/// the window and where it meets the days around it; weekends and minutes beyond the limits
/// are priced as the score prices them, so a person who breaks a rule gets the roster that
/// breaks least. This is the pricing problem of branch and price for rosters (Burke &
/// Curtois 2014), used here as a large local-search neighbourhood with the cover of the
/// others as the prices.
///
/// It assumes at most one shift a day (the shift-roster profile). The scratch memory is
/// kept between calls and grows only when a window needs more states than any before it.
struct RosterRebuild {
    /// Minutes are counted in units of the greatest common divisor of the shift lengths.
    private let minuteUnit: Int32
    /// The most minute units one shift takes.
    private let unitsPerShift: Int
    /// The class of each shift type, from 1 (0 is a day off): types after which the same
    /// types are forbidden on every day share one. A state needs only the class of its last
    /// shift, so the programme has as many of those as there are classes, not types (4 for
    /// Instance22's 10 types, 8 for Instance24's 32).
    let typeClass: [Int32]
    /// A type of each class, at `class - 1`: its successions stand for the class's.
    private let classType: [Int32]
    /// The most states times choices times days one rebuild may take (a few milliseconds).
    private static let budget = 8_000_000
    /// Costs are scaled so that a random tie-break (0 or 1 a day) never outweighs one unit.
    /// (Windows are at most 112 days.)
    fileprivate static let scale: Int64 = 128
    fileprivate static let unreachable = Int64.max

    private var cellCost: [Int64] = []
    private var cellSlot: [Int32] = []
    private var cellUnits: [Int32] = []
    /// Bit `t` of `allowedNext[i * T + u]` is set when shift `t` may follow `u` on window day `i`.
    private var allowedNext: [UInt64] = []
    private var typePenalty: [Int64] = []
    /// The price of one minute unit worked, scaled: 0 unless minutes are priced instead of
    /// counted (`rebuild(pricingMinutes:)`).
    private var unitPrice: Int64 = 0
    /// The programme's layers and parents (see `ProgrammeMemory`); a rebuild belongs to one
    /// search, so its copies never run at once.
    private let memory = ProgrammeMemory()
    private var plan: [Int32] = []
    /// The most states times choices times days the last rebuild could visit: its size, for
    /// pacing (it visits only the states it reaches, often a small part).
    private(set) var lastWork = 0

    init(problem: IndexedProblem) {
        var unit: Int32 = 0
        for minutes in problem.cellMinutes where minutes > 0 { unit = greatestCommonDivisor(unit, minutes) }
        minuteUnit = max(1, unit)
        unitsPerShift = Int((problem.cellMinutes.max() ?? 0) / minuteUnit)
        typePenalty = [Int64](repeating: 0, count: problem.periodCount)
        (typeClass, classType) = Self.successionClasses(problem)
    }

    /// Groups the shift types by the types forbidden after them, day by day.
    private static func successionClasses(_ p: IndexedProblem) -> (typeClass: [Int32], classType: [Int32]) {
        let types = p.periodCount
        let followers = (0..<types).map { u in
            (1..<max(1, p.dayCount)).map { day in
                let c = (day - 1) * types + u
                var mask: UInt64 = 0
                for j in p.cellConflicts.start(c)..<p.cellConflicts.end(c) {
                    let other = p.cellConflicts[j]
                    if Int(p.cellDay[other]) == day { mask |= 1 << UInt64(p.cellPeriod[other]) }
                }
                return mask
            }
        }
        var typeClass = [Int32](repeating: 0, count: types)
        var classType: [Int32] = []
        for u in 0..<types {
            if let k = classType.firstIndex(where: { followers[Int($0)] == followers[u] }) {
                typeClass[u] = Int32(k + 1)
            } else {
                classType.append(Int32(u))
                typeClass[u] = Int32(classType.count)
            }
        }
        return (typeClass, classType)
    }

    /// Clears `v`'s work on days `first ..< first + count` (shortened to the budget) and
    /// puts back the cheapest roster that keeps the person's run and succession rules; false
    /// when there is none, a slot there is frozen, or a rule the programme does not follow
    /// refuses it. Each day's costs get a random share of up to `noise` score units (ties
    /// are always broken at random), so the programme can propose near-best rosters too.
    ///
    /// With `pricingMinutes`, the minutes worked are not counted in the states but priced per
    /// minute, at the price whose plan comes nearest the person's limits (found by bisection,
    /// up to a dozen programmes): the states are fewer, so a window can be months long where
    /// counting the minutes cut it to weeks. Where the working time leaves a person little
    /// slack, mending a broken run moves work by more than a few weeks.
    mutating func rebuild(
        _ v: Int, days first: Int, count requested: Int, noise: Int = 0, pricingMinutes: Bool = false,
        _ state: inout WorkingSolution, _ log: inout MoveLog, _ random: inout RandomSource
    ) -> Bool {
        let p = state.problem
        let types = p.periodCount
        guard types <= 63, p.maxShiftsPerDay == 1 else { return false }
        let pricing = pricingMinutes && p.tracksMinutes
        let limits = PersonLimits(
            p, v, classes: classType.count, minuteUnit: minuteUnit, unitsPerShift: unitsPerShift,
            countsMinutes: !pricing)
        func size(_ length: Int, _ counted: (type: Int, limit: Int)) -> Int {
            limits.stateEstimate(length: length) * (counted.limit + 1) * (types + 1) * length
        }
        var length = min(requested, 112, p.dayCount - first)
        var counted = tightestType(state, v, first: first, length: length)
        while length > 1 && size(length, counted) > Self.budget {
            length -= 1
            counted = tightestType(state, v, first: first, length: length)
        }
        let last = first + length - 1
        lastWork = size(length, counted) * (pricing ? Self.pricingProgrammes : 1)

        guard Self.clear(v, days: first, count: length, &state, &log) else { return false }
        let window = Window(
            state, v, first: first, last: last, limits: limits, counted: counted)
        prepareCells(state, v, window, noise: max(2, Int(Self.scale) * noise), &random)

        // Solve, pricing the other shift types above their limit until the plan keeps every limit.
        for t in 0..<types { typePenalty[t] = 0 }
        unitPrice = 0
        var attempts = 0
        while true {
            guard pricing ? solvePricingMinutes(p, window, limits) : solve(p, window) else { return false }
            guard let over = typeAboveLimit(state, v, window) else { break }
            attempts += 1
            guard attempts < 4 else { return false }
            typePenalty[over] += Self.scale * 50 << attempts
        }
        for i in 0..<length where plan[i] >= 0 {
            let s = Int(cellSlot[i * types + Int(plan[i])])
            guard state.canAdd(v, s) else { return false }
            log.add(v, s, &state)
        }
        return true
    }

    /// Takes `v`'s work on days `first ..< first + count` out; false when a slot there is
    /// frozen (what it took out stays in the log, for the caller to undo).
    static func clear(
        _ v: Int, days first: Int, count: Int, _ state: inout WorkingSolution, _ log: inout MoveLog
    ) -> Bool {
        let p = state.problem
        let base = v * p.cellCount
        for c in (first * p.periodCount)..<((first + count) * p.periodCount) {
            let s = Int(state.volunteerCellSlot[base + c])
            guard s >= 0 else { continue }
            guard !p.slotFrozen[s] else { return false }
            log.remove(v, s, &state)
        }
        return true
    }

    // MARK: - Preparing the window

    /// The cost of `v` working each shift of each window day with the others held fixed:
    /// the cover gained or the over-cover added in the cheapest slot, and the person's
    /// requests, scaled, plus a random share below `noise`; `.max` where the person may not work.
    private mutating func prepareCells(
        _ state: WorkingSolution, _ v: Int, _ window: Window, noise: Int, _ random: inout RandomSource
    ) {
        let p = state.problem
        let types = p.periodCount
        let cells = window.length * types
        if cellCost.count < cells {
            cellCost = [Int64](repeating: 0, count: cells)
            cellSlot = [Int32](repeating: -1, count: cells)
            cellUnits = [Int32](repeating: 0, count: cells)
            allowedNext = [UInt64](repeating: 0, count: cells)
        }
        if plan.count < window.length { plan = [Int32](repeating: -1, count: window.length) }
        let base = v * p.cellCount
        for i in 0..<window.length {
            let day = window.first + i
            for t in 0..<types {
                let c = day * types + t
                let k = i * types + t
                cellCost[k] = Self.unreachable
                cellSlot[k] = -1
                cellUnits[k] = p.cellMinutes[c] / minuteUnit
                guard p.canWork[base + c] else { continue }
                // Shifts that clash with work kept outside the window (at its two ends).
                var clashes = false
                for j in p.cellConflicts.start(c)..<p.cellConflicts.end(c) {
                    let other = p.cellConflicts[j]
                    let otherDay = Int(p.cellDay[other])
                    if otherDay == day + 1 && i + 1 < window.length { continue }
                    if otherDay == day - 1 && i > 0 { continue }
                    if state.volunteerCellSlot[base + other] >= 0 { clashes = true }
                }
                guard !clashes else { continue }
                var best = Self.unreachable
                for j in p.cellSlots.start(c)..<p.cellSlots.end(c) {
                    let s = p.cellSlots[j]
                    guard !p.slotFrozen[s], state.slotCount[s] < p.slotCapacity[s] else { continue }
                    let cost = state.slotCount[s] < p.slotNeed[s] ? -p.slotUncoveredWeight[s] : p.slotOverWeight[s]
                    if cost < best {
                        best = cost
                        cellSlot[k] = Int32(s)
                    }
                }
                guard best != Self.unreachable else { continue }
                let requests = p.volunteerDayRequests
                let row = v * p.dayCount + day
                for j in requests.start(row)..<requests.end(row) where p.requestCovers(requests[j], cell: c) {
                    let r = requests[j]
                    best += p.requestIsOn[r] ? -p.requestWeight[r] : p.requestWeight[r]
                }
                cellCost[k] = best * Self.scale + Int64(random.below(noise))
            }
            // Forbidden successions inside the window, from the previous day's shifts (the
            // first day's follow the work before the window, kept out by the clashes above).
            guard i > 0 else { continue }
            for u in 0..<types {
                let c = (day - 1) * types + u
                var mask: UInt64 = (1 << UInt64(types)) - 1
                for j in p.cellConflicts.start(c)..<p.cellConflicts.end(c) {
                    let other = p.cellConflicts[j]
                    if Int(p.cellDay[other]) == day { mask &= ~(1 << UInt64(p.cellPeriod[other])) }
                }
                allowedNext[i * types + u] = mask
            }
        }
    }

    /// The shift type whose limit binds hardest in the window (fewest shifts left, below the
    /// days it could be worked there), with the shifts left: the programme counts it exactly.
    /// (-1, 0) when no limit binds.
    private func tightestType(_ state: WorkingSolution, _ v: Int, first: Int, length: Int) -> (type: Int, limit: Int) {
        let p = state.problem
        guard p.limitsPeriods else { return (-1, 0) }
        let types = p.periodCount
        var best = (type: -1, limit: 0)
        for t in 0..<types {
            var inside: Int32 = 0
            var open = 0
            for day in first..<(first + length) {
                let c = day * types + t
                if state.volunteerCellSlot[v * p.cellCount + c] >= 0 { inside += 1 }
                if p.canWork[v * p.cellCount + c] { open += 1 }
            }
            let left = Int(p.volunteerPeriodMax[v * types + t] - state.volunteerPeriodCount[v * types + t] + inside)
            if left > 0 && left < open && (best.type < 0 || left < best.limit) { best = (t, left) }
        }
        return best
    }

    /// A shift type the plan uses more often than the person's limit allows, if any.
    private func typeAboveLimit(_ state: WorkingSolution, _ v: Int, _ window: Window) -> Int? {
        let p = state.problem
        guard p.limitsPeriods else { return nil }
        let types = p.periodCount
        for t in 0..<types {
            var used: Int32 = 0
            for i in 0..<window.length where plan[i] == Int32(t) { used += 1 }
            if used > 0 && state.volunteerPeriodCount[v * types + t] + used > p.volunteerPeriodMax[v * types + t] {
                return t
            }
        }
        return nil
    }

    /// The most programmes a rebuild that prices minutes runs: the first, the bisection's ten and the last.
    private static let pricingProgrammes = 12

    /// Solves with a price on each minute unit worked: none when the plan's minutes keep the
    /// person's limits, else the first price of a bisection (steps of about a thousandth of a
    /// unit's price outside the limits) whose plan keeps them or, where a price tips many shifts
    /// at once and none does, the one whose plan comes nearest; false when no plan keeps the rules.
    private mutating func solvePricingMinutes(_ p: IndexedProblem, _ window: Window, _ limits: PersonLimits) -> Bool {
        let unit = Int64(minuteUnit)
        let outside = window.outsideMinutes
        let fewest = (limits.minMinutes - outside + unit - 1) / unit
        let most = (limits.maxMinutes - outside) / unit
        func unitsOutside(_ units: Int64) -> Int64 { max(0, fewest - units) + max(0, units - most) }
        unitPrice = 0
        guard solve(p, window) else { return false }
        let units = plannedUnits(p, window)
        guard units < fewest || units > most else { return true }
        // Beyond a unit's price outside the limits, keeping them costs more than it saves.
        let bound = p.weightMinuteViolation * unit * Self.scale
        let short = units < fewest
        var strong = short ? -bound : bound
        var weak: Int64 = 0
        var best = (price: Int64(0), outside: unitsOutside(units))
        for _ in 0..<(Self.pricingProgrammes - 2) {
            unitPrice = (strong + weak) / 2
            guard solve(p, window) else { return false }
            let planned = plannedUnits(p, window)
            if unitsOutside(planned) < best.outside { best = (unitPrice, unitsOutside(planned)) }
            if short ? planned < fewest : planned > most { weak = unitPrice } else { strong = unitPrice }
        }
        guard unitPrice != best.price else { return true }
        unitPrice = best.price
        return solve(p, window)
    }

    /// The minute units of the plan.
    private func plannedUnits(_ p: IndexedProblem, _ window: Window) -> Int64 {
        var units: Int64 = 0
        for i in 0..<window.length where plan[i] >= 0 { units += Int64(cellUnits[i * p.periodCount + Int(plan[i])]) }
        return units
    }

    // MARK: - The dynamic programme

    /// Fills `plan` (a shift type per window day, -1 for a day off) with the cheapest
    /// roster that keeps the rules; false when none does.
    private mutating func solve(_ p: IndexedProblem, _ window: Window) -> Bool {
        let types = p.periodCount
        let shape = window.shape
        let states = shape.count
        memory.reserve(states: states, days: window.length)
        var current = memory.first
        var next = memory.second
        let start = window.startState
        current.reach(start, value: 0)
        let limits = window.limits
        let countsUnits = limits.tracksMinutes
        defer {
            // Leave both layers unreached for the next call.
            current.clear()
            next.clear()
        }

        for i in 0..<window.length {
            let parents = memory.parents + i * states
            let chosen = memory.choices + i * states
            let atHorizonStart = window.first == 0 && i == 0
            let weekendIsNew = window.weekendIsNew(i, p)
            let weekendContinues = window.weekendContinuesFromPreviousDay(i, p)
            for r in current.reachedStates {
                let value = current.values[r.index]
                let last = Int(r.last)
                let run = Int(r.run)
                let working = last > 0
                // A day off.
                if working ? (r.reachesStart || run >= limits.minWork) : true {
                    let newRun = working ? 1 : min(run + 1, limits.restCap)
                    let reaches = atHorizonStart || (!working && r.reachesStart)
                    next.relax(
                        r.resting(run: newRun, reachesStart: reaches, weekends: Int(r.weekends), shape),
                        value, from: r.index, choosing: -1, parents, chosen)
                }
                // A shift of type t.
                guard working || r.reachesStart || run >= limits.minRest else { continue }
                if working && limits.maxWork != .max && run + 1 > limits.maxWork { continue }
                let newRun = working ? min(run + 1, limits.workCap) : 1
                let reaches = atHorizonStart || (working && r.reachesStart)
                let startsWeekend = weekendIsNew && !(weekendContinues && working)
                let newWeekends = Int(r.weekends) + (startsWeekend ? 1 : 0)
                guard newWeekends <= shape.weekendCap else { continue }
                let weekendCost = startsWeekend && newWeekends > window.weekendsLeft ? window.weekendPrice : 0
                let successors = working && i > 0 ? allowedNext[i * types + Int(classType[last - 1])] : ~0
                // The fields a shift of any type sets alike; `working` adds the type's own.
                let kept = r.resting(run: newRun, reachesStart: reaches, weekends: newWeekends, shape)
                for t in 0..<types where successors & (1 << UInt64(t)) != 0 {
                    let k = i * types + t
                    let cost = cellCost[k]
                    guard cost != Self.unreachable else { continue }
                    let newUnits = countsUnits ? Int(r.units) + Int(cellUnits[k]) : 0
                    guard newUnits <= shape.unitCap else { continue }
                    let newCounted = t == window.countedType ? Int(r.counted) + 1 : Int(r.counted)
                    guard newCounted <= shape.countCap else { continue }
                    next.relax(
                        kept.working(Int(typeClass[t]), units: newUnits, counted: newCounted, shape),
                        value + cost + typePenalty[t] + weekendCost + unitPrice * Int64(cellUnits[k]),
                        from: r.index, choosing: Int8(t), parents, chosen)
                }
            }
            current.clear()
            swap(&current, &next)
        }

        var best = -1
        var bestValue = Self.unreachable
        for r in current.reachedStates where window.endIsValid(r) {
            let value = current.values[r.index] + window.minutePrice(units: Int(r.units))
            if value < bestValue {
                best = r.index
                bestValue = value
            }
        }
        guard best >= 0 else { return false }
        var s = best
        for i in stride(from: window.length - 1, through: 0, by: -1) {
            plan[i] = Int32(memory.choices[i * states + s])
            s = Int(memory.parents[i * states + s])
        }
        return true
    }
}

/// The memory of the programme: two layers (the best value of each state on one day and
/// the states reached, so that only those are visited and cleared) and each day's parents.
///
/// Raw memory, grown only when a window needs more than any before it: the programme's
/// inner loop writes it without the uniqueness and bounds checks of an array (5,000,000
/// moves of Instance6 took 16 to 17 s with arrays, 12 s without: Benchmarks/README.md).
private final class ProgrammeMemory {
    private(set) var first = Layer(capacity: 0)
    private(set) var second = Layer(capacity: 0)
    /// The state each state of day `i` was reached from, at `i * states + state`, and the
    /// shift type worked on the way (-1: a day off).
    private(set) var parents = UnsafeMutablePointer<Int32>.allocate(capacity: 0)
    private(set) var choices = UnsafeMutablePointer<Int8>.allocate(capacity: 0)
    private var parentCapacity = 0

    /// Makes room for windows of `states` states and `days` days.
    func reserve(states: Int, days: Int) {
        if first.capacity < states {
            first.deallocate()
            second.deallocate()
            first = Layer(capacity: states)
            second = Layer(capacity: states)
        }
        if parentCapacity < states * days {
            parents.deallocate()
            choices.deallocate()
            parentCapacity = states * days
            parents = .allocate(capacity: parentCapacity)
            choices = .allocate(capacity: parentCapacity)
        }
    }

    deinit {
        first.deallocate()
        second.deallocate()
        parents.deallocate()
        choices.deallocate()
    }
}

/// One day's layer of the programme: a value for every state (`unreachable` until reached)
/// and the list of states reached, with their fields so that nothing is decoded.
private struct Layer {
    let capacity: Int
    let values: UnsafeMutablePointer<Int64>
    private let reached: UnsafeMutablePointer<ReachedState>
    private var reachedCount = 0

    init(capacity: Int) {
        self.capacity = capacity
        values = .allocate(capacity: capacity)
        values.initialize(repeating: RosterRebuild.unreachable, count: capacity)
        reached = .allocate(capacity: capacity)
    }

    var reachedStates: UnsafeBufferPointer<ReachedState> { UnsafeBufferPointer(start: reached, count: reachedCount) }

    mutating func reach(_ r: ReachedState, value: Int64) {
        values[r.index] = value
        reached[reachedCount] = r
        reachedCount += 1
    }

    /// Keeps `value` for `r` when it is the best way there yet, remembering where it came from.
    @inline(__always)
    mutating func relax(
        _ r: ReachedState, _ value: Int64, from previous: Int, choosing type: Int8,
        _ parents: UnsafeMutablePointer<Int32>, _ choices: UnsafeMutablePointer<Int8>
    ) {
        guard value < values[r.index] else { return }
        if values[r.index] == RosterRebuild.unreachable {
            reached[reachedCount] = r
            reachedCount += 1
        }
        values[r.index] = value
        parents[r.index] = Int32(previous)
        choices[r.index] = type
    }

    /// Makes every reached state unreached again.
    mutating func clear() {
        for r in reachedStates { values[r.index] = RosterRebuild.unreachable }
        reachedCount = 0
    }

    func deallocate() {
        values.deallocate()
        reached.deallocate()
    }
}

/// The rules of one person that a rebuild keeps or prices, and the sizes of its states.
private struct PersonLimits {
    /// Longest run of work (`Int.max`: no limit), shortest run of work and of rest.
    let maxWork: Int
    let minWork: Int
    let minRest: Int
    /// Run lengths are remembered up to these (enough to decide every rule).
    let workCap: Int
    let restCap: Int
    let maxWeekends: Int
    let minMinutes: Int64
    let maxMinutes: Int64
    let tracksWeekends: Bool
    /// Whether the states count the minutes worked (not when the rebuild prices them).
    let tracksMinutes: Bool
    /// Classes of shift types (`RosterRebuild.typeClass`).
    let classes: Int
    /// Minutes are counted in these units; one shift takes at most `unitsPerShift` of them.
    let minuteUnit: Int64
    let unitsPerShift: Int

    init(_ p: IndexedProblem, _ v: Int, classes: Int, minuteUnit: Int32, unitsPerShift: Int, countsMinutes: Bool) {
        self.minuteUnit = Int64(minuteUnit)
        self.unitsPerShift = unitsPerShift
        let limit = Int(p.volunteerMaxConsecutive[v])
        maxWork = p.softLimits && limit < p.dayCount ? limit : .max
        minWork = Int(p.volunteerMinConsecutive[v])
        minRest = Int(p.volunteerMinDaysOff[v])
        workCap = max(1, maxWork == .max ? minWork : maxWork)
        restCap = max(1, minRest)
        tracksWeekends = p.tracksWeekends && p.softLimits
        maxWeekends = Int(p.volunteerMaxWeekends[v])
        tracksMinutes = p.tracksMinutes && countsMinutes
        minMinutes = Int64(p.volunteerMinMinutes[v])
        maxMinutes = p.softLimits ? Int64(p.volunteerMaxMinutes[v]) : .max
        self.classes = classes
    }

    /// Weekends worth remembering in a window: beyond one above the limit, none pays.
    func weekendCap(length: Int, left: Int) -> Int {
        tracksWeekends ? min(length / 7 + 2, max(0, left) + 1) : 0
    }

    /// Minute units worth remembering in a window: one shift above the room left is the
    /// most any gain in cover could pay for.
    func unitCap(length: Int, room: Int64) -> Int {
        guard tracksMinutes else { return 0 }
        let roomUnits = max(0, room) / minuteUnit + Int64(unitsPerShift)
        return Int(min(Int64(length * unitsPerShift), roomUnits))
    }

    /// An upper bound on the states of a window of `length` days, before the counted type.
    func stateEstimate(length: Int) -> Int {
        (classes + 1) * (max(workCap, restCap) + 1) * 2 * (weekendCap(length: length, left: maxWeekends) + 1)
            * (unitCap(length: length, room: maxMinutes) + 1)
    }
}

/// How the programme's states are numbered: the last shift's class (0: off), run length,
/// whether the run reaches the horizon's start, weekends and minute units worked in the
/// window, and shifts of the counted type, each field a digit of its own base.
private struct StateShape {
    let weekendCap: Int
    let unitCap: Int
    let countCap: Int
    let count: Int
    /// What one step of each field adds to a state's number.
    let lastStride: Int
    let runStride: Int
    let reachesStride: Int
    let weekendStride: Int
    let unitStride: Int

    init(classes: Int, runCap: Int, weekendCap: Int, unitCap: Int, countCap: Int) {
        self.weekendCap = weekendCap
        self.unitCap = unitCap
        self.countCap = countCap
        unitStride = countCap + 1
        weekendStride = unitStride * (unitCap + 1)
        reachesStride = weekendStride * (weekendCap + 1)
        runStride = reachesStride * 2
        lastStride = runStride * (runCap + 1)
        count = lastStride * (classes + 1)
    }
}

/// A state the programme has reached: its number and its fields.
private struct ReachedState {
    var index: Int
    /// The class of the last shift (`RosterRebuild.typeClass`), 0 after a day off.
    var last: Int32
    var run: Int32
    var weekends: Int32
    var units: Int32
    var counted: Int32
    var reachesStart: Bool

    init(last: Int, run: Int, reachesStart: Bool, weekends: Int, units: Int, counted: Int, _ shape: StateShape) {
        index = last * shape.lastStride + run * shape.runStride + (reachesStart ? shape.reachesStride : 0)
            + weekends * shape.weekendStride + units * shape.unitStride + counted
        self.last = Int32(last)
        self.run = Int32(run)
        self.weekends = Int32(weekends)
        self.units = Int32(units)
        self.counted = Int32(counted)
        self.reachesStart = reachesStart
    }

    /// A day off with this state's minute units and counted shifts, and the run and weekends given.
    @inline(__always)
    func resting(run: Int, reachesStart: Bool, weekends: Int, _ shape: StateShape) -> ReachedState {
        ReachedState(
            last: 0, run: run, reachesStart: reachesStart, weekends: weekends, units: Int(units),
            counted: Int(counted), shape)
    }

    /// This day-off state turned into one where a shift of class `last` is worked, with its
    /// units and count.
    @inline(__always)
    func working(_ last: Int, units newUnits: Int, counted newCounted: Int, _ shape: StateShape) -> ReachedState {
        var r = self
        r.index += last * shape.lastStride + (newUnits - Int(units)) * shape.unitStride + newCounted - Int(counted)
        r.last = Int32(last)
        r.units = Int32(newUnits)
        r.counted = Int32(newCounted)
        return r
    }
}

/// One rebuild's window: its days, the state it starts from (the work just before it), what
/// follows it, and the weekends and minutes left to the person outside it.
private struct Window {
    private static let scale = RosterRebuild.scale
    let first: Int
    let length: Int
    let limits: PersonLimits
    let shape: StateShape
    let startState: ReachedState
    /// Weekends the person may still start in the window, and the price of each beyond.
    let weekendsLeft: Int
    let weekendPrice: Int64
    /// Minutes worked outside the window, and the price of a minute outside the limits.
    let outsideMinutes: Int64
    let minutePrice: Int64
    /// The run of days right after the window: working or not, its length, and whether it
    /// reaches the horizon's end (or the window itself does).
    let followsWork: Bool
    let followingRun: Int
    let followingReachesEnd: Bool
    /// Weekends already worked just outside the window (their window days come free).
    let weekendBefore: Int32
    let weekendAfter: Int32
    /// The shift type counted in the states (its limit is the shape's `countCap`), or -1.
    let countedType: Int

    init(
        _ state: WorkingSolution, _ v: Int, first: Int, last: Int, limits: PersonLimits,
        counted: (type: Int, limit: Int)
    ) {
        let p = state.problem
        self.first = first
        length = last - first + 1
        self.limits = limits
        func works(_ d: Int) -> Bool { state.volunteerDayCount[v * p.dayCount + d] > 0 }

        weekendsLeft = limits.maxWeekends - Int(state.volunteerWeekends[v])
        let weekendCap = limits.weekendCap(length: length, left: weekendsLeft)
        weekendPrice = p.weightWeekendExcess * Self.scale
        outsideMinutes = Int64(state.volunteerMinutes[v])
        let unitCap = limits.unitCap(length: length, room: limits.maxMinutes - outsideMinutes)
        minutePrice = p.weightMinuteViolation * Self.scale
        let runCap = max(limits.workCap, limits.restCap)
        shape = StateShape(
            classes: limits.classes, runCap: runCap, weekendCap: weekendCap, unitCap: unitCap, countCap: counted.limit)
        countedType = counted.type

        // The state just before the window: whether the person works on the day before (the
        // class of that shift does not matter: what may follow it on the first day is kept by
        // the first day's clashes), how long that run has lasted, and whether it reaches day 0.
        // Before day 0, a rest day that reaches the start (any run may follow it).
        if first == 0 {
            startState = ReachedState(
                last: 0, run: limits.restCap, reachesStart: true, weekends: 0, units: 0, counted: 0, shape)
        } else {
            let working = works(first - 1)
            var run = 0
            var d = first - 1
            while d >= 0 && works(d) == working {
                run += 1
                d -= 1
            }
            let cap = working ? (limits.maxWork == .max ? limits.workCap : limits.maxWork) : limits.restCap
            startState = ReachedState(
                last: working ? 1 : 0, run: min(run, cap, runCap), reachesStart: d < 0, weekends: 0, units: 0,
                counted: 0, shape)
        }
        if last + 1 < p.dayCount {
            let working = works(last + 1)
            var run = 0
            var d = last + 1
            while d < p.dayCount && works(d) == working {
                run += 1
                d += 1
            }
            followsWork = working
            followingRun = run
            followingReachesEnd = d == p.dayCount
        } else {
            followsWork = false
            followingRun = 0
            followingReachesEnd = true
        }
        weekendBefore = first > 0 && works(first - 1) ? p.weekend(ofDay: first - 1) : -1
        weekendAfter = last + 1 < p.dayCount && works(last + 1) ? p.weekend(ofDay: last + 1) : -1
    }

    /// Whether working window day `i` starts a weekend the person has not worked yet
    /// (counting the days just outside the window).
    func weekendIsNew(_ i: Int, _ p: IndexedProblem) -> Bool {
        guard limits.tracksWeekends else { return false }
        let k = p.weekend(ofDay: first + i)
        return k >= 0 && k != weekendBefore && k != weekendAfter
    }

    /// Whether window day `i` belongs to the same weekend as the window day before it.
    func weekendContinuesFromPreviousDay(_ i: Int, _ p: IndexedProblem) -> Bool {
        guard i > 0 else { return false }
        let k = p.weekend(ofDay: first + i)
        return k >= 0 && p.weekend(ofDay: first + i - 1) == k
    }

    /// The price of the minutes outside the person's limits when the window holds `units`.
    func minutePrice(units: Int) -> Int64 {
        guard limits.tracksMinutes else { return 0 }
        let minutes = outsideMinutes + Int64(units) * limits.minuteUnit
        return (max(0, limits.minMinutes - minutes) + max(0, minutes - limits.maxMinutes)) * minutePrice
    }

    /// Whether a final state joins the days after the window within the run rules.
    func endIsValid(_ s: ReachedState) -> Bool {
        let run = Int(s.run)
        guard !followingReachesEnd || followingRun > 0 else { return true }
        let working = s.last > 0
        if working == followsWork {
            let combined = run + followingRun
            let exempt = s.reachesStart || followingReachesEnd
            if working {
                if limits.maxWork != .max && combined > limits.maxWork { return false }
                return exempt || combined >= limits.minWork
            }
            return exempt || combined >= limits.minRest
        }
        if working {
            guard s.reachesStart || run >= limits.minWork else { return false }
            return followingReachesEnd || followingRun >= limits.minRest
        }
        guard s.reachesStart || run >= limits.minRest else { return false }
        return followingReachesEnd || followingRun >= limits.minWork
    }
}

private func greatestCommonDivisor(_ a: Int32, _ b: Int32) -> Int32 {
    var (x, y) = (a, b)
    while y != 0 { (x, y) = (y, x % y) }
    return x
}
