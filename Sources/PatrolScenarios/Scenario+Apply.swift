import PatrolInterchange
import PatrolModel

extension Scenario {
    /// Applies the changes in order to `base`, the community `base` names, loaded.
    ///
    /// - Parameters:
    ///   - base: the base community.
    ///   - seed: drives the random selections; change number i draws from its own stream.
    /// - Returns: the variant; its community keeps every invariant of a loaded community.
    /// - Throws: `InputErrors` with every change that cannot apply (an unknown volunteer,
    ///   grid or period, a new id that is taken, a bad volunteers file), each located at
    ///   the change in the scenario file, or in the volunteers file at the bad cell.
    public func apply(to base: Community, seed: UInt64) throws(InputErrors) -> ScenarioVariant {
        var applier = ChangeApplier(community: base, seed: seed)
        for (index, change) in changes.enumerated() {
            applier.apply(change, stream: UInt64(index + 1))
        }
        let errors = applier.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else {
            throw InputErrors(errors + applier.diagnostics.filter { $0.severity == .warning })
        }
        return ScenarioVariant(
            scenario: self, community: applier.community, gridMap: applier.gridMap,
            effects: applier.effects, warnings: applier.diagnostics)
    }
}

/// Applies changes one by one, keeping the community valid after each.
struct ChangeApplier {
    private(set) var community: Community
    private(set) var gridMap: [GridID: [GridID]]
    private(set) var effects: [String] = []
    private(set) var diagnostics: [Diagnostic] = []
    let seed: UInt64
    /// The change being applied, where its problems point.
    private var location = SourceLocation(file: "")

    init(community: Community, seed: UInt64) {
        self.community = community
        self.seed = seed
        gridMap = Dictionary(uniqueKeysWithValues: community.grids.map { ($0.id, [$0.id]) })
    }

    mutating func apply(_ change: ScenarioChange, stream: UInt64) {
        location = change.location
        switch change.kind {
        case .unavailable(let selection, let dates):
            unavailable(selection, dates, stream: stream)
        case .removeVolunteers(let selection): remove(selection, stream: stream)
        case .addVolunteers(let added): add(added)
        case .demand(let demand): _ = self.demand(demand.teams, demand.edit, label: "demand")
        case .event(let event): self.event(event)
        case .risk(let risk): self.risk(risk)
        case .rules(let settings): rules(settings)
        case .weights(let settings): weights(settings)
        case .training(let session): training(session)
        case .removeTrainings(let ids): removeTrainings(ids)
        case .splitGrid(let split): self.split(split, stream: stream)
        case .mergeGrids(let merge): self.merge(merge)
        }
    }

    // MARK: - Problems, located at the change

    private mutating func error(_ message: String, expected: String? = nil) {
        diagnostics.append(Diagnostic(.error, location, message, expected: expected))
    }

    private mutating func warn(_ message: String, expected: String? = nil) {
        diagnostics.append(Diagnostic(.warning, location, message, expected: expected))
    }

    /// `V0003, V0012, V0040, … (12)`: the first ids of a list, for effect lines.
    private static func some(_ ids: [some CustomStringConvertible], limit: Int = 6) -> String {
        let shown = ids.prefix(limit).map(\.description).joined(separator: ", ")
        return ids.count > limit ? "\(shown), …" : shown
    }

    /// The grids named, or nil (with an error) when one is not in the community.
    private mutating func known(_ grids: [GridID]) -> [GridID]? {
        let ids = Set(community.grids.map(\.id))
        let unknown = grids.filter { !ids.contains($0) }
        guard unknown.isEmpty else {
            error(
                "unknown grid \(unknown.map { quoted($0.rawValue) }.joined(separator: ", "))",
                expected: "ids from the community's grids.csv (after earlier splits and merges): "
                    + Self.some(community.grids.map(\.id), limit: 12))
            return nil
        }
        return grids
    }

