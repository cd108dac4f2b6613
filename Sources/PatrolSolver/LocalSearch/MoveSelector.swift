/// Draws a random move of a random kind and applies it to the working solution,
/// recording its steps; a draw that would break a hard rule is undone and reported
/// as not applicable, so every state the search visits keeps the rules moves guard.
struct MoveSelector {
    private var kindTable: [MoveKind] = []
    /// Scratch lists of slots and people, reused by every move.
    private var firstSlots: [Int32] = []
    private var secondSlots: [Int32] = []
    private var people: [Int32] = []
    private var rebuilder: RosterRebuild
    /// Moves drawn minus the cost of rebuilds so far, in moves: rebuilds wait while negative,
    /// so they take a bounded share of the time whatever their size.
    private var rebuildCredit = 0
    /// Whether rebuilds are charged four times as many moves: set by the search while its
    /// annealing cycles stop finding better rosters. The charge, not the draw, limits rebuilds
    /// on every benchmark instance, so this gives them about a quarter of their share.
    var restrainsRebuilds = false
    /// Steps of the rebuild's programme (its size bound, `RosterRebuild.lastWork`) charged as
    /// one ordinary move: this sets the rebuilds' share of the search. 4,000 (twice the share
    /// of 2,000) ended closer to feasible on the year-long benchmark instances; a stuck search
    /// is charged four times as much (Benchmarks/README.md).
    private var rebuildStepsPerMove: Int { restrainsRebuilds ? 1_000 : 4_000 }
    /// The least share of a search's time that rebuilds take, whatever their charge, on rosters
    /// of `longHorizonDays` or more (none on shorter ones). The size bound charged overstates
    /// the work most on long rosters with many shift types (the programme reaches under 1 % of
    /// its bound's states on Instance24, 5 % on Instance4), so rebuilds took 5 % of the time
    /// there against 69 % on Instance4 (one thread, 10 s). Random moves cover a year of 150
    /// people thinly in a minute; a rebuild improves a month of one person's at once. Against
    /// no floor, a fifth left Instance23 and 24 lower and 20, 21 and 22 about even; three
    /// tenths left 21-24 lower than a fifth and 20 even, four tenths no lower than three; on 13
    /// and 19 (four and twelve weeks) a fifth cost (Benchmarks/README.md).
    private let rebuildTimeFloor: Double
    private static let longHorizonDays = 182
    private static let longHorizonRebuildShare = 0.3
    /// Seconds this search has run, kept up to date by a search on time; nil for one with a
    /// move limit, which stays reproducible without the floor (it needs the clock).
    var searchSeconds: Double? = nil
    /// Seconds spent in rebuilds, counted only where the floor applies.
    private var rebuildSeconds = 0.0
    /// Block swaps aimed at a broken request, out of 1,000. They help where requests decide
    /// (Instance9 and 3 end lower) and cost where one more covered place does (Instance5
    /// and 6 reach their better outcome less often); figures in Benchmarks/README.md.
    private static let requestShare = 400
    /// Rosters of up to this many people start every rebuild chain as a pair; larger ones
    /// a share of `pairedChainStaff / people`. Among few people a pair that must trade work
    /// is often drawn, and the single chains have run out (Instance5 reaches its better
    /// outcome); among many, pairs are a long shot and cost the single chains' time.
    private static let pairedChainStaff = 16
    /// Chains that start from a broken run once few rules are left broken (at most
    /// `longRepairViolations` units: days, minutes and weekends together) rebuild half the
    /// time over `longRepairDays` with the minutes priced, not counted
    /// (`RosterRebuild.rebuild(pricingMinutes:)`). On Instance22 everyone's working time
    /// leaves four to eight shifts of slack in the year, and the last broken rest days could
    /// not be mended in four weeks without a shift short: 60 s runs are feasible in six of six
    /// seeds, against six of ten runs before. Long rebuilds from the start, when many
    /// rules are broken, took time the short ones spend better (Instance13 and 23 ended higher
    /// at 30 s; Benchmarks/README.md).
    private static let longRepairDays = 112
    private static let longRepairViolations: Int64 = 20
    /// The longest run of days a rotation moves.
    private static let rotationDays = 35
    /// Rotations aimed at a weekend worked on one day only, out of 1,000 (where weekends are
    /// limited): Instance19 ends lower than with random runs only, 8 and 18 about even
    /// (Benchmarks/README.md).
    private static let halfWeekendShare = 500
    /// Unpaired rebuild chains that start by moving a weekend worked on one day only to a
    /// weekend with an open place, out of 1,000 (where weekends are limited). Instance19 and
    /// 18 end lower; at twice the share Instance8 ended higher (Benchmarks/README.md).
    private static let wastedWeekendShare = 250
    /// Rosters of this many days or more draw weekend trades (`tradeWeekend`); shorter ones
    /// give their share to day changes. On the year-long benchmark instances (22-24) trades
    /// left the means over four seeds lower; on Instance19 (12 weeks) higher by 6 %, on 20 and
    /// 21 (26 weeks) by under 1 % (Benchmarks/README.md).
    private static let weekendTradeDays = 364
    private var dayReassignment = DayReassignment()
    /// Days whose reassignment last changed nothing, with no accepted move on them or within
    /// `settleRadius` days of them since: drawn again, they would almost always change nothing
    /// again, so reassignment passes them over for days that may still improve. Against no
    /// settling, means over nine seeds (20 s, two threads) fell on Instance10 in each set of
    /// three seeds (by 5, 32 and 64) and moved less than the spread elsewhere (Benchmarks/README.md).
    private var settledDays: [Bool]
    /// Whether this problem's moves include day reassignments (shift rosters do, patrol rosters
    /// do not): only then are days settled, and accepted moves unsettle them.
    private let reassignsDays: Bool
    /// How far an accepted move unsettles: its own day and the day on each side, whose
    /// successions and rest it changes.
    private static let settleRadius = 1
    /// Like `rebuildCredit`, for day reassignments, earned only while the search is cool.
    private var dayCredit = 0
    /// The annealing's temperature, kept up to date by the search. Day reassignments only
    /// descend, so they run once the annealing is cool (below 1: a worsening by one unit is
    /// accepted less than four times in ten); earlier they would be undone at once.
    var temperature = Double.infinity

