import PatrolInterchange
import PatrolModel
import Yams

/// Reads a composed YAML node tree with every problem located at its node: the file, the
/// line and the column where the offending key or value starts, and the key path to it.
///
/// Scalars are read from their raw text, never from the type YAML 1.1 would give them
/// (`month: 2027-02` stays a month, `seed: 007` stays a number), as community.yaml is read.
/// Readers never stop at a problem: they record it and return nil, so that one pass
/// reports every mistake of a file.
struct YAMLReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    var hasErrors: Bool { errorCount > 0 }

    /// Errors so far: a reader compares it before and after a part to know whether the
    /// part was read cleanly.
    var errorCount: Int { diagnostics.count { $0.severity == .error } }

    // MARK: - Locations and problems

    /// `spring.yaml:7 [changes[2].unavailable.fraction, column 23]`.
    func location(_ node: Node, _ path: String) -> SourceLocation {
        let column = node.mark.map { "\(path), column \($0.column)" } ?? path
        return SourceLocation(file: file, line: node.mark?.line, column: column)
    }

    mutating func error(_ node: Node, _ path: String, _ message: String, expected: String? = nil) {
        diagnostics.append(Diagnostic(.error, location(node, path), message, expected: expected))
    }

    mutating func warn(_ node: Node, _ path: String, _ message: String, expected: String? = nil) {
        diagnostics.append(Diagnostic(.warning, location(node, path), message, expected: expected))
    }

    // MARK: - Mappings: known keys only

    /// A mapping's entries by key.
    struct Fields {
        /// The mapping itself, where problems about missing keys point.
        let node: Node
        let path: String
        private(set) var entries: [String: (key: Node, value: Node)] = [:]
        /// Keys in the order written.
        private(set) var keys: [String] = []
        /// Whether the mapping had keys that are not allowed (already reported): a missing
        /// key is then most likely the misspelt one and is not reported again.
        fileprivate(set) var hadUnknownKeys = false

        init(node: Node, path: String) {
            self.node = node
            self.path = path
        }

        mutating func add(_ key: String, _ keyNode: Node, _ value: Node) {
            entries[key] = (keyNode, value)
            keys.append(key)
        }

        subscript(key: String) -> Node? { entries[key]?.value }

        func has(_ key: String) -> Bool { entries[key] != nil }

        /// `changes[2].unavailable.fraction`.
        func path(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
    }

    /// The entries of a mapping whose keys must be among `allowed`; an unknown key is an
    /// error that names the nearest known key.
    mutating func fields(_ node: Node, _ path: String, allowed: [String], what: String) -> Fields? {
        guard case .mapping(let mapping) = node else {
            error(
                node, path, "\(what) is not written as key: value pairs",
                expected: "a mapping with the keys \(allowed.joined(separator: ", "))")
            return nil
        }
        var fields = Fields(node: node, path: path)
        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? ""
            guard allowed.contains(key) else {
                var expected = "one of \(allowed.joined(separator: ", "))"
                if let near = Self.nearest(key, in: allowed) { expected = "\(near)? (\(expected))" }
                error(
                    keyNode, fields.path(key), "unknown key \(quoted(key)) in \(what)",
                    expected: expected)
                fields.hadUnknownKeys = true
                continue
            }
            fields.add(key, keyNode, value)
        }
        return fields
    }

    /// A required entry; its absence is an error at the mapping.
    mutating func required(_ fields: Fields, _ key: String, expected: String) -> Node? {
        if let node = fields[key] { return node }
        guard !fields.hadUnknownKeys else { return nil }
        error(fields.node, fields.path(key), "\(quoted(key)) is missing", expected: expected)
        return nil
    }

    /// The allowed key within two edits of `key`, to suggest for a typo.
    static func nearest(_ key: String, in allowed: [String]) -> String? {
        let candidates = allowed.map { ($0, editDistance(key, $0)) }.filter { $0.1 <= 2 }
        return candidates.min { $0.1 < $1.1 }?.0
    }

    /// Levenshtein distance, by the two-row dynamic programme.
    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            previous = current
        }
        return previous[b.count]
    }

    // MARK: - Scalars

    static func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar, scalar.style == .plain || scalar.style == .any else {
            return false
        }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// A scalar's raw text, trimmed; nil and an error for a list, a mapping or nothing.
    mutating func text(_ node: Node, _ path: String, expected: String) -> String? {
        guard let scalar = node.scalar else {
            error(node, path, "\(path) is a list or mapping", expected: expected)
            return nil
        }
        let text = scalar.string.trimmingCharacters(in: .whitespaces)
        guard !Self.isNull(node), !text.isEmpty else {
            error(node, path, "\(path) is empty", expected: expected)
            return nil
        }
        return text
    }

    /// A scalar read by `parse`; nil and an error when it does not parse.
    mutating func value<T>(
        _ node: Node, _ path: String, expected: String,
        _ parse: (String) -> Result<T, ValueError>
    ) -> T? {
        guard let text = text(node, path, expected: expected) else { return nil }
        switch parse(text) {
        case .success(let value): return value
        case .failure(let problem):
            error(node, path, problem.message, expected: problem.expected ?? expected)
            return nil
        }
    }

    /// The items of a list: a YAML sequence of scalars, or one scalar whose items are
    /// separated by `,` `;` `、` (and their full-width forms); nil when any item is bad.
    mutating func items(_ node: Node, _ path: String, expected: String) -> [String]? {
        var items: [String] = []
        if case .sequence(let sequence) = node {
            for (index, item) in sequence.enumerated() {
                guard let text = text(item, "\(path)[\(index + 1)]", expected: expected) else {
                    return nil
                }
                items.append(text)
            }
        } else {
            guard let text = text(node, path, expected: expected) else { return nil }
            items = text.split(whereSeparator: { ",，;；、".contains($0) })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        guard !items.isEmpty else {
            error(node, path, "\(path) lists nothing", expected: expected)
            return nil
        }
        return items
    }

    // MARK: - Numbers written in scenario files

    /// `0.33` or `33%`: a share from 0 to 1.
    static func fraction(_ text: String) -> Result<Double, ValueError> {
        let expected = "a share from 0 to 1, such as 0.33 or 33%"
        let percent = text.hasSuffix("%")
        let digits = percent ? String(text.dropLast()) : text
        guard digits.allSatisfy({ $0.isNumber || $0 == "." }),
            digits.contains(where: \.isNumber), let value = Double(digits)
        else {
            return .failure(ValueError("\(quoted(text)) is not a share", expected: expected))
        }
        let share = percent ? value / 100 : value
        guard (0...1).contains(share) else {
            return .failure(
                ValueError("\(quoted(text)) is more than the whole", expected: expected))
        }
        return .success(share)
    }

    /// A seed: a whole number from 0 to 2^64 − 1.
    static func seed(_ text: String) -> Result<UInt64, ValueError> {
        guard text.allSatisfy(\.isNumber), let seed = UInt64(text) else {
            return .failure(
                ValueError(
                    "\(quoted(text)) is not a seed",
                    expected: "a whole number from 0 to 18446744073709551615"))
        }
        return .success(seed)
    }

    /// A whole number, negative allowed (`add: -1`).
    static func signedNumber(_ text: String) -> Result<Int, ValueError> {
        CellValues.wholeNumber(text, minimum: -1_000_000)
    }
}

/// Quotes a value the way every message shows it: `"2027-13-01"`.
func quoted(_ text: some StringProtocol) -> String { "\"\(text)\"" }
