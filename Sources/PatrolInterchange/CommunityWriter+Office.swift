import PatrolModel

extension CommunityWriter {
    /// How a community directory is laid out.
    public enum Style: String, CaseIterable, Sendable {
        /// English headers and values, every setting explicit, one demand row per slot.
        case plain
        /// The way a Chinese community office keeps the files in Excel: Chinese headers and
        /// values (是/否, 居民, 队长, 高, 周一-周五：晚上), a BOM so that Excel opens the CSV
        /// files as UTF-8, a commented `community.yaml`, and demand written as a few general
        /// rows followed by their exceptions.
        case office
    }

    /// The files of `community` in `style`; both styles load into an equal `Community`.
    public static func files(_ community: Community, style: Style) -> [OutputFile] {
        switch style {
        case .plain: files(community)
        case .office: OfficeFiles(community).files
        }
    }
}

/// The office style of `CommunityWriter`.
///
/// Every value is written in a form that both `CommunityLoader` and the reference checker
/// read: Chinese headers from the loader's alias tables, lists separated by `、`, weekly
/// patterns with full-width `；` and `：`, and dates in ISO form only. A period is named by
/// its display name (上午) where that name means it to both readers, and by its id otherwise.
struct OfficeFiles {
    let community: Community
    /// What a cell writes for each period.
    let periodLabels: [PeriodID: String]

    init(_ community: Community) {
        self.community = community
        periodLabels = Self.labels(community.periods)
    }

    var files: [OutputFile] {
        [
            yamlFile, volunteersFile, gridsFile, demandFile, trainingsFile, requestsFile,
            historyFile,
        ]
    }

    /// The name where it names the period unambiguously and reads back unchanged, else the id.
    ///
    /// Both readers look a key up among the ids first and then among the names in period
    /// order, so a name works when it is no period's id and no earlier period's name; it must
    /// also hold no list or pattern separator, and not read as a weekday in a pattern.
    static func labels(_ periods: [Period]) -> [PeriodID: String] {
        let ids = Set(periods.map(\.id.rawValue))
        let reserved: Set<Character> = [",", "，", "、", ";", "；", ":", "：", "*", "\"", "\\"]
        var claimed: Set<String> = []
        var labels: [PeriodID: String] = [:]
        for period in periods {
            let name = period.name
            let usable =
                !name.isEmpty && name == name.trimmingCharacters(in: .whitespaces)
                && !name.contains(where: { reserved.contains($0) || $0.isNewline })
                && !name.unicodeScalars.contains(where: { $0.value < 0x20 })
                && !ids.contains(name) && !claimed.contains(name)
                && ValueParser.weekday(name) == nil
            claimed.insert(name)
            labels[period.id] = usable ? name : period.id.rawValue
        }
        return labels
    }

    private func label(_ period: PeriodID) -> String { periodLabels[period] ?? period.rawValue }

    /// Periods in the community's order, unknown ids after them in id order.
    private func orderedLabels(_ periods: Set<PeriodID>) -> [String] {
        let known = community.periods.map(\.id).filter(periods.contains)
        return (known + periods.subtracting(known).sorted()).map(label)
    }

    // MARK: - community.yaml, with the office's comments.

