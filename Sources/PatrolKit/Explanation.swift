import PatrolChecker
import PatrolModel

/// What a finding of an explanation is about, for tests and tools that look past the words.
public enum ExplanationCause: String, CaseIterable, Sendable {
    // A volunteer's load.
    case load, fairness, carryOver, unused
    case monthlyLimit, weeklyLimit
    case weeklyPattern, unavailableDates, noNightPatrols
    case trained, untrained, missedTraining
    case minShiftsMet, belowMinShifts
    case requestHonoured, requestBroken
    case homeGrid, neighborGrid, farGrid
    // Why a team is short.
    case nobodyAvailable, noNightVolunteer, everybodyAtLimits, cheaperShort
    // What a team carries.
    case noPartyMember, noLeader
    // The schedule as a whole.
    case scoreComponent, staffing
}

/// One statement of an explanation.
public struct Finding: Sendable, Hashable {
    public var cause: ExplanationCause
    public var phrase: Phrase
    /// The points this finding adds to the score; 0 for a fact that costs nothing by itself.
    public var penalty: Int

    public init(_ cause: ExplanationCause, _ phrase: Phrase, penalty: Int = 0) {
        self.cause = cause
        self.phrase = phrase
        self.penalty = penalty
    }
}

/// A heading and its findings.
public struct ExplanationSection: Sendable, Hashable {
    public var heading: Phrase
    public var findings: [Finding]
}

/// A plain-words explanation of a schedule, or of one volunteer, grid or date in it.
public struct Explanation: Sendable, Hashable {
    public var title: Phrase
    public var sections: [ExplanationSection]

    /// Every cause mentioned.
    public var causes: Set<ExplanationCause> { Set(sections.flatMap { $0.findings.map(\.cause) }) }

    /// Every finding, in order.
    public var findings: [Finding] { sections.flatMap(\.findings) }

    public func text(_ language: Language) -> String {
        var lines = [title.text(language)]
        for section in sections {
            lines.append("")
            lines.append(section.heading.text(language))
            lines += section.findings.map { "  - " + $0.phrase.text(language) }
        }
        return lines.joined(separator: "\n")
    }
}

/// Explains a schedule in plain words, Chinese and English: why a slot is short, why a
/// volunteer has the load they have, which penalties a team carries.
///
/// Scores come from the independent `RosterChecker`, short slots from `ShortfallAnalysis`;
/// the rest is read off the community and the schedule directly.
public struct Explainer: Sendable {
    public let community: Community
    public let schedule: Schedule
    private let evaluation: RosterEvaluation
    private let shortfalls: [Shortfall]
    private let words: Wording
    private let patrolsOf: [VolunteerID: [Assignment]]
    private let teams: [TeamKey: [VolunteerID]]

    private struct TeamKey: Hashable {
        var grid: GridID
        var date: LocalDate
        var period: PeriodID
    }

    public init(community: Community, schedule: Schedule) {
        self.community = community
        self.schedule = schedule
        evaluation = RosterChecker(community: community).evaluate(schedule)
        shortfalls = ShortfallAnalysis(community: community).shortfalls(in: schedule)
        words = Wording(community: community)
        var patrolsOf: [VolunteerID: [Assignment]] = [:]
        var teams: [TeamKey: [VolunteerID]] = [:]
        for a in schedule.assignments {
            patrolsOf[a.volunteer, default: []].append(a)
            teams[TeamKey(grid: a.grid, date: a.date, period: a.period), default: []].append(
                a.volunteer)
        }
        self.patrolsOf = patrolsOf
        self.teams = teams
    }

    // MARK: - The whole schedule

