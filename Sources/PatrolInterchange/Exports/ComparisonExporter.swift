/// A format a comparison of schedules is exported in.
public enum ComparisonExportFormat: String, CaseIterable, Sendable {
    /// CSV for Excel, as the roster's CSV export writes it: UTF-8 with a BOM, `\r\n` line ends.
    case csv
    /// A self-contained, printable A4 landscape page.
    case html
}

/// How a comparison is exported.
public struct ComparisonExportOptions: Hashable, Sendable {
    public var format: ComparisonExportFormat
    public var language: ExportLanguage

    public init(format: ComparisonExportFormat, language: ExportLanguage = .zh) {
        self.format = format
        self.language = language
    }
}

/// Writes schedules side by side for a community office: a CSV table for Excel or a
/// printable page, each variant's figures next to their change from its base.
///
/// Both show the same figures: the score by component, coverage, teams without a Party
/// member, short volunteer-shifts by grid (the worst grids of each column highlighted on
/// the page), the spread of patrols per volunteer, and the volunteers whose load changed
/// most, by id and name only. On the page a change is green when it is better and red when
/// it is worse. The bytes depend only on the figures and the options.
///
/// ```swift
/// let file = ComparisonExporter.file(figures, options: .init(format: .csv, language: .en))
/// try RosterWriter.write([file], to: "out/compare")
/// ```
public enum ComparisonExporter {
    /// The export's one file: `情景对比.csv` or `.html` (`scenario_comparison.csv` or
    /// `.html` in English), names no roster export uses.
    public static func file(_ figures: ComparisonFigures, options: ComparisonExportOptions)
        -> OutputFile
    {
        let view = ComparisonView(figures, text: ExportText(language: options.language))
        switch options.format {
        case .csv: return CSVExport.file(view.table, name: view.table.name + ".csv")
        case .html: return ComparisonHTML.file(view)
        }
    }
}
