/// The Curtois & Qu model as an `IndexedProblem`: the same core that schedules patrols.
///
/// Employees are the people, shift types the periods, and every (day, shift type) cell has
/// one slot whose need is the cover requirement, with room for every employee: under-cover
/// and over-cover are the slot's weights. Forbidden successions become cell conflicts,
/// "one shift per day" the daily limit, days off (and the weekends of people allowed
/// none) unavailable cells, and the maximum shifts per type, total minutes, consecutive
/// shifts and weekends the per-person limits, kept by every move. The run, working-time
/// and weekend rules are hard in the benchmark but hard to keep move by move, so the
/// search may break them at a high price per day, minute or weekend; a result is feasible
/// only when none is broken.
struct CurtoisCompiler {
    let instance: CurtoisInstance
    let problem: IndexedProblem

    /// Prices of one day outside a run limit, one minute outside the working-time limits,
    /// and one weekend above the limit: above anything breaking them could gain. A shift
    /// short of the minutes (8 x 480) costs about two broken days: on the year-long
    /// instances people must work nearly every day their run rules allow, and at 300 and 2
    /// the search traded rest days for cover it could not get back (Instance22 kept about
    /// 60 broken rest days at 60 s, 6 to 11 at these prices; Benchmarks/README.md).
    static let runViolationWeight: Int64 = 2000
    static let minuteViolationWeight: Int64 = 8
    static let weekendExcessWeight: Int64 = 300

    init(_ instance: CurtoisInstance) {
        self.instance = instance
        let shiftIndex = Dictionary(uniqueKeysWithValues: instance.shifts.enumerated().map { ($1.id, $0) })
        let employeeIndex = Dictionary(uniqueKeysWithValues: instance.employees.enumerated().map { ($1.id, $0) })
        let days = instance.horizon
        let types = instance.shifts.count
        let people = instance.employees.count

        var p = IndexedProblem()
        p.volunteerCount = people
        p.dayCount = days
        p.periodCount = types
        p.cellCount = days * types
        p.slotCount = days * types
        p.weekendCount = (days + 6) / 7
        p.maxShiftsPerDay = 1

        p.cellDay = (0..<p.cellCount).map { Int32($0 / types) }
        p.cellPeriod = (0..<p.cellCount).map { Int32($0 % types) }
        p.cellWeek = Array(repeating: 0, count: p.cellCount)
        p.cellWeekend = (0..<p.cellCount).map { c in
            let day = c / types
            return day % 7 >= 5 ? Int32(day / 7) : -1
        }
        p.cellMinutes = (0..<p.cellCount).map { Int32(instance.shifts[$0 % types].minutes) }
        p.cellSlots = CompressedRows(rows: (0..<p.cellCount).map { [Int32($0)] })
        var conflicts = [[Int32]](repeating: [], count: p.cellCount)
        for (s, shift) in instance.shifts.enumerated() {
            for next in shift.forbiddenNext {
                guard let t = shiftIndex[next] else { continue }
                for day in 0..<max(0, days - 1) {
                    let a = day * types + s
                    let b = (day + 1) * types + t
                    conflicts[a].append(Int32(b))
                    conflicts[b].append(Int32(a))
                }
            }
        }
        p.cellConflicts = CompressedRows(rows: conflicts)

        // One slot per cell, with room for everyone.
        var need = [Int32](repeating: 0, count: p.cellCount)
        var under = [Int64](repeating: 0, count: p.cellCount)
        var over = [Int64](repeating: 0, count: p.cellCount)
        for line in instance.cover {
            guard let t = shiftIndex[line.shift], line.day < days else { continue }
            let c = line.day * types + t
            need[c] = Int32(line.requirement)
            under[c] = Int64(line.underWeight)
            over[c] = Int64(line.overWeight)
        }
        p.slotCell = (0..<p.slotCount).map { Int32($0) }
        p.slotNeed = need
        p.slotCapacity = Array(repeating: Int32(people), count: p.slotCount)
        p.slotOffset = (0...p.slotCount).map { Int32($0 * people) }
        p.slotUncoveredWeight = under
        p.slotOverWeight = over

        // People and what they may work.
        p.canWork = Array(repeating: false, count: people * p.cellCount)
        var cellVolunteers = [[Int32]](repeating: [], count: p.cellCount)
        p.volunteerPeriodMax = Array(repeating: .max, count: people * types)
        for (v, employee) in instance.employees.enumerated() {
            let off = Set(employee.daysOff)
            // A limit of no weekends is a day off on every Saturday and Sunday: blocked, not priced.
            let weekdaysOnly = employee.maxWeekends == 0
            for (t, shift) in instance.shifts.enumerated() {
                let limit = employee.maxShifts[shift.id] ?? days
                p.volunteerPeriodMax[v * types + t] = Int32(min(limit, days))
                guard limit > 0 else { continue }
                for day in 0..<days where !off.contains(day) && !(weekdaysOnly && day % 7 >= 5) {
                    let c = day * types + t
                    p.canWork[v * p.cellCount + c] = true
                    cellVolunteers[c].append(Int32(v))
                }
            }
        }
        p.cellVolunteers = CompressedRows(rows: cellVolunteers)
        p.volunteerMax = Array(repeating: Int32(days), count: people)
        p.volunteerMaxConsecutive = instance.employees.map { Int32($0.maxConsecutiveShifts) }
        p.volunteerMinConsecutive = instance.employees.map { Int32($0.minConsecutiveShifts) }
        p.volunteerMinDaysOff = instance.employees.map { Int32($0.minConsecutiveDaysOff) }
        p.volunteerMaxWeekends = instance.employees.map { Int32($0.maxWeekends) }
        p.volunteerMinMinutes = instance.employees.map { Int32($0.minTotalMinutes) }
        p.volunteerMaxMinutes = instance.employees.map { Int32($0.maxTotalMinutes) }

        // Requests, as one-cell requests.
        var requestsOf = [[Int32]](repeating: [], count: people)
        for request in instance.requests {
            guard let v = employeeIndex[request.employee], let t = shiftIndex[request.shift] else { continue }
            requestsOf[v].append(Int32(p.requestWeight.count))
            p.requestFirstDay.append(Int32(request.day))
            p.requestLastDay.append(Int32(request.day))
            p.requestPeriods.append(1 << UInt64(t))
            p.requestIsOn.append(request.isOn)
            p.requestWeight.append(Int64(request.weight))
        }
        p.volunteerRequests = CompressedRows(rows: requestsOf)
        p.weightRunViolation = Self.runViolationWeight
        p.weightMinuteViolation = Self.minuteViolationWeight
        p.weightWeekendExcess = Self.weekendExcessWeight
        p.softLimits = true
        p.scoresTeams = false
        p.moveProfile = .shifts
        p.fillNeutralLimits()
        problem = p
    }

    /// Every assignment of a solver state as (employee, day, shift id).
    func assignments(of state: WorkingSolution) -> [CurtoisAssignment] {
        var result: [CurtoisAssignment] = []
        let types = instance.shifts.count
        for v in 0..<problem.volunteerCount {
            for c in 0..<problem.cellCount where state.volunteerCellSlot[v * problem.cellCount + c] >= 0 {
                result.append(
                    CurtoisAssignment(
                        employee: instance.employees[v].id, day: c / types, shift: instance.shifts[c % types].id))
            }
        }
        return result
    }
}

/// One employee working one shift on one day.
public struct CurtoisAssignment: Sendable, Hashable {
    public var employee: String
    public var day: Int
    public var shift: String
}