    /// The score by component in plain words, and why the short slots are short.
    public func overview() -> Explanation {
        let score = evaluation.score
        var components: [Finding] = []
        for component in ScoreComponent.allCases where score[component].penalty != 0 {
            components.append(
                Finding(
                    .scoreComponent, Self.phrase(component, score[component]),
                    penalty: score[component].penalty))
        }
        if components.isEmpty {
            components.append(
                Finding(.scoreComponent, Phrase(en: "no penalty at all", zh: "没有任何扣分")))
        }
        var sections = [
            ExplanationSection(
                heading: Phrase(en: "Score by component:", zh: "评分构成："), findings: components)
        ]
        var byCause: [ExplanationCause: (slots: Int, missing: Int, penalty: Int)] = [:]
        for shortfall in shortfalls {
            let cause = Self.cause(shortfall.reason)
            byCause[cause, default: (0, 0, 0)].slots += 1
            byCause[cause, default: (0, 0, 0)].missing += shortfall.missing
            byCause[cause, default: (0, 0, 0)].penalty += uncoveredPenalty(shortfall)
        }
        var short: [Finding] = []
        for cause in ExplanationCause.allCases {
            guard let total = byCause[cause] else { continue }
            let reason = Self.causePhrase(cause)
            short.append(
                Finding(
                    cause,
                    Phrase(
                        en:
                            "\(Wording.count(total.slots, "slot")), \(total.missing) places: \(reason.en)"
                            + Wording.points(total.penalty),
                        zh: "\(total.slots)个班次、\(total.missing)个岗位：\(reason.zh)"
                            + Wording.points(total.penalty)),
                    penalty: total.penalty))
        }
        if short.isEmpty {
            short.append(
                Finding(.staffing, Phrase(en: "every team is fully staffed", zh: "全部班组满员")))
        }
        sections.append(
            ExplanationSection(
                heading: Phrase(en: "Short slots, by reason:", zh: "缺岗原因："), findings: short))
        return Explanation(
            title: Phrase(
                en: "\(community.name) \(community.month): score \(score.total), coverage "
                    + "\(SummaryText.format(evaluation.kpi.coveragePercent))%; ask about one volunteer, grid or date "
                    + "with --volunteer, --grid or --date",
                zh: "\(community.name) \(community.month)：评分\(score.total)，覆盖率"
                    + "\(SummaryText.format(evaluation.kpi.coveragePercent))%；可用 --volunteer、--grid 或 --date 查看详情"
            ),
            sections: sections)
    }

    // MARK: - One volunteer