    init(problem: IndexedProblem) {
        var weights = problem.moveProfile.weights
        if problem.dayCount < Self.weekendTradeDays, let trades = weights.removeValue(forKey: .tradeWeekend) {
            weights[.changeDay, default: 0] += trades
        }
        for kind in MoveKind.allCases {
            kindTable += Array(repeating: kind, count: weights[kind] ?? 0)
        }
        rebuilder = RosterRebuild(problem: problem)
        rebuildTimeFloor = problem.dayCount >= Self.longHorizonDays ? Self.longHorizonRebuildShare : 0
        settledDays = Array(repeating: false, count: problem.dayCount)
        reassignsDays = kindTable.contains(.reassignDay)
        firstSlots.reserveCapacity(64)
        secondSlots.reserveCapacity(64)
        people.reserveCapacity(16)
    }

    /// Applies one random move; returns false (with nothing changed) when the draw was not a legal move.
    mutating func apply(_ state: inout WorkingSolution, _ log: inout MoveLog, _ random: inout RandomSource) -> Bool {
        let applied: Bool
        rebuildCredit += 1
        if temperature < 1 { dayCredit += 1 }
        switch kindTable[random.below(kindTable.count)] {
        case .assign: applied = assign(&state, &log, &random)
        case .replace: applied = replace(&state, &log, &random)
        case .swapGrids: applied = swapGrids(&state, &log, &random)
        case .swapTimes: applied = swapTimes(&state, &log, &random)
        case .relocate: applied = relocate(&state, &log, &random)
        case .unassign: applied = unassign(&state, &log, &random)
        case .changeSession: applied = changeSession(&state, &log, &random)
        case .changeDay: applied = changeDay(&state, &log, &random)
        case .swapBlock: applied = swapBlock(&state, &log, &random)
        case .ruinAndRecreate: applied = ruinAndRecreate(&state, &log, &random)
        case .rebuildRoster: applied = timedRebuildRoster(&state, &log, &random)
        case .reassignDay: applied = reassignDay(&state, &log, &random)
        case .rotateRun: applied = rotateRun(&state, &log, &random)
        case .tradeWeekend: applied = tradeWeekend(&state, &log, &random)
        }
        if !applied { log.undo(&state) }
        return applied
    }

    // MARK: - Drawing parts of a move

    /// A random slot with at least one member that the search may change, or -1 after a few misses.
    @inline(__always)
    private func staffedSlot(_ state: WorkingSolution, _ random: inout RandomSource) -> Int {
        for _ in 0..<4 {
            let s = random.below(state.problem.slotCount)
            if state.slotCount[s] > 0 && !state.problem.slotFrozen[s] { return s }
        }
        return -1
    }

    @inline(__always)
    private func member(_ state: WorkingSolution, _ s: Int, _ random: inout RandomSource) -> Int {
        Int(state.slotMembers[Int(state.problem.slotOffset[s]) + random.below(Int(state.slotCount[s]))])
    }

    /// A random volunteer allowed to patrol the slot's cell, or -1 when there is none.
    @inline(__always)
    private func candidate(_ state: WorkingSolution, _ s: Int, _ random: inout RandomSource) -> Int {
        let rows = state.problem.cellVolunteers
        let c = Int(state.problem.slotCell[s])
        let count = rows.count(c)
        return count == 0 ? -1 : rows[rows.start(c) + random.below(count)]
    }

    /// A random slot with an open place that the search may change, or -1.
    @inline(__always)
    private func openSlot(_ state: WorkingSolution, _ random: inout RandomSource) -> Int {
        let open = state.openSlots
        guard !open.isEmpty else { return -1 }
        let s = Int(open[random.below(open.count)])
        return state.problem.slotFrozen[s] ? -1 : s
    }

