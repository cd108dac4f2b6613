import PatrolModel

/// Writes a `Community` back as a community directory that `CommunityLoader` reads into an
/// equal `Community`.
///
/// Everything is written explicitly (rules, weights, every volunteer's limits, every
/// grid's `needs_leader`), so the result does not depend on defaults; demand is written as
/// one row per slot. Requests land on the line numbers they carry where possible (blank
/// rows fill the gaps), because a request remembers the line it came from.
public enum CommunityWriter {
    /// `community.yaml`, `volunteers.csv`, `grids.csv`, `demand.csv`, `trainings.csv`,
    /// `requests.csv` and `history.csv`.
    public static func files(_ community: Community) -> [OutputFile] {
        [
            yamlFile(community), volunteersFile(community), gridsFile(community),
            demandFile(community),
            trainingsFile(community), requestsFile(community), historyFile(community),
        ]
    }

    // MARK: - community.yaml: strings double-quoted, so no value is read as a number or date.

    private static func yamlFile(_ community: Community) -> OutputFile {
        var lines = [
            "name: \(yamlQuoted(community.name))",
            "month: \(yamlQuoted(community.month.description))",
            "periods:",
        ]
        for period in community.periods {
            lines.append(
                "  - {id: \(yamlQuoted(period.id.rawValue)), name: \(yamlQuoted(period.name)), "
                    + "start: \(yamlQuoted(period.start.description)), end: \(yamlQuoted(period.end.description)), "
                    + "night: \(period.isNight)}")
        }
        let holidays = community.holidays.sorted().map { yamlQuoted($0.description) }
        lines.append("holidays: [\(holidays.joined(separator: ", "))]")
        let rules = community.rules
        lines += [
            "rules:",
            "  max_shifts_per_month: \(rules.maxShiftsPerMonth)",
            "  max_shifts_per_week: \(rules.maxShiftsPerWeek)",
            "  max_shifts_per_day: \(rules.maxShiftsPerDay)",
            "  max_consecutive_days: \(rules.maxConsecutiveDays)",
            "  min_rest_hours: \(restHours(minutes: rules.minRestMinutes))",
            "  training_required: \(rules.trainingRequired)",
            "  train_before_patrol: \(rules.trainBeforePatrol)",
            "weights:",
        ]
        for (key, path) in CommunityYAML.weightKeys {
            lines.append("  \(key): \(community.weights[keyPath: path])")
        }
        return OutputFile(
            name: CommunityYAML.file, contents: Array((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// A YAML double-quoted scalar: backslash and quote escaped, control characters as escapes.
    static func yamlQuoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// Minutes as hours with up to four decimals, enough for the loader's rounding to the
    /// nearest minute to give the same minutes back (470 minutes are `7.8333`).
    static func restHours(minutes: Int) -> String {
        let whole = minutes / 60
        let remainder = minutes % 60
        guard remainder != 0 else { return String(whole) }
        var digits = String((remainder * 10_000 + 30) / 60)
        digits = String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(whole).\(digits)"
    }

    // MARK: - The CSV files.

    private static func volunteersFile(_ community: Community) -> OutputFile {
        var csv = CSVText(header: VolunteersFile.columns.map(\.name))
        for volunteer in community.volunteers {
            csv.append([
                volunteer.id.rawValue, volunteer.name, volunteer.phone,
                volunteer.isPartyMember.yesNo,
                volunteer.branch, volunteer.affiliation.rawValue, volunteer.homeGrid.rawValue,
                volunteer.skills.sorted().joined(separator: ";"), String(volunteer.maxShifts),
                String(volunteer.minShifts),
                pattern(volunteer.availability, periods: community.periods),
                volunteer.unavailable.map(\.description).joined(separator: ";"),
                volunteer.nightOK.yesNo,
                volunteer.trainedOn?.description ?? "", volunteer.birthYear.map(String.init) ?? "",
            ])
        }
        return csv.file(VolunteersFile.name)
    }

    /// The `available` column: `Mon:morning,evening;Tue:…`, days without periods left out;
    /// `;` alone for a pattern that allows nothing, which still differs from empty (any time).
    static func pattern(_ availability: WeeklyAvailability, periods: [Period]) -> String {
        guard let byWeekday = availability.periodsByWeekday else { return "" }
        let clauses = Weekday.allCases.compactMap { day -> String? in
            let allowed = byWeekday[day.rawValue]
            guard !allowed.isEmpty else { return nil }
            let known = periods.map(\.id).filter(allowed.contains)
            let others = allowed.subtracting(known).sorted()
            return day.englishAbbreviation + ":"
                + (known + others).map(\.rawValue).joined(separator: ",")
        }
        return clauses.isEmpty ? ";" : clauses.joined(separator: ";")
    }

    private static func gridsFile(_ community: Community) -> OutputFile {
        var csv = CSVText(header: GridsFile.columns.map(\.name))
        for grid in community.grids {
            csv.append([
                grid.id.rawValue, grid.name, String(grid.risk),
                grid.neighbors.sorted().map(\.rawValue).joined(separator: ";"),
                grid.needsLeader.yesNo,
            ])
        }
        return csv.file(GridsFile.name)
    }

    private static func demandFile(_ community: Community) -> OutputFile {
        var csv = CSVText(header: DemandFile.columns.map(\.name))
        for slot in community.slots {
            csv.append([
                slot.grid.rawValue, slot.period.rawValue, slot.date.description,
                String(slot.needed),
            ])
        }
        return csv.file(DemandFile.name)
    }

    private static func trainingsFile(_ community: Community) -> OutputFile {
        var csv = CSVText(header: TrainingsFile.columns.map(\.name))
        for session in community.sessions {
            csv.append([
                session.id.rawValue, session.topic, session.date.description,
                session.start.description,
                session.end.description, session.capacity.map(String.init) ?? "", session.location,
            ])
        }
        return csv.file(TrainingsFile.name)
    }

    private static func requestsFile(_ community: Community) -> OutputFile {
        var csv = CSVText(header: RequestsFile.columns.map(\.name))
        let allPeriods = Set(community.periods.map(\.id))
        var line = 2
        for request in community.requests {
            while line < request.line {
                csv.appendBlankLine()
                line += 1
            }
            let periods =
                request.periods == allPeriods
                ? "*"
                : community.periods.map(\.id).filter(request.periods.contains).map(\.rawValue)
                    .joined(separator: ",")
            csv.append([
                request.volunteer.rawValue, request.dates.description, periods,
                request.kind.rawValue,
                String(request.weight),
            ])
            line += 1
        }
        return csv.file(RequestsFile.name)
    }

    private static func historyFile(_ community: Community) -> OutputFile {
        var csv = CSVText(header: HistoryFile.columns.map(\.name))
        for entry in community.history {
            csv.append([entry.volunteer.rawValue, entry.month.description, String(entry.shifts)])
        }
        return csv.file(HistoryFile.name)
    }
}
