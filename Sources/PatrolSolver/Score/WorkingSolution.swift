import PatrolModel

/// The solver's mutable schedule and every running total its score needs.
///
/// All changes go through `add`, `remove` and `setSession`, which keep the totals in
/// step in O(1) plus the volunteer's few requests, so a move is scored by applying it
/// and reading `total` (and undone by the inverse calls). `canAdd` and `canSetSession`
/// guard every hard rule of the contract's section 2, so the state is always a valid
/// schedule: the score is soft penalties only.
struct WorkingSolution: Sendable {
    let problem: IndexedProblem

    // MARK: - Assignment state
    /// Every counter of the assignment; `makeUnique` runs before each change writes to it.
    private var storage: SolutionStorage
    private let dayWords: Int
    /// How many of `storage.openSlots` are slots with an open place.
    private var openSlotCount: Int

    // Read-only views of the counters, for the moves: valid until the next change.

    /// Members of each slot at `slotOffset[s] ..< slotOffset[s] + slotCount[s]`, unordered.
    var slotMembers: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(storage.slotMembers) }
    var slotCount: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(storage.slotCount) }
    /// The slot volunteer `v` patrols in cell `c`, or -1, at `v * cellCount + c`.
    var volunteerCellSlot: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(storage.volunteerCellSlot) }
    /// Patrols of volunteer `v` on day `d`, at `v * dayCount + d`.
    var volunteerDayCount: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(storage.volunteerDayCount) }
    /// The session each volunteer attends, or -1.
    var volunteerSession: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(storage.volunteerSession) }
    /// People in each training session.
    var sessionCount: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(storage.sessionCount) }
    /// How many of the volunteer's patrols fall inside each request.
    var requestHits: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(storage.requestHits) }
    /// Cells of each period per person, at `v * periodCount + p` (when periods are limited).
    var volunteerPeriodCount: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(storage.volunteerPeriodCount) }
    /// Working minutes per person (when total time is limited).
    var volunteerMinutes: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(storage.volunteerMinutes) }
    /// Weekends worked per person (when weekends are tracked).
    var volunteerWeekends: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(storage.volunteerWeekends) }
    /// Days worked in each weekend, at `v * weekendCount + k` (when weekends are tracked).
    var volunteerWeekendDays: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(storage.volunteerWeekendDays) }
    /// Units of priced rules each person breaks (days, minutes, weekends): rebuilds start there.
    var volunteerViolation: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(storage.volunteerViolation) }
    /// Slots with an open place, for move selection.
    var openSlots: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(rebasing: storage.openSlots[..<openSlotCount]) }

    // MARK: - Running score totals
    private(set) var counts = ScoreCounts()
    /// The score: the sum of every penalty, kept in step with `counts`.
    private(set) var total: Int64 = 0

    init(problem: IndexedProblem) {
        self.problem = problem
        storage = SolutionStorage(problem)
        storage.slotMembers.update(repeating: -1)
        storage.volunteerCellSlot.update(repeating: -1)
        storage.volunteerSession.update(repeating: -1)
        for s in 0..<problem.slotCount {
            storage.openSlots[s] = Int32(s)
            storage.openSlotPosition[s] = Int32(s)
        }
        openSlotCount = problem.slotCount
        dayWords = (problem.dayCount + 63) / 64
        counts = recount()
        total = counts.total(problem)
        for v in 0..<problem.volunteerCount {
            let broken = recountViolations(v)
            storage.volunteerViolation[v] = Int32(broken.runs + broken.minutes + broken.weekends)
        }
    }

    // MARK: - Hard rules: whether a change keeps the schedule valid

    /// Whether volunteer `v` may join slot `s` without breaking a hard rule.
    @inline(__always)
    func canAdd(_ v: Int, _ s: Int) -> Bool {
        guard storage.slotCount[s] < problem.slotCapacity[s] else { return false }
        let c = Int(problem.slotCell[s])
        let d = Int(problem.cellDay[c])
        let vd = v * problem.dayCount
        // The small per-day table first: a person who already works the day is turned away
        // without a cache miss in the large per-cell tables below (where a day holds one shift).
        guard storage.volunteerDayCount[vd + d] < problem.maxShiftsPerDay else { return false }
        let vc = v * problem.cellCount
        guard problem.canWork[vc + c], storage.volunteerCellSlot[vc + c] < 0,
            storage.volunteerShifts[v] < problem.volunteerMax[v],
            storage.volunteerWeekCount[v * problem.weekCount + Int(problem.cellWeek[c])] < problem.maxShiftsPerWeek
        else { return false }
        let session = Int(storage.volunteerSession[v])
        if session >= 0 {
            if problem.sessionBlocksCell[session * problem.cellCount + c] { return false }
            if problem.volunteerMustTrainFirst[v] && Int(problem.sessionDay[session]) >= d { return false }
        } else if problem.volunteerMustTrainFirst[v] {
            return false
        }
        for i in problem.cellConflicts.start(c)..<problem.cellConflicts.end(c)
        where storage.volunteerCellSlot[vc + problem.cellConflicts[i]] >= 0 {
            return false
        }
        if problem.limitsPeriods && storage.volunteerPeriodCount[v * problem.periodCount + Int(problem.cellPeriod[c])]
            >= problem.volunteerPeriodMax[v * problem.periodCount + Int(problem.cellPeriod[c])]
        {
            return false
        }
        if problem.tracksMinutes && !problem.softLimits
            && storage.volunteerMinutes[v] + problem.cellMinutes[c] > problem.volunteerMaxMinutes[v]
        {
            return false
        }
        if problem.tracksWeekends && !problem.softLimits {
            let k = Int(problem.cellWeekend[c])
            if k >= 0 && storage.volunteerWeekendDays[v * problem.weekendCount + k] == 0
                && storage.volunteerWeekends[v] >= problem.volunteerMaxWeekends[v]
            {
                return false
            }
        }
        if storage.volunteerDayCount[vd + d] == 0 && !problem.softLimits {
            // A new working day joins the runs of working days on either side.
            let limit = Int(problem.volunteerMaxConsecutive[v])
            let run = 1 + workingRun(v, endingAt: d - 1, working: true, upTo: limit)
                + workingRun(v, startingAt: d + 1, working: true, upTo: limit)
            if run > limit { return false }
        }
        return true
    }

    /// Whether volunteer `v` may move to session `t` (-1: no session) without breaking a hard rule.
    func canSetSession(_ v: Int, _ t: Int) -> Bool {
        guard t != Int(storage.volunteerSession[v]) else { return false }
        if t < 0 { return !problem.volunteerMustTrainFirst[v] || storage.volunteerShifts[v] == 0 }
        guard problem.sessionAllowed[v * problem.sessionCount + t], storage.sessionCount[t] < problem.sessionCapacity[t]
        else { return false }
        let vc = v * problem.cellCount
        for i in problem.sessionCells.start(t)..<problem.sessionCells.end(t)
        where storage.volunteerCellSlot[vc + problem.sessionCells[i]] >= 0 {
            return false
        }
        if problem.volunteerMustTrainFirst[v] && storage.volunteerShifts[v] > 0 {
            let lastBlocked = min(Int(problem.sessionDay[t]), problem.dayCount - 1)
            let vd = v * problem.dayCount
            if lastBlocked >= 0 {
                for d in 0...lastBlocked where storage.volunteerDayCount[vd + d] > 0 { return false }
            }
        }
        return true
    }

    // MARK: - Changes, each scored incrementally

    /// Adds `v` to slot `s`; `canAdd(v, s)` must hold. Returns the change in days outside
    /// the run limits; a caller that knows it already (taking the add back, or trying
    /// another slot of the same day from the same state) passes it as `knownRunChange`, and
    /// the runs are not measured again.
    @discardableResult
    mutating func add(_ v: Int, _ s: Int, knownRunChange: Int64? = nil) -> Int64 {
        makeUnique()
        let c = Int(problem.slotCell[s])
        let count = storage.slotCount[s]
        storage.slotMembers[Int(problem.slotOffset[s] + count)] = Int32(v)
        storage.slotCount[s] = count + 1
        if count + 1 == problem.slotCapacity[s] { closeSlot(s) }
        var delta: Int64
        if count < problem.slotNeed[s] {
            delta = -problem.slotUncoveredWeight[s]
            counts.uncovered -= 1
            counts.uncoveredPenalty -= problem.slotUncoveredWeight[s]
        } else {
            delta = problem.slotOverWeight[s]
            counts.over += 1
            counts.overPenalty += problem.slotOverWeight[s]
        }

        if problem.scoresTeams {
            delta += teamChange(v, s, count: count, adding: true)
            delta += changeShifts(v, by: 1)
            delta += gridChange(v, s, sign: 1)
            delta += baselineChange(v, s, adding: true)
        } else {
            storage.volunteerShifts[v] += 1
        }
        let day = v * problem.dayCount + Int(problem.cellDay[c])
        let newDay = storage.volunteerDayCount[day] == 0
        storage.volunteerCellSlot[v * problem.cellCount + c] = Int32(s)
        storage.volunteerDayCount[day] += 1
        if newDay { flipWorkingDay(v, Int(problem.cellDay[c])) }
        storage.volunteerWeekCount[v * problem.weekCount + Int(problem.cellWeek[c])] += 1
        var runs: Int64 = 0
        if problem.tracksRuns && newDay {
            runs = knownRunChange ?? runChange(v, day: Int(problem.cellDay[c]), toWorking: true)
            delta += changeRuns(v, runs)
        }
        delta += changeLimitedTotals(v, cell: c, by: 1)
        delta += changeRequests(v, cell: c, by: 1)
        total += delta
        return runs
    }

    /// Removes `v` from slot `s`, where `v` must be a member. Returns the change in days
    /// outside the run limits, which `knownRunChange` may give as `add` describes.
    @discardableResult
    mutating func remove(_ v: Int, _ s: Int, knownRunChange: Int64? = nil) -> Int64 {
        makeUnique()
        let c = Int(problem.slotCell[s])
        let offset = Int(problem.slotOffset[s])
        let count = storage.slotCount[s]
        if count == problem.slotCapacity[s] { openSlot(s) }
        var position = offset
        while storage.slotMembers[position] != Int32(v) { position += 1 }
        storage.slotMembers[position] = storage.slotMembers[offset + Int(count) - 1]
        storage.slotMembers[offset + Int(count) - 1] = -1
        storage.slotCount[s] = count - 1
        var delta: Int64
        if count <= problem.slotNeed[s] {
            delta = problem.slotUncoveredWeight[s]
            counts.uncovered += 1
            counts.uncoveredPenalty += problem.slotUncoveredWeight[s]
        } else {
            delta = -problem.slotOverWeight[s]
            counts.over -= 1
            counts.overPenalty -= problem.slotOverWeight[s]
        }

        if problem.scoresTeams {
            delta += teamChange(v, s, count: count, adding: false)
            delta += changeShifts(v, by: -1)
            delta += gridChange(v, s, sign: -1)
            delta += baselineChange(v, s, adding: false)
        } else {
            storage.volunteerShifts[v] -= 1
        }
        let day = v * problem.dayCount + Int(problem.cellDay[c])
        let lastOfDay = storage.volunteerDayCount[day] == 1
        storage.volunteerCellSlot[v * problem.cellCount + c] = -1
        storage.volunteerDayCount[day] -= 1
        if lastOfDay { flipWorkingDay(v, Int(problem.cellDay[c])) }
        storage.volunteerWeekCount[v * problem.weekCount + Int(problem.cellWeek[c])] -= 1
        var runs: Int64 = 0
        if problem.tracksRuns && lastOfDay {
            runs = knownRunChange ?? runChange(v, day: Int(problem.cellDay[c]), toWorking: false)
            delta += changeRuns(v, runs)
        }
        delta += changeLimitedTotals(v, cell: c, by: -1)
        delta += changeRequests(v, cell: c, by: -1)
        total += delta
        return runs
    }

    /// Moves volunteer `v` to session `t` (-1: none); `canSetSession(v, t)` must hold.
    mutating func setSession(_ v: Int, _ t: Int) {
        makeUnique()
        let old = Int(storage.volunteerSession[v])
        if old >= 0 { storage.sessionCount[old] -= 1 }
        if t >= 0 { storage.sessionCount[t] += 1 }
        storage.volunteerSession[v] = Int32(t)
        if problem.trainingCounts && (old < 0) != (t < 0) {
            counts.missedTraining += t < 0 ? 1 : -1
            total += t < 0 ? problem.weightMissedTraining : -problem.weightMissedTraining
        }
    }

    // MARK: - Parts of a change

    /// Copies the counters first when another copy of this solution shares them.
    @inline(__always)
    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = SolutionStorage(copying: storage) }
    }

    /// Party members and leaders in slot `s`, which held `count` people before `v` joined
    /// (or left): a team without one is penalised, an empty slot is not.
    @inline(__always)
    private mutating func teamChange(_ v: Int, _ s: Int, count: Int32, adding: Bool) -> Int64 {
        var delta: Int64 = 0
        let step: Int32 = adding ? 1 : -1
        let staffedAfter = adding || count > 1
        let hadNoParty = count > 0 && storage.slotPartyCount[s] == 0
        if problem.volunteerIsParty[v] { storage.slotPartyCount[s] += step }
        let noParty = staffedAfter && storage.slotPartyCount[s] == 0
        if noParty != hadNoParty {
            counts.noParty += noParty ? 1 : -1
            delta += noParty ? problem.weightNoParty : -problem.weightNoParty
        }
        let hadNoLeader = count > 0 && storage.slotLeaderCount[s] == 0
        if problem.volunteerIsLeader[v] { storage.slotLeaderCount[s] += step }
        if problem.slotNeedsLeader[s] {
            let noLeader = staffedAfter && storage.slotLeaderCount[s] == 0
            if noLeader != hadNoLeader {
                counts.noLeader += noLeader ? 1 : -1
                delta += noLeader ? problem.weightNoLeader : -problem.weightNoLeader
            }
        }
        return delta
    }

    private mutating func changeShifts(_ v: Int, by step: Int32) -> Int64 {
        let old = storage.volunteerShifts[v]
        let new = old + step
        storage.volunteerShifts[v] = new
        let below = Int64(max(0, problem.volunteerMin[v] - new) - max(0, problem.volunteerMin[v] - old))
        counts.belowMin += below
        let carry = Int64(problem.volunteerCarry[v])
        let squares = (Int64(new) + carry) * (Int64(new) + carry) - (Int64(old) + carry) * (Int64(old) + carry)
        counts.fairnessSquares += squares
        return below * problem.weightBelowMin + squares * problem.weightFairness
    }

    private mutating func gridChange(_ v: Int, _ s: Int, sign: Int64) -> Int64 {
        let home = Int(problem.volunteerHome[v])
        let grid = Int(problem.slotGrid[s])
        guard home != grid else { return 0 }
        if problem.gridIsNeighbor[home * problem.gridCount + grid] {
            counts.neighborGrid += sign
        } else {
            counts.farGrid += sign
        }
        return sign * problem.gridCost[home * problem.gridCount + grid]
    }

    /// Period counts, working minutes (and the shortfall below the minimum) and weekends.
    @inline(__always)
    private mutating func changeLimitedTotals(_ v: Int, cell c: Int, by step: Int32) -> Int64 {
        var delta: Int64 = 0
        if problem.limitsPeriods {
            storage.volunteerPeriodCount[v * problem.periodCount + Int(problem.cellPeriod[c])] += step
        }
        if problem.tracksMinutes {
            let old = storage.volunteerMinutes[v]
            let new = old + step * problem.cellMinutes[c]
            storage.volunteerMinutes[v] = new
            let change = Int64(minuteViolation(v, new) - minuteViolation(v, old))
            counts.minuteViolation += change
            storage.volunteerViolation[v] += Int32(change)
            delta += change * problem.weightMinuteViolation
        }
        if problem.tracksWeekends {
            let k = Int(problem.cellWeekend[c])
            if k >= 0 {
                let index = v * problem.weekendCount + k
                let old = storage.volunteerWeekendDays[index]
                storage.volunteerWeekendDays[index] = old + step
                let weekendsBefore = storage.volunteerWeekends[v]
                if old == 0 { storage.volunteerWeekends[v] += 1 }
                if old + step == 0 { storage.volunteerWeekends[v] -= 1 }
                if problem.softLimits {
                    let limit = problem.volunteerMaxWeekends[v]
                    let change = Int64(max(0, storage.volunteerWeekends[v] - limit) - max(0, weekendsBefore - limit))
                    counts.weekendExcess += change
                    storage.volunteerViolation[v] += Int32(change)
                    delta += change * problem.weightWeekendExcess
                }
            }
        }
        return delta
    }

    /// Minutes below the minimum, or above the maximum when limits are priced.
    @inline(__always)
    private func minuteViolation(_ v: Int, _ minutes: Int32) -> Int32 {
        let below = max(0, problem.volunteerMinMinutes[v] - minutes)
        return problem.softLimits ? below + max(0, minutes - problem.volunteerMaxMinutes[v]) : below
    }

    @inline(__always)
    private mutating func changeRuns(_ v: Int, _ change: Int64) -> Int64 {
        counts.runViolation += change
        storage.volunteerViolation[v] += Int32(change)
        return change * problem.weightRunViolation
    }

    /// The change in days outside the run limits when day `d` turns to work (or to rest).
    ///
    /// Only the runs through days `d - 1 ... d + 1` can change: the run ending the day
    /// before, the one starting the day after, and day `d`'s own, which joins whichever of
    /// them is of its kind. Both neighbouring runs are measured once (they do not contain
    /// `d`), and the violations are compared with `d` of either kind. A run is measured only
    /// as far as its length can matter: a run of rest up to the shortest rest allowed, a run
    /// of work (when its maximum is not priced) up to its minimum.
    /// It changes nothing; it is `mutating` so that `add` and `remove` pass the solution by
    /// reference: called as a reader, the whole solution was copied for each call, an eighth
    /// of the time on the benchmark's 120-person instance.
    private mutating func runChange(_ v: Int, day d: Int, toWorking: Bool) -> Int64 {
        let last = problem.dayCount - 1
        let limits = RunLimits(problem, v)
        let restEnough = max(1, limits.minRest)
        let workEnough = problem.softLimits ? problem.dayCount : max(1, limits.minWork)
        let leftWorks = d > 0 && isWorking(v, d - 1)
        let leftStart = d - workingRun(v, endingAt: d - 1, working: leftWorks, upTo: leftWorks ? workEnough : restEnough)
        let rightWorks = d < last && isWorking(v, d + 1)
        let rightEnd =
            d + workingRun(v, startingAt: d + 1, working: rightWorks, upTo: rightWorks ? workEnough : restEnough)

        func violations(dayWorks: Bool) -> Int64 {
            let joinsLeft = d > 0 && leftWorks == dayWorks
            let joinsRight = d < last && rightWorks == dayWorks
            let first = joinsLeft ? leftStart : d
            let end = joinsRight ? rightEnd : d
            var days = limits.violation(working: dayWorks, length: end - first + 1, bounded: first > 0 && end < last)
            if d > 0 && !joinsLeft {
                days += limits.violation(working: leftWorks, length: d - leftStart, bounded: leftStart > 0)
            }
            if d < last && !joinsRight {
                days += limits.violation(working: rightWorks, length: rightEnd - d, bounded: rightEnd < last)
            }
            return days
        }
        return violations(dayWorks: toWorking) - violations(dayWorks: !toWorking)
    }

    @inline(__always)
    private func isWorking(_ v: Int, _ d: Int) -> Bool {
        storage.workingDays[v * dayWords + d >> 6] >> UInt64(d & 63) & 1 != 0
    }

    @inline(__always)
    private mutating func flipWorkingDay(_ v: Int, _ d: Int) {
        storage.workingDays[v * dayWords + d >> 6] ^= 1 << UInt64(d & 63)
    }

    /// How many days from `d` on are working days (or rest days, when `working` is false),
    /// counting at most `cap` and stopping at the end of the horizon.
    @inline(__always)
    private func workingRun(_ v: Int, startingAt d: Int, working: Bool, upTo cap: Int) -> Int {
        var length = 0
        var x = d
        while length < cap && x < problem.dayCount {
            let bit = x & 63
            let word = storage.workingDays[v * dayWords + x >> 6] >> UInt64(bit)
            let same = (working ? ~word : word).trailingZeroBitCount
            let step = min(same, 64 - bit)
            length += step
            x += step
            if step < 64 - bit { break }
        }
        return min(length, cap, problem.dayCount - d)
    }

    /// How many days up to `d` (going back) are working days (or rest days), counting at
    /// most `cap` and stopping at the start of the horizon.
    @inline(__always)
    private func workingRun(_ v: Int, endingAt d: Int, working: Bool, upTo cap: Int) -> Int {
        var length = 0
        var x = d
        while length < cap && x >= 0 {
            let bit = x & 63
            let word = storage.workingDays[v * dayWords + x >> 6] << UInt64(63 - bit)
            let same = (working ? ~word : word).leadingZeroBitCount
            let step = min(same, bit + 1)
            length += step
            x -= step
            if step < bit + 1 { break }
        }
        return min(length, cap)
    }

    /// A repair counts each assignment that differs from its baseline.
    private mutating func baselineChange(_ v: Int, _ s: Int, adding: Bool) -> Int64 {
        let step: Int64 = problem.isBaseline(v, s) != adding ? 1 : -1
        counts.changes += step
        return step * problem.weightChange
    }

    private mutating func changeRequests(_ v: Int, cell c: Int, by step: Int32) -> Int64 {
        var delta: Int64 = 0
        let requests = problem.volunteerDayRequests
        let row = v * problem.dayCount + Int(problem.cellDay[c])
        for i in requests.start(row)..<requests.end(row) {
            let r = requests[i]
            guard problem.requestCovers(r, cell: c) else { continue }
            let old = storage.requestHits[r]
            storage.requestHits[r] = old + step
            // A request changes state only when its first patrol arrives or its last one leaves.
            if (old == 0) != (old + step == 0) {
                let arrives = old == 0
                let penalised = problem.requestIsOn[r] != arrives
                let change = penalised ? problem.requestWeight[r] : -problem.requestWeight[r]
                counts.requests += penalised ? 1 : -1
                counts.requestPenalty += change
                delta += change
            }
        }
        return delta
    }

    private mutating func closeSlot(_ s: Int) {
        let position = Int(storage.openSlotPosition[s])
        openSlotCount -= 1
        let last = storage.openSlots[openSlotCount]
        storage.openSlots[position] = last
        storage.openSlotPosition[Int(last)] = Int32(position)
        storage.openSlotPosition[s] = -1
    }

    private mutating func openSlot(_ s: Int) {
        storage.openSlotPosition[s] = Int32(openSlotCount)
        storage.openSlots[openSlotCount] = Int32(s)
        openSlotCount += 1
    }

    // MARK: - Full recount, for checking the running totals

    /// The disagreement between the running totals and a full recount, if any.
    func corruption(after move: @autoclosure () -> String) -> ScoreCorruption? {
        let recounted = recount()
        let peopleAgree = (0..<problem.volunteerCount).allSatisfy { v in
            let broken = recountViolations(v)
            return Int64(storage.volunteerViolation[v]) == broken.runs + broken.minutes + broken.weekends
        }
        guard recounted != counts || recounted.total(problem) != total || !peopleAgree else { return nil }
        return ScoreCorruption(move: move(), incremental: Int(total), recomputed: Int(recounted.total(problem)))
    }

    /// Every score count recomputed from the assignment arrays alone.
    func recount() -> ScoreCounts {
        var result = ScoreCounts()
        var shifts = [Int64](repeating: 0, count: problem.volunteerCount)
        var hits = [Int32](repeating: 0, count: problem.requestWeight.count)
        for s in 0..<problem.slotCount {
            let offset = Int(problem.slotOffset[s])
            let members = (0..<Int(storage.slotCount[s])).map { Int(storage.slotMembers[offset + $0]) }
            let missing = Int64(max(0, Int(problem.slotNeed[s]) - members.count))
            let extra = Int64(max(0, members.count - Int(problem.slotNeed[s])))
            result.uncovered += missing
            result.uncoveredPenalty += missing * problem.slotUncoveredWeight[s]
            result.over += extra
            result.overPenalty += extra * problem.slotOverWeight[s]
            for v in members {
                shifts[v] += 1
                let requests = problem.volunteerRequests
                for i in requests.start(v)..<requests.end(v)
                where problem.requestCovers(requests[i], cell: Int(problem.slotCell[s])) {
                    hits[requests[i]] += 1
                }
            }
            guard problem.scoresTeams else { continue }
            if !members.isEmpty && !members.contains(where: { problem.volunteerIsParty[$0] }) {
                result.noParty += 1
            }
            if !members.isEmpty && problem.slotNeedsLeader[s]
                && !members.contains(where: { problem.volunteerIsLeader[$0] })
            {
                result.noLeader += 1
            }
            for v in members where !problem.isBaseline(v, s) { result.changes += 1 }
            let baseline = problem.slotBaseline
            for i in baseline.start(s)..<baseline.end(s) where !members.contains(baseline[i]) {
                result.changes += 1
            }
            for v in members {
                let home = Int(problem.volunteerHome[v])
                let grid = Int(problem.slotGrid[s])
                if home != grid {
                    if problem.gridIsNeighbor[home * problem.gridCount + grid] {
                        result.neighborGrid += 1
                    } else {
                        result.farGrid += 1
                    }
                }
            }
        }
        for v in 0..<problem.volunteerCount {
            let broken = recountViolations(v)
            result.runViolation += broken.runs
            result.minuteViolation += broken.minutes
            result.weekendExcess += broken.weekends
            if problem.scoresTeams {
                result.belowMin += Int64(max(0, Int64(problem.volunteerMin[v]) - shifts[v]))
                let load = shifts[v] + Int64(problem.volunteerCarry[v])
                result.fairnessSquares += load * load
            }
            if problem.trainingCounts && storage.volunteerSession[v] < 0 { result.missedTraining += 1 }
        }
        for r in 0..<hits.count where (hits[r] > 0) != problem.requestIsOn[r] {
            result.requests += 1
            result.requestPenalty += problem.requestWeight[r]
        }
        return result
    }
}