    // MARK: - Moves

    private func assign(_ state: inout WorkingSolution, _ log: inout MoveLog, _ random: inout RandomSource) -> Bool {
        let s = openSlot(state, &random)
        guard s >= 0 else { return false }
        let v = candidate(state, s, &random)
        guard v >= 0, state.canAdd(v, s) else { return false }
        log.add(v, s, &state)
        return true
    }

    private func replace(_ state: inout WorkingSolution, _ log: inout MoveLog, _ random: inout RandomSource) -> Bool {
        let s = staffedSlot(state, &random)
        guard s >= 0 else { return false }
        let v = member(state, s, &random)
        let w = candidate(state, s, &random)
        guard w >= 0, w != v else { return false }
        log.remove(v, s, &state)
        guard state.canAdd(w, s) else { return false }
        log.add(w, s, &state)
        return true
    }

    private func swapGrids(_ state: inout WorkingSolution, _ log: inout MoveLog, _ random: inout RandomSource) -> Bool {
        let s1 = staffedSlot(state, &random)
        guard s1 >= 0 else { return false }
        let c = Int(state.problem.slotCell[s1])
        let slots = state.problem.cellSlots
        guard slots.count(c) > 1 else { return false }
        let s2 = slots[slots.start(c) + random.below(slots.count(c))]
        guard s2 != s1 else { return false }
        let v1 = member(state, s1, &random)
        log.remove(v1, s1, &state)
        if state.slotCount[s2] > 0 && (state.slotCount[s2] == state.problem.slotCapacity[s2] || random.below(2) == 0) {
            let v2 = member(state, s2, &random)
            log.remove(v2, s2, &state)
            guard state.canAdd(v2, s1) else { return false }
            log.add(v2, s1, &state)
        }
        guard state.canAdd(v1, s2) else { return false }
        log.add(v1, s2, &state)
        return true
    }

    private func swapTimes(_ state: inout WorkingSolution, _ log: inout MoveLog, _ random: inout RandomSource) -> Bool {
        let s1 = staffedSlot(state, &random)
        let s2 = staffedSlot(state, &random)
        guard s1 >= 0, s2 >= 0, state.problem.slotCell[s1] != state.problem.slotCell[s2] else { return false }
        let v1 = member(state, s1, &random)
        let v2 = member(state, s2, &random)
        guard v1 != v2 else { return false }
        log.remove(v1, s1, &state)
        log.remove(v2, s2, &state)
        guard state.canAdd(v1, s2) else { return false }
        log.add(v1, s2, &state)
        guard state.canAdd(v2, s1) else { return false }
        log.add(v2, s1, &state)
        return true
    }

    private func relocate(_ state: inout WorkingSolution, _ log: inout MoveLog, _ random: inout RandomSource) -> Bool {
        let s1 = staffedSlot(state, &random)
        let s2 = openSlot(state, &random)
        guard s1 >= 0, s2 >= 0, s1 != s2 else { return false }
        let v = member(state, s1, &random)
        log.remove(v, s1, &state)
        guard state.canAdd(v, s2) else { return false }
        log.add(v, s2, &state)
        return true
    }

    private func unassign(_ state: inout WorkingSolution, _ log: inout MoveLog, _ random: inout RandomSource) -> Bool {
        let s = staffedSlot(state, &random)
        guard s >= 0 else { return false }
        log.remove(member(state, s, &random), s, &state)
        return true
    }

    private func changeSession(_ state: inout WorkingSolution, _ log: inout MoveLog, _ random: inout RandomSource) -> Bool {
        guard state.problem.sessionCount > 0 else { return false }
        let v = random.below(state.problem.volunteerCount)
        let t = random.below(state.problem.sessionCount + 1) - 1
        let current = Int(state.volunteerSession[v])
        guard t < 0 || !state.problem.sessionFrozen[t], current < 0 || !state.problem.sessionFrozen[current],
            state.canSetSession(v, t)
        else { return false }
        log.setSession(v, t, &state)
        return true
    }

    // MARK: - Person-centred moves

    /// Collects the slots `v` works on days `first ..< first + count` into `slots`;
    /// false when one of them is frozen.
    private func collect(
        _ v: Int, days first: Int, count: Int, into slots: inout [Int32], _ state: WorkingSolution
    ) -> Bool {
        slots.removeAll(keepingCapacity: true)
        let base = v * state.problem.cellCount
        for c in (first * state.problem.periodCount)..<((first + count) * state.problem.periodCount) {
            let s = state.volunteerCellSlot[base + c]
            if s >= 0 {
                if state.problem.slotFrozen[Int(s)] { return false }
                slots.append(s)
            }
        }
        return true
    }

    /// A random slot on day `d`, or -1 when the day has none.
    @inline(__always)
    private func slot(onDay d: Int, _ state: WorkingSolution, _ random: inout RandomSource) -> Int {
        let c = d * state.problem.periodCount + random.below(state.problem.periodCount)
        let count = state.problem.cellSlots.count(c)
        return count == 0 ? -1 : state.problem.cellSlots[state.problem.cellSlots.start(c) + random.below(count)]
    }

