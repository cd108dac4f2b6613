import CSV
import Foundation
import PatrolModel

/// One column a CSV file may have: its English name and the other headers that mean it.
struct ColumnSpec: Sendable {
    let name: String
    /// Chinese headers and other spellings, matched like the English name.
    let aliases: [String]
    let isRequired: Bool

    init(_ name: String, _ aliases: [String], required: Bool = false) {
        self.name = name
        self.aliases = aliases
        self.isRequired = required
    }
}

/// A known column found in a file's header row.
struct HeaderColumn {
    /// 0-based position in each row.
    let index: Int
    /// The header exactly as the file writes it, for messages.
    let header: String
}

/// One data row with the 1-based line of the file it starts on.
struct CSVRow {
    let line: Int
    let cells: [String]
}

/// A CSV file read against a list of known columns: header aliases resolved, rows numbered.
///
/// Headers match their English name case-insensitively or one of the aliases; a header
/// nobody knows is ignored with a warning. Cells are trimmed; blank rows are skipped but
/// still counted as lines. CSV.swift parses the fields; it reports neither line numbers nor
/// malformed quoting, so `CSVShape` checks the quoting first and a row's line is counted
/// as the header's line 1 plus every earlier row, each taking one line more per line break
/// inside its quoted fields.
struct CSVTable {
    let file: String
    /// Where each known column is, by English name.
    let columns: [String: HeaderColumn]
    let rows: [CSVRow]

    /// Reads `text` as the CSV file `file`; nil when the file cannot be used at all (empty,
    /// not CSV, or a required column missing), with the reasons in `log`.
    static func parse(
        _ text: String, file: String, columns specs: [ColumnSpec], log: inout DiagnosticLog
    ) -> CSVTable? {
        guard !text.allSatisfy(\.isWhitespace) else {
            log.error(
                SourceLocation(file: file), "the file is empty",
                expected:
                    "a header row such as \(specs.filter(\.isRequired).map(\.name).joined(separator: ","))"
            )
            return nil
        }
        if let problem = CSVShape.problem(in: text) {
            log.error(
                SourceLocation(file: file, line: problem.line), problem.message,
                expected: problem.expected)
            return nil
        }
        let records: [[String]]
        do {
            records = Array(try CSVReader(string: text, hasHeaderRow: false))
        } catch {
            log.error(SourceLocation(file: file, line: 1), "the file is not CSV: \(error)")
            return nil
        }
        guard let header = records.first else { return nil }
        guard let columns = resolveHeader(header, file: file, specs: specs, log: &log) else {
            return nil
        }

        var rows: [CSVRow] = []
        var line = 1 + lineBreaks(in: header) + 1
        for cells in records.dropFirst() {
            let trimmed = cells.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            if trimmed.contains(where: { !$0.isEmpty }) {
                rows.append(CSVRow(line: line, cells: trimmed))
            }
            line += lineBreaks(in: cells) + 1
        }
        return CSVTable(file: file, columns: columns, rows: rows)
    }

    /// Maps the header row to known columns; nil when a required one is missing or a
    /// column is given twice.
    private static func resolveHeader(
        _ header: [String], file: String, specs: [ColumnSpec], log: inout DiagnosticLog
    ) -> [String: HeaderColumn]? {
        var byAlias: [String: String] = [:]
        for spec in specs {
            for alias in [spec.name] + spec.aliases { byAlias[alias.lowercased()] = spec.name }
        }
        var columns: [String: HeaderColumn] = [:]
        var usable = true
        for (index, written) in header.enumerated() {
            let key = written.trimmingCharacters(in: .whitespacesAndNewlines)
                .replacingOccurrences(of: "\u{FEFF}", with: "").lowercased()
            guard let name = byAlias[key] else {
                if !key.isEmpty {
                    log.warn(
                        SourceLocation(file: file, line: 1, column: written),
                        "unknown column \(quoted(written)) ignored",
                        expected: "one of \(specs.map(\.name).joined(separator: ", "))")
                }
                continue
            }
            if let first = columns[name] {
                log.error(
                    SourceLocation(file: file, line: 1, column: written),
                    "the column \(quoted(written)) repeats column \(quoted(first.header))",
                    expected: "each column once")
                usable = false
            } else {
                columns[name] = HeaderColumn(index: index, header: written)
            }
        }
        for spec in specs where spec.isRequired && columns[spec.name] == nil {
            var expected = "a header row with the column \(spec.name)"
            if let alias = spec.aliases.first { expected += " (or \(alias))" }
            if header.count == 1, header[0].contains(where: { $0 == ";" || $0 == "\t" }) {
                expected += "; columns must be separated by commas"
            }
            log.error(
                SourceLocation(file: file, line: 1, column: spec.name),
                "the required column \(quoted(spec.name)) is missing", expected: expected)
            usable = false
        }
        return usable ? columns : nil
    }

