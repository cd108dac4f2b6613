import PatrolChecker
import PatrolModel

/// A volunteer who could take a place in a team, with what it would cost and why.
public struct Substitute: Sendable, Hashable {
    public var volunteer: VolunteerID
    /// The member this volunteer would replace; nil when they take an open place.
    public var replacing: VolunteerID?
    /// The change of the schedule's total score, as the independent checker counts it.
    public var scoreChange: Int
    /// The change of each component's penalty, components that do not change left out.
    public var componentChanges: [ScoreComponent: Int]
    /// The reasons, biggest effect first.
    public var reasons: [SubstituteReason]
}

/// A volunteer who cannot join the team without breaking a hard rule.
public struct UnsuitableVolunteer: Sendable, Hashable {
    public var volunteer: VolunteerID
    /// The hard rules joining would break (for the option that breaks the fewest).
    public var rules: [HardRule]

    public init(volunteer: VolunteerID, rules: [HardRule]) {
        self.volunteer = volunteer
        self.rules = rules
    }
}

/// Why a substitute scores as they do, in plain words.
public enum SubstituteReason: Sendable, Hashable {
    /// Takes a place the team was short of.
    case fillsOpenPlace(change: Int)
    /// The team gains its first Party member, or loses its only one.
    case partyMember(gained: Bool, change: Int)
    /// The team gains its first leader, or loses its only one, where the grid needs one.
    case leader(gained: Bool, change: Int)
    case homeGrid
    case neighborGrid(change: Int)
    case farGrid(change: Int)
    /// The volunteer's patrols in that ISO week afterwards, and the weekly limit.
    case week(patrols: Int, limit: Int)
    /// The volunteer reaches their monthly limit with this patrol.
    case monthLimitReached(limit: Int)
    case fairness(change: Int)
    /// Fewer (negative) or more patrols short of `min_shifts`, for both people involved.
    case minShifts(change: Int)
    /// A request whose state changes: `met` true when it becomes honoured.
    case request(
        volunteer: VolunteerID, kind: PatrolRequest.Kind, line: Int, honoured: Bool, weight: Int)

    /// Points this reason adds to the score (negative when it lowers it); 0 for facts.
    public var change: Int {
        switch self {
        case .fillsOpenPlace(let change), .partyMember(_, let change), .leader(_, let change),
            .neighborGrid(let change), .farGrid(let change), .fairness(let change),
            .minShifts(let change):
            change
        case .request(_, _, _, let honoured, let weight): honoured ? -weight : weight
        case .homeGrid, .week, .monthLimitReached: 0
        }
    }

