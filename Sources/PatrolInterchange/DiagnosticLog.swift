import PatrolModel

/// Errors and warnings found while reading input, kept in the order they were found.
///
/// Readers report into a log instead of stopping at the first problem, so that a community
/// office sees every mistake of every file in one go.
struct DiagnosticLog {
    private(set) var errors: [Diagnostic] = []
    private(set) var warnings: [Diagnostic] = []

    var hasErrors: Bool { !errors.isEmpty }

    mutating func error(_ location: SourceLocation, _ message: String, expected: String? = nil) {
        errors.append(Diagnostic(.error, location, message, expected: expected))
    }

    mutating func warn(_ location: SourceLocation, _ message: String, expected: String? = nil) {
        warnings.append(Diagnostic(.warning, location, message, expected: expected))
    }

    /// Adds diagnostics collected elsewhere, each to the list of its severity.
    mutating func append(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            switch diagnostic.severity {
            case .error: errors.append(diagnostic)
            case .warning: warnings.append(diagnostic)
            }
        }
    }

    /// Every error, then every warning: what a failed import reports.
    var failure: InputErrors { InputErrors(errors + warnings) }
}

/// Why a cell's text is not a valid value.
///
/// `message` quotes the text as written; `expected` says what would have been accepted.
struct ValueProblem: Error, Equatable {
    var message: String
    var expected: String?

    init(_ message: String, expected: String? = nil) {
        self.message = message
        self.expected = expected
    }
}

/// Quotes a value the way every message shows it: `"2026-13-01"`.
func quoted(_ text: some StringProtocol) -> String { "\"\(text)\"" }
