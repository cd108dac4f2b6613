import Foundation
import PatrolModel
import PatrolTestSupport
import Testing

@testable import PatrolInterchange

/// Writes `community` in the office style into a scratch folder and loads it back.
func officeRoundTrip(_ community: Community) throws -> (LoadedCommunity, TemporaryFolder) {
    let folder = try TemporaryFolder()
    try RosterWriter.write(CommunityWriter.files(community, style: .office), to: folder.path)
    return (try CommunityLoader().load(directory: folder.path), folder)
}

/// The text of one office-style file of `community`, without its BOM.
func officeText(_ community: Community, _ name: String) throws -> String {
    let file = try #require(
        CommunityWriter.files(community, style: .office).first { $0.name == name })
    return String(file.text.drop { $0 == "\u{FEFF}" })
}

/// A random community that a file can hold: random limits may put a volunteer's monthly
/// minimum above their maximum, which the loader refuses.
func randomCommunity(seed: UInt64) -> Community {
    var community = RandomCommunity.make(seed: seed, volunteers: 3...12, grids: 1...5)
    for index in community.volunteers.indices {
        let volunteer = community.volunteers[index]
        community.volunteers[index].minShifts = min(volunteer.minShifts, volunteer.maxShifts)
    }
    return community
}

/// A month of evening, morning and night patrols as an office plans them: a general rule,
/// busier weekends and holidays, night patrols on Friday and Saturday in the high-risk grid,
/// a New Year's Day night everywhere, five days without patrols in one grid, and one
/// reinforced evening.
func plannedCommunity() throws -> Community {
    var b = CommunityBuilder(month: try month("2027-01"))
    b.holidays = [date("2027-01-01")]
    b.grid("A", risk: 3)
    b.grid("B", risk: 2, neighbors: ["A"])
    b.grid("C")
    b.grid("D", neighbors: ["C"])
    let restDays = b.month.dates.filter { $0.weekday.isWeekend || b.holidays.contains($0) }
    b.demand(period: "evening", needed: 2)
    b.demand(period: "evening", dates: restDays, needed: 3)
    b.demand(grid: "A", period: "morning", dates: restDays, needed: 1)
    b.demand(grid: "B", period: "morning", dates: restDays, needed: 1)
    b.demand(
        grid: "A", period: "night",
        dates: b.month.dates.filter { $0.weekday == .friday || $0.weekday == .saturday },
        needed: 2)
    b.demand(period: "night", dates: [b.day(1)], needed: 1)
    b.demand(grid: "C", dates: (10...14).map(b.day), needed: 0)
    b.demand(grid: "B", period: "evening", dates: [b.day(20)], needed: 5)
    b.volunteer("V1", home: "A", party: true, skills: ["leader"], nightOK: true)
    return b.build()
}

@Suite("Writing a community the way a community office keeps it")
struct OfficeStyleWriterTests {
    @Test func givesBackAnEqualCommunityWhenLoaded() throws {
        let community = try CommunityWriterTests.community()
        let (loaded, _) = try officeRoundTrip(community)
        #expect(loaded.community == community)
        #expect(loaded.warnings.isEmpty)
    }

    @Test(arguments: ["valid-en", "valid-zh", "valid-zh-gb18030"])
    func givesBackTheLoadedFixturesUnchanged(fixture: String) throws {
        let original = try CommunityLoader().load(directory: try fixturePath(fixture)).community
        #expect(try officeRoundTrip(original).0.community == original)
    }

    @Test(arguments: UInt64(1)...40)
    func givesBackEqualRandomCommunities(seed: UInt64) throws {
        let community = randomCommunity(seed: seed)
        let (loaded, _) = try officeRoundTrip(community)
        #expect(loaded.community == community)
    }

    @Test func givesBackAPlannedMonthWithHolidays() throws {
        let community = try plannedCommunity()
        let (loaded, _) = try officeRoundTrip(community)
        #expect(loaded.community == community)
        #expect(loaded.warnings.isEmpty)
    }