    private mutating func chosen(_ selection: VolunteerSelection, stream: UInt64) -> [VolunteerID]?
    {
        let (chosen, unknown) = selection.choose(in: community, seed: seed, stream: stream)
        guard unknown.isEmpty else {
            error(
                "unknown volunteer \(unknown.map { quoted($0.rawValue) }.joined(separator: ", "))",
                expected: "ids from the community's volunteers.csv")
            return nil
        }
        if chosen.isEmpty {
            warn(
                "no volunteer matches: the change has no effect",
                expected: "a filter some volunteers match")
        }
        return chosen
    }

    // MARK: - Volunteers

    private mutating func unavailable(
        _ selection: VolunteerSelection, _ dates: [DateRange], stream: UInt64
    ) {
        guard let ids = chosen(selection, stream: stream) else { return }
        let month = community.month
        if !dates.contains(where: { $0.first <= month.lastDate && $0.last >= month.firstDate }) {
            warn(
                "no date is in \(month): the change has no effect",
                expected: "dates inside \(month)")
        }
        let wanted = Set(ids)
        for index in community.volunteers.indices
        where wanted.contains(community.volunteers[index].id) {
            community.volunteers[index].unavailable += dates
        }
        let total =
            selection.ids?.count
            ?? community.volunteers.count {
                selection.filter?.matches($0, year: month.year) ?? true
            }
        effects.append(
            "unavailable \(dates.map(\.description).joined(separator: ", ")): "
                + "\(ids.count) of \(total) volunteers (\(Self.some(ids)))")
    }

    private mutating func remove(_ selection: VolunteerSelection, stream: UInt64) {
        guard let ids = chosen(selection, stream: stream) else { return }
        let leaving = Set(ids)
        community.volunteers.removeAll { leaving.contains($0.id) }
        let requests = community.requests.count
        community.requests.removeAll { leaving.contains($0.volunteer) }
        effects.append(
            "removed \(ids.count) volunteers (\(Self.some(ids))) and their "
                + "\(requests - community.requests.count) requests; their history stays")
    }

    private mutating func add(_ added: AddedVolunteers) {
        let newcomers: [Volunteer]
        do {
            newcomers = try CommunityLoader().volunteers(file: added.file, joining: community)
        } catch {
            diagnostics += error.diagnostics
            return
        }
        let existing = Set(community.volunteers.map(\.id))
        let taken = newcomers.map(\.id).filter(existing.contains)
        guard taken.isEmpty else {
            error(
                "\(added.file) has ids already in the community: \(taken.map { quoted($0.rawValue) }.joined(separator: ", "))",
                expected: "new volunteer ids")
            return
        }
        var joined = newcomers
        if let from = added.from, from > community.month.firstDate {
            let before = DateRange(first: community.month.firstDate, last: from.adding(days: -1))
            for index in joined.indices { joined[index].unavailable.append(before) }
        }
        community.volunteers += joined
        effects.append(
            "added \(joined.count) volunteers (\(Self.some(joined.map(\.id))))"
                + (added.from.map { ", joining on \($0)" } ?? ""))
    }

    // MARK: - Demand, events and risk

    private struct SlotKey: Hashable {
        var grid: GridID
        var date: LocalDate
        var period: PeriodID
    }

    /// Applies `edit` to every grid, period and day of `teams`; false (with an error) when
    /// a grid or period is unknown.
    private mutating func demand(_ teams: TeamSelection, _ edit: DemandChange.Edit, label: String)
        -> Bool
    {
        guard let grids = teams.grids.map({ known($0) }) ?? community.grids.map(\.id) else {
            return false
        }
        var periods = community.periods.map(\.id)
        if let names = teams.periods {
            switch CellValues.periods(names.joined(separator: ","), of: community.periods) {
            case .success(let ids): periods = community.periods.map(\.id).filter(ids.contains)
            case .failure(let problem):
                error(problem.message, expected: problem.expected)
                return false
            }
        }
        var sizes: [SlotKey: Int] = [:]
        for slot in community.slots {
            sizes[SlotKey(grid: slot.grid, date: slot.date, period: slot.period)] = slot.needed
        }
        let dates = community.month.dates.filter {
            teams.days?.contains($0, holidays: community.holidays) ?? true
        }
        var changed = 0
        var shifts = 0
        for date in dates {
            for period in periods {
                for grid in grids {
                    let key = SlotKey(grid: grid, date: date, period: period)
                    let before = sizes[key] ?? 0
                    let after: Int
                    switch edit {
                    case .add(let delta): after = before == 0 ? 0 : max(0, before + delta)
                    case .set(let size): after = size
                    case .atLeast(let size): after = max(before, size)
                    }
                    guard after != before else { continue }
                    sizes[key] = after
                    changed += 1
                    shifts += after - before
                }
            }
        }
        if changed == 0 {
            warn(
                "no patrol changes: the change has no effect",
                expected: "grids, periods and dates with patrols")
        }
        community.slots = sortedSlots(sizes)
        effects.append(
            "\(label): \(changed) patrol\(changed == 1 ? "" : "s") changed "
                + "(\(shifts >= 0 ? "+" : "")\(shifts) volunteer-shifts)")
        return true
    }