    /// Why a volunteer has the load they have: limits, availability, training, `min_shifts`,
    /// requests, and fairness against the average.
    public func volunteer(_ text: String) throws(ScheduleQueryError) -> Explanation {
        let volunteer = try community.resolveVolunteer(text)
        let mine = (patrolsOf[volunteer.id] ?? []).sorted { $0.date < $1.date }
        let count = mine.count
        let minutes = mine.reduce(0) { $0 + (community.period($1.period)?.durationMinutes ?? 0) }
        let name = words.volunteer(volunteer.id)
        let kpi = evaluation.kpi
        let average =
            kpi.volunteers > 0 ? Double(kpi.assignedVolunteerShifts) / Double(kpi.volunteers) : 0

        var load: [Finding] = []
        load.append(
            Finding(
                .load,
                Phrase(
                    en:
                        "\(Wording.count(count, "patrol")), \(SummaryText.format(Double(minutes) / 60)) hours this month; "
                        + "the average is \(SummaryText.format(average)) (median \(SummaryText.format(kpi.shiftsMedian)))",
                    zh: "本月巡防\(count)次，共\(SummaryText.format(Double(minutes) / 60))小时；"
                        + "全体平均\(SummaryText.format(average))次（中位数\(SummaryText.format(kpi.shiftsMedian))次）"
                )))
        load += gridFindings(volunteer, mine)
        let carry = evaluation.carryOver[volunteer.id] ?? 0
        let weight = community.weights.fairness
        let counted = count + carry
        load.append(
            Finding(
                .fairness,
                Phrase(
                    en: "fairness: "
                        + (carry > 0 ? "(\(count) + \(carry) carried over)" : "\(count)")
                        + "² × \(weight) = \(weight * counted * counted); one more patrol would add "
                        + "\(weight * (2 * counted + 1)), so patrols go to those with fewer first",
                    zh: "公平性：" + (carry > 0 ? "(\(count)+结转\(carry))" : "\(count)") + "²×\(weight)="
                        + "\(weight * counted * counted)；再多排一次将增加\(weight * (2 * counted + 1))分，"
                        + "所以优先安排次数少的人"),
                penalty: weight * counted * counted))
        if carry > 0 {
            let first = community.month.adding(months: -3)
            let last = community.month.adding(months: -1)
            load.append(
                Finding(
                    .carryOver,
                    Phrase(
                        en:
                            "carries over \(carry) from \(first)..\(last): they patrolled more than the group "
                            + "average then, so they are given fewer now",
                        zh: "从\(first)至\(last)结转\(carry)次：前三个月比大家平均多巡防，本月相应少排")))
        }
        if count == 0 { load.append(unusedFinding(volunteer)) }

        var limits: [Finding] = []
        if count >= volunteer.maxShifts {
            limits.append(
                Finding(
                    .monthlyLimit,
                    Phrase(
                        en: "at their monthly limit of \(volunteer.maxShifts) (max_shifts)",
                        zh: "已达每月上限\(volunteer.maxShifts)次")))
        }
        // Weeks named by their Monday, which may fall in the month before.
        let weekLimit = community.rules.maxShiftsPerWeek
        var perWeek: [LocalDate: Int] = [:]
        for a in mine { perWeek[a.date.adding(days: -a.date.weekday.rawValue), default: 0] += 1 }
        let fullWeeks = perWeek.filter { $0.value >= weekLimit }.keys.sorted()
        if !fullWeeks.isEmpty {
            let list = fullWeeks.map { words.date($0) }
            limits.append(
                Finding(
                    .weeklyLimit,
                    Phrase(
                        en: "at the weekly limit of \(weekLimit) in the weeks starting "
                            + list.map(\.en).joined(separator: ", "),
                        zh: "在" + list.map(\.zh).joined(separator: "、") + "起的一周达到每周上限\(weekLimit)次")
                ))
        }
        limits += availabilityFindings(volunteer)

        var training: [Finding] = []
        let session = schedule.attendance.first { $0.volunteer == volunteer.id }.flatMap {
            community.session($0.session)
        }
        if let trainedOn = volunteer.trainedOn {
            training.append(
                Finding(.trained, Phrase(en: "trained on \(trainedOn)", zh: "已于\(trainedOn)完成培训")))
        } else if community.rules.trainBeforePatrol {
            training.append(
                Finding(
                    .untrained,
                    session.map { s in
                        Phrase(
                            en: "never trained: patrols only after their session on \(s.date)",
                            zh: "从未培训：\(s.date)参加培训后才能巡防")
                    }
                        ?? Phrase(
                            en: "never trained and no session this month: cannot patrol",
                            zh: "从未培训且本月未安排培训：不能巡防")))
        }
        if let session {
            training.append(
                Finding(
                    .trained,
                    Phrase(
                        en: "attends session \(session.id) on \(session.date) (\(session.topic))",
                        zh: "参加\(session.date)的培训\(session.id)（\(session.topic)）")))
        } else if community.rules.trainingRequired && !community.sessions.isEmpty {
            training.append(
                Finding(
                    .missedTraining,
                    Phrase(
                        en: "no training session this month"
                            + Wording.points(community.weights.missedTraining),
                        zh: "本月未安排培训" + Wording.points(community.weights.missedTraining)),
                    penalty: community.weights.missedTraining))
        }

        var commitments: [Finding] = []
        if volunteer.minShifts > 0 {
            let short = max(0, volunteer.minShifts - count)
            let penalty = short * community.weights.belowMinShifts
            commitments.append(
                short == 0
                    ? Finding(
                        .minShiftsMet,
                        Phrase(
                            en:
                                "committed to at least \(volunteer.minShifts) patrols (min_shifts): met",
                            zh: "承诺每月至少\(volunteer.minShifts)次：已达到"))
                    : Finding(
                        .belowMinShifts,
                        Phrase(
                            en:
                                "committed to at least \(volunteer.minShifts) patrols (min_shifts): \(short) short"
                                + Wording.points(penalty),
                            zh: "承诺每月至少\(volunteer.minShifts)次：还差\(short)次"
                                + Wording.points(penalty)),
                        penalty: penalty))
        }
        for request in community.requests where request.volunteer == volunteer.id {
            commitments.append(requestFinding(request, mine))
        }

        var sections = [
            ExplanationSection(heading: Phrase(en: "Load:", zh: "工作量："), findings: load),
            ExplanationSection(
                heading: Phrase(en: "Limits and availability:", zh: "上限与可排时间："), findings: limits),
            ExplanationSection(heading: Phrase(en: "Training:", zh: "培训："), findings: training),
            ExplanationSection(
                heading: Phrase(en: "Commitments and requests:", zh: "承诺与意愿："),
                findings: commitments),
        ]
        sections.removeAll { $0.findings.isEmpty }
        let home = words.grid(volunteer.homeGrid)
        return Explanation(
            title: Phrase(en: "\(name.en), home grid \(home.en)", zh: "\(name.zh)，所属网格\(home.zh)"),
            sections: sections)
    }

