/// The working solution's counters, in one block of memory written in place.
///
/// Every write to a Swift array first checks that the array is not shared: with the
/// counters in some twenty arrays that was ten to twenty checks for each person added or
/// removed, a tenth of the search's time on Instance9 (`perf record`). `WorkingSolution`
/// checks this block once per change instead (`isKnownUniquelyReferenced`) and copies it
/// whole only when it is shared, so it keeps value semantics.
///
/// It is `@unchecked Sendable` for the same reason an array is `Sendable`: a block is
/// written only through a uniquely referenced `WorkingSolution`, never while another copy
/// (on another thread) can read it.
///
/// `WorkingSolution` documents the counters it shows the moves; the others are its own.
final class SolutionStorage: @unchecked Sendable {
    let slotMembers: UnsafeMutableBufferPointer<Int32>
    let slotCount: UnsafeMutableBufferPointer<Int32>
    /// Party members and leaders in each slot.
    let slotPartyCount: UnsafeMutableBufferPointer<Int32>
    let slotLeaderCount: UnsafeMutableBufferPointer<Int32>
    let volunteerCellSlot: UnsafeMutableBufferPointer<Int32>
    let volunteerDayCount: UnsafeMutableBufferPointer<Int32>
    /// Patrols of volunteer `v` in week `w`, at `v * weekCount + w`.
    let volunteerWeekCount: UnsafeMutableBufferPointer<Int32>
    let volunteerShifts: UnsafeMutableBufferPointer<Int32>
    let volunteerSession: UnsafeMutableBufferPointer<Int32>
    let sessionCount: UnsafeMutableBufferPointer<Int32>
    let requestHits: UnsafeMutableBufferPointer<Int32>
    let volunteerPeriodCount: UnsafeMutableBufferPointer<Int32>
    let volunteerMinutes: UnsafeMutableBufferPointer<Int32>
    /// Days worked in each weekend, at `v * weekendCount + k` (when weekends are tracked).
    let volunteerWeekendDays: UnsafeMutableBufferPointer<Int32>
    let volunteerWeekends: UnsafeMutableBufferPointer<Int32>
    let volunteerViolation: UnsafeMutableBufferPointer<Int32>
    /// Room for every slot; the first `WorkingSolution.openSlotCount` are in use.
    let openSlots: UnsafeMutableBufferPointer<Int32>
    /// Where each slot sits in `openSlots`, or -1 when it is full.
    let openSlotPosition: UnsafeMutableBufferPointer<Int32>
    /// Bit `d % 64` of word `v * dayWords + d / 64` is set when volunteer `v` works on day `d`,
    /// so that a run's length is read a word at a time.
    let workingDays: UnsafeMutableBufferPointer<UInt64>

    /// Every `Int32` counter above, one after another, in declaration order.
    private let counters: UnsafeMutableBufferPointer<Int32>
    private let lengths: [Int]

    /// A block sized for `p`, every counter 0.
    convenience init(_ p: IndexedProblem) {
        let v = p.volunteerCount
        self.init(
            lengths: [
                p.placeCount, p.slotCount, p.slotCount, p.slotCount, v * p.cellCount, v * p.dayCount,
                v * p.weekCount, v, v, p.sessionCount, p.requestWeight.count,
                p.limitsPeriods ? v * p.periodCount : 0, v, p.tracksWeekends ? v * p.weekendCount : 0, v, v,
                p.slotCount, p.slotCount,
            ],
            dayWords: v * ((p.dayCount + 63) / 64))
        counters.initialize(repeating: 0)
        workingDays.initialize(repeating: 0)
    }

    /// A copy of `other`'s counters.
    convenience init(copying other: SolutionStorage) {
        self.init(lengths: other.lengths, dayWords: other.workingDays.count)
        _ = counters.initialize(fromContentsOf: other.counters)
        _ = workingDays.initialize(fromContentsOf: other.workingDays)
    }

    private init(lengths: [Int], dayWords: Int) {
        let counters = UnsafeMutableBufferPointer<Int32>.allocate(capacity: lengths.reduce(0, +))
        var next = 0
        var index = 0
        func carve() -> UnsafeMutableBufferPointer<Int32> {
            let range = next..<(next + lengths[index])
            next = range.upperBound
            index += 1
            return UnsafeMutableBufferPointer(rebasing: counters[range])
        }
        slotMembers = carve()
        slotCount = carve()
        slotPartyCount = carve()
        slotLeaderCount = carve()
        volunteerCellSlot = carve()
        volunteerDayCount = carve()
        volunteerWeekCount = carve()
        volunteerShifts = carve()
        volunteerSession = carve()
        sessionCount = carve()
        requestHits = carve()
        volunteerPeriodCount = carve()
        volunteerMinutes = carve()
        volunteerWeekendDays = carve()
        volunteerWeekends = carve()
        volunteerViolation = carve()
        openSlots = carve()
        openSlotPosition = carve()
        self.counters = counters
        self.lengths = lengths
        workingDays = .allocate(capacity: dayWords)
    }

    deinit {
        counters.deallocate()
        workingDays.deallocate()
    }
}
