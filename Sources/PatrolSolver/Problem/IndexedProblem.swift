/// The solver's flat, integer-indexed view of a community.
///
/// Volunteers, slots (grid x date x period with demand), cells (date x period),
/// training sessions and requests are numbered from 0; every relation the hot loop
/// needs is an array or a `CompressedRows` list, so scoring a move never touches a
/// string, a dictionary or the allocator. Built once by `ProblemCompiler`.
struct IndexedProblem: Sendable {
    // MARK: - Sizes
    let volunteerCount: Int
    let slotCount: Int
    let sessionCount: Int
    let dayCount: Int
    let periodCount: Int
    /// Cells are `day * periodCount + period`.
    let cellCount: Int
    let weekCount: Int
    let gridCount: Int

    // MARK: - Slots: one team to staff
    let slotCell: [Int32]
    let slotGrid: [Int32]
    let slotNeed: [Int32]
    /// Start of the slot's places in the flat member array (prefix sum of needs).
    let slotOffset: [Int32]
    /// Penalty of one missing volunteer: `uncovered` x the grid's risk.
    let slotUncoveredWeight: [Int64]
    let slotNeedsLeader: [Bool]
    /// Slots a repair may not change (dated before its start).
    let slotFrozen: [Bool]
    /// Each slot's volunteers in the baseline schedule of a repair; empty otherwise.
    let slotBaseline: CompressedRows
    var placeCount: Int { Int(slotOffset[slotCount]) }

    // MARK: - Cells: one period on one date
    let cellDay: [Int32]
    let cellWeek: [Int32]
    let cellPeriod: [Int32]
    /// Slots of each cell.
    let cellSlots: CompressedRows
    /// Other cells a volunteer in this cell cannot also patrol: overlapping, or closer
    /// than `min_rest_hours`.
    let cellConflicts: CompressedRows
    /// Volunteers allowed to patrol each cell (weekly pattern, unavailable dates, night).
    let cellVolunteers: CompressedRows

    // MARK: - Volunteers
    /// Whether volunteer `v` may patrol cell `c`, at `v * cellCount + c`.
    let canWork: [Bool]
    let volunteerMax: [Int32]
    let volunteerMin: [Int32]
    let volunteerCarry: [Int32]
    let volunteerIsParty: [Bool]
    let volunteerIsLeader: [Bool]
    let volunteerHome: [Int32]
    /// Never trained while `train_before_patrol` holds: patrols only after their session.
    let volunteerMustTrainFirst: [Bool]
    /// Requests of each volunteer.
    let volunteerRequests: CompressedRows

    /// Penalty of a patrol in grid `g` for someone living in grid `h`, at `h * gridCount + g`.
    let gridCost: [Int64]
    /// Whether grid `g` is adjacent to home `h` (for counting), at `h * gridCount + g`.
    let gridIsNeighbor: [Bool]

    // MARK: - Training sessions
    let sessionDay: [Int32]
    /// `Int32.max` when unlimited.
    let sessionCapacity: [Int32]
    /// Whether volunteer `v` may attend session `t` (not on an unavailable date), at `v * sessionCount + t`.
    let sessionAllowed: [Bool]
    /// Cells whose patrol overlaps each session.
    let sessionCells: CompressedRows
    /// Whether session `t` overlaps cell `c`, at `t * cellCount + c`.
    let sessionBlocksCell: [Bool]
    /// Sessions a repair may not change (dated before its start).
    let sessionFrozen: [Bool]

    // MARK: - Requests
    let requestFirstDay: [Int32]
    let requestLastDay: [Int32]
    /// Bit `p` set when the request covers period `p`.
    let requestPeriods: [UInt64]
    let requestIsOn: [Bool]
    let requestWeight: [Int64]

    // MARK: - Rules and weights
    let maxShiftsPerDay: Int32
    let maxShiftsPerWeek: Int32
    let maxConsecutiveDays: Int
    let weightNoParty: Int64
    let weightNoLeader: Int64
    /// Whether volunteers without a session count: training is required and the month has sessions.
    let trainingCounts: Bool
    let weightMissedTraining: Int64
    let weightBelowMin: Int64
    let weightFairness: Int64
    let weightNeighborGrid: Int64
    let weightFarGrid: Int64
    /// Penalty of each assignment that differs from a repair's baseline; 0 outside repairs.
    let weightChange: Int64

    @inline(__always) func isBaseline(_ v: Int, _ s: Int) -> Bool {
        for i in slotBaseline.start(s)..<slotBaseline.end(s) where slotBaseline[i] == v { return true }
        return false
    }

    @inline(__always) func requestCovers(_ r: Int, cell c: Int) -> Bool {
        let day = cellDay[c]
        return day >= requestFirstDay[r] && day <= requestLastDay[r]
            && requestPeriods[r] & (1 << UInt64(cellPeriod[c])) != 0
    }
}