    private func gridFindings(_ volunteer: Volunteer, _ mine: [Assignment]) -> [Finding] {
        var home = 0
        var neighbor = 0
        var far = 0
        let neighbors = community.grid(volunteer.homeGrid)?.neighbors ?? []
        for a in mine {
            if a.grid == volunteer.homeGrid {
                home += 1
            } else if neighbors.contains(a.grid)
                || community.grid(a.grid)?.neighbors.contains(volunteer.homeGrid) == true
            {
                neighbor += 1
            } else {
                far += 1
            }
        }
        var findings: [Finding] = []
        if home > 0 {
            findings.append(
                Finding(.homeGrid, Phrase(en: "\(home) in the home grid", zh: "\(home)次在本网格")))
        }
        if neighbor > 0 {
            let penalty = neighbor * community.weights.neighborGrid
            findings.append(
                Finding(
                    .neighborGrid,
                    Phrase(
                        en: "\(neighbor) in a neighbouring grid" + Wording.points(penalty),
                        zh: "\(neighbor)次在相邻网格" + Wording.points(penalty)), penalty: penalty))
        }
        if far > 0 {
            let penalty = far * community.weights.farGrid
            findings.append(
                Finding(
                    .farGrid,
                    Phrase(
                        en: "\(far) in a far grid" + Wording.points(penalty),
                        zh: "\(far)次在非相邻网格" + Wording.points(penalty)),
                    penalty: penalty))
        }
        return findings
    }

