import Foundation
import PatrolModel
import Testing
import ZIPFoundation

@testable import PatrolInterchange

/// One export of the sample and the folder of `Fixtures/exports` holding its expected files.
struct GoldenCase: Sendable, CustomTestStringConvertible {
    let folder: String
    let options: ExportOptions

    var testDescription: String { folder }

    static let all: [GoldenCase] = [
        GoldenCase(folder: "csv-zh", options: ExportOptions(format: .csv, language: .zh)),
        GoldenCase(folder: "csv-en", options: ExportOptions(format: .csv, language: .en)),
        GoldenCase(folder: "csv-zh-grid", options: ExportOptions(format: .csv, language: .zh, grouping: .grid)),
        GoldenCase(folder: "csv-zh-branch", options: ExportOptions(format: .csv, language: .zh, grouping: .branch)),
        GoldenCase(
            folder: "csv-en-volunteer-full-phone",
            options: ExportOptions(format: .csv, language: .en, grouping: .volunteer, fullPhone: true)),
        GoldenCase(folder: "xlsx-zh", options: ExportOptions(format: .xlsx, language: .zh)),
        GoldenCase(folder: "xlsx-en-branch", options: ExportOptions(format: .xlsx, language: .en, grouping: .branch)),
        GoldenCase(folder: "ics-zh", options: ExportOptions(format: .ics, language: .zh)),
        GoldenCase(folder: "ics-en", options: ExportOptions(format: .ics, language: .en)),
        GoldenCase(folder: "html-zh", options: ExportOptions(format: .html, language: .zh)),
        GoldenCase(folder: "html-en", options: ExportOptions(format: .html, language: .en)),
    ]
}

/// Compares exports of ``ExportSample`` with the files under `Fixtures/exports`, byte for
/// byte; a workbook is compared part by part, unzipped, so that a different zlib cannot
/// fail the test. `PATROL_UPDATE_GOLDENS=1 swift test` rewrites the expected files instead.
@Suite("Export golden files")
struct ExportGoldenTests {
    static let goldenRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/exports").path
    static let updating = ProcessInfo.processInfo.environment["PATROL_UPDATE_GOLDENS"] == "1"

    @Test(arguments: GoldenCase.all)
    func exportMatchesItsGoldenFiles(_ golden: GoldenCase) throws {
        let files = try RosterExporter.files(
            community: ExportSample.community(), schedule: ExportSample.schedule, options: golden.options)
        try Self.expectGolden(try Self.comparable(files, format: golden.options.format), folder: golden.folder)
    }

    /// Expects the files, by path, to be those of `Fixtures/exports/<folder>`, byte for byte;
    /// with `PATROL_UPDATE_GOLDENS=1`, writes them there instead.
    static func expectGolden(
        _ expected: [String: [UInt8]], folder name: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let folder = goldenRoot + "/" + name
        if updating {
            try? FileManager.default.removeItem(atPath: folder)
            for (path, bytes) in expected {
                let target = folder + "/" + path
                try FileManager.default.createDirectory(
                    atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(bytes).write(to: URL(fileURLWithPath: target))
            }
            return
        }
        let stored = try filesUnder(folder)
        #expect(stored.keys.sorted() == expected.keys.sorted(), "file names of \(name)", sourceLocation: sourceLocation)
        for (path, bytes) in expected {
            guard let golden = stored[path] else { continue }
            #expect(
                bytes == golden,
                "\(path) differs from its golden file; PATROL_UPDATE_GOLDENS=1 rewrites it:\n\(String(decoding: bytes, as: UTF8.self))",
                sourceLocation: sourceLocation
            )
        }
    }

    /// The files as they are; a workbook as its unzipped parts, by path.
    static func comparable(_ files: [OutputFile], format: ExportFormat) throws -> [String: [UInt8]] {
        guard format == .xlsx else {
            return Dictionary(files.map { ($0.name, $0.contents) }, uniquingKeysWith: { first, _ in first })
        }
        var parts: [String: [UInt8]] = [:]
        for file in files {
            for (path, bytes) in try unzipped(file.contents) { parts[file.name + "/" + path] = bytes }
        }
        return parts
    }

    /// Every entry of a ZIP archive, by path, in archive order.
    static func unzipped(_ archiveBytes: [UInt8]) throws -> [(String, [UInt8])] {
        let archive = try Archive(data: Data(archiveBytes), accessMode: .read)
        return try archive.map { entry in
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return (entry.path, [UInt8](data))
        }
    }

    private static func filesUnder(_ folder: String) throws -> [String: [UInt8]] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [:] }
        var files: [String: [UInt8]] = [:]
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory)
            if !isDirectory.boolValue {
                files[path] = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/" + path)))
            }
        }
        return files
    }
}