    private func sortedSlots(_ sizes: [SlotKey: Int]) -> [PatrolSlot] {
        let periodRank = Dictionary(
            uniqueKeysWithValues: community.periods.enumerated().map { ($1.id, $0) })
        let gridRank = Dictionary(
            uniqueKeysWithValues: community.grids.enumerated().map { ($1.id, $0) })
        return sizes.filter { $0.value > 0 }
            .map {
                PatrolSlot(
                    grid: $0.key.grid, date: $0.key.date, period: $0.key.period, needed: $0.value)
            }
            .sorted {
                ($0.date, periodRank[$0.period] ?? 0, gridRank[$0.grid] ?? 0)
                    < ($1.date, periodRank[$1.period] ?? 0, gridRank[$1.grid] ?? 0)
            }
    }

    private mutating func event(_ event: EventChange) {
        let label = "event" + (event.name.isEmpty ? "" : " \(event.name)")
        guard demand(event.teams, .atLeast(event.volunteers), label: label) else { return }
        let grids = event.teams.grids ?? community.grids.map(\.id)
        guard event.risk != nil || event.needsLeader != nil else {
            return
        }
        for index in community.grids.indices where grids.contains(community.grids[index].id) {
            if let risk = event.risk {
                community.grids[index].risk = max(community.grids[index].risk, risk)
            }
            if let needsLeader = event.needsLeader {
                community.grids[index].needsLeader = needsLeader
            } else if community.grids[index].risk == 3 {
                community.grids[index].needsLeader = true
            }
        }
        if let risk = event.risk {
            effects.append("\(label): risk of \(Self.some(grids)) at least \(risk) for the month")
        }
    }

    private mutating func risk(_ change: RiskChange) {
        guard let grids = known(change.grids) else { return }
        for index in community.grids.indices where grids.contains(community.grids[index].id) {
            if let level = change.level { community.grids[index].risk = level }
            if let needsLeader = change.needsLeader {
                community.grids[index].needsLeader = needsLeader
            } else if change.level == 3 {
                community.grids[index].needsLeader = true
            }
        }
        var parts: [String] = []
        if let level = change.level { parts.append("risk \(level)") }
        if let needsLeader = change.needsLeader {
            parts.append(needsLeader ? "needs a leader" : "needs no leader")
        }
        effects.append("\(Self.some(grids)): \(parts.joined(separator: ", "))")
    }

    // MARK: - Rules, weights and training