    private var yamlFile: OutputFile {
        typealias Q = CommunityWriter
        var lines: [(text: String, comment: String?)] = [
            ("name: \(Q.yamlQuoted(community.name))", "社区名称"),
            ("month: \(Q.yamlQuoted(community.month.description))", "排班月份"),
            ("periods:", "巡防时段，按一天中的先后"),
        ]
        for period in community.periods {
            var text =
                "  - {id: \(Q.yamlQuoted(period.id.rawValue)), name: \(Q.yamlQuoted(period.name)), "
                + "start: \(Q.yamlQuoted(period.start.description)), end: \(Q.yamlQuoted(period.end.description))"
            var comment: String?
            if period.isNight {
                text += ", night: true"
                comment = "夜巡：只排可夜巡的志愿者"
            }
            if period.endsNextDay {
                comment = (comment.map { $0 + "；" } ?? "") + "次日结束"
            }
            lines.append((text + "}", comment))
        }
        let holidays = community.holidays.sorted().map { Q.yamlQuoted($0.description) }
        lines.append(("holidays: [\(holidays.joined(separator: ", "))]", "节假日：需求按周末算"))
        let rules = community.rules
        lines += [
            ("rules:", "排班规则，排出的班表一律遵守"),
            ("  max_shifts_per_month: \(rules.maxShiftsPerMonth)", "每人每月最多班次"),
            ("  max_shifts_per_week: \(rules.maxShiftsPerWeek)", "每人每周（周一至周日）最多班次"),
            ("  max_shifts_per_day: \(rules.maxShiftsPerDay)", "每人每天最多班次"),
            ("  max_consecutive_days: \(rules.maxConsecutiveDays)", "最多连续巡防天数"),
            ("  min_rest_hours: \(Q.restHours(minutes: rules.minRestMinutes))", "两次巡防之间至少休息的小时数"),
            ("  training_required: \(rules.trainingRequired)", "本月每人参加一次培训"),
            ("  train_before_patrol: \(rules.trainBeforePatrol)", "从未培训的志愿者培训后才上岗"),
            ("weights:", "扣分权重，总分越低越好"),
        ]
        let weightComments = [
            "uncovered": "每缺一人，乘以网格风险等级",
            "no_party_member": "每支没有党员的巡防队",
            "no_leader": "需队长的网格，每支没有队长的巡防队",
            "missed_training": "每位没有安排培训的志愿者",
            "below_min_shifts": "每人低于每月下限的每一班",
            "fairness": "每人班次（含往月结转）平方之和，使班次均匀",
            "neighbor_grid": "每次到相邻网格巡防",
            "far_grid": "每次到更远的网格巡防",
        ]
        for (key, path) in CommunityYAML.weightKeys {
            lines.append(("  \(key): \(community.weights[keyPath: path])", weightComments[key]))
        }
        // Comments line up after the settings, except after the few long lines.
        let column = (lines.map { Self.width($0.text) }.filter { $0 <= 40 }.max() ?? 0) + 2
        var text = "# \(community.name) 平安巡防排班设置\n"
        for line in lines {
            text += line.text
            if let comment = line.comment {
                text += String(repeating: " ", count: max(2, column - Self.width(line.text)))
                text += "# " + comment
            }
            text += "\n"
        }
        return OutputFile(name: CommunityYAML.file, contents: Array(text.utf8))
    }