    @Test func writesAPlannedMonthAsGeneralRowsAndTheirExceptions() throws {
        let community = try plannedCommunity()
        let demand = try officeText(community, "demand.csv")
        #expect(
            demand == """
                网格,时段,日期,人数
                *,晚上,每天,2
                *,晚上,周末,3
                *,夜间,节假日,1
                A、B,上午,周末,1
                A,夜间,周五、周六,2
                B,晚上,2027-01-20,5
                C,晚上,2027-01-10..2027-01-14,0
                A,夜间,2027-01-01,1

                """)
        #expect(demand.split(separator: "\n").count - 1 < community.slots.count / 10)
    }

    @Test func writesChineseHeadersAndValues() throws {
        let community = try CommunityWriterTests.community()
        let volunteers = try officeText(community, "volunteers.csv")
        #expect(
            volunteers.hasPrefix(
                "编号,姓名,电话,党员,支部,类别,网格,技能,每月上限,每月下限,可排时段,不可用日期,可夜巡,培训日期,出生年份\n"
                    + "V01,张伟,13800001111,是,\"第一支部, 二组\",居民,G1,队长、急救、drone,6,2,周五：晚上、夜间；周日：上午,"
                    + "2026-12-10..2026-12-12、2026-12-20,是,2026-11-15,1962\n"))
        #expect(volunteers.contains("\nV03,王芳,,否,,单位,G3,,3,0,；,,否,,\n"))
        #expect(
            try officeText(community, "grids.csv") == """
                编号,名称,风险等级,相邻网格,需队长
                G1,东区,低,G2,是
                G2,"西区, 老街",高,G1、G3,否
                G3,北区,中,G2,否

                """)
        let requests = try officeText(community, "requests.csv")
        #expect(
            requests == """
                志愿者,日期,时段,类型,权重
                V01,2026-12-08,晚上,不想排,20
                V02,2026-12-01..2026-12-03,*,想排,10


                V04,2026-12-31,夜间、深夜,想排,0

                """)
        #expect(try officeText(community, "history.csv").hasPrefix("志愿者,月份,班次\nV01,2026-11,5\n"))
        #expect(try officeText(community, "trainings.csv").hasPrefix("编号,主题,日期,开始,结束,名额,地点\n"))
    }

    @Test func startsEveryCSVFileWithABOMForExcel() throws {
        for file in CommunityWriter.files(try plannedCommunity(), style: .office)
        where file.name.hasSuffix(".csv") {
            #expect(file.contents.starts(with: [0xEF, 0xBB, 0xBF]), "\(file.name)")
        }
    }

    @Test func commentsTheSettingsInChinese() throws {
        let yaml = try officeText(try plannedCommunity(), "community.yaml")
        #expect(yaml.hasPrefix("# 测试社区 平安巡防排班设置\nname: \"测试社区\""))
        #expect(yaml.contains("# 巡防时段"))
        #expect(yaml.contains("holidays: [\"2027-01-01\"]"))
        #expect(
            yaml.contains(
                "  - {id: \"night\", name: \"夜间\", start: \"21:30\", end: \"00:30\", night: true}"
            ))
        #expect(yaml.contains("  max_shifts_per_month: 8  "))
    }

    @Test func writesWeeklyPatternsWithChineseWeekdaysAndPeriodNames() throws {
        let files = OfficeFiles(try plannedCommunity())
        func pattern(_ byDay: [Weekday: Set<PeriodID>]) -> String {
            files.pattern(.only(byDay))
        }
        let workdays = Dictionary(
            uniqueKeysWithValues: Weekday.allCases.filter { !$0.isWeekend }.map {
                ($0, Set<PeriodID>(["evening"]))
            })
        let weekend: Set<PeriodID> = ["morning", "evening", "night"]
        #expect(
            pattern(workdays.merging([.saturday: weekend, .sunday: weekend]) { a, _ in a })
                == "周一-周五：晚上；周六、周日")
        #expect(
            pattern([.monday: ["night"], .wednesday: ["night"], .thursday: ["night"]])
                == "周一、周三、周四：夜间")
        #expect(
            pattern(
                Dictionary(
                    uniqueKeysWithValues: Weekday.allCases.map { ($0, ["morning", "evening"]) }))
                == "上午、晚上")
        #expect(
            pattern(Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0, weekend) }))
                == "周一-周日")
        #expect(pattern([:]) == "；")
        #expect(files.pattern(.always) == "")
        #expect(OfficeFiles.weekdays([.saturday, .sunday, .monday]) == "周一、周六、周日")
    }

    @Test func namesAPeriodByItsIdWhereItsNameWouldNotReadBack() throws {
        func period(_ id: PeriodID, _ name: String) throws -> Period {
            Period(
                id: id, name: name, start: try time("08:00"), end: try time("09:00"), isNight: false
            )
        }
        let labels = OfficeFiles.labels([
            try period("a", "早班"), try period("b", "a"), try period("c", "早班"),
            try period("d", "周一"), try period("e", "早、中"), try period("f", "*"),
            try period("g", ""), try period("h", " 晚班"),
        ])
        #expect(
            labels == [
                "a": "早班", "b": "b", "c": "c", "d": "d", "e": "e", "f": "f", "g": "g", "h": "h",
            ])
    }

    @Test func givesBackPeriodsNamedLikeOtherPeriodsOrWeekdays() throws {
        var b = CommunityBuilder(
            periods: [
                Period(
                    id: "周一", name: "早", start: try time("07:00"), end: try time("08:00"),
                    isNight: false),
                Period(
                    id: "noon", name: "周一", start: try time("12:00"), end: try time("13:00"),
                    isNight: false),
                Period(
                    id: "late", name: "早", start: try time("22:00"), end: try time("23:00"),
                    isNight: true),
            ])
        b.grid("G1")
        b.demand(period: "noon", dates: [b.day(3)], needed: 1)
        b.demand(period: "late", needed: 1)
        b.volunteer(
            "V1", home: "G1", available: .only([.monday: ["周一", "late"], .friday: ["noon"]]))
        b.volunteer(
            "V2", home: "G1",
            available: .only(
                Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0, ["周一"]) })))
        b.request("V1", .off, dates: b.days(2, 4), periods: ["周一", "late"])
        let community = b.build()
        let (loaded, _) = try officeRoundTrip(community)
        #expect(loaded.community == community)
    }
}