extension WorkingSolution {
    /// One person's days outside run limits, minutes outside working-time limits and
    /// weekends above the limit, from the assignment of cells alone.
    fileprivate func recountViolations(_ v: Int) -> (runs: Int64, minutes: Int64, weekends: Int64) {
        var minutes: Int64 = 0
        if problem.tracksMinutes {
            var worked: Int32 = 0
            for c in 0..<problem.cellCount where storage.volunteerCellSlot[v * problem.cellCount + c] >= 0 {
                worked += problem.cellMinutes[c]
            }
            minutes = Int64(minuteViolation(v, worked))
        }
        var weekends: Int64 = 0
        if problem.tracksWeekends && problem.softLimits {
            let worked = Set((0..<problem.cellCount).filter {
                problem.cellWeekend[$0] >= 0 && storage.volunteerCellSlot[v * problem.cellCount + $0] >= 0
            }.map { problem.cellWeekend[$0] })
            weekends = Int64(max(0, worked.count - Int(problem.volunteerMaxWeekends[v])))
        }
        return (problem.tracksRuns ? recountRuns(v) : 0, minutes, weekends)
    }

    /// A day in a run of `v`'s that breaks a run limit, or -1 when none does.
    func brokenRunDay(_ v: Int) -> Int {
        guard problem.tracksRuns else { return -1 }
        let vd = v * problem.dayCount
        let limits = RunLimits(problem, v)
        var first = 0
        while first < problem.dayCount {
            let working = storage.volunteerDayCount[vd + first] > 0
            var end = first
            while end + 1 < problem.dayCount && (storage.volunteerDayCount[vd + end + 1] > 0) == working { end += 1 }
            let bounded = first > 0 && end < problem.dayCount - 1
            if limits.violation(working: working, length: end - first + 1, bounded: bounded) > 0 { return first }
            first = end + 1
        }
        return -1
    }

