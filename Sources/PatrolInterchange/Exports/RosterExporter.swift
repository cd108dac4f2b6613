import PatrolModel

/// Writes a schedule in the formats community offices use as they are: CSV for Excel, an
/// Excel workbook, iCalendar files for volunteers' phones and a printable HTML page.
///
/// Phone numbers are masked (`138****5678`) unless ``ExportOptions/fullPhone`` is set. The
/// bytes depend only on the community, the schedule and the options (no clock, no random
/// numbers), so the same schedule always exports to the same files.
///
/// ```swift
/// let files = try RosterExporter.files(
///     community: community, schedule: schedule,
///     options: ExportOptions(format: .csv, language: .zh, grouping: .grid))
/// try RosterWriter.write(files, to: "out/exports")
/// ```
public enum RosterExporter {
    /// The files of one export, in a fixed order, named for the export's language.
    ///
    /// - CSV: the roster (`排班表.csv`, or `排班表_G01_东区.csv` … per group), `汇总.csv`,
    ///   `培训.csv`, `服务时长.csv` (`roster.csv`, `Summary.csv`, `trainings.csv`, `hours.csv`).
    /// - XLSX: one workbook named after the community and month.
    /// - ICS: `V001_张伟.ics` for each volunteer with a patrol or a training session.
    /// - HTML: one page named after the community and month.
    ///
    /// - Throws: ``ExportError/unsupportedGrouping(_:_:)`` when the format cannot be split
    ///   as asked; ``ExportError/workbookNotWritten(_:)`` if the workbook's archive fails.
    public static func files(
        community: Community, schedule: Schedule, options: ExportOptions
    ) throws(ExportError) -> [OutputFile] {
        if let grouping = options.grouping, !options.format.groupings.contains(grouping) {
            throw .unsupportedGrouping(options.format, grouping)
        }
        let view = RosterView(
            community: community, schedule: schedule, language: options.language,
            fullPhone: options.fullPhone)
        switch options.format {
        case .csv: return CSVExport.files(view, grouping: options.grouping)
        case .xlsx: return [try XLSXExport.file(view, grouping: options.grouping)]
        case .ics: return ICSExport.files(view)
        case .html: return [HTMLExport.file(view)]
        }
    }
}
