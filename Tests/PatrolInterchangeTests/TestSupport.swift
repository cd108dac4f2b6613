import Foundation
import PatrolModel
import Testing

@testable import PatrolInterchange

/// The folder of a community fixture in the test bundle.
func fixturePath(_ name: String) throws -> String {
    let root = try #require(Bundle.module.resourcePath, "the test bundle has no resources")
    return (root as NSString).appendingPathComponent("Fixtures/\(name)")
}

/// A scratch folder, removed when the value is no longer used.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent(
            "interchange-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// A copy of a fixture community with some files replaced or removed.
    convenience init(
        copying fixture: String, replacing files: [String: String] = [:], removing: [String] = []
    ) throws {
        try self.init()
        let source = try fixturePath(fixture)
        for name in try FileManager.default.contentsOfDirectory(atPath: source) {
            try FileManager.default.copyItem(atPath: source + "/" + name, toPath: path + "/" + name)
        }
        for name in removing { try FileManager.default.removeItem(atPath: path + "/" + name) }
        for (name, text) in files { try write(name, text) }
    }

    func write(_ name: String, _ text: String) throws {
        try write(name, Array(text.utf8))
    }

    func write(_ name: String, _ bytes: [UInt8]) throws {
        let target = path + "/" + name
        try? FileManager.default.removeItem(atPath: target)
        #expect(FileManager.default.createFile(atPath: target, contents: Data(bytes)))
    }

    func text(_ name: String) throws -> String {
        try String(contentsOfFile: path + "/" + name, encoding: .utf8)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// The errors of loading a community that must not load; records an issue when it loads.
func loadErrors(
    _ folder: TemporaryFolder, month: Month? = nil,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> [Diagnostic] {
    do {
        _ = try CommunityLoader().load(directory: folder.path, month: month)
        Issue.record("the community loaded without errors", sourceLocation: sourceLocation)
        return []
    } catch {
        return error.diagnostics.filter { $0.severity == .error }
    }
}

/// Expects one error at this file, line and column whose message holds `text`.
func expectError(
    _ diagnostics: [Diagnostic], file: String, line: Int?, column: String?, containing text: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let match = diagnostics.contains {
        $0.location.file == file && $0.location.line == line && $0.location.column == column
            && $0.message.contains(text) && $0.severity == .error
    }
    #expect(
        match,
        "no error \(file):\(line.map(String.init) ?? "-") [\(column ?? "-")] containing \(text) in:\n\(diagnostics.map(\.description).joined(separator: "\n"))",
        sourceLocation: sourceLocation)
}

/// A clock time of the tests, required to parse.
func time(_ text: String) throws -> TimeOfDay { try #require(TimeOfDay(text)) }

/// A month of the tests, required to parse.
func month(_ text: String) throws -> Month { try #require(Month(text)) }

func date(_ text: String) -> LocalDate {
    LocalDate(iso: text) ?? LocalDate(dayNumber: 0)
}