    /// Line breaks inside a record's fields: `\n`, `\r\n` or a lone `\r`, as `CSVShape` counts them.
    private static func lineBreaks(in cells: [String]) -> Int {
        cells.reduce(0) { count, cell in
            count
                + cell.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars
                .filter { $0 == "\n" || $0 == "\r" }.count
        }
    }

    func has(_ column: String) -> Bool { columns[column] != nil }

    /// Accessors for one row's cells that collect the row's problems.
    func fields(_ row: CSVRow) -> RowFields { RowFields(table: self, row: row) }
}

/// The cells of one row, read by column name, with every problem found in them.
///
/// Accessors never fail: a bad or missing value is recorded in `problems` and a default
/// is returned, so one pass reports every bad cell of the row; a row with problems is
/// then left out of the result.
struct RowFields {
    let table: CSVTable
    let row: CSVRow
    private(set) var problems: [Diagnostic] = []

    init(table: CSVTable, row: CSVRow) {
        self.table = table
        self.row = row
    }

    var line: Int { row.line }
    var isValid: Bool { problems.isEmpty }

    /// The trimmed cell, empty when the column is absent or the row is short.
    func text(_ column: String) -> String {
        guard let index = table.columns[column]?.index, index < row.cells.count else { return "" }
        return row.cells[index]
    }

    /// This row's cell in `column`, named by the header as the file writes it.
    func location(_ column: String) -> SourceLocation {
        SourceLocation(
            file: table.file, line: row.line, column: table.columns[column]?.header ?? column)
    }

    mutating func fail(_ column: String, _ message: String, expected: String? = nil) {
        problems.append(Diagnostic(.error, location(column), message, expected: expected))
    }

    mutating func fail(_ column: String, _ problem: ValueProblem) {
        fail(column, problem.message, expected: problem.expected)
    }

    /// The cell's text; an error when it is empty.
    mutating func requiredText(_ column: String, expected: String) -> String {
        let text = text(column)
        if text.isEmpty { fail(column, "the \(column) is empty", expected: expected) }
        return text
    }

    /// The parsed cell, or `defaultValue` when it is empty or bad (bad is recorded).
    mutating func value<T>(
        _ column: String, default defaultValue: T, _ parse: (String) -> Result<T, ValueProblem>
    ) -> T {
        optionalValue(column, parse) ?? defaultValue
    }

    /// The parsed cell, or nil when it is empty or bad (bad is recorded).
    mutating func optionalValue<T>(
        _ column: String, _ parse: (String) -> Result<T, ValueProblem>
    ) -> T? {
        let text = text(column)
        guard !text.isEmpty else { return nil }
        switch parse(text) {
        case .success(let value): return value
        case .failure(let problem):
            fail(column, problem)
            return nil
        }
    }

    /// The parsed cell; an error when it is empty.
    mutating func requiredValue<T>(
        _ column: String, expected: String, _ parse: (String) -> Result<T, ValueProblem>
    ) -> T? {
        if text(column).isEmpty {
            fail(column, "the \(column) is empty", expected: expected)
            return nil
        }
        return optionalValue(column, parse)
    }
}

/// The quoting check CSV.swift does not make: it reads an unclosed quote to the end of the
/// file and garbles text after a closing quote, where both mean the file is not CSV.
enum CSVShape {
    struct Problem {
        let line: Int
        let message: String
        let expected: String
    }

    /// The first quoting mistake in `text`, with the line it is on.
    static func problem(in text: String) -> Problem? {
        let expected =
            "CSV text: a field that starts with \" ends with \" (write \"\" for a quote inside)"
        var line = 1
        var quoteLine = 0
        var inQuotes = false
        var atFieldStart = true
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            if inQuotes {
                if scalar == "\"" {
                    if pending == "\"" {
                        pending = scalars.next()
                    } else if pending == nil || pending == "," || pending == "\r" || pending == "\n"
                    {
                        inQuotes = false
                    } else {
                        return Problem(
                            line: line,
                            message:
                                "the file is not CSV: text follows the closing quote of a field",
                            expected: expected)
                    }
                } else if scalar == "\n" || (scalar == "\r" && pending != "\n") {
                    line += 1
                }
                continue
            }
            switch scalar {
            case "\"" where atFieldStart:
                inQuotes = true
                quoteLine = line
                atFieldStart = false
            case ",":
                atFieldStart = true
            case "\n":
                line += 1
                atFieldStart = true
            case "\r":
                if pending != "\n" { line += 1 }
                atFieldStart = true
            default:
                atFieldStart = false
            }
        }
        guard !inQuotes else {
            return Problem(
                line: quoteLine,
                message: "the file is not CSV: a quote opened on line \(quoteLine) is never closed",
                expected: expected)
        }
        return nil
    }
}
