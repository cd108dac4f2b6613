/// Gives the files of one export names that every file system accepts, each used once.
///
/// Names come from what people wrote (grid names, branch names, volunteers' names), so the
/// characters Windows forbids (`\ / : * ? " < > |`), control characters and spaces become
/// `_`, a leading dot is dropped, and the stem is cut to 60 characters. A name already given,
/// compared without case as Windows and macOS do, gets `-2`, `-3`, … before its extension.
struct ExportFileNames {
    private var used: Set<String> = []

    mutating func name(_ stem: String, extension pathExtension: String) -> String {
        let base = Self.sanitized(stem)
        var candidate = "\(base).\(pathExtension)"
        var counter = 2
        while used.contains(candidate.lowercased()) {
            candidate = "\(base)-\(counter).\(pathExtension)"
            counter += 1
        }
        used.insert(candidate.lowercased())
        return candidate
    }

    static func sanitized(_ stem: String) -> String {
        let forbidden: Set<Character> = ["\\", "/", ":", "*", "?", "\"", "<", ">", "|"]
        var cleaned = String(
            stem.map { character in
                forbidden.contains(character) || character.isWhitespace
                    || character.unicodeScalars.contains { $0.properties.generalCategory == .control }
                    ? "_" : character
            })
        while cleaned.hasPrefix(".") { cleaned.removeFirst() }
        cleaned = String(cleaned.prefix(60))
        return cleaned.isEmpty ? "_" : cleaned
    }
}
