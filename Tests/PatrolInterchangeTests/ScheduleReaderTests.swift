import Foundation
import PatrolModel
import Testing

@testable import PatrolInterchange

@Suite("Reading a schedule back")
struct ScheduleReaderTests {
    let community: Community

    init() throws { community = try TinyRoster.community() }

    func sorted(_ schedule: Schedule) -> Schedule {
        Schedule(
            assignments: schedule.assignments.sorted {
                ($0.date, $0.period, $0.grid, $0.volunteer) < (
                    $1.date, $1.period, $1.grid, $1.volunteer
                )
            },
            attendance: schedule.attendance.sorted {
                ($0.session, $0.volunteer) < ($1.session, $1.volunteer)
            })
    }

    @Test func readsBackWhatTheRosterWriterWrote() throws {
        let folder = try TemporaryFolder()
        try RosterWriter.write(
            RosterWriter.files(community: community, schedule: TinyRoster.schedule),
            to: folder.path)
        let schedule = try ScheduleReader().read(
            directory: folder.path, community: community)
        #expect(sorted(schedule) == sorted(TinyRoster.schedule))
    }

    @Test func readsChineseHeadersPeriodNamesAndABOM() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "schedule.csv",
            [0xEF, 0xBB, 0xBF] + Array("日期,时段,网格,志愿者编号,角色\n2027/1/4,晚上,G1,V1,队长\n".utf8))
        try folder.write("trainings.csv", "培训编号,志愿者\nT2,V3\n")
        let schedule = try ScheduleReader().read(
            directory: folder.path, community: community)
        #expect(
            schedule.assignments == [
                Assignment(volunteer: "V1", grid: "G1", date: date("2027-01-04"), period: "evening")
            ])
        #expect(schedule.attendance == [SessionAttendance(session: "T2", volunteer: "V3")])
    }

    @Test func treatsAMissingTrainingsFileAsNoAttendance() throws {
        let folder = try TemporaryFolder()
        try folder.write("schedule.csv", "date,period,grid,volunteer\n")
        let schedule = try ScheduleReader().read(
            directory: folder.path, community: community)
        #expect(schedule == Schedule())
    }

    @Test func reportsRowsNamingWhatTheCommunityDoesNotHave() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "schedule.csv",
            """
            date,period,grid,volunteer
            2027-01-04,evening,G1,V1
            2027-02-01,evening,G1,V1
            2027-01-04,noon,G1,V1
            2027-01-04,evening,G9,V1
            2027-01-04,evening,G1,V99
            2027-01-xx,evening,G1,V1

            """)
        try folder.write("trainings.csv", "session,volunteer\nT7,V1\nT1,V77\n")
        do {
            _ = try ScheduleReader().read(directory: folder.path, community: community)
            Issue.record("read")
        } catch {
            let errors = error.diagnostics
            expectError(
                errors, file: "schedule.csv", line: 3, column: "date", containing: "outside 2027-01"
            )
            expectError(
                errors, file: "schedule.csv", line: 4, column: "period",
                containing: "unknown period \"noon\"")
            expectError(
                errors, file: "schedule.csv", line: 5, column: "grid",
                containing: "unknown grid \"G9\"")
            expectError(
                errors, file: "schedule.csv", line: 6, column: "volunteer",
                containing: "unknown volunteer \"V99\"")
            expectError(
                errors, file: "schedule.csv", line: 7, column: "date", containing: "\"2027-01-xx\"")
            expectError(
                errors, file: "trainings.csv", line: 2, column: "session",
                containing: "unknown session \"T7\"")
            expectError(
                errors, file: "trainings.csv", line: 3, column: "volunteer",
                containing: "unknown volunteer \"V77\"")
            #expect(errors.count == 7)
        }
    }

    @Test func reportsAMissingScheduleFile() throws {
        let folder = try TemporaryFolder()
        #expect(throws: InputErrors.self) {
            try ScheduleReader().read(directory: folder.path, community: community)
        }
    }
}
