import Foundation
import PatrolModel
import Testing

@testable import PatrolInterchange

/// Every kind of bad input the contract's section 5 names, each reported with file, line
/// and column, the bad value quoted.
@Suite("Reporting bad community input")
struct InputErrorTests {
    static let volunteerHeader =
        "id,name,phone,party_member,branch,affiliation,home_grid,skills,max_shifts,min_shifts,available,unavailable,night_ok,trained_on,birth_year\n"

    // MARK: - Files that cannot be read at all.

    @Test func reportsAMissingRequiredFile() throws {
        let folder = try TemporaryFolder(copying: "valid-en", removing: ["grids.csv"])
        let errors = loadErrors(folder)
        expectError(errors, file: "grids.csv", line: nil, column: nil, containing: "missing")
        #expect(errors.count == 1, "home grids are not reported unknown when grids.csv is missing")
    }

    @Test func reportsAMissingFolder() {
        do {
            _ = try CommunityLoader().load(directory: "/nonexistent/community")
            Issue.record("loaded")
        } catch {
            expectError(
                error.diagnostics, file: "/nonexistent/community", line: nil, column: nil,
                containing: "does not exist")
        }
    }

    @Test func reportsAnEmptyFile() throws {
        let folder = try TemporaryFolder(
            copying: "valid-en", replacing: ["volunteers.csv": "\n  \n"])
        expectError(
            loadErrors(folder), file: "volunteers.csv", line: nil, column: nil, containing: "empty")
    }

