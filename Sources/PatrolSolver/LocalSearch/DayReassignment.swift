/// Reassigns everyone's shift on one day at once, as well as it can be done with every
/// other day held fixed.
///
/// With the other days fixed, what a person's rules charge for working a given shift on the
/// day (or having it off) depends on that person alone, and the cover of each shift is a
/// convex cost of how many work it. Choosing everyone's shift for the day is then a minimum
/// cost flow from people to shifts, solved here by cancelling negative cycles (Klein 1967)
/// in its residual graph, which folds down to the day's few shifts plus one node for the
/// cover: an arc from shift a to shift b is the cheapest move of one person from a to b.
/// One step can so move many people in a chain (early to late, late to night, night to off)
/// that single changes would only find uphill.
///
/// It assumes at most one shift a day (the shift-roster profile). The scratch arrays are
/// kept between calls.
struct DayReassignment {
    /// What each person's rules charge for each choice on the day, relative to the day off
    /// (`cost[v * choices + k]`, the last choice being the day off); `forbidden` when the
    /// choice breaks a rule moves guard.
    private var cost: [Int64] = []
    /// Each person's choice: first as found, then as the cycles move them.
    private var choice: [Int32] = []
    private var original: [Int32] = []
    private var slots: [Int32] = []
    private var counts: [Int32] = []
    /// Bellman-Ford scratch over the folded graph (choices plus the cover node).
    private var arcCost: [Int64] = []
    private var arcPerson: [Int32] = []
    private var distance: [Int64] = []
    private var predecessor: [Int32] = []
    private var cycle: [Int32] = []
    private static let forbidden = Int64.max / 4
    /// More shifts in a day than this and the day is left alone (the graph stays tiny).
    private static let maxChoices = 32

    /// Gives everyone who is free to change on day `d` the shift (or day off) of a cheapest
    /// joint choice for the day; false when nothing changes or the day cannot be handled.
    mutating func reassign(day d: Int, _ state: inout WorkingSolution, _ log: inout MoveLog) -> Bool {
        let p = state.problem
        guard p.maxShiftsPerDay == 1 else { return false }
        slots.removeAll(keepingCapacity: true)
        for c in (d * p.periodCount)..<((d + 1) * p.periodCount) {
            for i in p.cellSlots.start(c)..<p.cellSlots.end(c) where !p.slotFrozen[p.cellSlots[i]] {
                slots.append(Int32(p.cellSlots[i]))
            }
        }
        let choices = slots.count + 1
        guard slots.count > 0, choices <= Self.maxChoices else { return false }
        let off = choices - 1
        let people = p.volunteerCount
        if cost.count < people * choices { cost = [Int64](repeating: 0, count: people * choices) }
        if choice.count < people {
            choice = [Int32](repeating: 0, count: people)
            original = choice
        }

        // What each choice costs each person, from the change in the score less the cover.
        for v in 0..<people {
            let row = v * choices
            var current = -1
            var fixed = false
            for c in (d * p.periodCount)..<((d + 1) * p.periodCount) {
                let s = Int(state.volunteerCellSlot[v * p.cellCount + c])
                guard s >= 0 else { continue }
                if let k = slots.firstIndex(of: Int32(s)) { current = k } else { fixed = true }
            }
            choice[v] = Int32(current < 0 ? off : current)
            original[v] = choice[v]
            if fixed {
                // Works a frozen slot that day: stays where they are.
                for k in 0..<choices { cost[row + k] = Self.forbidden }
                cost[row + Int(choice[v])] = 0
                continue
            }
            let freed = current >= 0 ? state.remove(v, Int(slots[current])) : 0
            cost[row + off] = 0
            // Every slot of the day changes the person's runs alike: measured once.
            var runs: Int64? = nil
            for k in 0..<slots.count {
                let s = Int(slots[k])
                guard state.canAdd(v, s) else {
                    cost[row + k] = Self.forbidden
                    continue
                }
                let before = state.total
                let coverChange = Self.added(s, state)
                let change = state.add(v, s, knownRunChange: runs)
                cost[row + k] = state.total - before - coverChange
                state.remove(v, s, knownRunChange: -change)
                runs = change
            }
            if current >= 0 { state.add(v, Int(slots[current]), knownRunChange: -freed) }
        }
        counts.removeAll(keepingCapacity: true)
        for s in slots { counts.append(state.slotCount[Int(s)]) }

        // Cancel negative cycles; each pass moves at least one person and lowers the cost.
        let nodes = choices + 1
        let cover = choices
        var improved = false
        for _ in 0..<(4 * people) {
            guard findNegativeCycle(nodes: nodes, cover: cover, off: off, state) else { break }
            improved = true
            for i in 0..<cycle.count {
                let a = Int(cycle[i])
                let b = Int(cycle[(i + 1) % cycle.count])
                if a != cover && b != cover {
                    choice[Int(arcPerson[a * nodes + b])] = Int32(b)
                }
                if a == cover && b != off { counts[b] -= 1 }
                if b == cover && a != off { counts[a] += 1 }
            }
        }
        guard improved else { return false }

        for v in 0..<people where choice[v] != original[v] && Int(original[v]) != off {
            log.remove(v, Int(slots[Int(original[v])]), &state)
        }
        for v in 0..<people where choice[v] != original[v] && Int(choice[v]) != off {
            let s = Int(slots[Int(choice[v])])
            guard state.canAdd(v, s) else { return false }
            log.add(v, s, &state)
        }
        return true
    }

