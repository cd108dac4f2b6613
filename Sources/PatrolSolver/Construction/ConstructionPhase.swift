/// Builds a first valid schedule greedily, before local search improves it.
///
/// Sessions first: volunteers who must train before patrolling take the earliest
/// session with room (so they can patrol for most of the month), the others the
/// session with the most room left. Then patrols: slots in order of difficulty (the
/// penalty of leaving a place empty, then how few volunteers may take the slot per
/// place), each place filled by the volunteer whose addition scores best (first fit
/// decreasing with best fit, as in Timefold's construction heuristics).
struct ConstructionPhase {
    func run(_ state: inout WorkingSolution) {
        assignSessions(&state)
        fillSlots(&state)
    }

    private func assignSessions(_ state: inout WorkingSolution) {
        let p = state.problem
        guard p.sessionCount > 0 else { return }
        let byDate = (0..<p.sessionCount).sorted { (p.sessionDay[$0], $0) < (p.sessionDay[$1], $1) }
        let mustTrainFirst = (0..<p.volunteerCount).filter { p.volunteerMustTrainFirst[$0] }
        let others = (0..<p.volunteerCount).filter { !p.volunteerMustTrainFirst[$0] }
        let open = byDate.filter { !p.sessionFrozen[$0] }
        for v in mustTrainFirst where state.volunteerSession[v] < 0 {
            if let t = open.first(where: { state.canSetSession(v, $0) }) { state.setSession(v, t) }
        }
        for v in others where state.volunteerSession[v] < 0 {
            var best = -1
            var bestRoom = Int64.min
            for t in open where state.canSetSession(v, t) {
                let room = Int64(p.sessionCapacity[t]) - Int64(state.sessionCount[t])
                if room > bestRoom {
                    best = t
                    bestRoom = room
                }
            }
            if best >= 0 { state.setSession(v, best) }
        }
    }

    private func fillSlots(_ state: inout WorkingSolution) {
        let p = state.problem
        var needPerCell = [Int](repeating: 0, count: p.cellCount)
        for s in 0..<p.slotCount { needPerCell[Int(p.slotCell[s])] += Int(p.slotNeed[s]) }
        // Fewer candidates per needed place: harder to staff, so staffed earlier.
        let scarcity = (0..<p.slotCount).map { s -> Double in
            let c = Int(p.slotCell[s])
            return Double(p.cellVolunteers.count(c)) / Double(max(1, needPerCell[c]))
        }
        let order = (0..<p.slotCount).sorted {
            (-p.slotUncoveredWeight[$0], scarcity[$0], $0) < (-p.slotUncoveredWeight[$1], scarcity[$1], $1)
        }
        let candidates = p.cellVolunteers
        for s in order where !p.slotFrozen[s] {
            let c = Int(p.slotCell[s])
            while state.slotCount[s] < p.slotNeed[s] {
                var best = -1
                var bestDelta = Int64.max
                let before = state.total
                for i in candidates.start(c)..<candidates.end(c) {
                    let v = candidates[i]
                    guard state.canAdd(v, s) else { continue }
                    // Scored by the same incremental code the search uses: add, read, take back.
                    let runs = state.add(v, s)
                    let delta = state.total - before
                    state.remove(v, s, knownRunChange: -runs)
                    if delta < bestDelta {
                        best = v
                        bestDelta = delta
                    }
                }
                guard best >= 0 else { break }
                state.add(best, s)
            }
        }
    }
}