    func phrase(_ words: Wording) -> Phrase {
        let points = Wording.points(change)
        switch self {
        case .fillsOpenPlace:
            return Phrase(en: "fills an open place\(points)", zh: "补上空缺\(points)")
        case .partyMember(let gained, _):
            return gained
                ? Phrase(en: "Party member: team gains one\(points)", zh: "党员：班组有了党员\(points)")
                : Phrase(en: "team loses its only Party member\(points)", zh: "班组失去唯一的党员\(points)")
        case .leader(let gained, _):
            return gained
                ? Phrase(en: "leader: team gains one\(points)", zh: "队长：班组有了队长\(points)")
                : Phrase(en: "team loses its only leader\(points)", zh: "班组失去唯一的队长\(points)")
        case .homeGrid:
            return Phrase(en: "home grid", zh: "本网格")
        case .neighborGrid:
            return Phrase(en: "neighbouring grid\(points)", zh: "相邻网格\(points)")
        case .farGrid:
            return Phrase(en: "far grid\(points)", zh: "非相邻网格\(points)")
        case .week(let patrols, let limit):
            let atLimit = patrols >= limit
            return Phrase(
                en: "\(Wording.ordinal(patrols)) patrol this week"
                    + (atLimit ? ", at limit after" : ""),
                zh: "本周第\(patrols)次巡防" + (atLimit ? "，之后达到每周上限" : ""))
        case .monthLimitReached(let limit):
            return Phrase(
                en: "reaches the monthly limit of \(limit)", zh: "达到每月上限\(limit)次")
        case .fairness(let change):
            let value = change > 0 ? "+\(change)" : "\(change)"
            return Phrase(en: "fairness \(value)", zh: "公平性 \(value)")
        case .minShifts(let change):
            return change < 0
                ? Phrase(en: "closer to min_shifts\(points)", zh: "更接近每月下限\(points)")
                : Phrase(
                    en: "the replaced volunteer falls below min_shifts\(points)",
                    zh: "被替换者低于每月下限\(points)")
        case .request(let volunteer, let kind, let line, let honoured, _):
            let who = words.volunteer(volunteer)
            switch (kind, honoured) {
            case (.off, false):
                return Phrase(
                    en: "\(who.en) asked to be free then (requests.csv line \(line))\(points)",
                    zh: "\(who.zh)希望此时不排班（requests.csv 第\(line)行）\(points)")
            case (.off, true):
                return Phrase(
                    en: "\(who.en) is freed as asked (requests.csv line \(line))\(points)",
                    zh: "\(who.zh)如愿不排班（requests.csv 第\(line)行）\(points)")
            case (.on, true):
                return Phrase(
                    en: "meets \(who.en)'s wish to patrol (requests.csv line \(line))\(points)",
                    zh: "满足\(who.zh)的排班意愿（requests.csv 第\(line)行）\(points)")
            case (.on, false):
                return Phrase(
                    en:
                        "\(who.en)'s wish to patrol is no longer met (requests.csv line \(line))\(points)",
                    zh: "\(who.zh)的排班意愿不再满足（requests.csv 第\(line)行）\(points)")
            }
        }
    }
}

/// The ranked substitutes for one team.
public struct SubstitutesReport: Sendable {
    public var community: Community
    public var slot: PatrolSlot
    /// The team's members now, sorted by id.
    public var team: [VolunteerID]
    /// Only options replacing this member were considered.
    public var replacing: VolunteerID?
    public var score: ScoreBreakdown
    /// Best first: the lowest score change, then the volunteer id. One option per volunteer.
    public var substitutes: [Substitute]
    /// Those who cannot join, by id; filled only when asked for.
    public var unsuitable: [UnsuitableVolunteer]
    /// How many volunteers cannot join (also when `unsuitable` is not filled).
    public var unsuitableCount: Int
}

/// Ranks the volunteers who could take a place in a team, or replace one of its members,
/// without breaking a hard rule.
///
/// Every option is scored by the independent `RosterChecker` on the schedule as it would be:
/// simple, exact, and independent of the optimiser. Volunteers whose weekly pattern, dates,
/// night permission or monthly, weekly or daily count rule them out at that time are not scored
/// (they break a hard rule whoever they replace) unless the unsuitable are asked for: a full
/// recount of a large month takes milliseconds, and most volunteers are ruled out this way.
public struct SubstituteSearch: Sendable {
    public let community: Community
    public let schedule: Schedule
    private let checker: RosterChecker
    private let patrolsOf: [VolunteerID: [Assignment]]

    public init(community: Community, schedule: Schedule) {
        self.community = community
        self.schedule = schedule
        checker = RosterChecker(community: community)
        patrolsOf = Dictionary(grouping: schedule.assignments, by: \.volunteer)
    }