    private mutating func changeDay(_ state: inout WorkingSolution, _ log: inout MoveLog, _ random: inout RandomSource) -> Bool {
        let v = random.below(state.problem.volunteerCount)
        let d = random.below(state.problem.dayCount)
        guard collect(v, days: d, count: 1, into: &firstSlots, state) else { return false }
        let target = random.below(state.problem.periodCount + 1) == 0 ? -1 : slot(onDay: d, state, &random)
        guard !(target < 0 && firstSlots.isEmpty), !(firstSlots.count == 1 && Int(firstSlots[0]) == target),
            target < 0 || !state.problem.slotFrozen[target]
        else { return false }
        for s in firstSlots { log.remove(v, Int(s), &state) }
        if target >= 0 {
            guard state.canAdd(v, target) else { return false }
            log.add(v, target, &state)
        }
        return true
    }

    private mutating func swapBlock(_ state: inout WorkingSolution, _ log: inout MoveLog, _ random: inout RandomSource) -> Bool {
        let people = state.problem.volunteerCount
        let days = state.problem.dayCount
        guard people > 1 else { return false }
        var v = random.below(people)
        var w = someoneElse(than: v, people, &random)
        let length = 1 + random.below(min(7, days))
        var first = random.below(days - length + 1)
        if random.below(1000) < Self.requestShare, let (r, d) = brokenRequest(state, &random) {
            // Aim at a request the roster breaks: swap with someone working the shift asked
            // for (anyone, for a day asked off), over days around it.
            v = Int(state.problem.requestVolunteer[r])
            w = state.problem.requestIsOn[r] ? worker(onDay: d, periods: state.problem.requestPeriods[r], state, &random) : -1
            if w < 0 || w == v { w = someoneElse(than: v, people, &random) }
            let earliest = max(0, d - length + 1)
            first = earliest + random.below(min(d, days - length) - earliest + 1)
        }
        guard collect(v, days: first, count: length, into: &firstSlots, state),
            collect(w, days: first, count: length, into: &secondSlots, state),
            !(firstSlots.isEmpty && secondSlots.isEmpty)
        else { return false }
        for s in firstSlots { log.remove(v, Int(s), &state) }
        for s in secondSlots { log.remove(w, Int(s), &state) }
        for s in secondSlots {
            guard state.canAdd(v, Int(s)) else { return false }
            log.add(v, Int(s), &state)
        }
        for s in firstSlots {
            guard state.canAdd(w, Int(s)) else { return false }
            log.add(w, Int(s), &state)
        }
        return true
    }

    /// A request the roster breaks, with a day of it inside the horizon, or nil after a few misses.
    private func brokenRequest(_ state: WorkingSolution, _ random: inout RandomSource) -> (request: Int, day: Int)? {
        let requests = state.problem.requestWeight.count
        guard requests > 0 else { return nil }
        for _ in 0..<8 {
            let r = random.below(requests)
            guard state.problem.requestIsOn[r] != (state.requestHits[r] > 0) else { continue }
            let first = max(0, Int(state.problem.requestFirstDay[r]))
            let last = min(state.problem.dayCount - 1, Int(state.problem.requestLastDay[r]))
            guard first <= last else { continue }
            return (r, first + random.below(last - first + 1))
        }
        return nil
    }

    /// A random person other than `v`, among `people`.
    @inline(__always)
    private func someoneElse(than v: Int, _ people: Int, _ random: inout RandomSource) -> Int {
        let w = random.below(people - 1)
        return w >= v ? w + 1 : w
    }

    /// A member of a random slot on day `d` in one of `periods`, or -1 after a few misses.
    private func worker(onDay d: Int, periods: UInt64, _ state: WorkingSolution, _ random: inout RandomSource) -> Int {
        for _ in 0..<4 {
            let s = slot(onDay: d, state, &random)
            guard s >= 0, state.slotCount[s] > 0,
                periods & (1 << UInt64(state.problem.cellPeriod[Int(state.problem.slotCell[s])])) != 0
            else { continue }
            return member(state, s, &random)
        }
        return -1
    }

