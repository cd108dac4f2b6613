import PatrolModel

// MARK: - Hard rules (section 2): one readable line per violation, counted as patrol_check.py does.

extension RosterChecker {
    func hardRuleViolations(
        patrols: [Patrol], attendance: [SessionAttendance], teams: [TeamKey: [VolunteerID]]
    ) -> [HardRule: [String]] {
        var found = Dictionary(uniqueKeysWithValues: HardRule.allCases.map { ($0, [String]()) })
        var sessionsOf: [VolunteerID: [SessionID]] = [:]
        var attendees: [SessionID: [VolunteerID]] = [:]
        for a in attendance {
            sessionsOf[a.volunteer, default: []].append(a.session)
            attendees[a.session, default: []].append(a.volunteer)
        }
        checkSessions(attendees: attendees, sessionsOf: sessionsOf, into: &found)

        var patrolsOf: [VolunteerID: [Patrol]] = [:]
        for patrol in patrols { patrolsOf[patrol.volunteer, default: []].append(patrol) }
        for volunteer in volunteers {
            let mine = (patrolsOf[volunteer.id] ?? []).sorted {
                ($0.date, $0.period.start) < ($1.date, $1.period.start)
            }
            let label = "\(volunteer.id) \(volunteer.name)"
            let sessions = (sessionsOf[volunteer.id] ?? []).compactMap { sessionByID[$0] }
            checkAvailability(volunteer, mine, label, into: &found)
            checkOverlaps(mine, sessions, label, into: &found)
            checkCounts(volunteer, mine, label, into: &found)
            checkRest(mine, label, into: &found)
            checkTrainingFirst(volunteer, mine, sessions, label, into: &found)
        }

        for (team, members) in teams.sorted(by: { $0.key < $1.key }) {
            let needed = need[team] ?? 0
            if members.count > needed {
                found[.teamAboveDemand, default: []].append(
                    "\(team.date) \(team.period) \(team.grid): \(members.count) assigned, "
                        + "\(needed) needed")
            }
        }
        return found
    }

    /// Rule 4: capacity per session; per volunteer, one session and none on an unavailable date.
    private func checkSessions(
        attendees: [SessionID: [VolunteerID]], sessionsOf: [VolunteerID: [SessionID]],
        into found: inout [HardRule: [String]]
    ) {
        for (id, people) in attendees.sorted(by: { $0.key < $1.key }) {
            if let capacity = sessionByID[id]?.capacity, people.count > capacity {
                found[.sessionCapacity, default: []].append(
                    "session \(id): \(people.count) attendees > capacity \(capacity)")
            }
        }
        for (volunteerID, ids) in sessionsOf.sorted(by: { $0.key < $1.key }) {
            guard let volunteer = volunteerByID[volunteerID] else { continue }
            if ids.count > 1 {
                found[.oneSessionPerVolunteer, default: []].append(
                    "\(volunteerID) attends \(ids.map(\.rawValue).joined(separator: ", "))")
            }
            for id in ids {
                guard let session = sessionByID[id], volunteer.isUnavailable(on: session.date)
                else { continue }
                found[.sessionUnavailableDate, default: []].append(
                    "\(volunteerID) attends \(id) on unavailable \(session.date)")
            }
        }
    }

    /// Rule 1: the weekly pattern, unavailable dates and night periods, all by starting date.
    private func checkAvailability(
        _ volunteer: Volunteer, _ mine: [Patrol], _ label: String,
        into found: inout [HardRule: [String]]
    ) {
        for patrol in mine {
            let what = "\(label) \(patrol.date) \(patrol.period.id) \(patrol.grid)"
            if !volunteer.availability.allows(patrol.date.weekday, patrol.period.id) {
                found[.availablePattern, default: []].append(what + ": not in the weekly pattern")
            }
            if volunteer.isUnavailable(on: patrol.date) {
                found[.unavailableDate, default: []].append(what + ": unavailable that date")
            }
            if patrol.period.isNight && !volunteer.nightOK {
                found[.nightOK, default: []].append(what + ": night period without night_ok")
            }
        }
    }

    /// Rule 2, overlaps: every pair of the volunteer's patrols and sessions whose half-open
    /// intervals intersect counts once (a repeated assignment overlaps itself).
    private func checkOverlaps(
        _ mine: [Patrol], _ sessions: [TrainingSession], _ label: String,
        into found: inout [HardRule: [String]]
    ) {
        var intervals = mine.map {
            (start: $0.start, end: $0.end, what: "patrol \($0.date) \($0.period.id) \($0.grid)")
        }
        for session in sessions {
            let start = minutesFromMonthStart(session.date) + session.start.minutes
            intervals.append(
                (start: start, end: start + session.durationMinutes, what: "session \(session.id)"))
        }
        intervals.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        for i in intervals.indices {
            // Sorted by start: once one starts at or after this end, so do all later ones.
            for j in (i + 1)..<intervals.count {
                if intervals[j].start >= intervals[i].end { break }
                found[.overlap, default: []].append(
                    "\(label): \(intervals[i].what) overlaps \(intervals[j].what)")
            }
        }
    }

