import PatrolModel

/// Every rule a generated community must keep to be valid input for the model and the
/// checker; each broken rule is described in one line so a failing test says what and where.
func invariantViolations(_ community: Community) -> [String] {
    var problems: [String] = []
    let month = community.month

    let periodIndex = Dictionary(
        community.periods.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    if periodIndex.count != community.periods.count { problems.append("duplicate period ids") }

    // Grids: unique ids and names, risk 1-3, symmetric adjacency between existing grids.
    let gridIndex = Dictionary(
        community.grids.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    if gridIndex.count != community.grids.count { problems.append("duplicate grid ids") }
    if Set(community.grids.map(\.name)).count != community.grids.count {
        problems.append("duplicate grid names")
    }
    for grid in community.grids {
        if !(1...3).contains(grid.risk) { problems.append("\(grid.id): risk \(grid.risk)") }
        if grid.needsLeader != (grid.risk == 3) { problems.append("\(grid.id): needs_leader") }
        if grid.neighbors.contains(grid.id) { problems.append("\(grid.id): own neighbour") }
        if community.grids.count >= 3, !(2...4).contains(grid.neighbors.count) {
            problems.append("\(grid.id): \(grid.neighbors.count) neighbours")
        }
        for neighbor in grid.neighbors {
            guard let other = gridIndex[neighbor] else {
                problems.append("\(grid.id): unknown neighbour \(neighbor)")
                continue
            }
            if !community.grids[other].neighbors.contains(grid.id) {
                problems.append("\(grid.id) - \(neighbor): not symmetric")
            }
        }
    }

    // Volunteers.
    let volunteerIDs = Set(community.volunteers.map(\.id))
    if volunteerIDs.count != community.volunteers.count {
        problems.append("duplicate volunteer ids")
    }
    if Set(community.volunteers.map(\.phone)).count != community.volunteers.count {
        problems.append("duplicate phones")
    }
    let knownSkills: Set<String> = [leaderSkill, "first_aid", "fire", "anti_fraud"]
    for volunteer in community.volunteers {
        let id = volunteer.id
        if volunteer.name.count < 2 || volunteer.name.count > 3 {
            problems.append("\(id): name \(volunteer.name)")
        }
        if !isMobilePhone(volunteer.phone) { problems.append("\(id): phone \(volunteer.phone)") }
        if gridIndex[volunteer.homeGrid] == nil { problems.append("\(id): unknown home grid") }
        if volunteer.isPartyMember == volunteer.branch.isEmpty {
            problems.append(
                "\(id): branch \"\(volunteer.branch)\" for party \(volunteer.isPartyMember)")
        }
        if !volunteer.skills.isSubset(of: knownSkills) { problems.append("\(id): skills") }
        if !(1...31).contains(volunteer.maxShifts) { problems.append("\(id): max_shifts") }
        if volunteer.minShifts < 0 || volunteer.minShifts > volunteer.maxShifts {
            problems.append("\(id): min_shifts \(volunteer.minShifts) max \(volunteer.maxShifts)")
        }
        if let pattern = volunteer.availability.periodsByWeekday {
            if pattern.count != 7 { problems.append("\(id): pattern of \(pattern.count) days") }
            if pattern.allSatisfy(\.isEmpty) { problems.append("\(id): never available") }
            if pattern.contains(where: { !$0.allSatisfy { periodIndex[$0] != nil } }) {
                problems.append("\(id): unknown period in pattern")
            }
        }
        for range in volunteer.unavailable {
            if range.first > range.last { problems.append("\(id): reversed range \(range)") }
            if range.last < month.firstDate.adding(days: -7)
                || range.first > month.lastDate.adding(days: 7)
            {
                problems.append("\(id): unavailable \(range) far from the month")
            }
        }
        if let trainedOn = volunteer.trainedOn, trainedOn >= month.firstDate {
            problems.append("\(id): trained_on \(trainedOn) not before the month")
        }
        if let year = volunteer.birthYear, !(1940...2008).contains(year) {
            problems.append("\(id): birth_year \(year)")
        }
    }

    // Slots: in the month, known grid and period, at least 1, strictly in date, period,
    // grid order (which also rules out duplicates); night only in medium/high-risk grids.
    var previous: (Int, Int, Int)?
    for slot in community.slots {
        guard let period = periodIndex[slot.period], let grid = gridIndex[slot.grid] else {
            problems.append("slot \(slot.date) \(slot.period) \(slot.grid): unknown grid or period")
            continue
        }
        if !month.contains(slot.date) { problems.append("slot \(slot.date) outside the month") }
        if !(1...4).contains(slot.needed) { problems.append("slot needs \(slot.needed)") }
        if community.periods[period].isNight, community.grids[grid].risk < 2 {
            problems.append("night patrol in low-risk \(slot.grid)")
        }
        let key = (slot.date.dayNumber, period, grid)
        if let previous, !(previous < key) {
            problems.append("slot \(slot.date) \(slot.period) \(slot.grid) out of order")
        }
        previous = key
    }

    // Sessions: distinct ids and dates in the month, positive capacity.
    if Set(community.sessions.map(\.id)).count != community.sessions.count {
        problems.append("duplicate session ids")
    }
    if Set(community.sessions.map(\.date)).count != community.sessions.count {
        problems.append("two sessions on one date")
    }
    for session in community.sessions {
        if !month.contains(session.date) { problems.append("\(session.id) outside the month") }
        if (session.capacity ?? 1) < 1 { problems.append("\(session.id): capacity") }
        if session.endsNextDay { problems.append("\(session.id) ends after midnight") }
    }

    // Requests: existing volunteers and periods, dates clipped to the month.
    for request in community.requests {
        if !volunteerIDs.contains(request.volunteer) {
            problems.append("request for unknown \(request.volunteer)")
        }
        if request.dates.first > request.dates.last || !month.contains(request.dates.first)
            || !month.contains(request.dates.last)
        {
            problems.append("request dates \(request.dates)")
        }
        if request.periods.isEmpty || !request.periods.allSatisfy({ periodIndex[$0] != nil }) {
            problems.append("request periods")
        }
        if !(5...30).contains(request.weight) {
            problems.append("request weight \(request.weight)")
        }
    }
    if community.requests.map(\.line) != Array(2..<(community.requests.count + 2)) {
        problems.append("request lines are not 2, 3, …")
    }

    // History: the three months before, positive shifts.
    let window = (1...3).map { month.adding(months: -$0) }
    for entry in community.history {
        if !window.contains(entry.month) { problems.append("history month \(entry.month)") }
        if entry.shifts < 1 { problems.append("history shifts \(entry.shifts)") }
    }

    for holiday in community.holidays where !month.contains(holiday) {
        problems.append("holiday \(holiday) outside the month")
    }
    return problems
}

/// A mainland mobile number: 11 digits, `1` then 3 to 9.
func isMobilePhone(_ text: String) -> Bool {
    let digits = Array(text.utf8)
    return digits.count == 11 && digits.allSatisfy { (48...57).contains($0) } && digits[0] == 49
        && (51...57).contains(digits[1])
}