    /// The weekly pattern, dates away and night permission, against the month's demand.
    private func availabilityFindings(_ volunteer: Volunteer) -> [Finding] {
        struct Cell: Hashable {
            var date: LocalDate
            var period: PeriodID
        }
        let demanded = Set(community.slots.map { Cell(date: $0.date, period: $0.period) })
        var findings: [Finding] = []
        let byPattern = demanded.filter {
            volunteer.availability.allows($0.date.weekday, $0.period)
        }
        if byPattern.count < demanded.count {
            findings.append(
                Finding(
                    .weeklyPattern,
                    Phrase(
                        en:
                            "their weekly pattern (available) allows \(byPattern.count) of the month's "
                            + "\(demanded.count) patrol times",
                        zh: "可排时段只覆盖本月\(demanded.count)个巡防时间中的\(byPattern.count)个")))
        }
        let away = community.month.dates.filter { volunteer.isUnavailable(on: $0) }
        if !away.isEmpty {
            let ranges = volunteer.unavailable.compactMap { range -> DateRange? in
                let first = max(range.first, community.month.firstDate)
                let last = min(range.last, community.month.lastDate)
                return first <= last ? DateRange(first: first, last: last) : nil
            }
            let list = ranges.map(\.description)
            findings.append(
                Finding(
                    .unavailableDates,
                    Phrase(
                        en:
                            "away \(list.joined(separator: ", ")) (\(Wording.count(away.count, "day")) this month)",
                        zh: "\(list.joined(separator: "、"))不可用（本月共\(away.count)天）")))
        }
        let nightPeriods = Set(community.periods.filter(\.isNight).map(\.id))
        if !volunteer.nightOK && demanded.contains(where: { nightPeriods.contains($0.period) }) {
            findings.append(
                Finding(
                    .noNightPatrols,
                    Phrase(en: "does not do night patrols (night_ok: no)", zh: "不可夜巡，夜间班次不排")))
        }
        return findings
    }

    /// Why a volunteer has no patrol at all.
    private func unusedFinding(_ volunteer: Volunteer) -> Finding {
        let nightPeriods = Set(community.periods.filter(\.isNight).map(\.id))
        let free = community.slots.filter {
            volunteer.availability.allows($0.date.weekday, $0.period)
                && !volunteer.isUnavailable(on: $0.date)
                && (volunteer.nightOK || !nightPeriods.contains($0.period))
        }
        if free.isEmpty {
            return Finding(
                .unused,
                Phrase(
                    en:
                        "no patrol: no team is needed at a time their pattern, dates and night permission allow",
                    zh: "未排班：没有与其可排时段、日期和夜巡许可相符的巡防需求"))
        }
        return Finding(
            .unused,
            Phrase(
                en:
                    "no patrol: \(free.count) patrols fit their availability, but those teams are filled "
                    + "at a lower score with others",
                zh: "未排班：有\(free.count)个巡防班次与其可排时间相符，但由其他人排班评分更低"))
    }

    private func requestFinding(_ request: PatrolRequest, _ mine: [Assignment]) -> Finding {
        let inside = mine.contains {
            request.dates.contains($0.date) && request.periods.contains($0.period)
        }
        let honoured = request.kind == .on ? inside : !inside
        let periods =
            Set(community.periods.map(\.id)).isSubset(of: request.periods)
            ? Phrase(en: "any period", zh: "全天")
            : Phrase(
                en: request.periods.sorted().map(\.rawValue).joined(separator: ", "),
                zh: community.periods.filter { request.periods.contains($0.id) }.map(\.name).joined(
                    separator: "、"))
        let wish =
            request.kind == .on
            ? Phrase(
                en: "asked to patrol \(request.dates), \(periods.en)",
                zh: "希望在\(request.dates)（\(periods.zh)）排班")
            : Phrase(
                en: "asked to be free \(request.dates), \(periods.en)",
                zh: "希望\(request.dates)（\(periods.zh)）不排班")
        let line = Phrase(
            en: " (requests.csv line \(request.line), weight \(request.weight))",
            zh: "（requests.csv 第\(request.line)行，权重\(request.weight)）")
        return honoured
            ? Finding(
                .requestHonoured,
                Phrase(en: wish.en + line.en + ": honoured", zh: wish.zh + line.zh + "：已满足"))
            : Finding(
                .requestBroken,
                Phrase(
                    en: wish.en + line.en + ": not honoured" + Wording.points(request.weight),
                    zh: wish.zh + line.zh + "：未满足" + Wording.points(request.weight)),
                penalty: request.weight)
    }

    // MARK: - Teams: one grid, or one date