    /// A small large-neighbourhood step (ruin and recreate, after Schrimpf et al. 2000):
    /// clear a few people over a few days, then give each of them, day by day, the slot
    /// that scores best for that day, or the day off.
    private mutating func ruinAndRecreate(_ state: inout WorkingSolution, _ log: inout MoveLog, _ random: inout RandomSource) -> Bool {
        let length = min(state.problem.dayCount, 2 + random.below(5))
        let first = random.below(state.problem.dayCount - length + 1)
        people.removeAll(keepingCapacity: true)
        for _ in 0..<min(state.problem.volunteerCount, 2 + random.below(4)) {
            let v = Int32(random.below(state.problem.volunteerCount))
            if !people.contains(v) { people.append(v) }
        }
        for v in people {
            guard collect(Int(v), days: first, count: length, into: &firstSlots, state) else { return false }
            for s in firstSlots { log.remove(Int(v), Int(s), &state) }
        }
        for d in first..<(first + length) {
            for v in people {
                var best = -1
                var bestTotal = state.total
                // Every slot of the day changes the person's runs alike: measured once.
                var runs: Int64? = nil
                for c in (d * state.problem.periodCount)..<((d + 1) * state.problem.periodCount) {
                    for i in state.problem.cellSlots.start(c)..<state.problem.cellSlots.end(c) {
                        let s = state.problem.cellSlots[i]
                        guard !state.problem.slotFrozen[s], state.canAdd(Int(v), s) else { continue }
                        let change = state.add(Int(v), s, knownRunChange: runs)
                        if state.total < bestTotal {
                            best = s
                            bestTotal = state.total
                        }
                        state.remove(Int(v), s, knownRunChange: -change)
                        runs = change
                    }
                }
                if best >= 0 { log.add(Int(v), best, &state) }
            }
        }
        return true
    }

    /// `rebuildRoster` when rebuilds have credit left or are below their time floor, timed
    /// where the floor applies (`rebuildTimeFloor`); a draw refused reads no clock.
    private mutating func timedRebuildRoster(
        _ state: inout WorkingSolution, _ log: inout MoveLog, _ random: inout RandomSource
    ) -> Bool {
        guard rebuildCredit > 0 || rebuildSeconds < rebuildTimeFloor * (searchSeconds ?? 0) else { return false }
        guard rebuildTimeFloor > 0, searchSeconds != nil else { return rebuildRoster(&state, &log, &random) }
        let start = ContinuousClock.now
        defer { rebuildSeconds += (ContinuousClock.now - start).seconds }
        return rebuildRoster(&state, &log, &random)
    }

    /// An ejection chain of rebuilds (after Glover 1996 and Burke & Curtois 2014): rebuild a
    /// person's work over four weeks (the whole horizon when shorter); if that crowded a
    /// team above its need, rebuild a team mate there over the same days, or if it left a
    /// place open, someone who could take it; up to three links. Some chains start as a
    /// pair (`pairedChainStaff`): someone who may take an open place rebuilds around it
    /// with the work of someone on duty that day cleared, then that partner rebuilds over
    /// the same days, so the two share their work out anew. Where weekends are limited, a
    /// quarter of the other chains move a wasted weekend (`wastedWeekend`): its worker gives
    /// up the run through it, rebuilds round an open weekend place, and someone on duty on the
    /// wasted weekend's free day rebuilds where the run was. Otherwise, half the time, while
    /// rules are broken, the chain starts from someone who breaks one, over the days where
    /// they do (late in the repair, over months: `longRepairDays`); else, half the time, from
    /// someone in a team above its need. A person who still breaks a rule after their rebuild
    /// (a run elsewhere, or minutes or weekends one window cannot balance) is rebuilt again, up
    /// to three more times, before the chain moves on: for a broken run, first where they work
    /// least, then where the run is, then where they work least again (someone at their minimum
    /// minutes has no shift to spare where the run is, so a shift goes elsewhere first); for
    /// minutes or weekends, where they have the most room. Half the chains are best responses;
    /// the others add up to three units of noise a day, so near-best rosters get proposed and
    /// the annealing judges them by their real score.
    private mutating func rebuildRoster(_ state: inout WorkingSolution, _ log: inout MoveLog, _ random: inout RandomSource) -> Bool {
        let p = state.problem
        var length = min(p.dayCount, 28)
        var pricingMinutes = false
        var person = random.below(p.volunteerCount)
        var first = random.below(p.dayCount - length + 1)
        func centre(on day: Int) { first = max(0, min(p.dayCount - length, day - length / 2)) }
        let paired = random.below(p.volunteerCount) < Self.pairedChainStaff
        let open = paired ? openSlot(state, &random) : -1
        var partner = -1
        var partnerFirst = -1
        if !paired && p.tracksWeekends && random.below(1000) < Self.wastedWeekendShare,
            let wasted = wastedWeekend(state, &random)
        {
            guard RosterRebuild.clear(wasted.person, days: wasted.run.lowerBound, count: wasted.run.count, &state, &log)
            else { return false }
            person = wasted.person
            centre(on: wasted.run.lowerBound)
            partnerFirst = first
            partner = onDuty(wasted.otherDay, besides: person, state, &random)
            centre(on: wasted.openDay)
        } else if open >= 0 {
            let day = p.day(ofSlot: open)
            centre(on: day)
            let taker = candidate(state, open, &random)
            if taker >= 0 { person = taker }
            partner = onDuty(day, besides: person, state, &random)
        } else if state.counts.hardViolation > 0 && random.below(2) == 0 {
            for _ in 0..<32 {
                let w = random.below(p.volunteerCount)
                guard state.volunteerViolation[w] > 0 else { continue }
                person = w
                let day = state.brokenRunDay(w)
                if day >= 0 {
                    if state.counts.hardViolation <= Self.longRepairViolations && random.below(2) == 0 {
                        length = min(p.dayCount, Self.longRepairDays)
                        pricingMinutes = true
                    }
                    centre(on: day)
                }
                break
            }
        } else if random.below(2) == 0 {
            // Start where cover is wasted: a member of a slot above its need.
            for _ in 0..<32 {
                let s = random.below(p.slotCount)
                guard state.slotCount[s] > p.slotNeed[s], !p.slotFrozen[s] else { continue }
                person = member(state, s, &random)
                centre(on: p.day(ofSlot: s))
                break
            }
        }
        if paired && partner < 0 {
            let w = random.below(p.volunteerCount)
            if w != person { partner = w }
        }
        if paired && partner >= 0 {
            partnerFirst = first
            guard RosterRebuild.clear(partner, days: first, count: length, &state, &log) else { return false }
        }
        let noise = random.below(2) * 3
        var links = 0
        var repairs = 0
        while links < 3 {
            let mark = log.steps.count
            let rebuilt = rebuilder.rebuild(
                person, days: first, count: length, noise: noise, pricingMinutes: pricingMinutes, &state, &log, &random)
            rebuildCredit -= rebuilder.lastWork / rebuildStepsPerMove
            guard rebuilt else {
                log.undo(&state, downTo: mark)
                return links + repairs > 0
            }
            if state.volunteerViolation[person] > 0 && repairs < 3 {
                repairs += 1
                let day = state.brokenRunDay(person)
                if day < 0 {
                    first = roomiestWindow(of: person, length: length, state, &random)
                } else if repairs == 2 {
                    centre(on: day)
                } else {
                    first = roomiestWindow(of: person, length: length, state, &random, adding: true)
                }
                continue
            }
            links += 1
            guard links < 3 else { break }
            if partner >= 0 {
                person = partner
                partner = -1
                first = partnerFirst
                continue
            }
            let next = ejected(by: person, since: mark, log, state, &random)
            guard next >= 0 else { return true }
            person = next
        }
        return true
    }

