import Foundation
import PatrolKit
import PatrolSolver

/// The live progress line on a terminal: score, coverage, elapsed time and moves.
/// Silent when standard error is not a terminal, so logs and pipes stay clean.
final class TerminalProgress {
    private let enabled = isatty(FileHandle.standardError.fileDescriptor) != 0
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
        write("\r\u{1B}[K")
        shown = false
    }

    private func show(_ text: String) {
        write("\r\u{1B}[K" + text)
        shown = true
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