    /// Every run's shortfall for one person, from the assignment of cells alone.
    fileprivate func recountRuns(_ v: Int) -> Int64 {
        let working = (0..<problem.dayCount).map { d in
            let cells = (d * problem.periodCount)..<((d + 1) * problem.periodCount)
            return cells.contains { storage.volunteerCellSlot[v * problem.cellCount + $0] >= 0 }
        }
        let limits = RunLimits(problem, v)
        var deficit: Int64 = 0
        var first = 0
        while first < problem.dayCount {
            var end = first
            while end + 1 < problem.dayCount && working[end + 1] == working[first] { end += 1 }
            deficit += limits.violation(
                working: working[first], length: end - first + 1, bounded: first > 0 && end < problem.dayCount - 1)
            first = end + 1
        }
        return deficit
    }
}

/// One person's limits on runs of working days and of days off.
private struct RunLimits {
    let minWork: Int
    let minRest: Int
    /// The longest run of work, where it is priced (else unbounded: the moves keep it).
    let maxWork: Int

    @inline(__always)
    init(_ p: IndexedProblem, _ v: Int) {
        minWork = Int(p.volunteerMinConsecutive[v])
        minRest = Int(p.volunteerMinDaysOff[v])
        maxWork = p.softLimits ? Int(p.volunteerMaxConsecutive[v]) : .max
    }