    /// A person's work over 2 to `rotationDays` days moved one day earlier or later, the day
    /// pushed out wrapping round to the other end, so their shifts and minutes stay as they
    /// are while their runs and rest days shift. A weekend worked on one day only spends a
    /// weekend of the person's allowance on one covered day; making it whole shifts their
    /// runs over the following days, further than a rebuild's window or a block swap reaches.
    /// So `halfWeekendShare` of the rotations start at such a weekend and move the work beside
    /// its free day into it.
    private mutating func rotateRun(_ state: inout WorkingSolution, _ log: inout MoveLog, _ random: inout RandomSource) -> Bool {
        let p = state.problem
        let days = p.dayCount
        guard days > 2 else { return false }
        let v = random.below(p.volunteerCount)
        let length = 2 + random.below(min(days, Self.rotationDays) - 1)
        var first = random.below(days - length + 1)
        var earlier = random.below(2) == 0
        if p.tracksWeekends && random.below(1000) < Self.halfWeekendShare {
            guard let (start, towardsStart) = halfWorkedWeekend(of: v, length: length, state, &random) else { return false }
            first = start
            earlier = towardsStart
        }
        let last = first + length - 1
        guard collect(v, days: first, count: length, into: &firstSlots, state), !firstSlots.isEmpty else { return false }
        for s in firstSlots { log.remove(v, Int(s), &state) }
        for s in firstSlots {
            let c = Int(p.slotCell[Int(s)])
            let day = Int(p.cellDay[c])
            let target = earlier ? (day > first ? day - 1 : last) : (day < last ? day + 1 : first)
            let cell = target * p.periodCount + Int(p.cellPeriod[c])
            let count = p.cellSlots.count(cell)
            guard count > 0 else { return false }
            let t = p.cellSlots[p.cellSlots.start(cell) + random.below(count)]
            guard !p.slotFrozen[t], state.canAdd(v, t) else { return false }
            log.add(v, t, &state)
        }
        return true
    }

    /// Where a rotation of `length` days makes one of `v`'s half-worked weekends whole: the
    /// first day of the run and whether it moves work earlier (the weekend's free day comes
    /// first and opens the run) or later (the free day closes it); nil when `v` has no such
    /// weekend with room for the run inside the horizon.
    private func halfWorkedWeekend(
        of v: Int, length: Int, _ state: WorkingSolution, _ random: inout RandomSource
    ) -> (first: Int, earlier: Bool)? {
        let p = state.problem
        let days = p.dayCount
        func works(_ d: Int) -> Bool { state.volunteerDayCount[v * days + d] > 0 }
        let start = random.below(days)
        for i in 0..<days {
            let d = (start + i) % days
            let k = p.weekend(ofDay: d)
            guard k >= 0, works(d) else { continue }
            if d > 0 && p.weekend(ofDay: d - 1) == k && !works(d - 1) {
                if d - 1 + length <= days { return (d - 1, true) }
                continue
            }
            if d + 1 < days && p.weekend(ofDay: d + 1) == k && !works(d + 1) && d + 2 >= length {
                return (d + 2 - length, false)
            }
        }
        return nil
    }

