import Foundation
import PatrolInterchange
import PatrolScenarios
import PatrolStore

/// A scenario comparison as text: the side-by-side table of the terminal and `comparison.csv`,
/// and the office exports (CSV for Excel, a printable page).
public enum ScenarioTable {
    public static let csvName = "comparison.csv"

    /// The table: a row per figure, a column per schedule; a variant's cell shows its change
    /// from its base in brackets when there is one.
    public static func text(_ comparison: ScenarioComparison) -> String {
        let rows = comparison.rows.filter(\.inTerminal)
        let header = [""] + comparison.columns.map(\.name)
        var table = [header]
        for row in rows {
            table.append(
                [row.label]
                    + zip(row.values, row.deltas).map { value, delta in
                        cell(value, delta: delta)
                    })
        }
        let widths = header.indices.map { column in
            table.map { SummaryText.width($0[column]) }.max() ?? 0
        }
        return table.map { line in
            line.enumerated().map { column, text in
                column == 0
                    ? SummaryText.pad(text, widths[0] + 2)
                    : SummaryText.pad(text, widths[column] + 3)
            }.joined().trimmingSuffixSpaces()
        }.joined(separator: "\n")
    }

    /// `comparison.csv`: a row per figure (the counts behind each penalty and every grid
    /// included), a column per schedule by key, values without the changes.
    public static func csv(_ comparison: ScenarioComparison) -> OutputFile {
        CSVFile.make(
            name: csvName, header: ["figure"] + comparison.columns.map(\.key),
            rows: comparison.rows.map { row in [row.key] + row.values.map(plain) })
    }

    /// Writes `comparison.csv` into `directory`, creating it; returns the file's path.
    public static func writeCSV(_ comparison: ScenarioComparison, to directory: String) throws
        -> String
    {
        try RosterWriter.write([csv(comparison)], to: directory)
        return directory + "/" + csvName
    }

    /// The comparison for a community office: a CSV file for Excel or a printable page
    /// (`情景对比.csv` / `.html`; `scenario_comparison.csv` / `.html` in English).
    public static func export(_ comparison: ScenarioComparison, options: ComparisonExportOptions)
        -> OutputFile
    {
        ComparisonExporter.file(ComparisonFigures(comparison), options: options)
    }

    /// Writes the office export into `directory`, creating it; returns the file's path.
    public static func writeExport(
        _ comparison: ScenarioComparison, options: ComparisonExportOptions, to directory: String
    ) throws -> String {
        let file = export(comparison, options: options)
        try RosterWriter.write([file], to: directory)
        return directory + "/" + file.name
    }

    private static func cell(_ value: ScenarioComparison.Value, delta: ScenarioComparison.Value?)
        -> String
    {
        let text = plain(value)
        switch delta {
        case .count(let change) where change != 0:
            return "\(text) (\(change > 0 ? "+" : "")\(change))"
        case .decimal(let change, let places) where abs(change) * pow10(places) >= 0.5:
            return "\(text) (\(change > 0 ? "+" : "")\(decimal(change, places)))"
        default:
            return text
        }
    }

    static func plain(_ value: ScenarioComparison.Value) -> String {
        switch value {
        case .count(let count): String(count)
        case .decimal(let number, let places): decimal(number, places)
        case .text(let text): text
        case .none: "–"
        }
    }

    /// Fixed decimals, rounded half away from zero.
    static func decimal(_ value: Double, _ places: Int) -> String {
        let scale = pow10(places)
        let scaled = Int((abs(value) * scale).rounded())
        let whole = scaled / Int(scale)
        var text = (value < 0 && scaled != 0 ? "-" : "") + String(whole)
        if places > 0 {
            let fraction = String(scaled % Int(scale))
            text += "." + String(repeating: "0", count: places - fraction.count) + fraction
        }
        return text
    }

    private static func pow10(_ places: Int) -> Double {
        (0..<places).reduce(1.0) { value, _ in value * 10 }
    }
}

extension SummaryText {
    /// Columns a text takes on a terminal, a Chinese character counting as two.
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value > 0x2E80 ? 2 : 1) }
    }

    /// The output of `patrol scenario run`: what each column is and what its changes did,
    /// the table, the timing, and where it was stored and written.
    public static func scenarioRun(_ report: ScenarioRunReport) -> String {
        var lines = [
            "scenario run #\(report.runID): \(report.bases.count) base\(report.bases.count == 1 ? "" : "s"), "
                + "\(report.variants.count) variant\(report.variants.count == 1 ? "" : "s"), seed \(report.seed); "
                + "bases searched \(format(report.timeLimit)) s, variants \(format(report.variantTimeLimit)) s each "
                + (report.warmStart ? "from their base's schedule" : "from scratch")
        ]
        for base in report.bases { lines.append("  \(base.key): \(base.description)") }
        let columns = report.comparison.columns
        for (variant, column) in zip(report.variants, columns.filter { $0.baseIndex != nil }) {
            let scenario = variant.scenario
            let base = column.baseIndex.map { " vs \(columns[$0].name)" } ?? ""
            lines.append("  \(column.key): \(scenario.name)\(base), \(scenario.file)")
            if !scenario.description.isEmpty { lines.append("    \(scenario.description)") }
            for effect in variant.effects { lines.append("    - \(effect)") }
        }
        lines.append("")
        lines.append(ScenarioTable.text(report.comparison))
        lines.append("")
        let timing = report.timing
        lines.append(
            "time: bases \(format(timing.baseSeconds)) s, variants \(format(timing.variantSeconds)) s, "
                + "total \(format(timing.totalSeconds)) s = \(format(timing.ratio)) x one solve "
                + "(\(format(timing.longestBaseSolveSeconds)) s)")
        if !report.warnings.isEmpty {
            lines.append(
                "\(report.warnings.count) warning\(report.warnings.count == 1 ? "" : "s") (on standard error)"
            )
        }
        if !report.writtenPaths.isEmpty {
            lines.append("written: " + report.writtenPaths.joined(separator: ", "))
        }
        lines.append(
            "stored as scenario run #\(report.runID): `patrol scenario compare \(report.runID)` shows it again"
        )
        return lines.joined(separator: "\n")
    }

    /// The table of `patrol scenario list`.
    public static func scenarioRunList(_ runs: [ScenarioRunSummary]) -> String {
        guard !runs.isEmpty else {
            return "No scenario runs stored yet. Run `patrol scenario run FILE...` first."
        }
        var lines = ["id    created               seed   base s  total s  schedules"]
        for run in runs {
            lines.append(
                leftPad(String(run.id), 4) + "  "
                    + pad(
                        run.createdAt.formatted(
                            .iso8601.year().month().day().time(includingFractionalSeconds: false)),
                        22)
                    + pad(String(run.seed), 7) + pad(format(run.baseSeconds), 8)
                    + pad(format(run.totalSeconds), 9)
                    + run.names.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    fileprivate func trimmingSuffixSpaces() -> String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