    private mutating func rules(_ settings: [Setting]) {
        let oldLimit = community.rules.maxShiftsPerMonth
        for setting in settings {
            _ = SettingValues.setRule(setting.key, from: setting.value, in: &community.rules)
        }
        let newLimit = community.rules.maxShiftsPerMonth
        if newLimit != oldLimit {
            // An empty max_shifts cell was filled from the old rule, and such a volunteer
            // cannot be told apart from one who wrote the same number: both follow the rule.
            for index in community.volunteers.indices
            where community.volunteers[index].maxShifts == oldLimit {
                community.volunteers[index].maxShifts = newLimit
                community.volunteers[index].minShifts = min(
                    community.volunteers[index].minShifts, newLimit)
            }
        }
        effects.append("rules: " + settings.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    }

    private mutating func weights(_ settings: [Setting]) {
        for setting in settings {
            _ = SettingValues.setWeight(setting.key, from: setting.value, in: &community.weights)
        }
        effects.append(
            "weights: " + settings.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    }

    private mutating func training(_ session: TrainingSession) {
        guard community.session(session.id) == nil else {
            error(
                "the session id \(quoted(session.id.rawValue)) is already used",
                expected: "a new session id")
            return
        }
        if !community.month.contains(session.date) {
            warn(
                "the session on \(session.date) is outside \(community.month)",
                expected: "a date inside \(community.month)")
        }
        community.sessions.append(session)
        let places = session.capacity.map { "\($0) places" } ?? "no limit"
        effects.append(
            "training \(session.id) on \(session.date) \(session.start)-\(session.end), \(places)")
    }

    private mutating func removeTrainings(_ ids: [SessionID]) {
        let unknown = ids.filter { community.session($0) == nil }
        guard unknown.isEmpty else {
            error(
                "unknown training session \(unknown.map { quoted($0.rawValue) }.joined(separator: ", "))",
                expected: "ids from the community's trainings.csv: "
                    + Self.some(community.sessions.map(\.id), limit: 12))
            return
        }
        community.sessions.removeAll { ids.contains($0.id) }
        effects.append("cancelled training \(Self.some(ids))")
    }

    // MARK: - Grids split and merged

    /// Each part's share: those given, and what they leave shared equally by the others.
    private static func shares(_ given: [Double?]) -> [Double] {
        let rest = max(0, 1 - given.compactMap { $0 }.reduce(0, +))
        let open = given.count { $0 == nil }
        return given.map { $0 ?? rest / Double(max(open, 1)) }
    }

    private mutating func split(_ split: GridSplit, stream: UInt64) {
        guard known([split.grid]) != nil,
            let position = community.grids.firstIndex(where: { $0.id == split.grid })
        else { return }
        let old = community.grids[position]
        let taken = Set(community.grids.map(\.id)).subtracting([split.grid])
        let clashes = split.parts.map(\.id).filter(taken.contains)
        guard clashes.isEmpty else {
            error(
                "the new grid id \(clashes.map { quoted($0.rawValue) }.joined(separator: ", ")) is already used",
                expected: "ids no other grid has")
            return
        }
        let partIDs = split.parts.map(\.id)

        // Grids: the parts take the old grid's place, each adjacent to the others and to
        // everything the old grid was adjacent to.
        let parts = split.parts.map { part in
            Grid(
                id: part.id, name: part.name, risk: part.risk ?? old.risk,
                neighbors: old.neighbors.subtracting([split.grid]).union(partIDs).subtracting([
                    part.id
                ]),
                needsLeader: part.risk.map { $0 == 3 } ?? old.needsLeader)
        }
        community.grids.replaceSubrange(position...position, with: parts)
        for index in community.grids.indices
        where !partIDs.contains(community.grids[index].id)
            && community.grids[index].neighbors.contains(split.grid)
        {
            community.grids[index].neighbors.remove(split.grid)
            community.grids[index].neighbors.formUnion(partIDs)
        }

        // Volunteers: those living in the old grid, drawn at random into the parts by share.
        let residents = community.volunteers.indices.filter {
            community.volunteers[$0].homeGrid == split.grid
        }
        var random = SplitMix64(seed: seed &+ stream &* 0xD1B5_4A32_D192_ED03)
        let drawn = random.sample(residents, count: residents.count)
        let counts = Self.apportion(
            residents.count, Self.shares(split.parts.map(\.volunteersFraction)))
        var next = 0
        for (part, count) in zip(partIDs, counts) {
            for index in drawn[next..<(next + count)] {
                community.volunteers[index].homeGrid = part
            }
            next += count
        }

        // Demand: each team of the old grid becomes a team in every part, sized by share,
        // at least 1 (every part of a patrolled grid is patrolled).
        let demandShares = Self.shares(split.parts.map(\.demandFraction))
        var sizes: [SlotKey: Int] = [:]
        var patrols = (before: 0, after: 0)
        for slot in community.slots {
            guard slot.grid == split.grid else {
                sizes[SlotKey(grid: slot.grid, date: slot.date, period: slot.period)] = slot.needed
                continue
            }
            patrols.before += 1
            for (part, share) in zip(partIDs, demandShares) {
                sizes[SlotKey(grid: part, date: slot.date, period: slot.period)] =
                    max(1, Int((Double(slot.needed) * share).rounded()))
                patrols.after += 1
            }
        }
        community.slots = sortedSlots(sizes)
        for (base, targets) in gridMap where targets.contains(split.grid) {
            gridMap[base] = targets.flatMap { $0 == split.grid ? partIDs : [$0] }
        }
        let people = zip(partIDs, counts).map { "\($0) \($1) volunteers" }.joined(separator: ", ")
        effects.append(
            "\(split.grid) split into \(people); its \(patrols.before) patrols became \(patrols.after)"
        )
    }

    /// `total` divided by `shares` into whole numbers that add up to `total`, by the
    /// largest remainder (Hamilton's method), earlier parts first on ties.
    static func apportion(_ total: Int, _ shares: [Double]) -> [Int] {
        let exact = shares.map { Double(total) * $0 }
        var counts = exact.map { Int($0.rounded(.down)) }
        let order = exact.indices.sorted {
            (exact[$0] - Double(counts[$0]), -$0) > (exact[$1] - Double(counts[$1]), -$1)
        }
        var left = total - counts.reduce(0, +)
        for index in order where left > 0 {
            counts[index] += 1
            left -= 1
        }
        return counts
    }

    private mutating func merge(_ merge: GridMerge) {
        guard let merged = known(merge.grids) else { return }
        let mergedSet = Set(merged)
        let taken = Set(community.grids.map(\.id)).subtracting(mergedSet)
        guard !taken.contains(merge.into) else {
            error(
                "the grid id \(quoted(merge.into.rawValue)) is already used",
                expected: "a new id, or one of the merged grids' ids")
            return
        }
        let old = community.grids.filter { mergedSet.contains($0.id) }
        guard let position = community.grids.firstIndex(where: { mergedSet.contains($0.id) }) else {
            return
        }
        let risk = merge.risk ?? old.map(\.risk).max() ?? 1
        let grid = Grid(
            id: merge.into, name: merge.name, risk: risk,
            neighbors: old.reduce(into: Set<GridID>()) { $0.formUnion($1.neighbors) }.subtracting(
                mergedSet),
            needsLeader: old.contains(where: \.needsLeader) || risk == 3)
        community.grids.removeAll { mergedSet.contains($0.id) }
        community.grids.insert(grid, at: position)
        for index in community.grids.indices
        where !community.grids[index].neighbors.isDisjoint(with: mergedSet) {
            community.grids[index].neighbors.subtract(mergedSet)
            if community.grids[index].id != merge.into {
                community.grids[index].neighbors.insert(merge.into)
            }
        }
        var moved = 0
        for index in community.volunteers.indices
        where mergedSet.contains(community.volunteers[index].homeGrid) {
            community.volunteers[index].homeGrid = merge.into
            moved += 1
        }
        var sizes: [SlotKey: Int] = [:]
        for slot in community.slots {
            let grid = mergedSet.contains(slot.grid) ? merge.into : slot.grid
            let key = SlotKey(grid: grid, date: slot.date, period: slot.period)
            switch (mergedSet.contains(slot.grid), merge.demand) {
            case (false, _): sizes[key] = slot.needed
            case (true, .sum): sizes[key, default: 0] += slot.needed
            case (true, .max): sizes[key] = max(sizes[key] ?? 0, slot.needed)
            }
        }
        community.slots = sortedSlots(sizes)
        for (base, targets) in gridMap where !mergedSet.isDisjoint(with: targets) {
            var mapped: [GridID] = []
            for target in targets {
                let id = mergedSet.contains(target) ? merge.into : target
                if !mapped.contains(id) { mapped.append(id) }
            }
            gridMap[base] = mapped
        }
        effects.append(
            "\(Self.some(merged)) merged into \(merge.into) \(merge.name) (risk \(risk), \(moved) volunteers, teams by \(merge.demand.rawValue))"
        )
    }
}
