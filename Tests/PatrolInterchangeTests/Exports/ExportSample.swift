import PatrolModel
import PatrolTestSupport

/// A hand-made community and schedule for the export tests: two grids (one needing a
/// leader, its name holding a comma), six volunteers with mobile, landline and no phone
/// numbers, branches with one volunteer outside any, a night patrol past midnight, a short
/// team, an unstaffed demanded patrol, two training sessions with commas and semicolons in
/// their topics, and one volunteer with nothing to do.
enum ExportSample {
    /// The full phone numbers, which must not appear in a masked export.
    static let phones = ["13812345678", "13900001111", "13700002222", "0571-87654321", "15000003333"]

    static func community() -> Community {
        var b = CommunityBuilder()
        b.name = "长青社区"
        b.grid("G1", name: "东区", risk: 1, neighbors: ["G2"])
        b.grid("G2", name: "老街, 西区", risk: 3)
        b.volunteer("V1", name: "张伟", home: "G1", party: true, skills: ["leader"], phone: phones[0])
        b.volunteer("V2", name: "李\"小\"娜", home: "G1", phone: phones[1])
        b.volunteer("V3", name: "王芳", home: "G2", party: true, phone: phones[2])
        b.volunteer("V4", name: "赵强", home: "G1", nightOK: true, phone: phones[3])
        b.volunteer("V5", name: "陈静", home: "G2")
        b.volunteer("V6", name: "刘洋", home: "G2", phone: phones[4])
        b.demand(grid: "G1", period: "evening", dates: [b.day(5), b.day(7)], needed: 2)
        b.demand(grid: "G2", period: "evening", dates: [b.day(5)], needed: 3)
        b.demand(grid: "G2", period: "morning", dates: [b.day(6)], needed: 2)
        b.demand(grid: "G1", period: "night", dates: [b.day(7)], needed: 1)
        b.session("T1", date: b.day(3), capacity: 10, topic: "防诈骗, 基础", location: "社区活动室")
        b.session("T2", date: b.day(10), start: "19:00", end: "21:00", topic: "夜巡; 安全", location: "")
        var community = b.build()
        let branches = ["V1": "第一支部", "V2": "第二支部", "V3": "第一支部", "V5": "第二支部"]
        for index in community.volunteers.indices {
            community.volunteers[index].branch = branches[community.volunteers[index].id.rawValue] ?? ""
        }
        return community
    }

    /// Listed out of order on purpose: exports sort.
    static let schedule: Schedule = {
        let day = { (number: Int) in LocalDate(year: 2026, month: 12, day: number)! }
        return Schedule(
            assignments: [
                Assignment(volunteer: "V4", grid: "G1", date: day(7), period: "night"),
                Assignment(volunteer: "V3", grid: "G1", date: day(7), period: "evening"),
                Assignment(volunteer: "V5", grid: "G2", date: day(5), period: "evening"),
                Assignment(volunteer: "V2", grid: "G1", date: day(5), period: "evening"),
                Assignment(volunteer: "V3", grid: "G2", date: day(5), period: "evening"),
                Assignment(volunteer: "V1", grid: "G1", date: day(5), period: "evening"),
                Assignment(volunteer: "V1", grid: "G1", date: day(7), period: "evening"),
            ],
            attendance: [
                SessionAttendance(session: "T1", volunteer: "V2"),
                SessionAttendance(session: "T2", volunteer: "V5"),
                SessionAttendance(session: "T1", volunteer: "V1"),
            ])
    }()
}