    /// The grid's staffing, why its short slots are short, and the penalties its teams carry.
    public func grid(_ text: String) throws(ScheduleQueryError) -> Explanation {
        let grid = try community.resolveGrid(text)
        let name = words.grid(grid.id)
        let risk = ["", "low", "medium", "high"][min(max(grid.risk, 1), 3)]
        let riskZh = ["", "低", "中", "高"][min(max(grid.risk, 1), 3)]
        return teamsExplanation(
            title: Phrase(
                en: "\(name.en): risk \(grid.risk) (\(risk))"
                    + (grid.needsLeader ? ", needs a leader in every team" : ""),
                zh: "\(name.zh)：风险等级\(riskZh)" + (grid.needsLeader ? "，每个班组需要队长" : "")),
            slots: community.slots.filter { $0.grid == grid.id })
    }

    /// The day's teams in every grid: why the short ones are short, which carry penalties.
    public func date(_ date: LocalDate) throws(ScheduleQueryError) -> Explanation {
        let day = try community.checkInMonth(date)
        let name = words.date(day)
        return teamsExplanation(
            title: Phrase(en: "\(name.en), every grid", zh: "\(name.zh)，全部网格"),
            slots: community.slots.filter { $0.date == day })
    }

    private func teamsExplanation(title: Phrase, slots: [PatrolSlot]) -> Explanation {
        let needed = slots.reduce(0) { $0 + $1.needed }
        let covered = slots.reduce(0) {
            $0
                + min(
                    $1.needed,
                    teams[TeamKey(grid: $1.grid, date: $1.date, period: $1.period)]?.count ?? 0)
        }
        let percent = needed > 0 ? 100 * Double(covered) / Double(needed) : 100
        var sections: [ExplanationSection] = []
        var penalised = 0
        var total = 0
        for slot in slots {
            let findings = teamFindings(slot)
            guard !findings.isEmpty else { continue }
            penalised += 1
            total += findings.reduce(0) { $0 + $1.penalty }
            let time = words.time(slot.date, slot.period)
            let grid = words.grid(slot.grid)
            let size =
                teams[TeamKey(grid: slot.grid, date: slot.date, period: slot.period)]?.count ?? 0
            sections.append(
                ExplanationSection(
                    heading: Phrase(
                        en: "\(time.en), \(grid.en) (\(size)/\(slot.needed)):",
                        zh: "\(time.zh)，\(grid.zh)（\(size)/\(slot.needed)人）："),
                    findings: findings))
        }
        let summary = Finding(
            .staffing,
            Phrase(
                en:
                    "\(Wording.count(slots.count, "team")) needed, \(covered) of \(needed) places staffed "
                    + "(\(SummaryText.format(percent))%); \(penalised) teams carry penalties, \(total) points in all",
                zh:
                    "需要\(slots.count)个班组，\(needed)个岗位中已排\(covered)个（\(SummaryText.format(percent))%）；"
                    + "\(penalised)个班组有扣分，共\(total)分"),
            penalty: total)
        return Explanation(
            title: title,
            sections: [
                ExplanationSection(
                    heading: Phrase(en: "Staffing:", zh: "排班情况："), findings: [summary])
            ]
                + sections)
    }

