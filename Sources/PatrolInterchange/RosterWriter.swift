import PatrolModel

/// Writes a schedule as the roster files of the contract's section 4.
///
/// The output is deterministic byte for byte: UTF-8 without a BOM, `\n` line ends, RFC 4180
/// quoting, rows in a fixed order. `schedule.csv` lists teams by date, period order, grid
/// order, the team's leader first and then the members by volunteer id.
public enum RosterWriter {
    /// `schedule.csv`, `trainings.csv`, `coverage.csv` and `volunteers.csv`, in that order.
    ///
    /// Assignments are written as they are, also ones that break a hard rule; ids the
    /// community does not know are written with empty names.
    public static func files(community: Community, schedule: Schedule) -> [OutputFile] {
        let lookup = CommunityLookup(community)
        let teams = Dictionary(grouping: schedule.assignments) { TeamKey($0) }
        return [
            scheduleFile(community, lookup, teams),
            trainingsFile(community, lookup, schedule.attendance),
            coverageFile(community, lookup, teams),
            volunteersFile(community, lookup, schedule),
        ]
    }

    /// Writes the files into `directory`, creating it.
    ///
    /// Each file is written in full under a temporary name and renamed only when all are
    /// written, so a failure leaves no half-written file.
    public static func write(_ files: [OutputFile], to directory: String) throws(OutputWriteError) {
        try OutputFolder.write(files, to: directory)
    }

    /// The team's leader: the smallest id among members with the `leader` skill, else among
    /// the Party members, else among all members.
    public static func leader(of team: [Volunteer]) -> VolunteerID? {
        let skilled = team.filter(\.isLeader)
        let party = team.filter(\.isPartyMember)
        let candidates = !skilled.isEmpty ? skilled : !party.isEmpty ? party : team
        return candidates.map(\.id).min()
    }

    // MARK: - The four files.

    private static func scheduleFile(
        _ community: Community, _ lookup: CommunityLookup, _ teams: [TeamKey: [Assignment]]
    ) -> OutputFile {
        var csv = CSVText(header: [
            "date", "weekday", "period", "start", "end", "grid", "grid_name", "volunteer",
            "volunteer_name",
            "phone", "party_member", "role",
        ])
        for key in teams.keys.sorted(by: lookup.order) {
            let members = teams[key] ?? []
            let leader = leader(of: members.compactMap { lookup.volunteers[$0.volunteer] })
            let rows = members.sorted {
                ($0.volunteer == leader ? 0 : 1, $0.volunteer) < (
                    $1.volunteer == leader ? 0 : 1, $1.volunteer
                )
            }
            let period = community.period(key.period)
            for assignment in rows {
                let volunteer = lookup.volunteers[assignment.volunteer]
                csv.append([
                    key.date.description, key.date.weekday.englishAbbreviation, key.period.rawValue,
                    period?.start.description ?? "", period?.end.description ?? "",
                    key.grid.rawValue,
                    community.grid(key.grid)?.name ?? "", assignment.volunteer.rawValue,
                    volunteer?.name ?? "",
                    volunteer?.phone ?? "", (volunteer?.isPartyMember ?? false).yesNo,
                    assignment.volunteer == leader ? "leader" : "member",
                ])
            }
        }
        return csv.file("schedule.csv")
    }

    private static func trainingsFile(
        _ community: Community, _ lookup: CommunityLookup, _ attendance: [SessionAttendance]
    ) -> OutputFile {
        var csv = CSVText(header: [
            "session", "topic", "date", "start", "end", "location", "volunteer", "volunteer_name",
        ])
        let ordered = attendance.sorted {
            (lookup.sessionIndex[$0.session] ?? Int.max, $0.session, $0.volunteer)
                < (lookup.sessionIndex[$1.session] ?? Int.max, $1.session, $1.volunteer)
        }
        for entry in ordered {
            let session = community.session(entry.session)
            csv.append([
                entry.session.rawValue, session?.topic ?? "", session?.date.description ?? "",
                session?.start.description ?? "", session?.end.description ?? "",
                session?.location ?? "",
                entry.volunteer.rawValue, lookup.volunteers[entry.volunteer]?.name ?? "",
            ])
        }
        return csv.file("trainings.csv")
    }

