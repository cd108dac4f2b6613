import PatrolModel

/// The roster as one printable HTML page, for the notice board and the police station.
///
/// For each grid, a month calendar on its own A4 landscape page: in each day, the periods
/// with their team, the leader first and starred, Party members marked 党, missing
/// volunteers counted. Then a heat map of coverage by grid and day, the training sessions
/// with who attends, and, on a page of its own, the service honour roll (红榜) of the most
/// hours. The page is
/// self-contained: inline CSS, no scripts, no images, no fonts to fetch; Chinese text uses
/// the first installed of the usual CJK fonts.
enum HTMLExport {
    /// How many volunteers the honour roll lists: one printed page.
    static let honourRollLength = 20

    static func file(_ view: RosterView) -> OutputFile {
        let text = view.text
        let community = view.community
        let title = text.pageTitle(community: community.name, month: community.month)
        var body = ""
        for grid in community.grids.indices {
            body += gridPage(view, grid: grid, title: title)
        }
        body += coveragePage(view, title: title)
        body += trainingsAndHonourPage(view, title: title)
        let html = page(title: title, language: text.language, css: pageCSS + "\n" + rosterCSS, body: body)
        let name = ExportFileNames.sanitized("\(community.name)_\(community.month)_\(text.rosterName)")
        return OutputFile(name: name + ".html", contents: Array(html.utf8))
    }

    /// A self-contained page around `body`, a sequence of `<section>`s: the document's
    /// language, title and inline style, nothing to fetch.
    static func page(title: String, language: ExportLanguage, css: String, body: String) -> String {
        var html = "<!DOCTYPE html>\n"
        html += #"<html lang="\#(language == .zh ? "zh-CN" : "en")"><head><meta charset="utf-8">"#
        html += "<title>\(escaped(title))</title>\n<style>\(css)</style></head>\n<body>\n"
        return html + body + "</body></html>\n"
    }

    // MARK: - A grid's month calendar

    private static func gridPage(_ view: RosterView, grid index: Int, title: String) -> String {
        let text = view.text
        let grid = view.community.grids[index]
        let coverage = view.gridCoverage[index]
        var byDay: [Int: [RosterView.Team]] = [:]
        for team in view.teamsByGrid[index].map({ view.teams[$0] }) {
            byDay[team.date.dayNumber, default: []].append(team)
        }
        let gridTitle = grid.name.isEmpty ? grid.id.rawValue : "\(grid.id.rawValue) \(grid.name)"
        var meta = [text.riskLabel + text.colon + text.risk(grid.risk)]
        if grid.needsLeader { meta.append(text.needsLeader) }
        meta.append(text.overview(teams: coverage.teams, coverage: coverage.percentText,
            volunteers: Set(view.teamsByGrid[index].flatMap { view.teams[$0].members.map(\.volunteer.id) }).count))
        var html = #"<section class="grid-page">"#
        html += #"<p class="running">\#(escaped(title))</p>"#
        html += "<h2>\(escaped(gridTitle))</h2>"
        html += #"<p class="meta">\#(escaped(meta.joined(separator: " · ")))　<span class="legend">\#(escaped(text.legend))</span></p>"#
        html += #"<table class="calendar"><thead><tr>"#
        for name in text.weekdayHeaders { html += "<th>\(escaped(name))</th>" }
        html += "</tr></thead><tbody>"
        let month = view.community.month
        let first = month.firstDate.adding(days: -month.firstDate.weekday.rawValue)
        let last = month.lastDate.adding(days: 6 - month.lastDate.weekday.rawValue)
        var day = first
        while day <= last {
            if day.weekday == .monday { html += "<tr>" }
            if !month.contains(day) {
                html += #"<td class="outside"></td>"#
            } else {
                let weekend = view.community.isWeekendOrHoliday(day)
                html += #"<td class="day\#(weekend ? " weekend" : "")"><div class="date">\#(day.day)</div>"#
                for team in byDay[day.dayNumber] ?? [] {
                    html += slot(team, text)
                }
                html += "</td>"
            }
            if day.weekday == .sunday { html += "</tr>" }
            day = day.adding(days: 1)
        }
        html += "</tbody></table>"
        html += #"<p class="leaders"><b>\#(escaped(text.gridLeaders))</b>\#(escaped(text.colon))"#
        html += escaped(leaders(view, grid: index)) + "</p></section>\n"
        return html
    }