    /// Columns the text takes in an editor: Chinese characters take two.
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) }
    }

    // MARK: - The CSV files.

    /// A CSV file with the first Chinese alias of each column as its header, and a BOM.
    private func csvFile(
        _ name: String, _ columns: [ColumnSpec], rows: [[String]?]
    ) -> OutputFile {
        var csv = CSVText(header: columns.map { $0.aliases.first ?? $0.name })
        for row in rows {
            if let row { csv.append(row) } else { csv.appendBlankLine() }
        }
        return OutputFile(name: name, contents: Array(("\u{FEFF}" + csv.text).utf8))
    }

    private static func yesNo(_ flag: Bool) -> String { flag ? "是" : "否" }

    /// Chinese words for the skills the loader knows, in the order an office lists them;
    /// other tags as they are.
    private static let skillOrder = ["leader", "first_aid", "fire", "anti_fraud"]
    private static let skillNames = Dictionary(
        VolunteersFile.skillWords.map { ($1, $0) }, uniquingKeysWith: { first, _ in first })

    static func skills(_ skills: Set<String>) -> String {
        let known = skillOrder.filter(skills.contains)
        let others = skills.subtracting(known).sorted()
        return (known.map { skillNames[$0] ?? $0 } + others).joined(separator: "、")
    }

    private var volunteersFile: OutputFile {
        csvFile(
            VolunteersFile.name, VolunteersFile.columns,
            rows: community.volunteers.map { volunteer in
                [
                    volunteer.id.rawValue, volunteer.name, volunteer.phone,
                    Self.yesNo(volunteer.isPartyMember), volunteer.branch,
                    volunteer.affiliation.chineseName, volunteer.homeGrid.rawValue,
                    Self.skills(volunteer.skills), String(volunteer.maxShifts),
                    String(volunteer.minShifts), pattern(volunteer.availability),
                    volunteer.unavailable.map(\.description).joined(separator: "、"),
                    Self.yesNo(volunteer.nightOK), volunteer.trainedOn?.description ?? "",
                    volunteer.birthYear.map(String.init) ?? "",
                ]
            })
    }

    /// The `available` column in Chinese, such as `周一-周五：晚上；周六、周日`.
    ///
    /// Weekdays with the same periods share a clause, runs of three or more weekdays are
    /// written as a range, and a clause for every period names days only. A pattern that
    /// allows nothing is `；`, which still differs from an empty cell (any time).
    func pattern(_ availability: WeeklyAvailability) -> String {
        guard let byWeekday = availability.periodsByWeekday else { return "" }
        var groups: [(days: [Weekday], periods: Set<PeriodID>)] = []
        for day in Weekday.allCases where !byWeekday[day.rawValue].isEmpty {
            let periods = byWeekday[day.rawValue]
            if let index = groups.firstIndex(where: { $0.periods == periods }) {
                groups[index].days.append(day)
            } else {
                groups.append(([day], periods))
            }
        }
        guard !groups.isEmpty else { return "；" }
        let every = Set(community.periods.map(\.id))
        if groups.count == 1, groups[0].days.count == 7, groups[0].periods != every {
            let periods = orderedLabels(groups[0].periods).joined(separator: "、")
            // Periods alone mean every day, unless they could be read as weekdays.
            if case .failure = ValueParser.weekdays(periods) { return periods }
        }
        return groups.map { group in
            let days = Self.weekdays(group.days)
            guard group.periods != every else { return days }
            return days + "：" + orderedLabels(group.periods).joined(separator: "、")
        }.joined(separator: "；")
    }

    /// `周一-周五`, `周六、周日`, `周一、周三-周五`: runs of three or more as ranges.
    static func weekdays(_ days: [Weekday]) -> String {
        var parts: [String] = []
        var index = 0
        let sorted = days.sorted()
        while index < sorted.count {
            var end = index
            while end + 1 < sorted.count, sorted[end + 1].rawValue == sorted[end].rawValue + 1 {
                end += 1
            }
            if end - index >= 2 {
                parts.append(sorted[index].chineseName + "-" + sorted[end].chineseName)
            } else {
                parts += sorted[index...end].map(\.chineseName)
            }
            index = end + 1
        }
        return parts.joined(separator: "、")
    }

    private static func risk(_ risk: Int) -> String {
        switch risk {
        case 1: "低"
        case 2: "中"
        case 3: "高"
        default: String(risk)
        }
    }

    private var gridsFile: OutputFile {
        csvFile(
            GridsFile.name, GridsFile.columns,
            rows: community.grids.map { grid in
                [
                    grid.id.rawValue, grid.name, Self.risk(grid.risk),
                    grid.neighbors.sorted().map(\.rawValue).joined(separator: "、"),
                    Self.yesNo(grid.needsLeader),
                ]
            })
    }

    private var demandFile: OutputFile {
        let compressor = DemandCompressor(community)
        let rows = compressor.rows().map { row in
            [
                row.grids.map { $0.map { community.grids[$0].id.rawValue }.joined(separator: "、") }
                    ?? "*",
                row.periods.map {
                    $0.map { label(community.periods[$0].id) }.joined(separator: "、")
                }
                    ?? "*",
                days(row.days, compressor: compressor), String(row.size),
            ]
        }
        return csvFile(DemandFile.name, DemandFile.columns, rows: rows)
    }

    /// A `days` cell: the words of a kind of day, or dates with runs of three or more days
    /// written as ranges.
    private func days(_ days: DemandCompressor.Days, compressor: DemandCompressor) -> String {
        switch days {
        case .kind(let kind):
            return compressor.kinds[kind].words.joined(separator: "、")
        case .dates(let indices):
            let first = community.month.firstDate
            var items: [String] = []
            var index = 0
            while index < indices.count {
                var end = index
                while end + 1 < indices.count, indices[end + 1] == indices[end] + 1 { end += 1 }
                if end - index >= 2 {
                    items.append(
                        DateRange(
                            first: first.adding(days: indices[index]),
                            last: first.adding(days: indices[end])
                        ).description)
                } else {
                    items += indices[index...end].map { first.adding(days: $0).description }
                }
                index = end + 1
            }
            return items.joined(separator: "、")
        }
    }

    private var trainingsFile: OutputFile {
        csvFile(
            TrainingsFile.name, TrainingsFile.columns,
            rows: community.sessions.map { session in
                [
                    session.id.rawValue, session.topic, session.date.description,
                    session.start.description, session.end.description,
                    session.capacity.map(String.init) ?? "", session.location,
                ]
            })
    }

    /// Requests on the lines they came from, as the plain style keeps them: blank rows fill
    /// the gaps.
    private var requestsFile: OutputFile {
        let every = Set(community.periods.map(\.id))
        var rows: [[String]?] = []
        for request in community.requests {
            while rows.count + 2 < request.line { rows.append(nil) }
            rows.append([
                request.volunteer.rawValue, request.dates.description,
                request.periods == every
                    ? "*" : orderedLabels(request.periods).joined(separator: "、"),
                request.kind == .on ? "想排" : "不想排", String(request.weight),
            ])
        }
        return csvFile(RequestsFile.name, RequestsFile.columns, rows: rows)
    }

    private var historyFile: OutputFile {
        csvFile(
            HistoryFile.name, HistoryFile.columns,
            rows: community.history.map {
                [$0.volunteer.rawValue, $0.month.description, String($0.shifts)]
            })
    }
}