    private static func coverageFile(
        _ community: Community, _ lookup: CommunityLookup, _ teams: [TeamKey: [Assignment]]
    ) -> OutputFile {
        var csv = CSVText(header: [
            "date", "period", "grid", "needed", "assigned", "party_members", "leader", "short",
        ])
        for slot in community.slots {
            let team = (teams[TeamKey(slot)] ?? []).compactMap { lookup.volunteers[$0.volunteer] }
            let assigned = teams[TeamKey(slot)]?.count ?? 0
            csv.append([
                slot.date.description, slot.period.rawValue, slot.grid.rawValue,
                String(slot.needed),
                String(assigned), String(team.filter(\.isPartyMember).count),
                team.contains(where: \.isLeader).yesNo, String(max(0, slot.needed - assigned)),
            ])
        }
        return csv.file("coverage.csv")
    }

    private static func volunteersFile(
        _ community: Community, _ lookup: CommunityLookup, _ schedule: Schedule
    ) -> OutputFile {
        var csv = CSVText(header: [
            "volunteer", "name", "shifts", "hours", "session", "min_shifts", "max_shifts",
        ])
        var shifts: [VolunteerID: Int] = [:]
        var minutes: [VolunteerID: Int] = [:]
        for assignment in schedule.assignments {
            shifts[assignment.volunteer, default: 0] += 1
            minutes[assignment.volunteer, default: 0] +=
                community.period(assignment.period)?.durationMinutes ?? 0
        }
        var sessions: [VolunteerID: [SessionID]] = [:]
        for entry in schedule.attendance {
            sessions[entry.volunteer, default: []].append(entry.session)
        }
        for volunteer in community.volunteers {
            let attended = (sessions[volunteer.id] ?? []).sorted {
                (lookup.sessionIndex[$0] ?? Int.max, $0) < (lookup.sessionIndex[$1] ?? Int.max, $1)
            }
            csv.append([
                volunteer.id.rawValue, volunteer.name, String(shifts[volunteer.id] ?? 0),
                hours(minutes: minutes[volunteer.id] ?? 0),
                attended.map(\.rawValue).joined(separator: ";"),
                String(volunteer.minShifts), String(volunteer.maxShifts),
            ])
        }
        return csv.file("volunteers.csv")
    }

    /// Hours with at most two decimals and no trailing zeros: 450 minutes are `7.5`,
    /// 20 minutes `0.33`.
    static func hours(minutes: Int) -> String {
        let hundredths = (minutes * 100 + 30) / 60
        let whole = String(hundredths / 100)
        let fraction = hundredths % 100
        if fraction == 0 { return whole }
        if fraction % 10 == 0 { return "\(whole).\(fraction / 10)" }
        return "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

/// A team: everyone assigned to one grid, date and period.
struct TeamKey: Hashable {
    let grid: GridID
    let date: LocalDate
    let period: PeriodID

    init(_ assignment: Assignment) {
        (grid, date, period) = (assignment.grid, assignment.date, assignment.period)
    }

    init(_ slot: PatrolSlot) { (grid, date, period) = (slot.grid, slot.date, slot.period) }
}

/// The community's lookups by id, built once per file set.
struct CommunityLookup {
    let volunteers: [VolunteerID: Volunteer]
    let gridIndex: [GridID: Int]
    let periodIndex: [PeriodID: Int]
    let sessionIndex: [SessionID: Int]

    init(_ community: Community) {
        volunteers = Dictionary(
            community.volunteers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        gridIndex = Dictionary(
            community.grids.enumerated().map { ($1.id, $0) },
            uniquingKeysWith: { first, _ in first })
        periodIndex = Dictionary(
            community.periods.enumerated().map { ($1.id, $0) },
            uniquingKeysWith: { first, _ in first })
        sessionIndex = Dictionary(
            community.sessions.enumerated().map { ($1.id, $0) },
            uniquingKeysWith: { first, _ in first })
    }

    /// Date, then period order, then grid order; unknown ids last, by id.
    func order(_ lhs: TeamKey, _ rhs: TeamKey) -> Bool {
        (
            lhs.date.dayNumber, periodIndex[lhs.period] ?? Int.max, lhs.period.rawValue,
            gridIndex[lhs.grid] ?? Int.max, lhs.grid.rawValue
        )
            < (
                rhs.date.dayNumber, periodIndex[rhs.period] ?? Int.max, rhs.period.rawValue,
                gridIndex[rhs.grid] ?? Int.max, rhs.grid.rawValue
            )
    }
}