    /// The substitutes for the team at `grid`, `date`, `period` (ids, or names when unique).
    ///
    /// - Parameters:
    ///   - replacing: only consider replacing this member; nil considers the open places
    ///     (when the team is short) and replacing each member.
    ///   - listUnsuitable: also name, for each volunteer who cannot join, the rules they
    ///     would break (slower: everyone is scored).
    public func rank(
        grid: String, date: LocalDate, period: String, replacing: String? = nil,
        listUnsuitable: Bool = false
    ) throws(ScheduleQueryError) -> SubstitutesReport {
        let gridID = try community.resolveGrid(grid).id
        let thePeriod = try community.resolvePeriod(period)
        let day = try community.checkInMonth(date)
        guard
            let slot = community.slots.last(where: {
                $0.grid == gridID && $0.date == day && $0.period == thePeriod.id
            })
        else { throw .noDemand(grid: gridID, date: day, period: thePeriod.id) }
        let inTeam = { (a: Assignment) in
            a.grid == gridID && a.date == day && a.period == thePeriod.id
        }
        let team = Set(schedule.assignments.filter(inTeam).map(\.volunteer))
        var replaced: VolunteerID?
        if let replacing {
            let id = try community.resolveVolunteer(replacing).id
            guard team.contains(id) else {
                throw .notInTeam(replacing, grid: gridID, date: day, period: thePeriod.id)
            }
            replaced = id
        }
        let options: [VolunteerID?] =
            replaced.map { [$0] }
            ?? ((team.count < slot.needed ? [nil] : []) + team.sorted().map { $0 })

        let base = checker.evaluate(schedule)
        var substitutes: [Substitute] = []
        var unsuitable: [UnsuitableVolunteer] = []
        var seen = Set<VolunteerID>()
        for volunteer in community.volunteers where !team.contains(volunteer.id) {
            guard seen.insert(volunteer.id).inserted else { continue }
            let ruledOut =
                !volunteer.availability.allows(day.weekday, thePeriod.id)
                || volunteer.isUnavailable(on: day)
                || (thePeriod.isNight && !volunteer.nightOK) || atLimit(volunteer, day)
            if ruledOut && !listUnsuitable {
                unsuitable.append(UnsuitableVolunteer(volunteer: volunteer.id, rules: []))
                continue
            }
            var best: Substitute?
            var fewest: [HardRule]?
            for option in options {
                var changed = schedule
                if let option {
                    changed.assignments.removeAll { inTeam($0) && $0.volunteer == option }
                }
                let joining = Assignment(
                    volunteer: volunteer.id, grid: gridID, date: day, period: thePeriod.id)
                changed.assignments.append(joining)
                let evaluation = checker.evaluate(changed)
                let broken = HardRule.allCases.filter {
                    evaluation.violationCount($0) > base.violationCount($0)
                }
                if broken.isEmpty {
                    let candidate = substitute(
                        volunteer, replacing: option, slot: slot, base: base, after: evaluation,
                        schedule: changed)
                    if best.map({ candidate.scoreChange < $0.scoreChange }) ?? true {
                        best = candidate
                    }
                } else if fewest.map({ broken.count < $0.count }) ?? true {
                    fewest = broken
                }
            }
            if let best {
                substitutes.append(best)
            } else {
                unsuitable.append(UnsuitableVolunteer(volunteer: volunteer.id, rules: fewest ?? []))
            }
        }
        substitutes.sort { ($0.scoreChange, $0.volunteer) < ($1.scoreChange, $1.volunteer) }
        return SubstitutesReport(
            community: community, slot: slot, team: team.sorted(), replacing: replaced,
            score: base.score, substitutes: substitutes,
            unsuitable: listUnsuitable ? unsuitable : [], unsuitableCount: unsuitable.count)
    }

    /// Whether one more patrol on `day` would exceed the volunteer's monthly limit or the
    /// daily or weekly rule: a hard rule broken whichever member they replace.
    private func atLimit(_ volunteer: Volunteer, _ day: LocalDate) -> Bool {
        let mine = patrolsOf[volunteer.id] ?? []
        let week = day.isoWeek
        return mine.count >= volunteer.maxShifts
            || mine.filter { $0.date == day }.count >= community.rules.maxShiftsPerDay
            || mine.filter { $0.date.isoWeek == week }.count >= community.rules.maxShiftsPerWeek
    }

