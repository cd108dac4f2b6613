import PatrolModel

/// Every word, header and date an export writes, in the export's language.
///
/// Chinese follows how community offices write: `2026年12月5日`, `周六`, 是/否, period names
/// as `community.yaml` gives them. English keeps ISO dates and period ids, like the contract
/// files.
struct ExportText {
    let language: ExportLanguage

    private var zh: Bool { language == .zh }
    private func pick(_ chinese: String, _ english: String) -> String { zh ? chinese : english }

    // MARK: - Dates and values

    func date(_ date: LocalDate) -> String {
        let (year, month, day) = date.components
        return zh ? "\(year)年\(month)月\(day)日" : date.description
    }

    func weekday(_ date: LocalDate) -> String {
        zh ? date.weekday.chineseName : date.weekday.englishAbbreviation
    }

    /// `2026年12月` or `December 2026`.
    func month(_ month: Month) -> String {
        if zh { return "\(month.year)年\(month.month)月" }
        let names = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December",
        ]
        return "\(names[month.month - 1]) \(month.year)"
    }

    /// The period's name in Chinese (its id when it has none), its id in English.
    func period(_ period: Period) -> String {
        zh && !period.name.isEmpty ? period.name : period.id.rawValue
    }

    func yesNo(_ value: Bool) -> String { value ? pick("是", "yes") : pick("否", "no") }
    func role(isLeader: Bool) -> String { isLeader ? pick("队长", "leader") : pick("队员", "member") }

    func risk(_ level: Int) -> String {
        switch level {
        case 3: pick("高", "high")
        case 2: pick("中", "medium")
        default: pick("低", "low")
        }
    }

    /// The group name of volunteers whose branch is empty.
    var noBranch: String { pick("未填支部", "no branch") }

    // MARK: - Tables (CSV files and workbook sheets)

    var rosterName: String { pick("排班表", "roster") }
    var summaryName: String { pick("汇总", "Summary") }
    var trainingsName: String { pick("培训", "trainings") }
    var hoursName: String { pick("服务时长", "hours") }
    var total: String { pick("合计", "total") }

    var rosterHeader: [String] {
        zh
            ? ["日期", "星期", "时段", "开始", "结束", "网格编号", "网格", "编号", "姓名", "电话", "党员", "角色", "支部"]
            : [
                "date", "weekday", "period", "start", "end", "grid", "grid_name", "volunteer",
                "volunteer_name", "phone", "party_member", "role", "branch",
            ]
    }

    var summaryHeader: [String] {
        zh
            ? ["网格编号", "网格", "风险等级", "班次", "需要人次", "已排人次", "缺员人次", "覆盖率(%)", "无党员班组", "无队长班组"]
            : [
                "grid", "grid_name", "risk", "teams", "needed", "assigned", "short",
                "coverage_percent", "teams_without_party_member", "teams_without_leader",
            ]
    }

    var trainingsHeader: [String] {
        zh
            ? ["培训编号", "主题", "日期", "星期", "开始", "结束", "地点", "编号", "姓名", "电话"]
            : [
                "session", "topic", "date", "weekday", "start", "end", "location", "volunteer",
                "volunteer_name", "phone",
            ]
    }

    var hoursHeader: [String] {
        zh
            ? ["编号", "姓名", "电话", "党员", "支部", "所属网格", "巡防次数", "服务时长(小时)", "培训"]
            : [
                "volunteer", "name", "phone", "party_member", "branch", "home_grid", "patrols",
                "hours", "session",
            ]
    }

    // MARK: - Calendars (ICS)

    var patrol: String { pick("巡防", "Patrol") }
    var training: String { pick("培训", "Training") }
    var calendarName: String { pick("巡防排班", "patrol roster") }
    var gridLabel: String { pick("网格", "Grid") }
    var riskLabel: String { pick("风险", "risk") }
    var periodLabel: String { pick("时段", "Period") }
    var leaderLabel: String { pick("队长", "Leader") }
    var teamLabel: String { pick("同班队员", "Team mates") }
    var yourself: String { pick("本人", "you") }
    var partyMark: String { pick("党员", "Party member") }
    var topicLabel: String { pick("主题", "Topic") }
    var locationLabel: String { pick("地点", "Location") }
    var attendeesLabel: String { pick("参加人数", "Attendees") }
    var reminder: String { pick("一小时后开始", "Starts in one hour") }
    var listSeparator: String { pick("、", ", ") }
    var clauseSeparator: String { pick("，", ", ") }
    var colon: String { pick("：", ": ") }

    /// ` (G01)` or `（G01）` after a name.
    func parenthesised(_ text: String) -> String { zh ? "（\(text)）" : " (\(text))" }

    // MARK: - The printed page (HTML)

    func pageTitle(community: String, month: Month) -> String {
        zh ? "\(community) \(self.month(month)) 平安巡防排班表" : "\(community): patrol roster, \(self.month(month))"
    }

    var weekdayHeaders: [String] {
        Weekday.allCases.map { zh ? $0.chineseName : $0.englishAbbreviation }
    }

    var legend: String {
        pick("★ 队长　党 党员　缺n 缺员n人", "★ leader　党 Party member　−n n volunteers short")
    }

    func short(_ count: Int) -> String { zh ? "缺\(count)" : "−\(count)" }
    var gridLeaders: String { pick("本月队长", "Leaders this month") }
    var needsLeader: String { pick("需队长", "needs a leader") }
    func andMore(_ count: Int) -> String { zh ? " 等另外\(count)人" : " and \(count) more" }
    var noLeadersYet: String { pick("（尚未排定）", "(none yet)") }
    var coverageTitle: String { pick("覆盖情况（网格 × 日期）", "Coverage by grid and day") }

    var coverageLegend: [(cssClass: String, label: String)] {
        [
            ("c4", pick("满员", "full")), ("c3", pick("≥75%", "≥75%")), ("c2", pick("≥50%", "≥50%")),
            ("c1", pick("<50%", "<50%")), ("c0", pick("无人", "nobody")), ("none", pick("无巡防", "no patrol")),
        ]
    }

    var trainingsTitle: String { pick("培训安排", "Training sessions") }

    var trainingsColumns: [String] {
        zh ? ["主题", "日期", "时间", "地点", "名额", "参加人员"] : ["Topic", "Date", "Time", "Location", "Places", "Attendees"]
    }

    var unlimited: String { pick("不限", "open") }
    var noTrainings: String { pick("本月无培训。", "No training this month.") }
    var honourTitle: String { pick("服务时长红榜", "Service honour roll") }

    var honourColumns: [String] {
        zh ? ["名次", "姓名", "支部", "所属网格", "巡防次数", "服务时长(小时)"] : ["Rank", "Name", "Branch", "Home grid", "Patrols", "Hours"]
    }

    var noService: String { pick("本月尚无服务记录。", "No service yet this month.") }

    func overview(teams: Int, coverage: String, volunteers: Int) -> String {
        zh
            ? "共 \(teams) 个班次，覆盖率 \(coverage)%，\(volunteers) 名志愿者参加巡防"
            : "\(teams) patrols, \(coverage)% covered, \(volunteers) volunteers on patrol"
    }

    // MARK: - Comparisons of schedules (CSV and page)

    /// The file's stem: `情景对比` or `scenario_comparison`, names no roster export uses.
    var comparisonName: String { pick("情景对比", "scenario_comparison") }
    var comparisonTitle: String { pick("排班情景对比", "Roster scenarios compared") }
    var comparisonHeader: [String] { zh ? ["类别", "指标"] : ["section", "figure"] }
    func change(of column: String) -> String { zh ? "\(column) 较基准" : "\(column): change" }

    var scoreSection: String { pick("评分", "Score") }
    var totalScore: String { pick("总分", "Total score") }

    /// A score component: its Chinese name, or its meaning in English.
    func component(_ component: ScoreComponent) -> String {
        if zh { return component.chineseName }
        switch component {
        case .uncovered: return "Places left open"
        case .noPartyMember: return "No Party member"
        case .noLeader: return "No leader"
        case .missedTraining: return "Missed training"
        case .belowMinShifts: return "Below minimum patrols"
        case .fairness: return "Fairness"
        case .neighborGrid: return "Neighbouring grid"
        case .farGrid: return "Far grid"
        case .requests: return "Requests not met"
        }
    }

    var coverageSection: String { pick("覆盖与公平", "Coverage and fairness") }
    var coveragePercent: String { pick("覆盖率(%)", "Coverage (%)") }
    var teamsWithoutPartyMember: String { pick("无党员班组数", "Teams without a Party member") }
    var shortVolunteerShifts: String { pick("缺岗人次", "Short volunteer-shifts") }
    var worstGrids: String { pick("缺岗最多网格", "Grids short most") }
    var noGrid: String { pick("无", "none") }
    var shiftsMin: String { pick("每人班次：最少", "Patrols per volunteer: fewest") }
    var shiftsMedian: String { pick("每人班次：中位数", "Patrols per volunteer: median") }
    var shiftsMax: String { pick("每人班次：最多", "Patrols per volunteer: most") }
    var giniShifts: String { pick("班次基尼系数", "Gini coefficient of patrols") }
    var volunteersWithoutPatrol: String { pick("未排班志愿者", "Volunteers without a patrol") }

    var gridsSection: String { pick("网格缺岗人次", "Short volunteer-shifts by grid") }
    var loadSection: String { pick("负担变化最大的志愿者", "Volunteers whose load changed most") }
    func rank(_ rank: Int) -> String { zh ? "第\(rank)位" : "No. \(rank)" }

    /// Under a column's name on the page: a base, or what a variant is compared with.
    var baseMark: String { pick("基准", "base") }
    func comparedWith(_ base: String) -> String { zh ? "较\(base)" : "vs \(base)" }
    var lowerIsBetter: String { pick("（越低越好）", " (lower is better)") }

    var comparisonIntro: String {
        pick(
            "每列一个排班：先是基准，再是它的各个情景；情景的数字后面是较基准的变化，绿色为改善，红色为变差。",
            "One column per schedule: each base, then its scenarios. After a scenario's figure comes its "
                + "change from the base: green is better, red is worse.")
    }

    var worstGridsLegend: String { pick("底色标出每列缺岗最多的网格。", "Shaded: each column's grids short most.") }
    var loadLegend: String { pick("编号 姓名 基准班次→情景班次", "id name: patrols in the base → in the scenario") }
    var noLoadChanges: String { pick("各情景中没有志愿者的班次发生变化。", "No volunteer's patrols changed in any scenario.") }
}
