/// Draws a random move of a random kind and applies it to the working solution,
/// recording its steps; a draw that would break a hard rule is undone and reported
/// as not applicable, so every state the search visits is a valid schedule.
struct MoveSelector {
    private var kindTable: [MoveKind] = []

    init() {
        for kind in MoveKind.allCases {
            kindTable += Array(repeating: kind, count: MoveKind.weights[kind.rawValue])
        }
    }

    /// Applies one random move; returns false (with nothing changed) when the draw was not a legal move.
    func apply(_ state: inout WorkingSolution, _ log: inout MoveLog, _ random: inout RandomSource) -> Bool {
        let applied: Bool
        switch kindTable[random.below(kindTable.count)] {
        case .assign: applied = assign(&state, &log, &random)
        case .replace: applied = replace(&state, &log, &random)
        case .swapGrids: applied = swapGrids(&state, &log, &random)
        case .swapTimes: applied = swapTimes(&state, &log, &random)
        case .relocate: applied = relocate(&state, &log, &random)
        case .unassign: applied = unassign(&state, &log, &random)
        case .changeSession: applied = changeSession(&state, &log, &random)
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
        let p = state.problem
        let c = Int(p.slotCell[s1])
        let slots = p.cellSlots
        guard slots.count(c) > 1 else { return false }
        let s2 = slots[slots.start(c) + random.below(slots.count(c))]
        guard s2 != s1 else { return false }
        let v1 = member(state, s1, &random)
        log.remove(v1, s1, &state)
        if state.slotCount[s2] > 0 && (state.slotCount[s2] == p.slotCapacity[s2] || random.below(2) == 0) {
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
        let p = state.problem
        guard p.sessionCount > 0 else { return false }
        let v = random.below(p.volunteerCount)
        let t = random.below(p.sessionCount + 1) - 1
        let current = Int(state.volunteerSession[v])
        guard t < 0 || !p.sessionFrozen[t], current < 0 || !p.sessionFrozen[current],
            state.canSetSession(v, t)
        else { return false }
        log.setSession(v, t, &state)
        return true
    }
}