    /// A run's days outside its limits: short of the minimum only with a day of the other
    /// kind on both sides inside the horizon; above the maximum (working runs) always.
    @inline(__always)
    func violation(working: Bool, length: Int, bounded: Bool) -> Int64 {
        let short = bounded ? max(0, (working ? minWork : minRest) - length) : 0
        return Int64(working ? short + max(0, length - maxWork) : short)
    }
}

/// The counts behind each score component.
struct ScoreCounts: Equatable, Sendable {
    var uncovered: Int64 = 0
    /// Missing volunteers weighted by risk: the `uncovered` penalty.
    var uncoveredPenalty: Int64 = 0
    var noParty: Int64 = 0
    var noLeader: Int64 = 0
    var missedTraining: Int64 = 0
    var belowMin: Int64 = 0
    var fairnessSquares: Int64 = 0
    var neighborGrid: Int64 = 0
    var farGrid: Int64 = 0
    var requests: Int64 = 0
    var requestPenalty: Int64 = 0
    /// Assignments that differ from a repair's baseline (not part of the contract's score).
    var changes: Int64 = 0
    /// People above a slot's need, and their penalty (benchmark over-cover).
    var over: Int64 = 0
    var overPenalty: Int64 = 0
    /// Days outside run limits, minutes outside working-time limits and weekends above the
    /// limit: rules the search may break for a while (hard in the benchmark, absent from patrols).
    var runViolation: Int64 = 0
    var minuteViolation: Int64 = 0
    var weekendExcess: Int64 = 0

