import PatrolModel

/// Turns a `Community` into an `IndexedProblem`, and solver state back into a `Schedule`.
///
/// IDs become indices only here, at the edge: volunteers, grids, periods and sessions keep
/// the order of the community's files, so indices are stable for a given input.
struct ProblemCompiler {
    let community: Community
    let problem: IndexedProblem
    private let volunteerIDs: [VolunteerID]
    private let gridIDs: [GridID]
    private let sessionIDs: [SessionID]
    private let dates: [LocalDate]

    init(_ community: Community, repair: RepairPlan? = nil) {
        self.community = community
        let month = community.month
        dates = month.dates
        volunteerIDs = community.volunteers.map(\.id)
        gridIDs = community.grids.map(\.id)
        sessionIDs = community.sessions.map(\.id)
        problem = Self.compile(community, dates: dates, repair: repair)
    }

    // MARK: - The way back: indices to domain values

    /// The schedule of a solver state.
    func schedule(of state: WorkingSolution) -> Schedule {
        var assignments: [Assignment] = []
        assignments.reserveCapacity(problem.placeCount)
        for s in 0..<problem.slotCount {
            let slot = community.slots[s]
            for position in 0..<Int(state.slotCount[s]) {
                let v = Int(state.slotMembers[Int(problem.slotOffset[s]) + position])
                assignments.append(
                    Assignment(
                        volunteer: volunteerIDs[v], grid: slot.grid, date: slot.date,
                        period: slot.period))
            }
        }
        var attendance: [SessionAttendance] = []
        for v in 0..<problem.volunteerCount where state.volunteerSession[v] >= 0 {
            attendance.append(
                SessionAttendance(
                    session: sessionIDs[Int(state.volunteerSession[v])], volunteer: volunteerIDs[v]))
        }
        return Schedule(assignments: assignments, attendance: attendance)
    }

    /// Loads a schedule into a fresh solver state; assignments that are not legal moves
    /// (for instance from an older input) are left out.
    func load(_ schedule: Schedule, into state: inout WorkingSolution) {
        let volunteerIndex = Dictionary(uniqueKeysWithValues: volunteerIDs.enumerated().map { ($1, $0) })
        let sessionIndex = Dictionary(uniqueKeysWithValues: sessionIDs.enumerated().map { ($1, $0) })
        let slotIndex = Self.slotIndex(community.slots)
        for entry in schedule.attendance {
            if let v = volunteerIndex[entry.volunteer], let t = sessionIndex[entry.session],
                state.canSetSession(v, t)
            {
                state.setSession(v, t)
            }
        }
        for a in schedule.assignments {
            if let v = volunteerIndex[a.volunteer],
                let s = slotIndex[SlotKey(grid: a.grid, date: a.date, period: a.period)],
                state.canAdd(v, s)
            {
                state.add(v, s)
            }
        }
    }

    private struct SlotKey: Hashable {
        var grid: GridID
        var date: LocalDate
        var period: PeriodID
    }

    /// Each slot's index by grid, date and period, for reading schedules into indices.
    private static func slotIndex(_ slots: [PatrolSlot]) -> [SlotKey: Int] {
        var index: [SlotKey: Int] = [:]
        for (s, slot) in slots.enumerated() {
            index[SlotKey(grid: slot.grid, date: slot.date, period: slot.period)] = s
        }
        return index
    }

    // MARK: - The way in

