import ArgumentParser
import PatrolModel

/// Runs a command body, printing input errors the way a community office reads them
/// (every problem, with file, line and column) and exiting non-zero.
func reportingInputErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let errors as InputErrors {
        let count = errors.diagnostics.count
        print("The community's files have \(count) problem\(count == 1 ? "" : "s"); nothing was written:")
        for diagnostic in errors.diagnostics { print("  \(diagnostic)") }
        throw ExitCode.failure
    }
}
