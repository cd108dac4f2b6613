/// The solver's flat, integer-indexed view of a rostering problem.
///
/// The general core under both the patrol contract and the Curtois & Qu benchmark:
/// people ("volunteers") are placed into slots; a slot is one task (a patrol grid, a
/// shift type) in one cell, and a cell is one period of one day. Everything the hot
/// loop needs is an array or a `CompressedRows` list indexed by integers, so scoring a
/// move never touches a string, a dictionary or the allocator. Importers
/// (`ProblemCompiler` for communities, `CurtoisCompiler` for the benchmark) fill it;
/// fields a problem does not use keep neutral values (no limit, weight 0).
struct IndexedProblem: Sendable {
    // MARK: - Sizes
    var volunteerCount = 0
    var slotCount = 0
    var sessionCount = 0
    var dayCount = 0
    var periodCount = 0
    /// Cells are `day * periodCount + period`.
    var cellCount = 0
    var weekCount = 1
    var weekendCount = 0
    var gridCount = 1

    // MARK: - Slots: one team to staff
    var slotCell: [Int32] = []
    var slotGrid: [Int32] = []
    /// The team size wanted.
    var slotNeed: [Int32] = []
    /// The most people the slot may hold (the need for patrols; anyone for benchmark shifts).
    var slotCapacity: [Int32] = []
    /// Start of the slot's places in the flat member array (prefix sum of capacities).
    var slotOffset: [Int32] = [0]
    /// Penalty of one missing person (patrols: `uncovered` x the grid's risk).
    var slotUncoveredWeight: [Int64] = []
    /// Penalty of one person above the need.
    var slotOverWeight: [Int64] = []
    var slotNeedsLeader: [Bool] = []
    /// Slots a repair may not change (dated before its start).
    var slotFrozen: [Bool] = []
    /// Each slot's people in the baseline schedule of a repair; empty otherwise.
    var slotBaseline = CompressedRows(rows: [])
    var placeCount: Int { Int(slotOffset[slotCount]) }
    /// The sum of the needs: the places coverage is measured against.
    var neededPlaces = 0

    // MARK: - Cells: one period on one day
    var cellDay: [Int32] = []
    var cellWeek: [Int32] = []
    /// The weekend a cell's day belongs to, or -1 on weekdays (for weekend limits).
    var cellWeekend: [Int32] = []
    var cellPeriod: [Int32] = []

    /// The weekend day `d` belongs to, or -1 on weekdays.
    @inline(__always)
    func weekend(ofDay d: Int) -> Int32 { cellWeekend[d * periodCount] }
    /// The day of slot `s`.
    @inline(__always)
    func day(ofSlot s: Int) -> Int { Int(cellDay[Int(slotCell[s])]) }
    /// Working minutes of a patrol or shift in the cell (for total-time limits).
    var cellMinutes: [Int32] = []
    /// Slots of each cell.
    var cellSlots = CompressedRows(rows: [])
    /// Other cells a person in this cell cannot also work: overlapping, too little rest,
    /// or a forbidden succession.
    var cellConflicts = CompressedRows(rows: [])
    /// People allowed to work each cell (weekly pattern, unavailable dates, night, days off).
    var cellVolunteers = CompressedRows(rows: [])

    // MARK: - People
    /// Whether person `v` may work cell `c`, at `v * cellCount + c`.
    var canWork: [Bool] = []
    var volunteerMax: [Int32] = []
    var volunteerMin: [Int32] = []
    var volunteerCarry: [Int32] = []
    var volunteerIsParty: [Bool] = []
    var volunteerIsLeader: [Bool] = []
    var volunteerHome: [Int32] = []
    /// Never trained while `train_before_patrol` holds: works only after their session.
    var volunteerMustTrainFirst: [Bool] = []
    /// Requests of each person.
    var volunteerRequests = CompressedRows(rows: [])
    /// Requests of each person that cover each day, at `v * dayCount + d` (filled from
    /// `volunteerRequests` by `fillNeutralLimits`): a change scans only its day's requests.
    var volunteerDayRequests = CompressedRows(rows: [])
    var volunteerMaxConsecutive: [Int32] = []
    /// Shortest run of working days between two days off (0: no rule).
    var volunteerMinConsecutive: [Int32] = []
    /// Shortest run of days off between two working days (0: no rule).
    var volunteerMinDaysOff: [Int32] = []
    var volunteerMaxWeekends: [Int32] = []
    var volunteerMinMinutes: [Int32] = []
    var volunteerMaxMinutes: [Int32] = []
    /// Most cells of period `p` for person `v`, at `v * periodCount + p`.
    var volunteerPeriodMax: [Int32] = []

    /// Penalty of a patrol in grid `g` for someone living in grid `h`, at `h * gridCount + g`.
    var gridCost: [Int64] = [0]
    /// Whether grid `g` is adjacent to home `h` (for counting), at `h * gridCount + g`.
    var gridIsNeighbor: [Bool] = [false]