    /// One period in a day: its name, the members and what is missing.
    private static func slot(_ team: RosterView.Team, _ text: ExportText) -> String {
        var html = #"<div class="slot"><span class="period">\#(escaped(text.period(team.period)))</span>"#
        for member in team.members {
            let volunteer = member.volunteer
            html += member.isLeader ? #" <span class="member leader">★"# : #" <span class="member">"#
            html += escaped(volunteer.name.isEmpty ? volunteer.id.rawValue : volunteer.name)
            if volunteer.isPartyMember { html += #"<span class="party">党</span>"# }
            html += "</span>"
        }
        if team.short > 0 { html += #" <span class="short">\#(escaped(text.short(team.short)))</span>"# }
        return html + "</div>"
    }

    /// The grid's leaders this month, those who lead most first, with their phone (masked
    /// unless asked otherwise); past ``leadersShown`` the rest are counted.
    private static func leaders(_ view: RosterView, grid index: Int) -> String {
        var led: [VolunteerID: (leader: Volunteer, teams: Int)] = [:]
        for team in view.teamsByGrid[index].map({ view.teams[$0] }) {
            if let leader = team.leader { led[leader.id, default: (leader, 0)].teams += 1 }
        }
        guard !led.isEmpty else { return view.text.noLeadersYet }
        let ordered = led.values.sorted { ($1.teams, $0.leader.id) < ($0.teams, $1.leader.id) }
        let shown = ordered.prefix(leadersShown).map { entry in
            let phone = view.phone(of: entry.leader)
            return phone.isEmpty ? entry.leader.name : "\(entry.leader.name) \(phone)"
        }.joined(separator: view.text.listSeparator)
        return ordered.count > leadersShown ? shown + view.text.andMore(ordered.count - leadersShown) : shown
    }

    /// How many leaders a grid's page names with their phone.
    static let leadersShown = 12

    // MARK: - Coverage heat map

    private static func coveragePage(_ view: RosterView, title: String) -> String {
        let text = view.text
        let dates = view.community.month.dates
        let total = view.totalCoverage
        var html = #"<section class="coverage-page"><p class="running">\#(escaped(title))</p>"#
        html += "<h2>\(escaped(text.coverageTitle))</h2>"
        html += #"<p class="meta">\#(escaped(text.overview(teams: total.teams, coverage: total.percentText, volunteers: view.service.filter { !$0.teams.isEmpty }.count)))</p>"#
        html += #"<p class="heat-legend">"#
        for (cssClass, label) in text.coverageLegend {
            html += #"<span class="key \#(cssClass)"></span>\#(escaped(label))　"#
        }
        html += #"</p><table class="heat"><thead><tr><th class="grid-name"></th>"#
        for date in dates {
            let weekend = view.community.isWeekendOrHoliday(date)
            html += #"<th\#(weekend ? #" class="weekend""# : "")>\#(date.day)<br><small>\#(escaped(shortWeekday(date, text)))</small></th>"#
        }
        html += "</tr></thead><tbody>"
        for (index, grid) in view.community.grids.enumerated() {
            var needed: [Int: Int] = [:]
            var covered: [Int: Int] = [:]
            for team in view.teamsByGrid[index].map({ view.teams[$0] }) {
                needed[team.date.dayNumber, default: 0] += team.needed
                covered[team.date.dayNumber, default: 0] += team.covered
            }
            html += #"<tr><th class="grid-name">\#(escaped(grid.name.isEmpty ? grid.id.rawValue : grid.name))</th>"#
            for date in dates {
                let need = needed[date.dayNumber] ?? 0
                let have = covered[date.dayNumber] ?? 0
                let cssClass = heatClass(needed: need, covered: have)
                html += #"<td class="\#(cssClass)">\#(need > have ? String(have - need) : "")</td>"#
            }
            html += "</tr>"
        }
        html += "</tbody></table></section>\n"
        return html
    }

    /// `c4` full, `c3` at least 75%, `c2` at least 50%, `c1` some, `c0` nobody, `none` no patrol.
    private static func heatClass(needed: Int, covered: Int) -> String {
        guard needed > 0 else { return "none" }
        if covered >= needed { return "c4" }
        if covered * 4 >= needed * 3 { return "c3" }
        if covered * 2 >= needed { return "c2" }
        return covered > 0 ? "c1" : "c0"
    }

    /// `六` or `Sa`: the weekday in one or two characters, for narrow columns.
    private static func shortWeekday(_ date: LocalDate, _ text: ExportText) -> String {
        text.language == .zh ? String(date.weekday.chineseName.suffix(1)) : String(date.weekday.englishAbbreviation.prefix(2))
    }

    // MARK: - Trainings and honour roll

    private static func trainingsAndHonourPage(_ view: RosterView, title: String) -> String {
        let text = view.text
        var html = #"<section class="service-page"><p class="running">\#(escaped(title))</p>"#
        html += "<h2>\(escaped(text.trainingsTitle))</h2>"
        if view.sessions.isEmpty {
            html += "<p>\(escaped(text.noTrainings))</p>"
        } else {
            html += #"<table class="list trainings"><thead><tr>"#
            for column in text.trainingsColumns { html += "<th>\(escaped(column))</th>" }
            html += "</tr></thead><tbody>"
            for entry in view.sessions {
                let session = entry.session
                let capacity = session.capacity.map(String.init) ?? text.unlimited
                let names = entry.attendees.map { $0.name.isEmpty ? $0.id.rawValue : $0.name }
                html += "<tr><td>\(escaped(session.topic))</td>"
                html += "<td>\(escaped(text.date(session.date) + " " + text.weekday(session.date)))</td>"
                html += "<td>\(session.start)-\(session.end)</td><td>\(escaped(session.location))</td>"
                html += "<td>\(entry.attendees.count) / \(escaped(capacity))</td>"
                html += #"<td class="names">\#(escaped(names.joined(separator: text.listSeparator)))</td></tr>"#
            }
            html += "</tbody></table>"
        }
        html += #"</section>\#n<section class="honour-page"><p class="running">\#(escaped(title))</p>"#
        html += #"<h2 class="honour-title">\#(escaped(text.honourTitle))</h2>"#
        let ranked = view.service.filter { $0.minutes > 0 }.sorted {
            ($1.minutes, $1.teams.count, $0.volunteer.id) < ($0.minutes, $0.teams.count, $1.volunteer.id)
        }.prefix(honourRollLength)
        if ranked.isEmpty {
            html += "<p>\(escaped(text.noService))</p>"
        } else {
            html += #"<table class="list honour"><thead><tr>"#
            for column in text.honourColumns { html += "<th>\(escaped(column))</th>" }
            html += "</tr></thead><tbody>"
            var rank = 0
            var previousMinutes = -1
            for (position, entry) in ranked.enumerated() {
                // Equal hours share a rank: 1, 2, 2, 4.
                if entry.minutes != previousMinutes { rank = position + 1 }
                previousMinutes = entry.minutes
                let volunteer = entry.volunteer
                html += "<tr><td>\(rank)</td><td>"
                html += escaped(volunteer.name.isEmpty ? volunteer.id.rawValue : volunteer.name)
                if volunteer.isPartyMember { html += #"<span class="party">党</span>"# }
                html += "</td><td>\(escaped(view.branchName(volunteer.branch)))</td>"
                html += "<td>\(escaped(view.homeGridName(of: volunteer)))</td><td>\(entry.teams.count)</td>"
                html += "<td>\(RosterView.hours(minutes: entry.minutes))</td></tr>"
            }
            html += "</tbody></table>"
        }
        return html + "</section>\n"
    }

    // MARK: - Text and style

    /// Text safe in HTML content and attribute values.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// The printed page every HTML export shares: A4 landscape, 10 mm margins, 277 mm of
    /// width, which the screen layout keeps too so that what a browser shows is what prints;
    /// CJK fonts, each `<section>` on a new page under a running title, tables that wrap
    /// long words and repeat their header on every page.
    static let pageCSS = """
        @page { size: A4 landscape; margin: 10mm; }
        * { box-sizing: border-box; }
        html { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", \
        "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 9pt; color: #1a1a1a; \
        -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 0 auto; max-width: 277mm; }
        section { break-before: page; }
        section:first-of-type { break-before: auto; }
        .running { margin: 0; font-size: 8pt; color: #666; }
        h2 { margin: 1mm 0; font-size: 15pt; }
        .meta { margin: 0 0 2mm; }
        .legend, .heat-legend { color: #555; }
        table { width: 100%; border-collapse: collapse; table-layout: fixed; }
        th, td { overflow-wrap: anywhere; word-break: break-word; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; }
        """

    /// The roster's calendars, heat map, trainings and honour roll.
    static let rosterCSS = """
        .calendar th { background: #c62828; color: #fff; padding: 1mm; font-weight: bold; }
        .calendar td { border: 0.3mm solid #999; vertical-align: top; height: 20mm; padding: 0.6mm 0.8mm; }
        .calendar td.outside { background: #f3f3f3; }
        .calendar td.weekend { background: #fff6f0; }
        .date { font-weight: bold; font-size: 10pt; }
        .slot { font-size: 7.5pt; line-height: 1.3; }
        .period { color: #fff; background: #546e7a; border-radius: 0.6mm; padding: 0 0.6mm; }
        .member { display: inline-block; max-width: 100%; }
        .leader { font-weight: bold; }
        .party { color: #c62828; font-size: 6pt; font-weight: bold; vertical-align: super; }
        .short { color: #fff; background: #c62828; border-radius: 0.6mm; padding: 0 0.6mm; white-space: nowrap; }
        .leaders { margin: 2mm 0 0; }
        .heat th, .heat td { border: 0.2mm solid #fff; text-align: center; font-size: 7pt; padding: 0.3mm 0; }
        .heat th.grid-name { width: 22mm; text-align: left; padding-left: 1mm; font-weight: normal; }
        .heat thead th.weekend { color: #c62828; }
        .heat td { height: 4.5mm; color: #fff; font-weight: bold; }
        .c4 { background: #2e7d32; } .c3 { background: #81c784; } .c2 { background: #fbc02d; }
        .c1 { background: #ef6c00; } .c0 { background: #c62828; } .none { background: #eeeeee; }
        .key { display: inline-block; width: 4mm; height: 3mm; margin-right: 1mm; vertical-align: middle; }
        .list th { background: #eceff1; text-align: left; padding: 1mm; }
        .list td { border-bottom: 0.2mm solid #ccc; padding: 1mm; vertical-align: top; }
        .trainings th:nth-child(1) { width: 40mm; } .trainings th:nth-child(2) { width: 36mm; }
        .trainings th:nth-child(3) { width: 22mm; } .trainings th:nth-child(4) { width: 35mm; }
        .trainings th:nth-child(5) { width: 16mm; }
        .honour-title { color: #c62828; }
        .honour { width: 60%; }
        .honour th { background: #c62828; color: #fff; }
        .honour th:nth-child(1) { width: 12mm; } .honour th:nth-child(5), .honour th:nth-child(6) { width: 24mm; }
        """
}
