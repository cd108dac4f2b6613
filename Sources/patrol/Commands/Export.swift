import ArgumentParser
import PatrolInterchange
import PatrolKit

extension PatrolCommand {
    /// Writes a stored schedule's files again, or exports it for a community office.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a stored schedule's roster files again, or export it as CSV for Excel, "
                + "an Excel workbook, calendars or a printable page.",
            discussion: """
                Without --format, the contract's roster files are written byte for byte as first \
                written. Phone numbers are masked (138****5678) unless --full-phone is given.
                """)

        @Argument(help: "The schedule id, as `patrol schedules` lists it.")
        var id: Int64

        @Option(help: "Where to write the files.")
        var out: String

        @Option(help: "csv, xlsx, ics or html.")
        var format: ExportFormat?

        @Option(name: .customLong("lang"), help: "zh or en: headers, labels and dates (default zh).")
        var language: ExportLanguage?

        @Option(
            name: .customLong("by"),
            help: "grid, branch or volunteer: one CSV file or workbook sheet per group.")
        var grouping: ExportGrouping?

        @Flag(help: "Write phone numbers in full.")
        var fullPhone = false

        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            guard let format else {
                if language != nil || grouping != nil || fullPhone {
                    throw ValidationError("--lang, --by and --full-phone go with --format csv, xlsx, ics or html.")
                }
                return
            }
            if let grouping, !format.groupings.contains(grouping) {
                throw ValidationError("\(ExportError.unsupportedGrouping(format, grouping))")
            }
        }

        func run() throws {
            let workspace = try Workspace(databasePath: database.path)
            guard let format else {
                let files = try workspace.export(scheduleID: id, to: out)
                print("written: " + files.joined(separator: ", "))
                return
            }
            let options = ExportOptions(
                format: format, language: language ?? .zh, grouping: grouping, fullPhone: fullPhone)
            let files = try workspace.export(scheduleID: id, options: options, to: out)
            // A calendar per volunteer makes hundreds of files: name a few, count the rest.
            let shown = files.prefix(8).joined(separator: ", ")
            print("written: " + shown + (files.count > 8 ? ", … (\(files.count) files in \(out))" : ""))
        }
    }
}

extension ExportFormat: ExpressibleByArgument {}
extension ExportLanguage: ExpressibleByArgument {}
extension ExportGrouping: ExpressibleByArgument {}
