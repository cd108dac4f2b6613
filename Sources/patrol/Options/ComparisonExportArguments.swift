import ArgumentParser
import PatrolInterchange

/// `--format` and `--lang` of the scenario commands: the comparison for a community office.
struct ComparisonExportArguments: ParsableArguments {
    @Option(help: "csv or html: the comparison for the office, CSV for Excel or a printable page (needs --out).")
    var format: ComparisonExportFormat?

    @Option(name: .customLong("lang"), help: "zh or en: headers and labels of --format (default zh).")
    var language: ExportLanguage?

    /// The export asked for, if any.
    var options: ComparisonExportOptions? {
        format.map { ComparisonExportOptions(format: $0, language: language ?? .zh) }
    }

    func validate() throws {
        if format == nil, language != nil {
            throw ValidationError("--lang goes with --format csv or html.")
        }
    }

    /// Refuses an export with nowhere to write it.
    func requireOutput(_ out: String?) throws {
        if format != nil, out == nil {
            throw ValidationError("--format writes a file: add --out DIR.")
        }
    }
}

extension ComparisonExportFormat: ExpressibleByArgument {}
