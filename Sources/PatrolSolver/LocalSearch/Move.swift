/// The kinds of change local search tries, each a short sequence of `add`, `remove` and
/// `setSession` calls on the working solution.
enum MoveKind: Int, CaseIterable, Sendable {
    /// Put an eligible person in an open place.
    case assign
    /// Replace a team member by another person free at that time.
    case replace
    /// Exchange two people between slots of the same cell (or move one to another slot there).
    case swapGrids
    /// Exchange two people's places at different times.
    case swapTimes
    /// Move a person's place to an open place at another time.
    case relocate
    /// Free a place.
    case unassign
    /// Move a person to another training session, or to none.
    case changeSession
    /// Give a person another slot on one day, or the day off.
    case changeDay
    /// Exchange everything two people work over a run of days.
    case swapBlock
    /// Take everything some people work over a run of days out, then put places back greedily.
    case ruinAndRecreate
    /// Rebuild a chain of people's work over a window of days, each best for the rest held fixed.
    case rebuildRoster
    /// Give everyone a cheapest joint choice of shift (or rest) on one day, the other days
    /// held fixed.
    case reassignDay
    /// Move everything a person works over a run of days one day earlier or later, the day
    /// pushed out of the run wrapping round to its other end.
    case rotateRun
    /// Fill an open weekend place with someone who gives up a weekend they work on one day
    /// only to someone who works its other day alone (or has a weekend to spare).
    case tradeWeekend
}

/// The mix of moves for a kind of problem: each kind is drawn in proportion to its weight
/// (the weights add up to about 1,000).
enum MoveProfile: Sendable {
    /// Team-centred moves for patrol rosters.
    case patrol
    /// Person-centred moves for shift rosters (one shift a day, runs and rest rules).
    case shifts

    var weights: [MoveKind: Int] {
        switch self {
        case .patrol:
            [.assign: 140, .replace: 320, .swapGrids: 140, .swapTimes: 140, .relocate: 110, .unassign: 30,
             .changeSession: 70, .changeDay: 20, .swapBlock: 30]
        case .shifts:
            [.assign: 60, .replace: 140, .swapTimes: 60, .relocate: 60, .unassign: 20, .changeDay: 310,
             .swapBlock: 310, .ruinAndRecreate: 10, .rebuildRoster: 10, .reassignDay: 20, .rotateRun: 30, .tradeWeekend: 20]
        }
    }
}

/// One primitive change, recorded so that a rejected move can be undone exactly (with the
/// change in days outside run limits it made, which its undoing reverses without measuring).
enum MoveStep: Sendable {
    case added(volunteer: Int32, slot: Int32, runChange: Int32)
    case removed(volunteer: Int32, slot: Int32, runChange: Int32)
    case sessionChanged(volunteer: Int32, from: Int32)
}

/// The steps of the move being evaluated; reused for every move, so no allocation.
struct MoveLog {
    private(set) var steps: [MoveStep] = []

    init() { steps.reserveCapacity(256) }

    mutating func add(_ v: Int, _ s: Int, _ state: inout WorkingSolution) {
        let runs = state.add(v, s)
        steps.append(.added(volunteer: Int32(v), slot: Int32(s), runChange: Int32(runs)))
    }

    mutating func remove(_ v: Int, _ s: Int, _ state: inout WorkingSolution) {
        let runs = state.remove(v, s)
        steps.append(.removed(volunteer: Int32(v), slot: Int32(s), runChange: Int32(runs)))
    }

    mutating func setSession(_ v: Int, _ t: Int, _ state: inout WorkingSolution) {
        steps.append(.sessionChanged(volunteer: Int32(v), from: state.volunteerSession[v]))
        state.setSession(v, t)
    }

    /// Reverts every step, newest first, and empties the log.
    mutating func undo(_ state: inout WorkingSolution) { undo(&state, downTo: 0) }

    /// Reverts the steps after the first `count`, newest first.
    mutating func undo(_ state: inout WorkingSolution, downTo count: Int) {
        while steps.count > count, let step = steps.popLast() {
            switch step {
            case .added(let v, let s, let runs): state.remove(Int(v), Int(s), knownRunChange: -Int64(runs))
            case .removed(let v, let s, let runs): state.add(Int(v), Int(s), knownRunChange: -Int64(runs))
            case .sessionChanged(let v, let t): state.setSession(Int(v), Int(t))
            }
        }
    }

    mutating func clear() { steps.removeAll(keepingCapacity: true) }

    /// A readable account of the move, for score-corruption reports.
    var description: String {
        steps.map { step in
            switch step {
            case .added(let v, let s, _): "add person #\(v) to slot #\(s)"
            case .removed(let v, let s, _): "remove person #\(v) from slot #\(s)"
            case .sessionChanged(let v, let t): "move person #\(v) from session #\(t)"
            }
        }.joined(separator: ", ")
    }
}