    /// The change in cover cost when one more person works slot `s`.
    @inline(__always)
    private static func added(_ s: Int, _ state: WorkingSolution) -> Int64 {
        state.slotCount[s] < state.problem.slotNeed[s] ? -state.problem.slotUncoveredWeight[s] : state.problem.slotOverWeight[s]
    }

    /// Builds the folded residual graph for the current choices and looks for a negative
    /// cycle with Bellman-Ford from every node at once; the cycle, if any, is left in `cycle`
    /// as a list of nodes.
    private mutating func findNegativeCycle(nodes: Int, cover: Int, off: Int, _ state: WorkingSolution) -> Bool {
        let choices = nodes - 1
        let p = state.problem
        if arcCost.count < nodes * nodes {
            arcCost = [Int64](repeating: 0, count: nodes * nodes)
            arcPerson = [Int32](repeating: -1, count: nodes * nodes)
        }
        for i in 0..<(nodes * nodes) {
            arcCost[i] = Self.forbidden
            arcPerson[i] = -1
        }
        for v in 0..<p.volunteerCount {
            let row = v * choices
            let a = Int(choice[v])
            let here = cost[row + a]
            guard here < Self.forbidden else { continue }
            for b in 0..<choices where b != a {
                let there = cost[row + b]
                guard there < Self.forbidden else { continue }
                let move = there - here
                if move < arcCost[a * nodes + b] {
                    arcCost[a * nodes + b] = move
                    arcPerson[a * nodes + b] = Int32(v)
                }
            }
        }
        // The cover node: into a shift is one person fewer there, out of it one more.
        for k in 0..<off {
            let s = Int(slots[k])
            let n = counts[k]
            let need = p.slotNeed[s]
            if n < p.slotCapacity[s] {
                arcCost[k * nodes + cover] = n < need ? -p.slotUncoveredWeight[s] : p.slotOverWeight[s]
            }
            if n > 0 {
                arcCost[cover * nodes + k] = n <= need ? p.slotUncoveredWeight[s] : -p.slotOverWeight[s]
            }
        }
        arcCost[off * nodes + cover] = 0
        arcCost[cover * nodes + off] = 0

        if distance.count < nodes {
            distance = [Int64](repeating: 0, count: nodes)
            predecessor = [Int32](repeating: -1, count: nodes)
        }
        for i in 0..<nodes {
            distance[i] = 0
            predecessor[i] = -1
        }
        var changed = -1
        for _ in 0..<nodes {
            changed = -1
            for a in 0..<nodes {
                for b in 0..<nodes where a != b {
                    let w = arcCost[a * nodes + b]
                    guard w < Self.forbidden, distance[a] + w < distance[b] else { continue }
                    distance[b] = distance[a] + w
                    predecessor[b] = Int32(a)
                    changed = b
                }
            }
            guard changed >= 0 else { return false }
        }
        // A node relaxed in the last pass leads back into a negative cycle within `nodes` steps.
        var x = changed
        for _ in 0..<nodes { x = Int(predecessor[x]) }
        cycle.removeAll(keepingCapacity: true)
        var y = x
        repeat {
            cycle.append(Int32(y))
            y = Int(predecessor[y])
        } while y != x
        cycle.reverse()
        return true
    }
}