/// Where `shared/tools/patrol_check.py` is: `$PATROL_SHARED_TOOLS`, or `shared/tools` in
/// the nearest folder above this file; and `python3` on the PATH.
enum ReferenceChecker {
    static let script: String? = {
        let manager = FileManager.default
        if let folder = ProcessInfo.processInfo.environment["PATROL_SHARED_TOOLS"] {
            let path = folder + "/patrol_check.py"
            return manager.fileExists(atPath: path) ? path : nil
        }
        var folder = URL(filePath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appending(path: "shared/tools/patrol_check.py").path
            if manager.fileExists(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }()

    static let python: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/python3" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static var isAvailable: Bool { script != nil && python != nil }

    /// The exit status and the JSON report of checking an empty roster for `community`.
    static func checkEmptyRoster(community: String) throws -> (status: Int32, report: [String: Any])
    {
        let output = try TemporaryFolder()
        try output.write(
            "schedule.csv",
            "date,weekday,period,start,end,grid,grid_name,volunteer,volunteer_name,phone,party_member,role\n"
        )
        let process = Process()
        process.executableURL = URL(filePath: try #require(python))
        process.arguments = [try #require(script), community, output.path]
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Read before waiting, so that a full pipe cannot stall the child.
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let report = try #require(
            try JSONSerialization.jsonObject(with: data) as? [String: Any],
            "patrol_check.py printed \(String(decoding: data, as: UTF8.self))")
        return (process.terminationStatus, report)
    }
}

@Suite(
    "The reference checker reads the office style as it reads the plain one",
    .enabled(if: ReferenceChecker.isAvailable, "needs python3 and shared/tools/patrol_check.py"))
struct OfficeStyleReferenceCheckerTests {
    /// The score of an empty roster counts every slot's team as missing, every `on`
    /// request as unmet and every volunteer's carry-over: it differs between the two
    /// directories when the checker reads any of those differently.
    func expectSameReading(_ community: Community) throws {
        let (_, office) = try officeRoundTrip(community)
        let plain = try TemporaryFolder()
        try RosterWriter.write(CommunityWriter.files(community, style: .plain), to: plain.path)
        let officeReport = try ReferenceChecker.checkEmptyRoster(community: office.path)
        let plainReport = try ReferenceChecker.checkEmptyRoster(community: plain.path)
        #expect(officeReport.status == 0, "\(officeReport.report)")
        let score = try #require(officeReport.report["score"] as? [String: Any])
        let components = try #require(score["components"] as? [String: Any])
        let uncovered = try #require(components["uncovered"] as? [String: Any])
        #expect(uncovered["count"] as? Int == community.slots.map(\.needed).reduce(0, +))
        let risk = Dictionary(uniqueKeysWithValues: community.grids.map { ($0.id, $0.risk) })
        #expect(
            uncovered["penalty"] as? Int
                == community.slots.map { $0.needed * (risk[$0.grid] ?? 0) }.reduce(0, +)
                * community.weights.uncovered)
        #expect(
            NSDictionary(dictionary: score)
                == NSDictionary(
                    dictionary: try #require(plainReport.report["score"] as? [String: Any])))
        #expect(
            NSDictionary(dictionary: try #require(officeReport.report["kpi"] as? [String: Any]))
                == NSDictionary(
                    dictionary: try #require(plainReport.report["kpi"] as? [String: Any])))
    }

    @Test func readsAPlannedMonthWithHolidays() throws {
        try expectSameReading(try plannedCommunity())
    }

    @Test(arguments: UInt64(1)...8)
    func readsRandomCommunities(seed: UInt64) throws {
        try expectSameReading(randomCommunity(seed: seed))
    }
}