    /// What one team costs and why: short places with their reason, no Party member, no
    /// leader, members from other grids, members who asked to be free then.
    private func teamFindings(_ slot: PatrolSlot) -> [Finding] {
        let members = (teams[TeamKey(grid: slot.grid, date: slot.date, period: slot.period)] ?? [])
            .sorted()
        let people = members.compactMap { community.volunteer($0) }
        let weights = community.weights
        var findings: [Finding] = []
        if let shortfall = shortfalls.first(where: {
            $0.slot.grid == slot.grid && $0.slot.date == slot.date && $0.slot.period == slot.period
        }) {
            let reason = Self.reasonPhrase(shortfall.reason)
            let penalty = uncoveredPenalty(shortfall)
            findings.append(
                Finding(
                    Self.cause(shortfall.reason),
                    Phrase(
                        en: "\(shortfall.missing) of \(slot.needed) places empty: \(reason.en)"
                            + Wording.points(penalty),
                        zh: "\(slot.needed)个岗位空缺\(shortfall.missing)个：\(reason.zh)"
                            + Wording.points(penalty)),
                    penalty: penalty))
        }
        guard !people.isEmpty else { return findings }
        if !people.contains(where: \.isPartyMember) {
            findings.append(
                Finding(
                    .noPartyMember,
                    Phrase(
                        en: "no Party member in the team" + Wording.points(weights.noPartyMember),
                        zh: "班组无党员" + Wording.points(weights.noPartyMember)),
                    penalty: weights.noPartyMember))
        }
        if community.grid(slot.grid)?.needsLeader == true && !people.contains(where: \.isLeader) {
            findings.append(
                Finding(
                    .noLeader,
                    Phrase(
                        en: "no leader, and the grid needs one" + Wording.points(weights.noLeader),
                        zh: "该网格需要队长，班组无队长" + Wording.points(weights.noLeader)),
                    penalty: weights.noLeader))
        }
        let neighbors = community.grid(slot.grid)?.neighbors ?? []
        var near: [VolunteerID] = []
        var far: [VolunteerID] = []
        for person in people where person.homeGrid != slot.grid {
            if neighbors.contains(person.homeGrid)
                || community.grid(person.homeGrid)?.neighbors.contains(slot.grid) == true
            {
                near.append(person.id)
            } else {
                far.append(person.id)
            }
        }
        for (ids, cause, weight, en, zh) in [
            (far, ExplanationCause.farGrid, weights.farGrid, "from a far grid", "来自非相邻网格"),
            (near, .neighborGrid, weights.neighborGrid, "from a neighbouring grid", "来自相邻网格"),
        ] where !ids.isEmpty {
            let penalty = ids.count * weight
            findings.append(
                Finding(
                    cause,
                    Phrase(
                        en: ids.map { words.volunteer($0).en }.joined(separator: ", ") + " " + en
                            + Wording.points(penalty),
                        zh: ids.map { words.volunteer($0).zh }.joined(separator: "、") + zh
                            + Wording.points(penalty)),
                    penalty: penalty))
        }
        for request in community.requests
        where request.kind == .off && members.contains(request.volunteer)
            && request.dates.contains(slot.date)
            && request.periods.contains(slot.period)
        {
            let who = words.volunteer(request.volunteer)
            findings.append(
                Finding(
                    .requestBroken,
                    Phrase(
                        en: "\(who.en) asked to be free then (requests.csv line \(request.line))"
                            + Wording.points(request.weight),
                        zh: "\(who.zh)希望此时不排班（requests.csv 第\(request.line)行）"
                            + Wording.points(request.weight)),
                    penalty: request.weight))
        }
        return findings
    }

    private func uncoveredPenalty(_ shortfall: Shortfall) -> Int {
        shortfall.missing * community.weights.uncovered
            * (community.grid(shortfall.slot.grid)?.risk ?? 1)
    }

    // MARK: - Words for reasons and components

    static func cause(_ reason: ShortfallReason) -> ExplanationCause {
        switch reason {
        case .nobodyAvailable: .nobodyAvailable
        case .noNightVolunteer: .noNightVolunteer
        case .everybodyAtLimits: .everybodyAtLimits
        case .cheaperShort: .cheaperShort
        }
    }

    static func causePhrase(_ cause: ExplanationCause) -> Phrase {
        switch cause {
        case .nobodyAvailable:
            Phrase(en: "nobody available then", zh: "无人可排")
        case .noNightVolunteer:
            Phrase(en: "no night volunteer free then", zh: "无可夜巡志愿者")
        case .everybodyAtLimits:
            Phrase(en: "everyone free then is at a limit", zh: "有空的志愿者均已达上限")
        default:
            Phrase(en: "cheaper left short with these weights", zh: "按权重留空更划算")
        }
    }