    /// Units of priced rules broken: days, minutes and weekends (0 when feasible).
    var hardViolation: Int64 { runViolation + minuteViolation + weekendExcess }

    func total(_ p: IndexedProblem) -> Int64 {
        uncoveredPenalty + noParty * p.weightNoParty + noLeader * p.weightNoLeader
            + missedTraining * p.weightMissedTraining + belowMin * p.weightBelowMin
            + fairnessSquares * p.weightFairness + neighborGrid * p.weightNeighborGrid
            + farGrid * p.weightFarGrid + requestPenalty + changes * p.weightChange + overPenalty
            + runViolation * p.weightRunViolation + minuteViolation * p.weightMinuteViolation
            + weekendExcess * p.weightWeekendExcess
    }

    /// The breakdown a community office reads: the contract's components, without repair changes.
    func breakdown(_ p: IndexedProblem) -> ScoreBreakdown {
        var result = ScoreBreakdown()
        func line(_ count: Int64, _ penalty: Int64) -> ScoreLine {
            ScoreLine(count: Int(count), penalty: Int(penalty))
        }
        result[.uncovered] = line(uncovered, uncoveredPenalty)
        result[.noPartyMember] = line(noParty, noParty * p.weightNoParty)
        result[.noLeader] = line(noLeader, noLeader * p.weightNoLeader)
        result[.missedTraining] = line(missedTraining, missedTraining * p.weightMissedTraining)
        result[.belowMinShifts] = line(belowMin, belowMin * p.weightBelowMin)
        result[.fairness] = line(fairnessSquares, fairnessSquares * p.weightFairness)
        result[.neighborGrid] = line(neighborGrid, neighborGrid * p.weightNeighborGrid)
        result[.farGrid] = line(farGrid, farGrid * p.weightFarGrid)
        result[.requests] = line(requests, requestPenalty)
        return result
    }
}
