import Foundation
import PatrolModel
import PatrolScenarios
import PatrolTestSupport
import Testing

/// A temporary folder holding scenario files and an (empty) `community` folder for `base:`.
struct ScenarioFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "patrol-scenarios-" + UUID().uuidString
        try FileManager.default.createDirectory(
            atPath: path + "/community", withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path + "/" + name))
    }

    /// Parses `yaml` as the file `test.yaml` in this folder.
    func parse(_ yaml: String) throws(InputErrors) -> Scenario {
        try ScenarioFile.parse(yaml, file: "test.yaml", directory: path)
    }

    /// The errors of parsing `yaml`; none when it parses.
    func errors(_ yaml: String) -> [Diagnostic] {
        do {
            _ = try parse(yaml)
            return []
        } catch {
            return error.diagnostics.filter { $0.severity == .error }
        }
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

extension Diagnostic {
    /// The column number a scenario problem names (`…, column 23`).
    var columnNumber: Int? {
        guard let text = location.column, let range = text.range(of: "column ", options: .backwards)
        else { return nil }
        return Int(text[range.upperBound...])
    }
}

/// A change located at a made-up line of `test.yaml`, for changes built in code.
func change(_ kind: ScenarioChange.Kind, line: Int = 7) -> ScenarioChange {
    ScenarioChange(
        kind,
        location: SourceLocation(file: "test.yaml", line: line, column: "changes[1], column 5"))
}

/// A scenario of `changes` on `community`, built in code.
func scenario(_ changes: [ScenarioChange]) -> Scenario {
    Scenario(
        name: "试验", file: "test.yaml", base: ScenarioBase(directory: "community"), changes: changes)
}

/// The small community the change tests start from.
///
/// Grids G1 (risk 1) - G2 (risk 2) - G3 (risk 3) in a row; volunteers A, B at home in G1,
/// C, D in G2, E, F in G3; G1 has a morning patrol of 1 every day, G2 evening patrols of 2
/// at weekends, G3 an evening patrol of 1 every day.
func sampleCommunity() -> Community {
    var b = CommunityBuilder()
    b.grid("G1", neighbors: ["G2"])
    b.grid("G2", risk: 2, neighbors: ["G3"])
    b.grid("G3", risk: 3)
    b.volunteer(
        "A", home: "G1", party: true, skills: ["leader"], affiliation: .shop, birthYear: 1950)
    b.volunteer("B", home: "G1", affiliation: .resident, birthYear: 1960)
    b.volunteer("C", home: "G2", affiliation: .shop, birthYear: 1990)
    b.volunteer("D", home: "G2", affiliation: .unit, birthYear: 1955)
    b.volunteer("E", home: "G3", party: true, affiliation: .resident, birthYear: 1985)
    b.volunteer(
        "F", home: "G3", nightOK: true, neverTrained: true, affiliation: .shop, birthYear: 2000)
    b.demand(grid: "G1", period: "morning", needed: 1)
    b.demand(
        grid: "G2", period: "evening",
        dates: b.month.dates.filter { $0.weekday.isWeekend }, needed: 2)
    b.demand(grid: "G3", period: "evening", needed: 1)
    b.session("T1", date: b.day(5))
    b.request("C", .on, dates: b.days(1, 7))
    b.request("D", .off, dates: b.days(8, 9))
    b.history("A", Month(year: 2026, month: 11)!, shifts: 6)
    return b.build()
}

/// Everything a loaded community guarantees, as readable problems; empty when valid.
func invariantProblems(_ community: Community) -> [String] {
    var problems: [String] = []
    let grids = Set(community.grids.map(\.id))
    let volunteers = Set(community.volunteers.map(\.id))
    if grids.count != community.grids.count { problems.append("duplicate grid ids") }
    if volunteers.count != community.volunteers.count { problems.append("duplicate volunteer ids") }
    for grid in community.grids {
        for other in grid.neighbors {
            if other == grid.id { problems.append("\(grid.id) neighbours itself") }
            if !grids.contains(other) { problems.append("\(grid.id) neighbours unknown \(other)") }
            if community.grid(other)?.neighbors.contains(grid.id) == false {
                problems.append("\(grid.id)-\(other) not symmetric")
            }
        }
    }
    for volunteer in community.volunteers where !grids.contains(volunteer.homeGrid) {
        problems.append("\(volunteer.id) lives in unknown \(volunteer.homeGrid)")
    }
    for request in community.requests where !volunteers.contains(request.volunteer) {
        problems.append("request of unknown \(request.volunteer)")
    }
    let periodRank = Dictionary(
        uniqueKeysWithValues: community.periods.enumerated().map { ($1.id, $0) })
    let gridRank = Dictionary(
        uniqueKeysWithValues: community.grids.enumerated().map { ($1.id, $0) })
    var previous: (Int, Int, Int)?
    for slot in community.slots {
        guard let p = periodRank[slot.period], let g = gridRank[slot.grid] else {
            problems.append("slot in unknown grid or period \(slot)")
            continue
        }
        let key = (slot.date.dayNumber, p, g)
        if let previous, !(previous < key) { problems.append("slots out of order at \(slot)") }
        if slot.needed < 1 { problems.append("slot of size \(slot.needed)") }
        if !community.month.contains(slot.date) { problems.append("slot outside the month") }
        previous = key
    }
    return problems
}