    /// The option's score change and its reasons.
    private func substitute(
        _ volunteer: Volunteer, replacing: VolunteerID?, slot: PatrolSlot, base: RosterEvaluation,
        after: RosterEvaluation, schedule changed: Schedule
    ) -> Substitute {
        var deltas: [ScoreComponent: Int] = [:]
        for component in ScoreComponent.allCases {
            let delta = after.score[component].penalty - base.score[component].penalty
            if delta != 0 { deltas[component] = delta }
        }
        var reasons: [SubstituteReason] = []
        if let change = deltas[.uncovered], change < 0 {
            reasons.append(.fillsOpenPlace(change: change))
        }
        if let change = deltas[.noPartyMember] {
            reasons.append(.partyMember(gained: change < 0, change: change))
        }
        if let change = deltas[.noLeader] {
            reasons.append(.leader(gained: change < 0, change: change))
        }
        let gridChange = (deltas[.neighborGrid] ?? 0) + (deltas[.farGrid] ?? 0)
        if volunteer.homeGrid == slot.grid {
            reasons.append(.homeGrid)
        } else if community.grid(slot.grid)?.neighbors.contains(volunteer.homeGrid) == true
            || community.grid(volunteer.homeGrid)?.neighbors.contains(slot.grid) == true
        {
            reasons.append(.neighborGrid(change: gridChange))
        } else {
            reasons.append(.farGrid(change: gridChange))
        }
        let mine = changed.assignments.filter { $0.volunteer == volunteer.id }
        let week = slot.date.isoWeek
        reasons.append(
            .week(
                patrols: mine.filter { $0.date.isoWeek == week }.count,
                limit: community.rules.maxShiftsPerWeek))
        if mine.count >= volunteer.maxShifts {
            reasons.append(.monthLimitReached(limit: volunteer.maxShifts))
        }
        if let change = deltas[.fairness] { reasons.append(.fairness(change: change)) }
        if let change = deltas[.belowMinShifts] { reasons.append(.minShifts(change: change)) }
        for person in [volunteer.id] + (replacing.map { [$0] } ?? []) {
            for request in community.requests where request.volunteer == person {
                let before = honoured(request, schedule.assignments)
                let now = honoured(request, changed.assignments)
                if before != now {
                    reasons.append(
                        .request(
                            volunteer: person, kind: request.kind, line: request.line,
                            honoured: now,
                            weight: request.weight))
                }
            }
        }
        // Biggest effect first; facts keep their order.
        reasons = reasons.enumerated().sorted {
            (-abs($0.element.change), $0.offset) < (-abs($1.element.change), $1.offset)
        }.map(\.element)
        return Substitute(
            volunteer: volunteer.id, replacing: replacing,
            scoreChange: after.score.total - base.score.total, componentChanges: deltas,
            reasons: reasons)
    }

    /// Whether a request is honoured by these assignments (the contract's section 3a).
    private func honoured(_ request: PatrolRequest, _ assignments: [Assignment]) -> Bool {
        let inside = assignments.contains {
            $0.volunteer == request.volunteer && request.dates.contains($0.date)
                && community.month.contains($0.date) && request.periods.contains($0.period)
        }
        return request.kind == .on ? inside : !inside
    }
}

