import PatrolModel

/// A schedule made ready for display, computed once and shared by every export format.
///
/// Teams are listed by date, period order and grid order, each with its leader first (as
/// ``RosterWriter/leader(of:)`` chooses) and then the members by id; every demanded slot
/// has a team, empty when nobody is assigned. Phone numbers pass through ``phone(of:)``,
/// the one place that decides between the full and the masked number.
///
/// Assignments that name a volunteer, grid or period the community does not know, and
/// attendance of an unknown volunteer or session, are left out: there is nothing to show
/// for them (a stored schedule always matches its community).
struct RosterView {
    /// One volunteer in one team.
    struct Member {
        let volunteer: Volunteer
        let isLeader: Bool
    }

    /// Everyone on patrol in one grid, date and period, with the demand there.
    struct Team {
        let grid: Grid
        let date: LocalDate
        let period: Period
        /// The team size asked for; 0 when the slot has no demand.
        let needed: Int
        /// The leader first, then by id.
        let members: [Member]

        var short: Int { max(0, needed - members.count) }
        var covered: Int { min(needed, members.count) }
        var hasPartyMember: Bool { members.contains { $0.volunteer.isPartyMember } }
        var hasLeaderSkill: Bool { members.contains { $0.volunteer.isLeader } }
        var leader: Volunteer? { members.first(where: \.isLeader)?.volunteer }
    }

    /// A training session and the volunteers booked into it, by id.
    struct Session {
        let session: TrainingSession
        let attendees: [Volunteer]
    }

    /// What one volunteer does this month.
    struct Service {
        let volunteer: Volunteer
        /// Indices into ``RosterView/teams``, in date order.
        var teams: [Int] = []
        /// Indices into ``RosterView/sessions``.
        var sessions: [Int] = []
        var minutes = 0
    }

    /// The figures of one grid (or of the whole community) for the summary.
    struct Coverage {
        var teams = 0
        var needed = 0
        var assigned = 0
        var covered = 0
        var withoutPartyMember = 0
        var withoutLeader = 0

        var short: Int { needed - covered }

        /// Covered share of the demand in percent with one decimal, as text: `97.5`, `100`.
        var percentText: String {
            guard needed > 0 else { return "100" }
            let tenths = (covered * 1000 + needed / 2) / needed
            return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(tenths % 10)"
        }

        mutating func add(_ team: Team, needsLeader: Bool) {
            if team.needed > 0 { teams += 1 }
            needed += team.needed
            assigned += team.members.count
            covered += team.covered
            if !team.members.isEmpty, !team.hasPartyMember { withoutPartyMember += 1 }
            if !team.members.isEmpty, needsLeader, !team.hasLeaderSkill { withoutLeader += 1 }
        }
    }

    let community: Community
    let text: ExportText
    let fullPhone: Bool
    let teams: [Team]
    /// Team indices of each grid, aligned with `community.grids`.
    let teamsByGrid: [[Int]]
    let sessions: [Session]
    /// One entry per volunteer, in the community's order.
    let service: [Service]
    /// Coverage of each grid, aligned with `community.grids`.
    let gridCoverage: [Coverage]

