import PatrolModel

/// Failures of the application layer, worded for a community office.
public enum PatrolKitError: Error, CustomStringConvertible {
    /// The optimiser's score disagrees with the independent checker: a bug, never an input problem.
    case scoreMismatch(solver: Int, checker: Int)
    /// The optimiser wrote a schedule that breaks a hard rule: a bug, never an input problem.
    case hardRulesBroken([HardRule: Int])
    /// A directory the command needs is missing.
    case missingDirectory(String, hint: String)

    public var description: String {
        switch self {
        case .scoreMismatch(let solver, let checker):
            return "Internal error: the optimiser scored the schedule \(solver) but the checker "
                + "counts \(checker). Please report this with the community files."
        case .hardRulesBroken(let counts):
            let list = counts.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue): \($0.value)" }
            return "Internal error: the schedule breaks hard rules (\(list.joined(separator: ", "))). "
                + "Please report this with the community files."
        case .missingDirectory(let path, let hint):
            return "No directory at \(path). \(hint)"
        }
    }
}
