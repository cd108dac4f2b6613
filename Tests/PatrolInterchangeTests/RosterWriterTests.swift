import Foundation
import PatrolModel
import Testing

@testable import PatrolInterchange

@Suite("Writing roster files")
struct RosterWriterTests {
    let community: Community
    let files: [OutputFile]

    init() throws {
        community = try TinyRoster.community()
        files = RosterWriter.files(community: community, schedule: TinyRoster.schedule)
    }

    func text(_ name: String) -> String? { files.first { $0.name == name }?.text }

    @Test func writesTheFourFilesInOrder() {
        #expect(
            files.map(\.name) == [
                "schedule.csv", "trainings.csv", "coverage.csv", "volunteers.csv",
            ])
        #expect(files.allSatisfy { !$0.contents.starts(with: [0xEF, 0xBB, 0xBF]) }, "no BOM")
        #expect(files.allSatisfy { !$0.text.contains("\r") })
    }

    @Test func writesTeamsByDatePeriodAndGridWithTheLeaderFirst() {
        #expect(
            text("schedule.csv") == """
                date,weekday,period,start,end,grid,grid_name,volunteer,volunteer_name,phone,party_member,role
                2027-01-04,Mon,evening,19:00,21:30,G1,东区,V1,张伟,13800001111,no,leader
                2027-01-04,Mon,evening,19:00,21:30,G1,东区,V2,"李""小""娜",,no,member
                2027-01-04,Mon,evening,19:00,21:30,G1,东区,V3,王芳,13900002222,yes,member
                2027-01-04,Mon,night,21:30,00:30,G1,东区,V4,赵强,13700003333,yes,leader
                2027-01-05,Tue,evening,19:00,21:30,G2,"西区, 老街",V4,赵强,13700003333,yes,leader
                2027-01-05,Tue,evening,19:00,21:30,G2,"西区, 老街",V2,"李""小""娜",,no,member

                """)
    }

    @Test func writesTrainingAttendanceBySessionThenVolunteer() {
        #expect(
            text("trainings.csv") == """
                session,topic,date,start,end,location,volunteer,volunteer_name
                T1,"防诈骗, 基础",2027-01-03,14:00,16:00,活动室,V1,张伟
                T1,"防诈骗, 基础",2027-01-03,14:00,16:00,活动室,V2,"李""小""娜"

                """)
    }

    @Test func writesOneCoverageRowPerDemandedSlot() {
        #expect(
            text("coverage.csv") == """
                date,period,grid,needed,assigned,party_members,leader,short
                2027-01-04,evening,G1,3,3,1,yes,0
                2027-01-04,evening,G2,2,0,0,no,2
                2027-01-04,night,G1,1,1,1,no,0
                2027-01-05,evening,G2,2,2,1,no,0

                """)
    }

    @Test func summarisesShiftsHoursAndSessionsPerVolunteer() {
        #expect(
            text("volunteers.csv") == """
                volunteer,name,shifts,hours,session,min_shifts,max_shifts
                V1,张伟,1,2.5,T1,0,8
                V2,"李""小""娜",2,5,T1,0,8
                V3,王芳,1,2.5,,0,8
                V4,赵强,2,5.5,,1,4

                """)
    }

    @Test(arguments: [
        (0, "0"), (20, "0.33"), (10, "0.17"), (45, "0.75"), (61, "1.02"), (150, "2.5"), (480, "8"),
    ])
    func writesHoursWithAtMostTwoDecimals(minutes: Int, hours: String) {
        #expect(RosterWriter.hours(minutes: minutes) == hours)
    }

    @Test func choosesTheLeaderBySkillThenPartyThenAnyWithTheSmallestId() {
        let members = community.volunteers
        let byID = { (ids: [String]) in members.filter { ids.contains($0.id.rawValue) } }
        #expect(RosterWriter.leader(of: byID(["V1", "V3"])) == "V1", "leader skill first")
        #expect(
            RosterWriter.leader(of: byID(["V2", "V4", "V3"])) == "V3",
            "then the smallest Party member")
        var plain = byID(["V2"])
        plain.append(Volunteer(id: "V0", name: "甲", homeGrid: "G1", maxShifts: 8))
        #expect(RosterWriter.leader(of: plain) == "V0", "then anyone, smallest id")
        #expect(RosterWriter.leader(of: []) == nil)
    }

    @Test func isDeterministicWhateverTheOrderOfTheSchedule() {
        var shuffled = TinyRoster.schedule
        shuffled.assignments.reverse()
        shuffled.attendance.reverse()
        #expect(RosterWriter.files(community: community, schedule: shuffled) == files)
    }

    @Test func writesTheFilesIntoANewFolderLeavingNoTemporaryFiles() throws {
        let folder = try TemporaryFolder()
        let target = folder.path + "/out/2027-01"
        try RosterWriter.write(files, to: target)
        let names = try FileManager.default.contentsOfDirectory(atPath: target).sorted()
        #expect(names == ["coverage.csv", "schedule.csv", "trainings.csv", "volunteers.csv"])
        let written = try String(contentsOfFile: target + "/schedule.csv", encoding: .utf8)
        #expect(written == text("schedule.csv"))
    }

    @Test func reportsAFolderThatCannotBeCreated() throws {
        let folder = try TemporaryFolder()
        try folder.write("blocker", "a file where the folder should be")
        #expect(throws: OutputWriteError.self) {
            try RosterWriter.write(files, to: folder.path + "/blocker/out")
        }
    }
}