    // MARK: - Training sessions
    var sessionDay: [Int32] = []
    /// `Int32.max` when unlimited.
    var sessionCapacity: [Int32] = []
    /// Whether person `v` may attend session `t`, at `v * sessionCount + t`.
    var sessionAllowed: [Bool] = []
    /// Cells whose patrol overlaps each session.
    var sessionCells = CompressedRows(rows: [])
    /// Whether session `t` overlaps cell `c`, at `t * cellCount + c`.
    var sessionBlocksCell: [Bool] = []
    /// Sessions a repair may not change (dated before its start).
    var sessionFrozen: [Bool] = []

    // MARK: - Requests
    var requestFirstDay: [Int32] = []
    var requestLastDay: [Int32] = []
    /// Bit `p` set when the request covers period `p`.
    var requestPeriods: [UInt64] = []
    var requestIsOn: [Bool] = []
    var requestWeight: [Int64] = []
    /// The person who made each request (filled by `fillNeutralLimits`).
    var requestVolunteer: [Int32] = []

    // MARK: - Rules and weights
    var maxShiftsPerDay: Int32 = 1
    var maxShiftsPerWeek: Int32 = .max
    /// Whether volunteers without a session count: training is required and there are sessions.
    var trainingCounts = false
    var weightMissedTraining: Int64 = 0
    var weightNoParty: Int64 = 0
    var weightNoLeader: Int64 = 0
    var weightBelowMin: Int64 = 0
    var weightFairness: Int64 = 0
    var weightNeighborGrid: Int64 = 0
    var weightFarGrid: Int64 = 0
    /// Penalty of each assignment that differs from a repair's baseline; 0 outside repairs.
    var weightChange: Int64 = 0
    /// Penalties of breaking a rule the search may break for a while (hard in the benchmark):
    /// per day outside a run limit, per minute outside the working-time limits, per weekend
    /// above the limit.
    var weightRunViolation: Int64 = 0
    var weightMinuteViolation: Int64 = 0
    var weightWeekendExcess: Int64 = 0
    /// Whether maximum runs, working time and weekends are priced instead of blocked (the
    /// benchmark): the search then crosses schedules that break them on its way to better ones.
    var softLimits = false

    /// Which mix of moves suits the problem.
    var moveProfile = MoveProfile.patrol

    // MARK: - Which optional rules are present (so the patrol loop skips them)
    /// Whether teams (Party members, leaders), home grids, the fair share of patrols and a
    /// repair's baseline are scored. A shift roster (the benchmark) has none of them: its
    /// moves skip their bookkeeping, and their counts stay 0.
    var scoresTeams = true
    var tracksRuns = false
    var tracksMinutes = false
    var tracksWeekends = false
    var limitsPeriods = false

    @inline(__always) func requestCovers(_ r: Int, cell c: Int) -> Bool {
        let day = cellDay[c]
        return day >= requestFirstDay[r] && day <= requestLastDay[r]
            && requestPeriods[r] & (1 << UInt64(cellPeriod[c])) != 0
    }

    @inline(__always) func isBaseline(_ v: Int, _ s: Int) -> Bool {
        for i in slotBaseline.start(s)..<slotBaseline.end(s) where slotBaseline[i] == v { return true }
        return false
    }

