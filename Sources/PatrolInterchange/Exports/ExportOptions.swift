/// A file format a community office uses as it is.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// CSV for Excel: UTF-8 with a BOM, `\r\n` line ends.
    case csv
    /// An Excel workbook: a summary sheet, one sheet per grid (or branch), trainings, hours.
    case xlsx
    /// iCalendar (RFC 5545): one calendar per volunteer, for their phone.
    case ics
    /// A self-contained, printable A4 page: calendars, coverage, trainings, honour roll.
    case html

    /// The groupings the format can split its output by; the first is what no grouping gives.
    ///
    /// CSV writes one roster file, or one per grid, branch or volunteer; a workbook has one
    /// sheet per grid or per branch; calendars are always one per volunteer, and the printed
    /// page has one calendar per grid.
    public var groupings: [ExportGrouping] {
        switch self {
        case .csv: [.grid, .branch, .volunteer]
        case .xlsx: [.grid, .branch]
        case .ics: [.volunteer]
        case .html: [.grid]
        }
    }
}

/// The language of headers, labels and dates.
public enum ExportLanguage: String, CaseIterable, Sendable {
    /// Chinese headers, `2026年12月5日` and `周六`, period names as `community.yaml` gives them.
    case zh
    /// English headers, ISO dates, `Sat`, period ids.
    case en
}

/// What one file (CSV), sheet (XLSX) or calendar (ICS, HTML) holds.
public enum ExportGrouping: String, CaseIterable, Sendable {
    /// One per grid.
    case grid
    /// One per Party or building branch (volunteers without a branch together).
    case branch
    /// One per volunteer who patrols or trains.
    case volunteer
}

/// How a schedule is exported.
///
/// Phone numbers are masked (`138****5678`) unless `fullPhone` is set: exports end up on
/// notice boards and in group chats.
public struct ExportOptions: Hashable, Sendable {
    public var format: ExportFormat
    public var language: ExportLanguage
    /// How the output is split; nil is the format's usual layout (CSV: one roster file;
    /// XLSX: a sheet per grid; ICS: a calendar per volunteer; HTML: a calendar per grid).
    public var grouping: ExportGrouping?
    /// Writes phone numbers in full instead of masked.
    public var fullPhone: Bool

    public init(
        format: ExportFormat, language: ExportLanguage = .zh, grouping: ExportGrouping? = nil,
        fullPhone: Bool = false
    ) {
        self.format = format
        self.language = language
        self.grouping = grouping
        self.fullPhone = fullPhone
    }
}

/// Options an export cannot honour.
public enum ExportError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The format cannot be split that way.
    case unsupportedGrouping(ExportFormat, ExportGrouping)
    /// The workbook's ZIP archive could not be built in memory.
    case workbookNotWritten(String)

    public var description: String {
        switch self {
        case .unsupportedGrouping(let format, let grouping):
            let allowed = format.groupings.map(\.rawValue).joined(separator: ", ")
            return "\(format.rawValue) cannot be split by \(grouping.rawValue); "
                + "use --by \(allowed), or leave --by out."
        case .workbookNotWritten(let reason):
            return "The Excel workbook could not be built: \(reason)."
        }
    }
}