    static func reasonPhrase(_ reason: ShortfallReason) -> Phrase {
        switch reason {
        case .nobodyAvailable:
            return Phrase(
                en: "nobody available: no volunteer's weekly pattern and dates allow this time",
                zh: "无人可排：没有志愿者的可排时段和日期覆盖此时")
        case .noNightVolunteer:
            return Phrase(
                en: "no night volunteer: those free then lack night_ok",
                zh: "无可夜巡志愿者：此时有空的志愿者均不可夜巡")
        case .everybodyAtLimits(let blocks):
            let total = blocks.values.reduce(0, +)
            let sorted = blocks.sorted { ($0.value, $1.key.rawValue) > ($1.value, $0.key.rawValue) }
            return Phrase(
                en: "all \(total) free volunteers are at a limit: "
                    + sorted.map { "\($0.value) \($0.key.rawValue)" }.joined(separator: ", "),
                zh: "有空的\(total)名志愿者均已达上限："
                    + sorted.map { "\($0.value)人\($0.key.chinese)" }.joined(separator: "，"))
        case .cheaperShort(let count):
            return Phrase(
                en:
                    "\(count) volunteers could still join, but with the weights the team is cheaper short "
                    + "(a far grid, a broken request or fairness would cost more)",
                zh: "仍有\(count)名志愿者可加入，但按权重留空更划算（跨网格、违背意愿或公平性的扣分更高）")
        }
    }

    static func phrase(_ component: ScoreComponent, _ line: ScoreLine) -> Phrase {
        let n = line.count
        let points = Wording.points(line.penalty)
        switch component {
        case .uncovered:
            return Phrase(
                en:
                    "\(Wording.count(n, "place")) left empty, each weighted by its grid's risk\(points)",
                zh: "\(n)个岗位空缺（按网格风险加权）\(points)")
        case .noPartyMember:
            return Phrase(
                en: "\(Wording.count(n, "team")) without a Party member\(points)",
                zh: "\(n)个班组无党员\(points)")
        case .noLeader:
            return Phrase(
                en:
                    "\(Wording.count(n, "team")) without a leader where the grid needs one\(points)",
                zh: "\(n)个需队长的班组无队长\(points)")
        case .missedTraining:
            return Phrase(
                en: "\(Wording.count(n, "volunteer")) without a training session\(points)",
                zh: "\(n)名志愿者未安排培训\(points)"
            )
        case .belowMinShifts:
            return Phrase(
                en:
                    "\(Wording.count(n, "patrol")) short of what volunteers committed to (min_shifts)\(points)",
                zh: "距志愿者承诺的每月下限共差\(n)次\(points)")
        case .fairness:
            return Phrase(
                en:
                    "fairness: the squares of each volunteer's patrols (with carry-over) add up to \(n)\(points)",
                zh: "公平性：各人巡防次数（含结转）的平方和为\(n)\(points)")
        case .neighborGrid:
            return Phrase(
                en: "\(Wording.count(n, "patrol")) in a neighbouring grid\(points)",
                zh: "\(n)次在相邻网格巡防\(points)")
        case .farGrid:
            return Phrase(
                en: "\(Wording.count(n, "patrol")) in a far grid\(points)",
                zh: "\(n)次在非相邻网格巡防\(points)")
        case .requests:
            return Phrase(
                en: "\(Wording.count(n, "request")) not honoured\(points)",
                zh: "\(n)条排班意愿未满足\(points)")
        }
    }
}

extension LimitBlock {
    /// The block in Chinese.
    var chinese: String {
        switch self {
        case .sameTime: "同一时间已有巡防或培训"
        case .monthLimit: "已达每月上限"
        case .weekLimit: "已达每周上限"
        case .dayLimit: "已达每日上限"
        case .consecutiveDays: "连续巡防天数超限"
        case .rest: "休息时间不足"
        case .untrained: "此前未完成培训"
        }
    }
}
