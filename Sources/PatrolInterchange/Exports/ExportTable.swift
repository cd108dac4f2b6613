import PatrolModel

/// One value of a table: text, or a number that a spreadsheet should add up.
enum ExportCell: Hashable, Sendable {
    case text(String)
    /// A decimal number written as text in its shortest form: `3`, `2.5`, `97.5`.
    case number(String)

    var value: String {
        switch self {
        case .text(let value), .number(let value): value
        }
    }

    static func number(_ value: Int) -> ExportCell { .number(String(value)) }
}

/// A table of an export: a CSV file or a workbook sheet.
struct ExportTable: Hashable, Sendable {
    /// What the table holds, such as `排班表` or `G01 东区`: a sheet's name, part of a file's.
    var name: String
    var header: [String]
    var rows: [[ExportCell]]
}

extension RosterView {
    /// The roster split as `grouping` asks: one table of every team member, or one per grid,
    /// branch or volunteer (volunteers without a patrol get none).
    func rosterTables(by grouping: ExportGrouping?) -> [ExportTable] {
        switch grouping {
        case nil:
            return [rosterTable(text.rosterName, teams: teams.indices)]
        case .grid:
            return community.grids.indices.map { grid in
                let id = community.grids[grid].id.rawValue
                let name = community.grids[grid].name
                return rosterTable(name.isEmpty ? id : "\(id) \(name)", teams: teamsByGrid[grid])
            }
        case .branch:
            return branches.map { branch in
                rosterTable(branchName(branch), teams: teams.indices) { $0.branch == branch }
            }
        case .volunteer:
            return service.filter { !$0.teams.isEmpty }.map { entry in
                let volunteer = entry.volunteer
                return rosterTable(
                    "\(volunteer.id.rawValue) \(volunteer.name)", teams: entry.teams
                ) { $0.id == volunteer.id }
            }
        }
    }

    /// One row per member of the given teams (those `include` accepts), in team order.
    private func rosterTable(
        _ name: String, teams indices: some Sequence<Int>,
        include: (Volunteer) -> Bool = { _ in true }
    ) -> ExportTable {
        var rows: [[ExportCell]] = []
        for index in indices {
            let team = teams[index]
            let common: [ExportCell] = [
                .text(text.date(team.date)), .text(text.weekday(team.date)),
                .text(text.period(team.period)), .text(team.period.start.description),
                .text(team.period.end.description), .text(team.grid.id.rawValue), .text(team.grid.name),
            ]
            for member in team.members where include(member.volunteer) {
                let volunteer = member.volunteer
                rows.append(
                    common + [
                        .text(volunteer.id.rawValue), .text(volunteer.name), .text(phone(of: volunteer)),
                        .text(text.yesNo(volunteer.isPartyMember)),
                        .text(text.role(isLeader: member.isLeader)), .text(volunteer.branch),
                    ])
            }
        }
        return ExportTable(name: name, header: text.rosterHeader, rows: rows)
    }

    /// One row per grid with its demand, coverage and teams lacking a Party member or a
    /// leader, then the community's total.
    var summaryTable: ExportTable {
        func row(_ id: String, _ name: String, _ risk: String, _ c: Coverage) -> [ExportCell] {
            [
                .text(id), .text(name), .text(risk), .number(c.teams), .number(c.needed),
                .number(c.assigned), .number(c.short), .number(c.percentText),
                .number(c.withoutPartyMember), .number(c.withoutLeader),
            ]
        }
        var rows = community.grids.indices.map { index in
            let grid = community.grids[index]
            return row(grid.id.rawValue, grid.name, text.risk(grid.risk), gridCoverage[index])
        }
        rows.append(row(text.total, "", "", totalCoverage))
        return ExportTable(name: text.summaryName, header: text.summaryHeader, rows: rows)
    }

    /// One row per booked volunteer, by session in the community's order, then by id.
    var trainingsTable: ExportTable {
        var rows: [[ExportCell]] = []
        for entry in sessions {
            let session = entry.session
            for volunteer in entry.attendees {
                rows.append([
                    .text(session.id.rawValue), .text(session.topic), .text(text.date(session.date)),
                    .text(text.weekday(session.date)), .text(session.start.description),
                    .text(session.end.description), .text(session.location),
                    .text(volunteer.id.rawValue), .text(volunteer.name), .text(phone(of: volunteer)),
                ])
            }
        }
        return ExportTable(name: text.trainingsName, header: text.trainingsHeader, rows: rows)
    }

    /// One row per volunteer, in the community's order: patrols, hours and session.
    var hoursTable: ExportTable {
        let rows: [[ExportCell]] = service.map { entry in
            let volunteer = entry.volunteer
            return [
                .text(volunteer.id.rawValue), .text(volunteer.name), .text(phone(of: volunteer)),
                .text(text.yesNo(volunteer.isPartyMember)), .text(volunteer.branch),
                .text(homeGridName(of: volunteer)), .number(entry.teams.count),
                .number(Self.hours(minutes: entry.minutes)),
                .text(entry.sessions.map { sessions[$0].session.id.rawValue }.joined(separator: ";")),
            ]
        }
        return ExportTable(name: text.hoursName, header: text.hoursHeader, rows: rows)
    }
}