    init(community: Community, schedule: Schedule, language: ExportLanguage, fullPhone: Bool) {
        self.community = community
        self.text = ExportText(language: language)
        self.fullPhone = fullPhone
        let lookup = CommunityLookup(community)

        var members: [TeamKey: [Volunteer]] = [:]
        for assignment in schedule.assignments {
            guard let volunteer = lookup.volunteers[assignment.volunteer],
                lookup.gridIndex[assignment.grid] != nil, lookup.periodIndex[assignment.period] != nil
            else { continue }
            members[TeamKey(assignment), default: []].append(volunteer)
        }
        var needed: [TeamKey: Int] = [:]
        for slot in community.slots
        where lookup.gridIndex[slot.grid] != nil && lookup.periodIndex[slot.period] != nil {
            needed[TeamKey(slot)] = slot.needed
        }
        let keys = Set(members.keys).union(needed.keys).sorted(by: lookup.order)
        teams = keys.map { key in
            let team = members[key] ?? []
            let leader = RosterWriter.leader(of: team)
            let ordered = team.sorted {
                ($0.id == leader ? 0 : 1, $0.id) < ($1.id == leader ? 0 : 1, $1.id)
            }
            return Team(
                grid: community.grids[lookup.gridIndex[key.grid] ?? 0], date: key.date,
                period: community.periods[lookup.periodIndex[key.period] ?? 0],
                needed: needed[key] ?? 0,
                members: ordered.map { Member(volunteer: $0, isLeader: $0.id == leader) })
        }

        var byGrid = Array(repeating: [Int](), count: community.grids.count)
        var coverage = Array(repeating: Coverage(), count: community.grids.count)
        var serviceIndex: [VolunteerID: Int] = [:]
        var service = community.volunteers.enumerated().map { index, volunteer in
            serviceIndex[volunteer.id] = serviceIndex[volunteer.id] ?? index
            return Service(volunteer: volunteer)
        }
        for (index, team) in teams.enumerated() {
            let grid = lookup.gridIndex[team.grid.id] ?? 0
            byGrid[grid].append(index)
            coverage[grid].add(team, needsLeader: team.grid.needsLeader)
            for member in team.members {
                guard let volunteer = serviceIndex[member.volunteer.id] else { continue }
                service[volunteer].teams.append(index)
                service[volunteer].minutes += team.period.durationMinutes
            }
        }

        var attendees: [SessionID: [Volunteer]] = [:]
        for entry in schedule.attendance {
            guard let volunteer = lookup.volunteers[entry.volunteer] else { continue }
            attendees[entry.session, default: []].append(volunteer)
        }
        sessions = community.sessions.map { session in
            Session(session: session, attendees: (attendees[session.id] ?? []).sorted { $0.id < $1.id })
        }
        for (index, session) in sessions.enumerated() {
            for attendee in session.attendees {
                guard let volunteer = serviceIndex[attendee.id] else { continue }
                service[volunteer].sessions.append(index)
            }
        }
        self.teamsByGrid = byGrid
        self.gridCoverage = coverage
        self.service = service
    }

    /// The phone number to show: in full only when the export asks for it.
    func phone(of volunteer: Volunteer) -> String {
        fullPhone ? volunteer.phone : Self.masked(volunteer.phone)
    }

    /// A phone number with its middle hidden, `138****5678`: the first three and the last four
    /// characters stay when there are at least eight, only the last two of a shorter number.
    static func masked(_ phone: String) -> String {
        let characters = Array(phone)
        guard characters.count > 2 else { return String(repeating: "*", count: characters.count) }
        let (head, tail) = characters.count >= 8 ? (3, 4) : (0, 2)
        return String(characters.prefix(head))
            + String(repeating: "*", count: characters.count - head - tail)
            + String(characters.suffix(tail))
    }

    /// The whole community's coverage.
    var totalCoverage: Coverage {
        gridCoverage.reduce(into: Coverage()) { total, grid in
            total.teams += grid.teams
            total.needed += grid.needed
            total.assigned += grid.assigned
            total.covered += grid.covered
            total.withoutPartyMember += grid.withoutPartyMember
            total.withoutLeader += grid.withoutLeader
        }
    }

    /// The branches volunteers belong to, sorted, those without a branch last (as "").
    var branches: [String] {
        let names = Set(community.volunteers.map(\.branch))
        return names.filter { !$0.isEmpty }.sorted() + (names.contains("") ? [""] : [])
    }

    /// A branch's display name: its own, or the words for "no branch".
    func branchName(_ branch: String) -> String { branch.isEmpty ? text.noBranch : branch }

    /// The grid a volunteer calls home, by name (the id when the community does not know it).
    func homeGridName(of volunteer: Volunteer) -> String {
        community.grids.first { $0.id == volunteer.homeGrid }?.name ?? volunteer.homeGrid.rawValue
    }

    /// Service hours as the contract files write them: `7.5`, `0.33`.
    static func hours(minutes: Int) -> String { RosterWriter.hours(minutes: minutes) }
}