    /// A weekend worked on one day only, by someone who could take an open place on a
    /// weekend they do not work if their allowance had room: the person, the open place's
    /// day, their run of work through the wasted weekend's worked day, and its free day;
    /// nil when a few draws find none.
    private func wastedWeekend(
        _ state: WorkingSolution, _ random: inout RandomSource
    ) -> (person: Int, openDay: Int, run: Range<Int>, otherDay: Int)? {
        let p = state.problem
        let days = p.dayCount
        func works(_ v: Int, _ d: Int) -> Bool { d >= 0 && d < days && state.volunteerDayCount[v * days + d] > 0 }
        let open = openWeekendPlace(state, &random)
        guard open >= 0 else { return nil }
        let openDay = p.day(ofSlot: open)
        let openWeekend = Int(p.weekend(ofDay: openDay))
        for _ in 0..<8 {
            let v = candidate(state, open, &random)
            guard v >= 0, state.volunteerWeekendDays[v * p.weekendCount + openWeekend] == 0,
                state.volunteerWeekends[v] >= p.volunteerMaxWeekends[v]
            else { continue }
            let from = random.below(days)
            for i in 0..<days {
                let d = (from + i) % days
                guard p.weekend(ofDay: d) >= 0, works(v, d) else { continue }
                let other = d > 0 && p.weekend(ofDay: d - 1) == p.weekend(ofDay: d) ? d - 1 : d + 1
                guard other < days, p.weekend(ofDay: other) == p.weekend(ofDay: d), !works(v, other) else { continue }
                var first = d
                while works(v, first - 1) { first -= 1 }
                var end = d + 1
                while works(v, end) { end += 1 }
                return (v, openDay, first..<end, other)
            }
        }
        return nil
    }

    /// An open weekend place taken by someone who gives up a weekend they work on one day only
    /// to someone who works its other day alone (or else to someone with a weekend to spare):
    /// one more place covered, the giver's weekends as many as before, the taker's half weekend
    /// made whole. Weekend places are what the
    /// year-long benchmark rosters leave open, while their people work hundreds of weekends on
    /// one day only with their allowance spent; each part alone changes nothing or costs, so
    /// the search would have to take a worse step to find the pair. Drawn on rosters of
    /// `weekendTradeDays` or more.
    private mutating func tradeWeekend(_ state: inout WorkingSolution, _ log: inout MoveLog, _ random: inout RandomSource) -> Bool {
        let p = state.problem
        guard p.tracksWeekends else { return false }
        let open = openWeekendPlace(state, &random)
        guard open >= 0 else { return false }
        let days = p.dayCount
        func works(_ v: Int, _ d: Int) -> Bool { state.volunteerDayCount[v * days + d] > 0 }
        let openDay = p.day(ofSlot: open)
        var giver = -1
        for _ in 0..<8 {
            let v = candidate(state, open, &random)
            if v >= 0 && !works(v, openDay) {
                giver = v
                break
            }
        }
        guard giver >= 0 else { return false }
        let openWeekend = p.weekend(ofDay: openDay)
        let start = random.below(days)
        for i in 0..<days {
            let d = (start + i) % days
            let k = p.weekend(ofDay: d)
            guard k >= 0, k != openWeekend, works(giver, d) else { continue }
            let other = d > 0 && p.weekend(ofDay: d - 1) == k ? d - 1 : d + 1
            guard other < days, p.weekend(ofDay: other) == k, !works(giver, other),
                collect(giver, days: d, count: 1, into: &firstSlots, state)
            else { continue }
            for s in firstSlots { log.remove(giver, Int(s), &state) }
            // The taker: anyone working the other day alone who may take the giver's work
            // within their minutes, from a random person on; failing that, the first found
            // who works neither day and has a weekend of their allowance left.
            let from = random.below(p.volunteerCount)
            var taker = -1
            var fallback = -1
            for j in 0..<p.volunteerCount {
                let w = (from + j) % p.volunteerCount
                guard w != giver, !works(w, d) else { continue }
                let whole = works(w, other)
                guard whole || (fallback < 0 && state.volunteerWeekendDays[w * p.weekendCount + Int(k)] == 0
                    && state.volunteerWeekends[w] < p.volunteerMaxWeekends[w])
                else { continue }
                if p.tracksMinutes {
                    var minutes = state.volunteerMinutes[w]
                    for s in firstSlots { minutes += p.cellMinutes[Int(p.slotCell[Int(s)])] }
                    guard minutes <= p.volunteerMaxMinutes[w] else { continue }
                }
                guard firstSlots.allSatisfy({ state.canAdd(w, Int($0)) }) else { continue }
                if !whole {
                    fallback = w
                    continue
                }
                taker = w
                break
            }
            if taker < 0 { taker = fallback }
            guard taker >= 0 else { return false }
            for s in firstSlots { log.add(taker, Int(s), &state) }
            guard state.canAdd(giver, open) else { return false }
            log.add(giver, open, &state)
            return true
        }
        return false
    }