    /// Fills the per-person arrays the patrol contract does not use with neutral values.
    mutating func fillNeutralLimits() {
        let v = volunteerCount
        func fill<T>(_ array: inout [T], _ value: T, _ count: Int) {
            if array.count != count { array = [T](repeating: value, count: count) }
        }
        fill(&volunteerMaxConsecutive, .max, v)
        fill(&volunteerMinConsecutive, 0, v)
        fill(&volunteerMinDaysOff, 0, v)
        fill(&volunteerMaxWeekends, .max, v)
        fill(&volunteerMinMinutes, 0, v)
        fill(&volunteerMaxMinutes, .max, v)
        fill(&volunteerPeriodMax, .max, v * periodCount)
        fill(&volunteerMin, 0, v)
        fill(&volunteerCarry, 0, v)
        fill(&volunteerIsParty, false, v)
        fill(&volunteerIsLeader, false, v)
        fill(&volunteerHome, 0, v)
        fill(&volunteerMustTrainFirst, false, v)
        fill(&cellWeekend, -1, cellCount)
        fill(&cellMinutes, 0, cellCount)
        fill(&slotGrid, 0, slotCount)
        fill(&slotNeedsLeader, false, slotCount)
        fill(&slotFrozen, false, slotCount)
        fill(&slotOverWeight, 0, slotCount)
        if volunteerRequests.rowCount != v { volunteerRequests = CompressedRows(rows: Array(repeating: [], count: v)) }
        if slotBaseline.rowCount != slotCount { slotBaseline = CompressedRows(rows: Array(repeating: [], count: slotCount)) }
        if sessionCells.rowCount != sessionCount {
            sessionCells = CompressedRows(rows: Array(repeating: [], count: sessionCount))
        }
        var dayRequests = [[Int32]](repeating: [], count: v * dayCount)
        requestVolunteer = [Int32](repeating: 0, count: requestWeight.count)
        for person in 0..<v {
            for i in volunteerRequests.start(person)..<volunteerRequests.end(person) {
                let r = volunteerRequests[i]
                requestVolunteer[r] = Int32(person)
                let first = max(0, Int(requestFirstDay[r]))
                let last = min(dayCount - 1, Int(requestLastDay[r]))
                guard first <= last else { continue }
                for d in first...last { dayRequests[person * dayCount + d].append(Int32(r)) }
            }
        }
        volunteerDayRequests = CompressedRows(rows: dayRequests)
        tracksRuns = volunteerMinConsecutive.contains { $0 > 0 } || volunteerMinDaysOff.contains { $0 > 0 }
            || (softLimits && volunteerMaxConsecutive.contains { $0 < .max })
        tracksMinutes = volunteerMinMinutes.contains { $0 > 0 } || volunteerMaxMinutes.contains { $0 < .max }
        tracksWeekends = volunteerMaxWeekends.contains { $0 < .max } && cellWeekend.contains { $0 >= 0 }
        limitsPeriods = volunteerPeriodMax.contains { $0 < .max }
        neededPlaces = slotNeed.reduce(0) { $0 + Int($1) }
    }
}

extension IndexedProblem {
    /// A copy whose arrays share no storage with this one. Each thread of a portfolio
    /// searches on its own copy, so reference counting in the hot loop never touches a
    /// buffer another core is counting on (measured: two threads sharing one problem
    /// evaluated fewer moves together than one thread alone).
    func detachedCopy() -> IndexedProblem {
        func own<T>(_ array: [T]) -> [T] { array.map { $0 } }
        var p = self
        p.slotCell = own(slotCell)
        p.slotGrid = own(slotGrid)
        p.slotNeed = own(slotNeed)
        p.slotCapacity = own(slotCapacity)
        p.slotOffset = own(slotOffset)
        p.slotUncoveredWeight = own(slotUncoveredWeight)
        p.slotOverWeight = own(slotOverWeight)
        p.slotNeedsLeader = own(slotNeedsLeader)
        p.slotFrozen = own(slotFrozen)
        p.slotBaseline = slotBaseline.detachedCopy()
        p.cellDay = own(cellDay)
        p.cellWeek = own(cellWeek)
        p.cellWeekend = own(cellWeekend)
        p.cellPeriod = own(cellPeriod)
        p.cellMinutes = own(cellMinutes)
        p.cellSlots = cellSlots.detachedCopy()
        p.cellConflicts = cellConflicts.detachedCopy()
        p.cellVolunteers = cellVolunteers.detachedCopy()
        p.canWork = own(canWork)
        p.volunteerMax = own(volunteerMax)
        p.volunteerMin = own(volunteerMin)
        p.volunteerCarry = own(volunteerCarry)
        p.volunteerIsParty = own(volunteerIsParty)
        p.volunteerIsLeader = own(volunteerIsLeader)
        p.volunteerHome = own(volunteerHome)
        p.volunteerMustTrainFirst = own(volunteerMustTrainFirst)
        p.volunteerRequests = volunteerRequests.detachedCopy()
        p.volunteerDayRequests = volunteerDayRequests.detachedCopy()
        p.volunteerMaxConsecutive = own(volunteerMaxConsecutive)
        p.volunteerMinConsecutive = own(volunteerMinConsecutive)
        p.volunteerMinDaysOff = own(volunteerMinDaysOff)
        p.volunteerMaxWeekends = own(volunteerMaxWeekends)
        p.volunteerMinMinutes = own(volunteerMinMinutes)
        p.volunteerMaxMinutes = own(volunteerMaxMinutes)
        p.volunteerPeriodMax = own(volunteerPeriodMax)
        p.gridCost = own(gridCost)
        p.gridIsNeighbor = own(gridIsNeighbor)
        p.sessionDay = own(sessionDay)
        p.sessionCapacity = own(sessionCapacity)
        p.sessionAllowed = own(sessionAllowed)
        p.sessionCells = sessionCells.detachedCopy()
        p.sessionBlocksCell = own(sessionBlocksCell)
        p.sessionFrozen = own(sessionFrozen)
        p.requestFirstDay = own(requestFirstDay)
        p.requestLastDay = own(requestLastDay)
        p.requestPeriods = own(requestPeriods)
        p.requestIsOn = own(requestIsOn)
        p.requestWeight = own(requestWeight)
        p.requestVolunteer = own(requestVolunteer)
        return p
    }
}