    @Test func reportsBinaryBytesAsNotCSV() throws {
        let folder = try TemporaryFolder(copying: "valid-en")
        try folder.write(
            "demand.csv", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D])
        expectError(
            loadErrors(folder), file: "demand.csv", line: nil, column: nil, containing: "binary")
    }

    @Test func reportsBytesThatAreNeitherUTF8NorGB18030() throws {
        let folder = try TemporaryFolder(copying: "valid-en")
        try folder.write("grids.csv", Array("id,name\nG1,".utf8) + [0xFF, 0xFF, 0x0A])
        expectError(
            loadErrors(folder), file: "grids.csv", line: nil, column: nil,
            containing: "neither UTF-8 nor GB18030")
    }

    @Test func reportsAnUnbalancedQuoteOnTheLineItOpens() throws {
        let folder = try TemporaryFolder(
            copying: "valid-en", replacing: ["grids.csv": "id,name\nG1,东区\nG2,\"西区\nG3,北区\n"])
        expectError(
            loadErrors(folder), file: "grids.csv", line: 3, column: nil, containing: "never closed")
    }

    @Test func reportsTextAfterAClosingQuote() throws {
        let folder = try TemporaryFolder(
            copying: "valid-en", replacing: ["grids.csv": "id,name\nG1,东区\nG2,\"西\"区\nG3,北区\n"])
        expectError(
            loadErrors(folder), file: "grids.csv", line: 3, column: nil, containing: "closing quote"
        )
    }

    @Test func reportsAMissingRequiredColumnByItsName() throws {
        let folder = try TemporaryFolder(
            copying: "valid-en", replacing: ["volunteers.csv": "id,name,phone\nV1,张伟,1380000\n"])
        let errors = loadErrors(folder)
        expectError(
            errors, file: "volunteers.csv", line: 1, column: "home_grid", containing: "missing")
    }

    @Test func hintsAtTheSeparatorWhenTheHeaderIsOneColumn() throws {
        let folder = try TemporaryFolder(
            copying: "valid-en",
            replacing: ["demand.csv": "grid;period;days;volunteers\n*;*;all;1\n"])
        let errors = loadErrors(folder)
        expectError(errors, file: "demand.csv", line: 1, column: "grid", containing: "missing")
        #expect(errors.contains { $0.expected?.contains("separated by commas") ?? false })
    }

    @Test func reportsAColumnGivenTwice() throws {
        let folder = try TemporaryFolder(
            copying: "valid-en",
            replacing: ["history.csv": "volunteer,志愿者,month,shifts\nV1,V1,2026-12,3\n"])
        expectError(
            loadErrors(folder), file: "history.csv", line: 1, column: "志愿者", containing: "repeats")
    }

    // MARK: - Duplicate and unknown ids.

    @Test func reportsDuplicateIdsOfVolunteersGridsAndSessions() throws {
        let folder = try TemporaryFolder(
            copying: "valid-en",
            replacing: [
                "volunteers.csv": Self.volunteerHeader
                    + "V1,张伟,,,,,G1,,,,,,,,\nV1,李娜,,,,,G2,,,,,,,,\n",
                "grids.csv": "id,name\nG1,东区\nG2,西区\nG3,北区\nG2,又一个\n",
                "trainings.csv":
                    "id,date,start,end\nT1,2027-01-05,14:00,16:00\nT1,2027-01-06,14:00,16:00\n",
            ])
        let errors = loadErrors(folder)
        expectError(
            errors, file: "volunteers.csv", line: 3, column: "id",
            containing: "\"V1\" is used twice (first on line 2)")
        expectError(
            errors, file: "grids.csv", line: 5, column: "id", containing: "\"G2\" is used twice")
        expectError(
            errors, file: "trainings.csv", line: 3, column: "id", containing: "\"T1\" is used twice"
        )
    }

    @Test func reportsADuplicatePeriodIdWithItsLine() throws {
        let yaml = """
            month: 2027-01
            periods:
              - {id: evening, start: "19:00", end: "21:00"}
              - {id: evening, start: "21:00", end: "23:00"}
            """
        let folder = try TemporaryFolder(copying: "valid-en", replacing: ["community.yaml": yaml])
        expectError(
            loadErrors(folder), file: "community.yaml", line: 4, column: "periods[2].id",
            containing: "\"evening\" is used twice")
    }

    @Test func reportsUnknownGridsWhereverTheyAreNamed() throws {
        let folder = try TemporaryFolder(
            copying: "valid-en",
            replacing: [
                "volunteers.csv": Self.volunteerHeader + "V1,张伟,,,,,G7,,,,,,,,\n",
                "grids.csv": "id,name,neighbors\nG1,东区,G2\nG2,西区,G9\nG3,北区,\n",
                "demand.csv": "grid,period,days,volunteers\nG1;G8,evening,all,1\n",
            ])
        let errors = loadErrors(folder)
        expectError(
            errors, file: "volunteers.csv", line: 2, column: "home_grid",
            containing: "unknown grid \"G7\"")
        expectError(
            errors, file: "grids.csv", line: 3, column: "neighbors",
            containing: "unknown grid \"G9\"")
        expectError(
            errors, file: "demand.csv", line: 2, column: "grid", containing: "unknown grid \"G8\"")
    }

    @Test func reportsUnknownPeriodsWhereverTheyAreNamed() throws {
        let folder = try TemporaryFolder(
            copying: "valid-en",
            replacing: [
                "volunteers.csv": Self.volunteerHeader + "V1,张伟,,,,,G1,,,,Mon:noon,,,,\n",
                "demand.csv": "grid,period,days,volunteers\nG1,evening,all,1\nG1,afternoon,all,1\n",
                "requests.csv": "volunteer,date,period,kind\nV1,2027-01-05,dawn,on\n",
            ])
        let errors = loadErrors(folder)
        expectError(
            errors, file: "volunteers.csv", line: 2, column: "available",
            containing: "unknown period \"noon\"")
        expectError(
            errors, file: "demand.csv", line: 3, column: "period",
            containing: "unknown period \"afternoon\"")
        expectError(
            errors, file: "requests.csv", line: 2, column: "period",
            containing: "unknown period \"dawn\"")
    }

    @Test func reportsAnUnknownVolunteerInRequests() throws {
        let folder = try TemporaryFolder(
            copying: "valid-en",
            replacing: ["requests.csv": "志愿者,日期,类型\nV1,2027-01-05,on\nV42,2027-01-05,off\n"])
        expectError(
            loadErrors(folder), file: "requests.csv", line: 3, column: "志愿者",
            containing: "unknown volunteer \"V42\"")
    }

    // MARK: - Malformed values.

    @Test func reportsMalformedDatesAndBackwardRanges() throws {
        let folder = try TemporaryFolder(
            copying: "valid-en",
            replacing: [
                "volunteers.csv": Self.volunteerHeader
                    + "V1,张伟,,,,,G1,,,,,2027-01-32,,,\nV2,李娜,,,,,G1,,,,,2027-01-20..2027-01-10,,05/01/2026,\n",
                "trainings.csv": "id,date,start,end\nT1,Jan 5,14:00,16:00\n",
                "requests.csv": "volunteer,date,kind\nV1,2027-01-09..2027-01-02,on\n",
            ])
        let errors = loadErrors(folder)
        expectError(
            errors, file: "volunteers.csv", line: 2, column: "unavailable",
            containing: "\"2027-01-32\" is not a day")
        expectError(
            errors, file: "volunteers.csv", line: 3, column: "unavailable",
            containing: "ends before it starts")
        expectError(
            errors, file: "volunteers.csv", line: 3, column: "trained_on",
            containing: "\"05/01/2026\" is not a date")
        expectError(
            errors, file: "trainings.csv", line: 2, column: "date",
            containing: "\"Jan 5\" is not a date")
        expectError(
            errors, file: "requests.csv", line: 2, column: "date",
            containing: "ends before it starts")
    }

    @Test(arguments: [
        ("Mon-Fxx:evening", "\"Mon-Fxx\" is not a weekday range"),
        ("Mon:evening:night", "more than one ':'"),
        ("Mon:noon", "unknown period \"noon\""),
        ("sometimes", "neither weekdays nor periods"),
    ])
    func reportsMalformedWeeklyPatterns(pattern: String, message: String) throws {
        let folder = try TemporaryFolder(
            copying: "valid-en",
            replacing: ["volunteers.csv": Self.volunteerHeader + "V1,张伟,,,,,G1,,,,\(pattern),,,,\n"]
        )
        expectError(
            loadErrors(folder), file: "volunteers.csv", line: 2, column: "available",
            containing: message)
    }

    @Test func reportsMalformedDemandDaysAndKinds() throws {
        let folder = try TemporaryFolder(
            copying: "valid-en",
            replacing: [
                "demand.csv":
                    "grid,period,days,volunteers\n*,evening,weekdays;Mnday,1\n*,evening,Fri-Sxx,1\n",
                "requests.csv": "volunteer,date,kind\nV1,2027-01-05,maybe\n",
            ])
        let errors = loadErrors(folder)
        expectError(
            errors, file: "demand.csv", line: 2, column: "days",
            containing: "\"Mnday\" is not a day")
        expectError(
            errors, file: "demand.csv", line: 3, column: "days", containing: "\"Fri-Sxx\"")
        expectError(
            errors, file: "requests.csv", line: 2, column: "kind", containing: "\"maybe\"")
    }

    @Test func reportsMalformedAndNegativeNumbers() throws {
        let folder = try TemporaryFolder(
            copying: "valid-en",
            replacing: [
                "volunteers.csv": Self.volunteerHeader
                    + "V1,张伟,,,,,G1,,abc,,,,,,\nV2,李娜,,,,,G1,,3.5,-1,,,,,\n",
                "demand.csv": "grid,period,days,volunteers\n*,evening,all,-2\n*,evening,all,\n",
                "trainings.csv": "id,date,start,end,capacity\nT1,2027-01-05,14:00,16:00,many\n",
                "history.csv": "volunteer,month,shifts\nV1,2026-12,x\n",
            ])
        let errors = loadErrors(folder)
        expectError(
            errors, file: "volunteers.csv", line: 2, column: "max_shifts",
            containing: "\"abc\" is not a whole number")
        expectError(
            errors, file: "volunteers.csv", line: 3, column: "max_shifts",
            containing: "\"3.5\" is not a whole number")
        expectError(
            errors, file: "volunteers.csv", line: 3, column: "min_shifts",
            containing: "\"-1\" is negative")
        expectError(
            errors, file: "demand.csv", line: 2, column: "volunteers",
            containing: "\"-2\" is negative")
        expectError(errors, file: "demand.csv", line: 3, column: "volunteers", containing: "empty")
        expectError(
            errors, file: "trainings.csv", line: 2, column: "capacity", containing: "\"many\"")
        expectError(errors, file: "history.csv", line: 2, column: "shifts", containing: "\"x\"")
    }

    @Test func reportsImpossibleValues() throws {
        let folder = try TemporaryFolder(
            copying: "valid-en",
            replacing: [
                "grids.csv": "id,name,risk\nG1,东区,4\nG2,西区,1\nG3,北区,\n",
                "volunteers.csv": Self.volunteerHeader + "V1,张伟,,maybe,,robot,G1,,3,5,,,,,1850\n",
                "trainings.csv":
                    "id,date,start,end,capacity\nT1,2027-01-05,14:00,14:00,0\nT2,2027-01-06,14:00,25:00,\n",
            ])
        let errors = loadErrors(folder)
        expectError(
            errors, file: "grids.csv", line: 2, column: "risk",
            containing: "\"4\" is not a risk level")
        expectError(
            errors, file: "volunteers.csv", line: 2, column: "min_shifts",
            containing: "minimum 5 is above the monthly maximum 3")
        expectError(
            errors, file: "volunteers.csv", line: 2, column: "party_member",
            containing: "\"maybe\" is not yes or no")
        expectError(
            errors, file: "volunteers.csv", line: 2, column: "affiliation", containing: "\"robot\"")
        expectError(
            errors, file: "volunteers.csv", line: 2, column: "birth_year", containing: "\"1850\"")
        expectError(
            errors, file: "trainings.csv", line: 2, column: "end", containing: "the time it starts")
        expectError(
            errors, file: "trainings.csv", line: 3, column: "end",
            containing: "\"25:00\" is not a time")
        #expect(!errors.contains { $0.location.column == "capacity" }, "a capacity of 0 is allowed")
    }

    @Test func reportsEmptyIdsAndNames() throws {
        let folder = try TemporaryFolder(
            copying: "valid-en",
            replacing: [
                "volunteers.csv": Self.volunteerHeader + ",张伟,,,,,G1,,,,,,,,\nV2,,,,,,G1,,,,,,,,\n",
                "grids.csv": "编号,名称\nG1,东区\n,西区\nG3,\n",
            ])
        let errors = loadErrors(folder)
        expectError(errors, file: "volunteers.csv", line: 2, column: "id", containing: "empty")
        expectError(errors, file: "volunteers.csv", line: 3, column: "name", containing: "empty")
        expectError(errors, file: "grids.csv", line: 3, column: "编号", containing: "empty")
        expectError(errors, file: "grids.csv", line: 4, column: "名称", containing: "empty")
    }

    @Test func reportsNoGridsNoVolunteersAndNoPeriods() throws {
        let folder = try TemporaryFolder(
            copying: "valid-en",
            replacing: [
                "grids.csv": "id,name\n", "volunteers.csv": "id,name,home_grid\n\n",
                "community.yaml": "name: 空\nmonth: 2027-01\nperiods: []\n",
            ])
        let errors = loadErrors(folder)
        expectError(errors, file: "grids.csv", line: nil, column: nil, containing: "no grids")
        expectError(
            errors, file: "volunteers.csv", line: nil, column: nil, containing: "no volunteers")
        expectError(
            errors, file: "community.yaml", line: 3, column: "periods", containing: "no periods")
    }

    // MARK: - community.yaml.

    @Test func reportsAMonthThatDoesNotParse() throws {
        let folder = try TemporaryFolder(
            copying: "valid-en",
            replacing: [
                "community.yaml":
                    "month: 2027-13\nperiods:\n  - {id: evening, start: \"19:00\", end: \"21:00\"}\n"
            ])
        expectError(
            loadErrors(folder), file: "community.yaml", line: 1, column: "month",
            containing: "\"2027-13\" is not a month")
        let missing = try TemporaryFolder(
            copying: "valid-en",
            replacing: [
                "community.yaml": "periods:\n  - {id: evening, start: \"19:00\", end: \"21:00\"}\n"
            ])
        expectError(
            loadErrors(missing), file: "community.yaml", line: nil, column: "month",
            containing: "no month")
    }

    @Test func reportsAMonthOptionThatDoesNotParse() {
        #expect(throws: InputErrors.self) { try CommunityLoader.month(fromOption: "2027-1x") }
        do {
            _ = try CommunityLoader.month(fromOption: "Jan 2027")
        } catch {
            expectError(
                error.diagnostics, file: "--month", line: nil, column: nil,
                containing: "\"Jan 2027\" is not a month")
        }
        #expect((try? CommunityLoader.month(fromOption: "2027-02")) == Month(year: 2027, month: 2))
    }

    @Test func reportsBadYAMLWithItsLine() throws {
        let yaml =
            "name: 社区\nmonth: 2027-01\nperiods:\n  - {id: evening, start: \"19:00\"\nrules: {}\n"
        let folder = try TemporaryFolder(copying: "valid-en", replacing: ["community.yaml": yaml])
        let errors = loadErrors(folder)
        #expect(
            errors.contains {
                $0.location.file == "community.yaml" && $0.message.contains("not valid YAML")
                    && ($0.location.line ?? 0) >= 4
            })
    }

    @Test func reportsBadSettingsValuesWithKeyAndLine() throws {
        let yaml = """
            month: 2027-01
            periods:
              - {id: evening, start: "19:00", end: "21:00"}
              - {id: late, start: "7pm", end: "21:00", night: perhaps}
            holidays: [2027-01-01, 2027-02-30]
            rules:
              max_shifts_per_week: -1
              min_rest_hours: eight
              training_required: sometimes
            weights:
              fairness: 2.5
            """
        let folder = try TemporaryFolder(
            copying: "valid-en",
            replacing: [
                "community.yaml": yaml,
                "volunteers.csv": Self.volunteerHeader + "V1,张伟,,,,,G1,,,,Mon:late,,,,\n",
                "demand.csv": "grid,period,days,volunteers\nG1,late,all,1\n",
            ],
            removing: ["requests.csv"])
        let errors = loadErrors(folder)
        expectError(
            errors, file: "community.yaml", line: 4, column: "periods[2].start",
            containing: "\"7pm\" is not a time")
        expectError(
            errors, file: "community.yaml", line: 4, column: "periods[2].night",
            containing: "\"perhaps\"")
        expectError(
            errors, file: "community.yaml", line: 5, column: "holidays",
            containing: "\"2027-02-30\"")
        expectError(
            errors, file: "community.yaml", line: 7, column: "rules.max_shifts_per_week",
            containing: "\"-1\" is negative")
        expectError(
            errors, file: "community.yaml", line: 8, column: "rules.min_rest_hours",
            containing: "\"eight\"")
        expectError(
            errors, file: "community.yaml", line: 9, column: "rules.training_required",
            containing: "\"sometimes\"")
        expectError(
            errors, file: "community.yaml", line: 11, column: "weights.fairness",
            containing: "\"2.5\" is not a whole number")
        #expect(
            errors.allSatisfy { $0.location.file == "community.yaml" },
            "a period with a mistake is not reported again as unknown")
    }

    // MARK: - Collecting everything.

    @Test func collectsEveryProblemOfEveryFileInFileAndLineOrder() throws {
        let folder = try TemporaryFolder(
            copying: "valid-en",
            replacing: [
                "grids.csv": "id,name,risk\nG1,东区,9\nG2,西区,1\nG3,北区,\n",
                "volunteers.csv": Self.volunteerHeader
                    + "V1,张伟,,x,,,G1,,,,,,,,\nV2,李娜,,,,,G5,,,,,,,,\n",
                "history.csv": "volunteer,month,shifts\nV1,12/2026,3\n",
            ])
        let errors = loadErrors(folder)
        #expect(
            errors.map(\.location.description) == [
                "grids.csv:2 [risk]", "volunteers.csv:2 [party_member]",
                "volunteers.csv:3 [home_grid]",
                "requests.csv:5 [volunteer]", "history.csv:2 [month]",
            ])
    }

    @Test func countsLinesAcrossQuotedLineBreaksAndBlankRows() throws {
        let folder = try TemporaryFolder(
            copying: "valid-en",
            replacing: [
                "grids.csv": "id,name,risk\r\nG1,\"东区\r\n(老)\",1\r\n\r\n,,\r\nG2,西区,x\r\nG3,北区,\r\n"
            ])
        expectError(
            loadErrors(folder), file: "grids.csv", line: 6, column: "risk", containing: "\"x\"")
    }

    @Test func reportsFailuresTogetherWithTheWarnings() throws {
        let folder = try TemporaryFolder(
            copying: "valid-en",
            replacing: ["grids.csv": "id,name,colour\nG1,东区,red\nG2,,blue\nG3,北区,\n"])
        do {
            _ = try CommunityLoader().load(directory: folder.path)
            Issue.record("loaded")
        } catch {
            #expect(error.diagnostics.first?.severity == .error)
            #expect(
                error.diagnostics.contains {
                    $0.severity == .warning && $0.message.contains("\"colour\"")
                })
        }
    }

    // MARK: - Warnings on a community that loads.

    @Test func warnsAboutUnknownSettingsAndEmptyDemandDays() throws {
        let yaml =
            try String(
                contentsOfFile: try fixturePath("valid-en") + "/community.yaml", encoding: .utf8
            )
            .replacingOccurrences(of: "rules:\n", with: "rules:\n  max_hours: 40\n")
            .replacingOccurrences(of: "weights:\n", with: "weights:\n  happiness: 1\n")
            + "colour: blue\n"
        let folder = try TemporaryFolder(
            copying: "valid-en",
            replacing: [
                "community.yaml": yaml,
                "demand.csv":
                    "grid,period,days,volunteers\nG1,evening,,2\nG2,evening,2026-12-01,1\n",
            ])
        let loaded = try CommunityLoader().load(directory: folder.path)
        let warnings = loaded.warnings.map(\.description)
        #expect(
            warnings.contains { $0.contains("[rules.max_hours]") && $0.contains("unknown rule") })
        #expect(
            warnings.contains {
                $0.contains("[weights.happiness]") && $0.contains("unknown weight")
            })
        #expect(warnings.contains { $0.contains("[colour]") && $0.contains("unknown setting") })
        #expect(
            warnings.contains { $0.hasPrefix("demand.csv:2 [days]") && $0.contains("every day") })
        #expect(
            warnings.contains { $0.hasPrefix("demand.csv:3 [days]") && $0.contains("no effect") })
        #expect(loaded.community.slots.count == 31)
    }
}
