import PatrolModel

// MARK: - Score (section 3): each component's count and penalty, as patrol_check.py's `score`.

extension RosterChecker {
    /// The score, and each volunteer's patrols this month (0 included).
    func score(
        patrols: [Patrol], attendance: [SessionAttendance], teams: [TeamKey: [VolunteerID]]
    ) -> (ScoreBreakdown, [VolunteerID: Int]) {
        let weights = community.weights
        var score = ScoreBreakdown()
        var shifts = Dictionary(uniqueKeysWithValues: volunteers.map { ($0.id, 0) })
        for patrol in patrols { shifts[patrol.volunteer, default: 0] += 1 }

        var missing = 0
        var uncoveredPenalty = 0
        for (team, needed) in need {
            let short = max(0, needed - (teams[team]?.count ?? 0))
            missing += short
            uncoveredPenalty += short * weights.uncovered * (gridByID[team.grid]?.risk ?? 1)
        }
        score[.uncovered] = ScoreLine(count: missing, penalty: uncoveredPenalty)

        // Every team counts, also one on a grid, date and period without demand.
        var withoutParty = 0
        var withoutLeader = 0
        for (team, members) in teams {
            let people = members.compactMap { volunteerByID[$0] }
            if !people.contains(where: \.isPartyMember) { withoutParty += 1 }
            if gridByID[team.grid]?.needsLeader == true && !people.contains(where: \.isLeader) {
                withoutLeader += 1
            }
        }
        score[.noPartyMember] = line(withoutParty, weights.noPartyMember)
        score[.noLeader] = line(withoutLeader, weights.noLeader)

        // The already trained count too (section 3a).
        var missedTraining = 0
        if community.rules.trainingRequired && !community.sessions.isEmpty {
            let attending = Set(attendance.map(\.volunteer))
            missedTraining = volunteers.filter { !attending.contains($0.id) }.count
        }
        score[.missedTraining] = line(missedTraining, weights.missedTraining)

        let below = volunteers.reduce(0) { $0 + max(0, $1.minShifts - (shifts[$1.id] ?? 0)) }
        score[.belowMinShifts] = line(below, weights.belowMinShifts)

        let squares = volunteers.reduce(0) {
            let s = (shifts[$1.id] ?? 0) + (carryOver[$1.id] ?? 0)
            return $0 + s * s
        }
        score[.fairness] = line(squares, weights.fairness)

        var neighbor = 0
        var far = 0
        for patrol in patrols {
            guard let home = volunteerByID[patrol.volunteer]?.homeGrid, patrol.grid != home
            else { continue }
            if adjacency.contains(GridPair(home, patrol.grid)) {
                neighbor += 1
            } else {
                far += 1
            }
        }
        score[.neighborGrid] = line(neighbor, weights.neighborGrid)
        score[.farGrid] = line(far, weights.farGrid)

        score[.requests] = requestLine(patrols)
        return (score, shifts)
    }

    private func line(_ count: Int, _ weight: Int) -> ScoreLine {
        ScoreLine(count: count, penalty: count * weight)
    }

    /// A request row counts once: an `on` request when the volunteer has no patrol in its
    /// dates and periods, an `off` request when they have one. Only dates in the month count;
    /// a request with none is ignored.
    private func requestLine(_ patrols: [Patrol]) -> ScoreLine {
        var timesOf: [VolunteerID: [(date: LocalDate, period: PeriodID)]] = [:]
        for patrol in patrols {
            timesOf[patrol.volunteer, default: []].append((patrol.date, patrol.period.id))
        }
        let month = community.month
        var count = 0
        var penalty = 0
        for request in community.requests {
            let first = max(request.dates.first, month.firstDate)
            let last = min(request.dates.last, month.lastDate)
            guard first <= last else { continue }
            let inside = (timesOf[request.volunteer] ?? []).contains {
                first <= $0.date && $0.date <= last && request.periods.contains($0.period)
            }
            if (request.kind == .on && !inside) || (request.kind == .off && inside) {
                count += 1
                penalty += request.weight
            }
        }
        return ScoreLine(count: count, penalty: penalty)
    }
}

// MARK: - Carry-over (section 3a): exact integer arithmetic on the three months before.

extension RosterChecker {
    /// Each volunteer's carry-over: floor(own average - group average) when positive.
    ///
    /// With t_v the volunteer's shifts in the window, k the distinct ids with a row in the
    /// window (departed volunteers included) and S the sum of their shifts, the difference of
    /// averages is t_v/3 - S/(3k) = (k t_v - S) / (3k), so the floor of a positive difference
    /// is an integer division of non-negative numbers and no rounding can creep in.
    static func carryOver(
        history: [HistoryEntry], month: Month, volunteers: [Volunteer]
    ) -> [VolunteerID: Int] {
        let window = Set((1...3).map { month.adding(months: -$0) })
        var totals: [VolunteerID: Int] = [:]
        for entry in history where window.contains(entry.month) {
            totals[entry.volunteer, default: 0] += entry.shifts
        }
        let k = totals.count
        let sum = totals.values.reduce(0, +)
        var carry: [VolunteerID: Int] = [:]
        for volunteer in volunteers {
            let numerator = k * (totals[volunteer.id] ?? 0) - sum
            carry[volunteer.id] = k > 0 && numerator > 0 ? numerator / (3 * k) : 0
        }
        return carry
    }
}

// MARK: - KPIs: the figures of patrol_check.py's `kpis`, unrounded.

extension RosterChecker {
    func kpi(
        shifts: [VolunteerID: Int], teams: [TeamKey: [VolunteerID]], score: ScoreBreakdown
    ) -> RosterKPI {
        var needed = 0
        var covered = 0
        var fullyCovered = 0
        for (team, size) in need {
            let assigned = teams[team]?.count ?? 0
            needed += size
            covered += min(size, assigned)
            if assigned >= size { fullyCovered += 1 }
        }
        let counts = volunteers.map { shifts[$0.id] ?? 0 }.sorted()
        let n = counts.count
        let median: Double =
            n == 0
            ? 0
            : n % 2 == 1
                ? Double(counts[n / 2]) : Double(counts[n / 2 - 1] + counts[n / 2]) / 2
        return RosterKPI(
            neededVolunteerShifts: needed,
            assignedVolunteerShifts: counts.reduce(0, +),
            coveredVolunteerShifts: covered,
            coveragePercent: needed > 0 ? 100 * Double(covered) / Double(needed) : 100,
            demandSlots: need.count,
            slotsFullyCovered: fullyCovered,
            teams: teams.count,
            teamsWithoutPartyMember: score[.noPartyMember].count,
            teamsWithoutLeaderWhereNeeded: score[.noLeader].count,
            volunteers: n,
            volunteersWithZeroShifts: counts.filter { $0 == 0 }.count,
            shiftsMin: counts.first ?? 0,
            shiftsMedian: median,
            shiftsMax: counts.last ?? 0,
            giniShifts: Self.gini(counts))
    }

    /// The Gini coefficient of sorted non-negative counts; 0 when empty or all zero.
    ///
    /// With x sorted ascending: G = 2 sum(i x_i) / (n sum x) - (n + 1) / n, i from 1.
    static func gini(_ sorted: [Int]) -> Double {
        let n = sorted.count
        let total = sorted.reduce(0, +)
        guard n > 0, total > 0 else { return 0 }
        let weighted = sorted.enumerated().reduce(0) { $0 + ($1.offset + 1) * $1.element }
        return 2 * Double(weighted) / Double(n * total) - Double(n + 1) / Double(n)
    }
}