extension HardRule {
    /// The rule in plain words, for those who cannot join a team.
    var phrase: Phrase {
        switch self {
        case .availablePattern: Phrase(en: "not in their weekly pattern", zh: "不在可排时段内")
        case .unavailableDate: Phrase(en: "away that day", zh: "当天不可用")
        case .nightOK: Phrase(en: "does not do night patrols", zh: "不可夜巡")
        case .overlap: Phrase(en: "already on patrol or in training then", zh: "同一时间已有巡防或培训")
        case .maxShiftsPerDay: Phrase(en: "at the daily limit", zh: "已达每日上限")
        case .maxShiftsMonth: Phrase(en: "at their monthly limit", zh: "已达每月上限")
        case .maxShiftsPerWeek: Phrase(en: "at the weekly limit", zh: "已达每周上限")
        case .maxConsecutiveDays: Phrase(en: "would patrol too many days in a row", zh: "连续巡防天数超限")
        case .minRestHours: Phrase(en: "would rest too little between patrols", zh: "两次巡防间休息不足")
        case .sessionCapacity: Phrase(en: "training session full", zh: "培训名额已满")
        case .oneSessionPerVolunteer: Phrase(en: "already booked into a session", zh: "已安排培训")
        case .sessionUnavailableDate: Phrase(en: "away on their training day", zh: "培训当天不可用")
        case .trainBeforePatrol: Phrase(en: "not trained before this date", zh: "此前未完成培训")
        case .teamAboveDemand: Phrase(en: "the team is full", zh: "班组已满员")
        }
    }
}

extension SubstitutesReport {
    /// The ranked list as the terminal shows it, the first `limit` substitutes in full.
    public func text(_ language: Language, limit: Int) -> String {
        let words = Wording(community: community)
        let time = words.time(slot.date, slot.period).text(language)
        let grid = words.grid(slot.grid).text(language)
        let members = team.map { words.volunteer($0).text(language) }
        let separator = language == .zh ? "、" : ", "
        var lines: [String] = []
        switch language {
        case .en:
            lines.append(
                "substitutes (替补) for \(grid), \(time): team \(team.count)/\(slot.needed)"
                    + (members.isEmpty ? "" : ": " + members.joined(separator: separator)))
            lines.append(
                "score now \(score.total); each line gives the score change if the volunteer joins, and why"
            )
        case .zh:
            lines.append(
                "\(grid)\(time)的替补人选：班组\(team.count)/\(slot.needed)人"
                    + (members.isEmpty ? "" : "（" + members.joined(separator: separator) + "）"))
            lines.append("当前评分 \(score.total)；每行为该志愿者加入后的评分变化及原因")
        }
        for (rank, option) in substitutes.prefix(limit).enumerated() {
            let who = words.volunteer(option.volunteer).text(language)
            let role: String
            switch (option.replacing, language) {
            case (nil, .en): role = "takes an open place"
            case (nil, .zh): role = "补空缺"
            case (let replaced?, .en): role = "replaces " + words.volunteer(replaced).en
            case (let replaced?, .zh): role = "替换" + words.volunteer(replaced).zh
            }
            let change = option.scoreChange > 0 ? "+\(option.scoreChange)" : "\(option.scoreChange)"
            let entry = language == .zh ? "\(who)\(role)：\(change)" : "\(who) \(role): \(change)"
            lines.append(String(repeating: " ", count: rank < 9 ? 2 : 1) + "\(rank + 1). " + entry)
            lines.append(
                "      "
                    + option.reasons.map { $0.phrase(words).text(language) }.joined(
                        separator: language == .zh ? "；" : "; "))
        }
        for person in unsuitable {
            let why = person.rules.map { $0.phrase.text(language) }.joined(separator: separator)
            lines.append(
                "   - " + words.volunteer(person.volunteer).text(language)
                    + (language == .zh ? "：" : ": ") + why)
        }
        switch language {
        case .en:
            lines.append(
                "\(substitutes.count) could take a place, \(min(limit, substitutes.count)) shown; "
                    + "\(unsuitableCount) cannot without breaking a hard rule"
                    + (unsuitable.isEmpty && unsuitableCount > 0 ? " (--all lists them)" : ""))
        case .zh:
            lines.append(
                "共\(substitutes.count)人可替补，显示前\(min(limit, substitutes.count))人；"
                    + "\(unsuitableCount)人加入会违反硬性规则"
                    + (unsuitable.isEmpty && unsuitableCount > 0 ? "（--all 列出原因）" : ""))
        }
        return lines.joined(separator: "\n")
    }
}