    private static func compile(
        _ community: Community, dates: [LocalDate], repair: RepairPlan?
    ) -> IndexedProblem {
        let periods = community.periods
        let periodCount = periods.count
        let dayCount = dates.count
        let cellCount = dayCount * periodCount
        let firstDay = dates.first?.dayNumber ?? 0
        let rules = community.rules
        let weights = community.weights

        let gridIndex = Dictionary(uniqueKeysWithValues: community.grids.enumerated().map { ($1.id, $0) })
        let periodIndex = Dictionary(uniqueKeysWithValues: periods.enumerated().map { ($1.id, $0) })

        // Cells and their absolute times, in minutes from the month's first midnight.
        var cellDay = [Int32](repeating: 0, count: cellCount)
        var cellPeriod = [Int32](repeating: 0, count: cellCount)
        var cellWeek = [Int32](repeating: 0, count: cellCount)
        var cellStart = [Int](repeating: 0, count: cellCount)
        var cellEnd = [Int](repeating: 0, count: cellCount)
        var weekNumbers: [Int] = []
        var dayWeek = [Int32](repeating: 0, count: dayCount)
        for (d, date) in dates.enumerated() {
            let week = date.isoWeek
            let key = week.year * 100 + week.week
            if weekNumbers.last != key { weekNumbers.append(key) }
            dayWeek[d] = Int32(weekNumbers.count - 1)
        }
        for d in 0..<dayCount {
            for (p, period) in periods.enumerated() {
                let c = d * periodCount + p
                cellDay[c] = Int32(d)
                cellPeriod[c] = Int32(p)
                cellWeek[c] = dayWeek[d]
                cellStart[c] = d * 1440 + period.start.minutes
                cellEnd[c] = d * 1440 + period.endOffset
            }
        }
        // Two patrols conflict when they overlap, or when the rest between them is
        // shorter than min_rest_hours (a gap equal to the rule is fine).
        let rest = rules.minRestMinutes
        var conflicts = [[Int32]](repeating: [], count: cellCount)
        for a in 0..<cellCount {
            for b in 0..<cellCount where a != b {
                let (first, second) = cellStart[a] <= cellStart[b] ? (a, b) : (b, a)
                let overlap = cellStart[second] < cellEnd[first]
                let gap = cellStart[second] - cellEnd[first]
                if overlap || (gap >= 0 && gap < rest) { conflicts[a].append(Int32(b)) }
                if Int(cellDay[b]) * 1440 > cellEnd[a] + rest { break }
            }
        }

        // Volunteers.
        let volunteers = community.volunteers
        let volunteerCount = volunteers.count
        var canWork = [Bool](repeating: false, count: volunteerCount * cellCount)
        var cellVolunteers = [[Int32]](repeating: [], count: cellCount)
        for (v, volunteer) in volunteers.enumerated() {
            for (d, date) in dates.enumerated() where !volunteer.isUnavailable(on: date) {
                for (p, period) in periods.enumerated()
                where volunteer.availability.allows(date.weekday, period.id)
                    && (!period.isNight || volunteer.nightOK)
                {
                    let c = d * periodCount + p
                    canWork[v * cellCount + c] = true
                    cellVolunteers[c].append(Int32(v))
                }
            }
        }
        let carry = carryOver(community)

        // Slots.
        let slots = community.slots
        var slotOffset: [Int32] = [0]
        var cellSlots = [[Int32]](repeating: [], count: cellCount)
        var slotCell: [Int32] = []
        for (s, slot) in slots.enumerated() {
            let d = slot.date.dayNumber - firstDay
            let c = d * periodCount + periodIndex[slot.period]!
            slotCell.append(Int32(c))
            cellSlots[c].append(Int32(s))
            slotOffset.append(slotOffset[s] + Int32(slot.needed))
        }

        // Grid costs for patrolling away from home.
        let gridCount = community.grids.count
        var gridCost = [Int64](repeating: 0, count: gridCount * gridCount)
        var gridIsNeighbor = [Bool](repeating: false, count: gridCount * gridCount)
        for (h, home) in community.grids.enumerated() {
            for (g, grid) in community.grids.enumerated() where g != h {
                let adjacent = home.neighbors.contains(grid.id) || grid.neighbors.contains(home.id)
                gridIsNeighbor[h * gridCount + g] = adjacent
                gridCost[h * gridCount + g] = Int64(adjacent ? weights.neighborGrid : weights.farGrid)
            }
        }

        // Sessions.
        let sessions = community.sessions
        let sessionCount = sessions.count
        var sessionAllowed = [Bool](repeating: false, count: volunteerCount * sessionCount)
        var sessionCells = [[Int32]](repeating: [], count: sessionCount)
        var sessionBlocksCell = [Bool](repeating: false, count: sessionCount * cellCount)
        for (t, session) in sessions.enumerated() {
            let d = session.date.dayNumber - firstDay
            let start = d * 1440 + session.start.minutes
            let end = d * 1440 + session.endOffset
            for c in 0..<cellCount where cellStart[c] < end && start < cellEnd[c] {
                sessionCells[t].append(Int32(c))
                sessionBlocksCell[t * cellCount + c] = true
            }
            for (v, volunteer) in volunteers.enumerated() {
                sessionAllowed[v * sessionCount + t] = !volunteer.isUnavailable(on: session.date)
            }
        }

        // Requests, grouped by volunteer.
        let volunteerIndex = Dictionary(uniqueKeysWithValues: volunteers.enumerated().map { ($1.id, $0) })
        var volunteerRequests = [[Int32]](repeating: [], count: volunteerCount)
        var requestFirstDay: [Int32] = []
        var requestLastDay: [Int32] = []
        var requestPeriods: [UInt64] = []
        var requestIsOn: [Bool] = []
        var requestWeight: [Int64] = []
        for request in community.requests {
            guard let v = volunteerIndex[request.volunteer] else { continue }
            volunteerRequests[v].append(Int32(requestWeight.count))
            requestFirstDay.append(Int32(request.dates.first.dayNumber - firstDay))
            requestLastDay.append(Int32(request.dates.last.dayNumber - firstDay))
            var mask: UInt64 = 0
            for id in request.periods { if let p = periodIndex[id] { mask |= 1 << UInt64(p) } }
            requestPeriods.append(mask)
            requestIsOn.append(request.kind == .on)
            requestWeight.append(Int64(request.weight))
        }

        // A repair's baseline, by slot.
        var baseline = [[Int32]](repeating: [], count: slots.count)
        if let repair {
            let slotIndex = Self.slotIndex(slots)
            for a in repair.baseline.assignments {
                if let s = slotIndex[SlotKey(grid: a.grid, date: a.date, period: a.period)],
                    let v = volunteerIndex[a.volunteer]
                {
                    baseline[s].append(Int32(v))
                }
            }
        }
        let frozenBefore = repair?.frozenBefore

        var p = IndexedProblem()
        p.volunteerCount = volunteerCount
        p.slotCount = slots.count
        p.sessionCount = sessionCount
        p.dayCount = dayCount
        p.periodCount = periodCount
        p.cellCount = cellCount
        p.weekCount = weekNumbers.count
        p.gridCount = gridCount

        p.slotCell = slotCell
        p.slotGrid = slots.map { Int32(gridIndex[$0.grid]!) }
        p.slotNeed = slots.map { Int32($0.needed) }
        // A patrol team is never larger than its demand.
        p.slotCapacity = p.slotNeed
        p.slotOffset = slotOffset
        p.slotUncoveredWeight = slots.map {
            Int64(weights.uncovered) * Int64(community.grids[gridIndex[$0.grid]!].risk)
        }
        p.slotNeedsLeader = slots.map { community.grids[gridIndex[$0.grid]!].needsLeader }
        p.slotFrozen = slots.map { slot in frozenBefore.map { slot.date < $0 } ?? false }
        p.slotBaseline = CompressedRows(rows: baseline)

        p.cellDay = cellDay
        p.cellWeek = cellWeek
        p.cellPeriod = cellPeriod
        p.cellMinutes = (0..<cellCount).map { Int32(cellEnd[$0] - cellStart[$0]) }
        p.cellSlots = CompressedRows(rows: cellSlots)
        p.cellConflicts = CompressedRows(rows: conflicts)
        p.cellVolunteers = CompressedRows(rows: cellVolunteers)

        p.canWork = canWork
        p.volunteerMax = volunteers.map { Int32($0.maxShifts) }
        p.volunteerMin = volunteers.map { Int32($0.minShifts) }
        p.volunteerCarry = volunteers.map { Int32(carry[$0.id] ?? 0) }
        p.volunteerIsParty = volunteers.map(\.isPartyMember)
        p.volunteerIsLeader = volunteers.map(\.isLeader)
        p.volunteerHome = volunteers.map { Int32(gridIndex[$0.homeGrid]!) }
        p.volunteerMustTrainFirst = volunteers.map { rules.trainBeforePatrol && $0.trainedOn == nil }
        p.volunteerRequests = CompressedRows(rows: volunteerRequests)
        p.volunteerMaxConsecutive = Array(repeating: Int32(clamping: rules.maxConsecutiveDays), count: volunteerCount)
        p.gridCost = gridCost
        p.gridIsNeighbor = gridIsNeighbor

        p.sessionDay = sessions.map { Int32($0.date.dayNumber - firstDay) }
        p.sessionCapacity = sessions.map { Int32(clamping: $0.capacity ?? Int(Int32.max)) }
        p.sessionAllowed = sessionAllowed
        p.sessionCells = CompressedRows(rows: sessionCells)
        p.sessionBlocksCell = sessionBlocksCell
        p.sessionFrozen = sessions.map { session in frozenBefore.map { session.date < $0 } ?? false }

        p.requestFirstDay = requestFirstDay
        p.requestLastDay = requestLastDay
        p.requestPeriods = requestPeriods
        p.requestIsOn = requestIsOn
        p.requestWeight = requestWeight

        p.maxShiftsPerDay = Int32(clamping: rules.maxShiftsPerDay)
        p.maxShiftsPerWeek = Int32(clamping: rules.maxShiftsPerWeek)
        p.trainingCounts = rules.trainingRequired && !sessions.isEmpty
        p.weightMissedTraining = Int64(weights.missedTraining)
        p.weightNoParty = Int64(weights.noPartyMember)
        p.weightNoLeader = Int64(weights.noLeader)
        p.weightBelowMin = Int64(weights.belowMinShifts)
        p.weightFairness = Int64(weights.fairness)
        p.weightNeighborGrid = Int64(weights.neighborGrid)
        p.weightFarGrid = Int64(weights.farGrid)
        p.weightChange = Int64(repair?.changeWeight ?? 0)
        p.fillNeutralLimits()
        return p
    }

    /// Carry-over of section 3a: over the three months before this one, a volunteer's
    /// average patrols per month minus the group's average, rounded down, when positive.
    static func carryOver(_ community: Community) -> [VolunteerID: Int] {
        let window = Set((1...3).map { community.month.adding(months: -$0) })
        var totals: [VolunteerID: Int] = [:]
        for entry in community.history where window.contains(entry.month) {
            totals[entry.volunteer, default: 0] += entry.shifts
        }
        guard !totals.isEmpty else { return [:] }
        let people = totals.count
        let sum = totals.values.reduce(0, +)
        var carry: [VolunteerID: Int] = [:]
        for volunteer in community.volunteers {
            // total/3 - sum/(3 people) = (total * people - sum) / (3 people)
            let numerator = (totals[volunteer.id] ?? 0) * people - sum
            if numerator > 0 { carry[volunteer.id] = numerator / (3 * people) }
        }
        return carry
    }
}