    /// Rules 2 and 3 that count patrols: per day, month, ISO week, and consecutive days.
    private func checkCounts(
        _ volunteer: Volunteer, _ mine: [Patrol], _ label: String,
        into found: inout [HardRule: [String]]
    ) {
        let rules = community.rules
        var perDay: [LocalDate: Int] = [:]
        for patrol in mine { perDay[patrol.date, default: 0] += 1 }
        for (date, count) in perDay.sorted(by: { $0.key < $1.key })
        where count > rules.maxShiftsPerDay {
            found[.maxShiftsPerDay, default: []].append(
                "\(label): \(count) patrols on \(date) > \(rules.maxShiftsPerDay)")
        }

        if mine.count > volunteer.maxShifts {
            found[.maxShiftsMonth, default: []].append(
                "\(label): \(mine.count) patrols > max_shifts \(volunteer.maxShifts)")
        }

        var perWeek: [ISOWeek: Int] = [:]
        for patrol in mine {
            let week = patrol.date.isoWeek
            perWeek[ISOWeek(year: week.year, week: week.week), default: 0] += 1
        }
        for (week, count) in perWeek.sorted(by: { $0.key < $1.key })
        where count > rules.maxShiftsPerWeek {
            found[.maxShiftsPerWeek, default: []].append(
                "\(label): \(count) patrols in ISO week \(week) > \(rules.maxShiftsPerWeek)")
        }

        // Runs of calendar days with a patrol; each run longer than the rule counts once.
        var runStart: LocalDate?
        var runLength = 0
        var previous: LocalDate?
        func closeRun() {
            if runLength > rules.maxConsecutiveDays, let runStart {
                found[.maxConsecutiveDays, default: []].append(
                    "\(label): \(runLength) days in a row from \(runStart) > "
                        + "\(rules.maxConsecutiveDays)")
            }
        }
        for date in perDay.keys.sorted() {
            if let previous, date.dayNumber - previous.dayNumber == 1 {
                runLength += 1
            } else {
                closeRun()
                runStart = date
                runLength = 1
            }
            previous = date
        }
        closeRun()
    }

    /// Rule 3, min rest: between patrols next to each other in (start, end) order, a gap of
    /// 0 or more but below the rule. Overlapping patrols (negative gap) are rule 2's business.
    private func checkRest(
        _ mine: [Patrol], _ label: String, into found: inout [HardRule: [String]]
    ) {
        let rest = community.rules.minRestMinutes
        let ordered = mine.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        for (first, second) in zip(ordered, ordered.dropFirst()) {
            let gap = second.start - first.end
            if gap >= 0 && gap < rest {
                found[.minRestHours, default: []].append(
                    "\(label): \(first.date) \(first.period.id) then \(second.date) "
                        + "\(second.period.id): \(Self.hours(gap)) rest < \(Self.hours(rest))")
            }
        }
    }

    /// Rule 5: with `train_before_patrol`, a never-trained volunteer patrols only on dates
    /// strictly after their (earliest) session; each patrol breaking it counts.
    private func checkTrainingFirst(
        _ volunteer: Volunteer, _ mine: [Patrol], _ sessions: [TrainingSession],
        _ label: String, into found: inout [HardRule: [String]]
    ) {
        guard community.rules.trainBeforePatrol, volunteer.trainedOn == nil else { return }
        let firstSession = sessions.map(\.date).min()
        for patrol in mine {
            if let firstSession {
                if !(patrol.date > firstSession) {
                    found[.trainBeforePatrol, default: []].append(
                        "\(label) patrols \(patrol.date) \(patrol.period.id), "
                            + "session only on \(firstSession)")
                }
            } else {
                found[.trainBeforePatrol, default: []].append(
                    "\(label) patrols \(patrol.date) \(patrol.period.id), "
                        + "never trained and no session")
            }
        }
    }

    /// `7 h` or `7 h 30 min`.
    static func hours(_ minutes: Int) -> String {
        let sign = minutes < 0 ? "-" : ""
        let h = abs(minutes) / 60
        let m = abs(minutes) % 60
        return m == 0 ? "\(sign)\(h) h" : "\(sign)\(h) h \(m) min"
    }
}

/// An ISO 8601 week, `2026-W53`.
struct ISOWeek: Hashable, Comparable, CustomStringConvertible {
    var year: Int
    var week: Int

    static func < (lhs: ISOWeek, rhs: ISOWeek) -> Bool {
        (lhs.year, lhs.week) < (rhs.year, rhs.week)
    }

    var description: String { "\(year)-W\(week < 10 ? "0" : "")\(week)" }
}
