import PatrolModel

/// Seeded random schedules for a community, keeping or breaking the hard rules by chance.
///
/// Teams are filled from short to above their demand, mostly with volunteers whose pattern,
/// dates and `night_ok` allow the patrol, sometimes with anyone; a few patrols land where
/// nothing was demanded or repeat an assignment; session attendance may exceed capacity,
/// double up, or fall on an unavailable date. Every id is one of the community's and every
/// date is inside its month, so every row is readable. Meant for checker fuzzing and for
/// comparing the solver's incremental score with the checker's.
public enum RandomSchedule {
    public static func make(for community: Community, seed: UInt64) -> Schedule {
        var random = TestRandom(seed: seed)
        var schedule = Schedule()
        let volunteers = community.volunteers
        guard !volunteers.isEmpty else { return schedule }
        let periodByID = Dictionary(
            community.periods.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let fill = random.pick([0.3, 0.7, 1.0])

        for slot in community.slots where random.chance(fill) {
            let size = max(0, slot.needed + random.pick([-2, -1, 0, 0, 0, 1]))
            let allowed = volunteers.filter { v in
                v.availability.allows(slot.date.weekday, slot.period)
                    && !v.isUnavailable(on: slot.date)
                    && (v.nightOK || periodByID[slot.period]?.isNight != true)
            }
            let pool = allowed.isEmpty || random.chance(0.2) ? volunteers : allowed
            for volunteer in random.sample(pool, count: size) {
                schedule.assignments.append(
                    Assignment(
                        volunteer: volunteer.id, grid: slot.grid, date: slot.date,
                        period: slot.period))
            }
        }

        for _ in 0..<random.int(in: 0...3) {
            schedule.assignments.append(
                Assignment(
                    volunteer: random.pick(volunteers).id, grid: random.pick(community.grids).id,
                    date: random.pick(community.month.dates),
                    period: random.pick(community.periods).id))
        }
        if !schedule.assignments.isEmpty && random.chance(0.2) {
            schedule.assignments.append(random.pick(schedule.assignments))
        }
        schedule.assignments = random.shuffled(schedule.assignments)

        if !community.sessions.isEmpty {
            let attendRate = random.pick([0.3, 0.6, 0.9])
            for volunteer in volunteers where random.chance(attendRate) {
                let sessions = random.sample(
                    community.sessions, count: random.chance(0.05) ? 2 : 1)
                for session in sessions {
                    schedule.attendance.append(
                        SessionAttendance(session: session.id, volunteer: volunteer.id))
                }
            }
        }
        return schedule
    }
}
