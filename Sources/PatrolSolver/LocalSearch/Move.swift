/// The kinds of change local search tries, each a short sequence of `add`, `remove` and
/// `setSession` calls on the working solution.
enum MoveKind: Int, CaseIterable, Sendable {
    /// Put an eligible volunteer in an open place.
    case assign
    /// Replace a team member by another volunteer free at that time.
    case replace
    /// Exchange two volunteers between grids patrolling at the same time (or move one
    /// to another grid with room).
    case swapGrids
    /// Exchange two volunteers' patrols at different times.
    case swapTimes
    /// Move a volunteer's patrol to an open place at another time.
    case relocate
    /// Free a place.
    case unassign
    /// Move a volunteer to another training session, or to none.
    case changeSession

    /// How often each kind is drawn, out of 100.
    static let weights: [Int] = [14, 34, 15, 15, 12, 3, 7]
}

/// One primitive change, recorded so that a rejected move can be undone exactly.
enum MoveStep: Sendable {
    case added(volunteer: Int32, slot: Int32)
    case removed(volunteer: Int32, slot: Int32)
    case sessionChanged(volunteer: Int32, from: Int32)
}

/// The steps of the move being evaluated; reused for every move, so no allocation.
struct MoveLog {
    private(set) var steps: [MoveStep] = []

    init() { steps.reserveCapacity(8) }

    mutating func add(_ v: Int, _ s: Int, _ state: inout WorkingSolution) {
        state.add(v, s)
        steps.append(.added(volunteer: Int32(v), slot: Int32(s)))
    }

    mutating func remove(_ v: Int, _ s: Int, _ state: inout WorkingSolution) {
        state.remove(v, s)
        steps.append(.removed(volunteer: Int32(v), slot: Int32(s)))
    }

    mutating func setSession(_ v: Int, _ t: Int, _ state: inout WorkingSolution) {
        steps.append(.sessionChanged(volunteer: Int32(v), from: state.volunteerSession[v]))
        state.setSession(v, t)
    }

    /// Reverts every step, newest first, and empties the log.
    mutating func undo(_ state: inout WorkingSolution) {
        while let step = steps.popLast() {
            switch step {
            case .added(let v, let s): state.remove(Int(v), Int(s))
            case .removed(let v, let s): state.add(Int(v), Int(s))
            case .sessionChanged(let v, let t): state.setSession(Int(v), Int(t))
            }
        }
    }

    mutating func clear() { steps.removeAll(keepingCapacity: true) }

    /// A readable account of the move, for score-corruption reports.
    var description: String {
        steps.map { step in
            switch step {
            case .added(let v, let s): "add volunteer #\(v) to slot #\(s)"
            case .removed(let v, let s): "remove volunteer #\(v) from slot #\(s)"
            case .sessionChanged(let v, let t): "move volunteer #\(v) from session #\(t)"
            }
        }.joined(separator: ", ")
    }
}
