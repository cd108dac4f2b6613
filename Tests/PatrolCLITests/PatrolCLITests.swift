import Foundation
import PatrolInterchange
import PatrolSamples
import Testing

/// The built `patrol` binary, run as a community office would run it.
@Suite struct PatrolCLITests {
    private struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    /// The `patrol` executable next to the test bundle.
    private static let binary = Bundle.main.bundleURL.appendingPathComponent("patrol").path

    private func patrol(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
            errors: String(decoding: err, as: UTF8.self))
    }

    private func workspace() throws -> String {
        let path = NSTemporaryDirectory() + "patrol-cli-" + UUID().uuidString
        let community = CommunityGenerator.generate(
            CommunityGenerator.Options(volunteers: 30, grids: 3, tightness: .tight, seed: 11))
        try RosterWriter.write(CommunityWriter.files(community), to: path + "/community")
        return path
    }

    @Test func solveWritesTheRosterAndEndsWithTheScore() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(atPath: dir) }

        let run = try patrol([
            "solve", dir + "/community", "--out", dir + "/out", "--db", dir + "/patrol.sqlite",
            "--time-limit", "1", "--max-moves", "20000",
        ])

        #expect(run.status == 0, "\(run.output)\(run.errors)")
        let lastLine = run.output.split(separator: "\n").last.map(String.init) ?? ""
        #expect(lastLine.hasPrefix("score: "))
        #expect(run.output.contains("2.6 team_above_demand"))
        #expect(run.errors.isEmpty, "no progress line when standard error is not a terminal")
        for name in ["schedule.csv", "trainings.csv", "coverage.csv", "volunteers.csv"] {
            #expect(FileManager.default.fileExists(atPath: dir + "/out/" + name))
        }

        let check = try patrol(["check", dir + "/community", dir + "/out"])
        #expect(check.status == 0)
        #expect(check.output.split(separator: "\n").last.map(String.init) == lastLine)

        let list = try patrol(["schedules", "--db", dir + "/patrol.sqlite"])
        #expect(list.output.contains("长青社区"))

        let export = try patrol(["export", "1", "--out", dir + "/again", "--db", dir + "/patrol.sqlite"])
        #expect(export.status == 0)
        let first = try Data(contentsOf: URL(fileURLWithPath: dir + "/out/schedule.csv"))
        let again = try Data(contentsOf: URL(fileURLWithPath: dir + "/again/schedule.csv"))
        #expect(first == again)
    }

    @Test func badInputListsEveryProblemAndExitsNonZero() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "id,name,risk\nG1,一网格,4\nG1,重复,1\n"
            .write(toFile: dir + "/community/grids.csv", atomically: true, encoding: .utf8)

        let run = try patrol(["solve", dir + "/community", "--out", dir + "/out", "--db", dir + "/patrol.sqlite"])

        #expect(run.status != 0)
        #expect(run.output.contains("grids.csv:2"))
        #expect(run.output.contains("grids.csv:3"))
        #expect(run.output.contains("nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
    }

    @Test func exportsAStoredScheduleForTheOfficeOnRequest() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let solve = try patrol([
            "solve", dir + "/community", "--out", dir + "/out", "--db", dir + "/patrol.sqlite", "--max-moves", "5000",
        ])
        try #require(solve.status == 0, "\(solve.output)\(solve.errors)")

        let csv = try patrol([
            "export", "1", "--format", "csv", "--lang", "zh", "--by", "grid", "--out", dir + "/csv", "--db",
            dir + "/patrol.sqlite",
        ])
        #expect(csv.status == 0, "\(csv.errors)")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir + "/csv")
        #expect(names.filter { $0.hasPrefix("排班表_") }.count == 3, "one roster per grid: \(names)")
        #expect(names.contains("汇总.csv"))

        let ics = try patrol(["export", "1", "--format", "ics", "--out", dir + "/ics", "--db", dir + "/patrol.sqlite"])
        #expect(ics.status == 0)
        #expect(ics.output.contains("files in \(dir)/ics)"), "many calendars are counted, not listed")

        let wrong = try patrol(["export", "1", "--format", "ics", "--by", "grid", "--out", dir + "/x"])
        #expect(wrong.status != 0)
        #expect(wrong.errors.contains("ics cannot be split by grid"))
        let orphan = try patrol(["export", "1", "--full-phone", "--out", dir + "/x"])
        #expect(orphan.status != 0)
        #expect(orphan.errors.contains("--format"))
    }

    @Test func exportsAScenarioComparisonForTheOfficeFromARunAndFromTheStore() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try """
            name: 流感
            base: community
            changes:
              - unavailable: {filter: {age: 60+}, fraction: 0.5, dates: 2026-12-05..2026-12-15}
            """.write(toFile: dir + "/flu.yaml", atomically: true, encoding: .utf8)
        let db = ["--db", dir + "/patrol.sqlite"]

        let run = try patrol(
            ["scenario", "run", dir + "/flu.yaml", "--max-moves", "2000", "--out", dir + "/run", "--format", "html",
             "--lang", "en"] + db)

        #expect(run.status == 0, "\(run.output)\(run.errors)")
        #expect(run.output.contains("\(dir)/run/comparison.csv, \(dir)/run/scenario_comparison.html"))
        let page = try String(contentsOfFile: dir + "/run/scenario_comparison.html", encoding: .utf8)
        #expect(page.contains("Roster scenarios compared"))

        let compare = try patrol(["scenario", "compare", "1", "--format", "csv", "--out", dir + "/office"] + db)
        #expect(compare.status == 0, "\(compare.errors)")
        #expect(compare.output.hasSuffix("written: \(dir)/office/情景对比.csv\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/office") == ["情景对比.csv"])
        let csv = try Data(contentsOf: URL(fileURLWithPath: dir + "/office/情景对比.csv"))
        #expect(csv.starts(with: [0xEF, 0xBB, 0xBF]))

        let nowhere = try patrol(["scenario", "compare", "1", "--format", "html"] + db)
        #expect(nowhere.status != 0)
        #expect(nowhere.errors.contains("--out"))
        let orphan = try patrol(["scenario", "compare", "1", "--lang", "en", "--out", dir + "/x"] + db)
        #expect(orphan.status != 0)
        #expect(orphan.errors.contains("--format"))
    }

    @Test func exportOfAnUnknownScheduleSaysHowToFindOne() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(atPath: dir) }

        let run = try patrol(["export", "42", "--out", dir + "/x", "--db", dir + "/patrol.sqlite"])

        #expect(run.status != 0)
        #expect((run.output + run.errors).contains("patrol schedules"))
    }

    @Test func rejectsAMalformedMonthOption() throws {
        let run = try patrol(["solve", "somewhere", "--month", "2026-13"])
        #expect(run.status != 0)
        #expect(run.errors.contains("--month"))
    }

    @Test(arguments: [
        ["solve", "somewhere"], ["bench", "curtois", "Instance1.txt"], ["scenario", "run", "flu.yaml", "--out", "out"],
        ["repair", "1", "--unavailable", "V1", "--from", "2026-12-10"],
    ])
    func rejectsAMoveLimitBelowOne(command: [String]) throws {
        let run = try patrol(command + ["--max-moves", "0"])
        #expect(run.status != 0)
        #expect(run.errors.contains("--max-moves must be 1 or more, got 0."))
    }
}
