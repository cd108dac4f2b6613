/// Where in a community's files a problem was found.
public struct SourceLocation: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The file name, such as `volunteers.csv`.
    public var file: String
    /// 1-based line, when the problem is on one line.
    public var line: Int?
    /// The column, by header name (and its 1-based position when known).
    public var column: String?

    public init(file: String, line: Int? = nil, column: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `volunteers.csv:12 [max_shifts]`.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let column { text += " [\(column)]" }
        return text
    }
}

/// A problem found in input: an error stops the import, a warning is reported and passed over.
public struct Diagnostic: Hashable, Codable, Sendable, CustomStringConvertible {
    public enum Severity: String, Codable, Sendable {
        case error, warning
    }

    public var severity: Severity
    public var location: SourceLocation
    /// What is wrong, with the offending value quoted.
    public var message: String
    /// What was expected instead, when that helps to fix it.
    public var expected: String?

    public init(
        _ severity: Severity, _ location: SourceLocation, _ message: String, expected: String? = nil
    ) {
        self.severity = severity
        self.location = location
        self.message = message
        self.expected = expected
    }

    /// `volunteers.csv:12 [max_shifts]: error: "x" is not a whole number (expected: 0 or more)`.
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if let expected { text += " (expected \(expected))" }
        return text
    }
}

/// Input that cannot be used: every error found, so that all can be fixed in one go.
public struct InputErrors: Error, CustomStringConvertible, Sendable {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
