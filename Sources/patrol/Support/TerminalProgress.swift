#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import PatrolKit
import PatrolSolver

/// The live progress line on a terminal: score, coverage, elapsed time and moves.
/// Silent when standard error is not a terminal, so logs and pipes stay clean.
final class TerminalProgress {
    private let enabled = isatty(STDERR_FILENO) != 0
    private var shown = false

    func handle(_ event: SolverEvent) {
        guard enabled else { return }
        switch event {
        case .phaseStarted(let name):
            show("\(name)…")
        case .bestScoreImproved(let progress), .heartbeat(let progress):
            show("score \(progress.score)  coverage \(SummaryText.format(progress.coverage * 100))%  "
                + "\(SummaryText.format(progress.elapsed.seconds)) s  \(progress.movesEvaluated) moves")
        }
    }

    /// Clears the line before the summary is printed.
    func finish() {
        guard enabled, shown else { return }
        fputs("\r\u{1B}[K", stderr)
        shown = false
    }

    private func show(_ text: String) {
        fputs("\r\u{1B}[K" + text, stderr)
        shown = true
    }
}
