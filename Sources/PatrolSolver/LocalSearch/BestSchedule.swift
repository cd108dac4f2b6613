/// The best schedule seen, kept as a copy taken earlier (the base) plus the steps the
/// search has accepted since, so that leaving the best costs nothing.
///
/// Copying the whole assignment each time the search walked away from its best took about
/// a twelfth of the time on the largest benchmark instances, where the best changes every
/// few moves; the journal is replayed into the base only when it grows long, and once the
/// search has wandered far from its best, the journal is dropped and the next best is
/// copied whole.
///
/// "Best" is lexicographic: fewer broken priced rules first (none in a patrol roster),
/// then the total. The annealing itself walks on the weighted total, so it may cross
/// schedules that break a priced rule; the best feasible one found is never lost to a
/// cheaper infeasible one.
struct BestSchedule: Sendable {
    private(set) var total: Int64
    /// Units of priced rules broken (0 when feasible).
    private(set) var hard: Int64
    /// Empty places in the best schedule, for its coverage.
    private(set) var uncovered: Int64
    private var members: [Int32]
    private var counts: [Int32]
    private var sessions: [Int32]
    /// The steps accepted since the base was taken, in order, while `following`.
    private var journal: [Change] = []
    /// The best schedule is the base with the first `bestLength` steps of the journal applied.
    private var bestLength = 0
    /// Whether the journal holds every step since the base; when false, the base is the best.
    private var following = true
    /// The working solution is the best schedule.
    private var isCurrent = false
    /// The longest journal kept before it is replayed into the base: about the cost of one
    /// whole copy.
    private let journalLimit: Int

    /// One accepted step, in the direction the search took it.
    private enum Change: Sendable {
        case added(volunteer: Int32, slot: Int32)
        case removed(volunteer: Int32, slot: Int32)
        case session(volunteer: Int32, to: Int32)
    }

    /// `journalLimit` is for tests, which make it short to replay and drop journals often.
    init(_ state: WorkingSolution, journalLimit: Int? = nil) {
        total = state.total
        hard = state.counts.hardViolation
        uncovered = state.counts.uncovered
        members = Array(state.slotMembers)
        counts = Array(state.slotCount)
        sessions = Array(state.volunteerSession)
        self.journalLimit = journalLimit ?? max(1024, members.count / 8)
    }

    /// Whether `state` beats this best.
    @inline(__always)
    func isWorse(than state: WorkingSolution) -> Bool {
        let h = state.counts.hardViolation
        return h < hard || (h == hard && state.total < total)
    }

    /// Whether `other` beats this best.
    func isWorse(than other: BestSchedule) -> Bool {
        other.hard < hard || (other.hard == hard && other.total < total)
    }

    /// Records an accepted move; `state` is the schedule after it. A move that keeps the
    /// best's score from the best schedule keeps it the best.
    mutating func follow(_ log: MoveLog, _ state: WorkingSolution) {
        if following {
            for step in log.steps {
                switch step {
                case .added(let v, let s, _): journal.append(.added(volunteer: v, slot: s))
                case .removed(let v, let s, _): journal.append(.removed(volunteer: v, slot: s))
                // The session after the whole move: a person's earlier changes in it are overwritten.
                case .sessionChanged(let v, _): journal.append(.session(volunteer: v, to: state.volunteerSession[Int(v)]))
                }
            }
        }
        if isCurrent {
            if state.total == total && state.counts.hardViolation == hard {
                bestLength = journal.count
                uncovered = state.counts.uncovered
            } else {
                isCurrent = false
            }
        }
        if journal.count > journalLimit { shortenJournal(state.problem) }
    }

    /// Makes the working solution `state` the best.
    mutating func markCurrent(_ state: WorkingSolution) {
        total = state.total
        hard = state.counts.hardViolation
        uncovered = state.counts.uncovered
        if following {
            bestLength = journal.count
        } else {
            copy(state)
        }
        isCurrent = true
    }

    /// Puts the best schedule back into `state`; afterwards the base is the best and the
    /// journal is empty (so the schedule may be handed to another thread).
    mutating func restore(into state: inout WorkingSolution) {
        if isCurrent {
            copy(state)
            isCurrent = false
            return
        }
        settle(state.problem)
        guard state.total != total || !state.slotMembers.elementsEqual(members)
            || !state.volunteerSession.elementsEqual(sessions)
        else { return }
        var fresh = WorkingSolution(problem: state.problem)
        let p = state.problem
        for v in 0..<p.volunteerCount where sessions[v] >= 0 { fresh.setSession(v, Int(sessions[v])) }
        for s in 0..<p.slotCount {
            for position in 0..<Int(counts[s]) {
                fresh.add(Int(members[Int(p.slotOffset[s]) + position]), s)
            }
        }
        state = fresh
    }

    /// Copies the schedule into the arrays already held, so that a whole copy allocates
    /// nothing: on Instance24 `members` alone is 7 MB (a place for everyone in every slot).
    private mutating func copy(_ state: WorkingSolution) {
        members.withUnsafeMutableBufferPointer { _ = $0.update(fromContentsOf: state.slotMembers) }
        counts.withUnsafeMutableBufferPointer { _ = $0.update(fromContentsOf: state.slotCount) }
        sessions.withUnsafeMutableBufferPointer { _ = $0.update(fromContentsOf: state.volunteerSession) }
        journal.removeAll(keepingCapacity: true)
        bestLength = 0
        following = true
    }

    /// Replays the best's part of the journal into the base; stops following when the
    /// rest (the search's walk away from the best) is long too.
    private mutating func shortenJournal(_ p: IndexedProblem) {
        replay(bestLength, p)
        if journal.count > journalLimit / 2 {
            journal.removeAll(keepingCapacity: true)
            following = false
        }
    }

    /// Makes the base the best and empties the journal.
    private mutating func settle(_ p: IndexedProblem) {
        replay(bestLength, p)
        journal.removeAll(keepingCapacity: true)
        following = true
    }

    /// Applies the first `length` steps of the journal to the base and drops them.
    private mutating func replay(_ length: Int, _ p: IndexedProblem) {
        for change in journal[..<length] {
            switch change {
            case .added(let v, let s):
                members[Int(p.slotOffset[Int(s)] + counts[Int(s)])] = v
                counts[Int(s)] += 1
            case .removed(let v, let s):
                let offset = Int(p.slotOffset[Int(s)])
                let last = offset + Int(counts[Int(s)]) - 1
                var position = offset
                while members[position] != v { position += 1 }
                members[position] = members[last]
                members[last] = -1
                counts[Int(s)] -= 1
            case .session(let v, let t):
                sessions[Int(v)] = t
            }
        }
        journal.removeFirst(length)
        bestLength = 0
    }
}
