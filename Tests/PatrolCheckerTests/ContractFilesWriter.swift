import Foundation
import PatrolModel

/// Writes a community and a schedule in the contract's file formats, plain and simple: English
/// headers, UTF-8, one demand row per slot, so that `patrol_check.py` can read them.
///
/// This is the test's own writer, independent of PatrolInterchange, so that the comparison
/// with the Python checker does not depend on the code it may one day be used to test.
enum ContractFilesWriter {
    static func write(_ community: Community, to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try yaml(community).write(
            to: folder.appending(path: "community.yaml"), atomically: true, encoding: .utf8)
        let periods = Set(community.periods.map(\.id))

        try csv(
            ["id", "name", "risk", "neighbors", "needs_leader"],
            community.grids.map { g in
                [
                    g.id.rawValue, g.name, "\(g.risk)", list(g.neighbors.sorted().map(\.rawValue)),
                    g.needsLeader ? "yes" : "no",
                ]
            }
        ).write(to: folder.appending(path: "grids.csv"), atomically: true, encoding: .utf8)

        try csv(
            [
                "id", "name", "phone", "party_member", "branch", "affiliation", "home_grid",
                "skills", "max_shifts", "min_shifts", "available", "unavailable", "night_ok", "trained_on",
            ],
            community.volunteers.map { v in
                [
                    v.id.rawValue, v.name, v.phone, v.isPartyMember ? "yes" : "no", v.branch,
                    v.affiliation.rawValue, v.homeGrid.rawValue, list(v.skills.sorted()),
                    "\(v.maxShifts)", "\(v.minShifts)", pattern(v.availability, community.periods),
                    list(v.unavailable.map(\.description)), v.nightOK ? "yes" : "no",
                    v.trainedOn?.description ?? "",
                ]
            }
        ).write(to: folder.appending(path: "volunteers.csv"), atomically: true, encoding: .utf8)

        try csv(
            ["grid", "period", "days", "volunteers"],
            community.slots.map {
                [$0.grid.rawValue, $0.period.rawValue, $0.date.description, "\($0.needed)"]
            }
        ).write(to: folder.appending(path: "demand.csv"), atomically: true, encoding: .utf8)

        if !community.sessions.isEmpty {
            try csv(
                ["id", "topic", "date", "start", "end", "capacity", "location"],
                community.sessions.map { s in
                    [
                        s.id.rawValue, s.topic, s.date.description, s.start.description,
                        s.end.description, s.capacity.map { "\($0)" } ?? "", s.location,
                    ]
                }
            ).write(to: folder.appending(path: "trainings.csv"), atomically: true, encoding: .utf8)
        }

        try csv(
            ["volunteer", "date", "period", "kind", "weight"],
            community.requests.map { r in
                [
                    r.volunteer.rawValue, r.dates.description,
                    r.periods == periods
                        ? "*" : r.periods.sorted().map(\.rawValue).joined(separator: ","),
                    r.kind.rawValue, "\(r.weight)",
                ]
            }
        ).write(to: folder.appending(path: "requests.csv"), atomically: true, encoding: .utf8)

        try csv(
            ["volunteer", "month", "shifts"],
            community.history.map { [$0.volunteer.rawValue, $0.month.description, "\($0.shifts)"] }
        ).write(to: folder.appending(path: "history.csv"), atomically: true, encoding: .utf8)
    }

    /// The scheduler's output files, with just the columns the checker needs.
    static func write(_ schedule: Schedule, to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try csv(
            ["date", "period", "grid", "volunteer"],
            schedule.assignments.map {
                [$0.date.description, $0.period.rawValue, $0.grid.rawValue, $0.volunteer.rawValue]
            }
        ).write(to: folder.appending(path: "schedule.csv"), atomically: true, encoding: .utf8)
        try csv(
            ["session", "volunteer"],
            schedule.attendance.map { [$0.session.rawValue, $0.volunteer.rawValue] }
        ).write(to: folder.appending(path: "trainings.csv"), atomically: true, encoding: .utf8)
    }

    // MARK: - Formats: RFC 4180 CSV, and the YAML subset of the contract's example.

    static func csv(_ header: [String], _ rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { ",\"\r\n".contains($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func list(_ items: [String]) -> String { items.joined(separator: ";") }

    /// `Mon:p1,p2;Tue:p3`, weekdays without periods left out; empty for any day, any period.
    static func pattern(_ availability: WeeklyAvailability, _ periods: [Period]) -> String {
        guard let byDay = availability.periodsByWeekday else { return "" }
        return Weekday.allCases.compactMap { day in
            let ids = periods.map(\.id).filter { byDay[day.rawValue].contains($0) }
            guard !ids.isEmpty else { return nil }
            return day.englishAbbreviation + ":" + ids.map(\.rawValue).joined(separator: ",")
        }.joined(separator: ";")
    }

    static func yaml(_ c: Community) -> String {
        let rest = c.rules.minRestMinutes
        // Rests are whole or half hours here; 7.5 reads exactly in YAML and in Python.
        let restText = rest % 60 == 0 ? "\(rest / 60)" : "\(Double(rest) / 60)"
        var lines = [
            "name: \"\(c.name)\"",
            "month: \"\(c.month)\"",
            "periods:",
        ]
        for p in c.periods {
            lines.append(
                "  - {id: \(p.id), name: \"\(p.name)\", start: \"\(p.start)\", end: \"\(p.end)\", "
                    + "night: \(p.isNight)}")
        }
        lines.append(
            "holidays: [\(c.holidays.sorted().map(\.description).joined(separator: ", "))]")
        lines += [
            "rules:",
            "  max_shifts_per_month: \(c.rules.maxShiftsPerMonth)",
            "  max_shifts_per_week: \(c.rules.maxShiftsPerWeek)",
            "  max_shifts_per_day: \(c.rules.maxShiftsPerDay)",
            "  max_consecutive_days: \(c.rules.maxConsecutiveDays)",
            "  min_rest_hours: \(restText)",
            "  training_required: \(c.rules.trainingRequired)",
            "  train_before_patrol: \(c.rules.trainBeforePatrol)",
            "weights:",
            "  uncovered: \(c.weights.uncovered)",
            "  no_party_member: \(c.weights.noPartyMember)",
            "  no_leader: \(c.weights.noLeader)",
            "  missed_training: \(c.weights.missedTraining)",
            "  below_min_shifts: \(c.weights.belowMinShifts)",
            "  fairness: \(c.weights.fairness)",
            "  neighbor_grid: \(c.weights.neighborGrid)",
            "  far_grid: \(c.weights.farGrid)",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
