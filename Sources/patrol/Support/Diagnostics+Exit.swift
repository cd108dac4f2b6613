import ArgumentParser
import PatrolModel

/// Runs a command body, printing input errors the way a community office reads them
/// (every problem with file, line and column) and exiting non-zero.
func reportingInputErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let errors as InputErrors {
        print(describe(errors))
        throw ExitCode.failure
    }
}

/// The problems of each file, the first `perFile` of them in full: one wrong grid id can
/// make hundreds of rows wrong, and the first few say what to fix.
func describe(_ errors: InputErrors, perFile: Int = 20) -> String {
    let problems = errors.diagnostics.filter { $0.severity == .error }
    var lines = ["The community's files have \(problems.count) problem\(problems.count == 1 ? "" : "s"); nothing was written:"]
    var files: [String] = []
    var byFile: [String: [Diagnostic]] = [:]
    for diagnostic in errors.diagnostics {
        if byFile[diagnostic.location.file] == nil { files.append(diagnostic.location.file) }
        byFile[diagnostic.location.file, default: []].append(diagnostic)
    }
    for file in files {
        let all = byFile[file] ?? []
        lines += all.prefix(perFile).map { "  \($0)" }
        if all.count > perFile { lines.append("  … and \(all.count - perFile) more in \(file)") }
    }
    return lines.joined(separator: "\n")
}