    /// A random open place on a weekend that the search may change (the first from a random
    /// day on), or -1 when there is none.
    private func openWeekendPlace(_ state: WorkingSolution, _ random: inout RandomSource) -> Int {
        let p = state.problem
        let start = random.below(p.dayCount)
        for i in 0..<p.dayCount {
            let d = (start + i) % p.dayCount
            guard p.weekend(ofDay: d) >= 0 else { continue }
            let firstType = random.below(p.periodCount)
            for offset in 0..<p.periodCount {
                let cell = d * p.periodCount + (firstType + offset) % p.periodCount
                for j in p.cellSlots.start(cell)..<p.cellSlots.end(cell) {
                    let s = p.cellSlots[j]
                    if state.slotCount[s] < p.slotNeed[s] && !p.slotFrozen[s] { return s }
                }
            }
        }
        return -1
    }

    /// Someone other than `v` working on `day` (found in a few draws), or -1.
    private func onDuty(_ day: Int, besides v: Int, _ state: WorkingSolution, _ random: inout RandomSource) -> Int {
        let p = state.problem
        for _ in 0..<16 {
            let w = random.below(p.volunteerCount)
            if w != v && state.volunteerDayCount[w * p.dayCount + day] > 0 { return w }
        }
        return -1
    }

    /// A day's joint reassignment (`DayReassignment`), paced so that it takes a bounded share
    /// of the cool part of each anneal: it costs about three ordinary moves per person and choice.
    private mutating func reassignDay(_ state: inout WorkingSolution, _ log: inout MoveLog, _ random: inout RandomSource) -> Bool {
        guard temperature < 1, dayCredit > 0 else { return false }
        let days = state.problem.dayCount
        var day = random.below(days)
        var tried = 0
        while settledDays[day] {
            tried += 1
            guard tried < days else { return false }
            day = day + 1 == days ? 0 : day + 1
        }
        dayCredit -= 3 * state.problem.volunteerCount * (state.problem.periodCount + 1)
        let changed = dayReassignment.reassign(day: day, &state, &log)
        if !changed { settledDays[day] = true }
        return changed
    }

    /// Unsettles the days an accepted move changed and the days beside them.
    mutating func accepted(_ log: MoveLog, _ state: WorkingSolution) {
        guard reassignsDays else { return }
        let p = state.problem
        for step in log.steps {
            let slot: Int32
            switch step {
            case .added(_, let s, _), .removed(_, let s, _): slot = s
            case .sessionChanged: continue
            }
            let day = p.day(ofSlot: Int(slot))
            for near in max(0, day - Self.settleRadius)...min(p.dayCount - 1, day + Self.settleRadius) {
                settledDays[near] = false
            }
        }
    }

    /// Unsettles every day: a new cycle starts from another roster.
    mutating func unsettleDays() {
        for d in settledDays.indices { settledDays[d] = false }
    }

    /// The start of a window of `length` days where `v` has the most room for another shift
    /// (when `adding`, or short of minutes) or else the most work to give up: the best of a
    /// few random windows.
    private func roomiestWindow(
        of v: Int, length: Int, _ state: WorkingSolution, _ random: inout RandomSource, adding: Bool = false
    ) -> Int {
        let p = state.problem
        let short = adding || state.volunteerMinutes[v] < p.volunteerMinMinutes[v]
        var best = 0
        var bestWorked = short ? Int.max : -1
        for _ in 0..<4 {
            let first = random.below(p.dayCount - length + 1)
            var worked = 0
            for d in first..<(first + length) where state.volunteerDayCount[v * p.dayCount + d] > 0 { worked += 1 }
            if short ? worked < bestWorked : worked > bestWorked {
                best = first
                bestWorked = worked
            }
        }
        return best
    }

    /// Someone the last rebuild of `v` pushed out: a team mate in a slot `v` joined that is
    /// now above its need, or else someone who may work a place `v` left open; -1 when none.
    private func ejected(
        by v: Int, since mark: Int, _ log: MoveLog, _ state: WorkingSolution, _ random: inout RandomSource
    ) -> Int {
        let steps = log.steps
        let count = steps.count - mark
        guard count > 0 else { return -1 }
        let start = random.below(count)
        for offset in 0..<count {
            switch steps[mark + (start + offset) % count] {
            case .added(_, let s, _) where state.slotCount[Int(s)] > state.problem.slotNeed[Int(s)]:
                let w = member(state, Int(s), &random)
                if w != v { return w }
            case .removed(_, let s, _) where state.slotCount[Int(s)] < state.problem.slotNeed[Int(s)]:
                let w = candidate(state, Int(s), &random)
                if w >= 0 && w != v { return w }
            default: continue
            }
        }
        return -1
    }
}
