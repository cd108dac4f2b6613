import PatrolModel

/// A hand-made community small enough to write its roster files out by hand.
enum TinyRoster {
    static func community() throws -> Community {
        try Community(
            name: "小社区", month: month("2027-01"),
            periods: [
                Period(
                    id: "evening", name: "晚上", start: time("19:00"), end: time("21:30"),
                    isNight: false),
                Period(
                    id: "night", name: "夜间", start: time("21:30"), end: time("00:30"), isNight: true
                ),
            ],
            grids: [
                Grid(id: "G1", name: "东区", risk: 1, neighbors: ["G2"], needsLeader: false),
                Grid(id: "G2", name: "西区, 老街", risk: 3, neighbors: ["G1"], needsLeader: true),
            ],
            volunteers: [
                Volunteer(
                    id: "V1", name: "张伟", phone: "13800001111", homeGrid: "G1", skills: ["leader"],
                    maxShifts: 8),
                Volunteer(id: "V2", name: "李\"小\"娜", homeGrid: "G2", maxShifts: 8),
                Volunteer(
                    id: "V3", name: "王芳", phone: "13900002222", isPartyMember: true, homeGrid: "G1",
                    maxShifts: 8),
                Volunteer(
                    id: "V4", name: "赵强", phone: "13700003333", isPartyMember: true, homeGrid: "G2",
                    maxShifts: 4,
                    minShifts: 1, nightOK: true),
            ],
            slots: [
                PatrolSlot(grid: "G1", date: date("2027-01-04"), period: "evening", needed: 3),
                PatrolSlot(grid: "G2", date: date("2027-01-04"), period: "evening", needed: 2),
                PatrolSlot(grid: "G1", date: date("2027-01-04"), period: "night", needed: 1),
                PatrolSlot(grid: "G2", date: date("2027-01-05"), period: "evening", needed: 2),
            ],
            sessions: [
                TrainingSession(
                    id: "T1", topic: "防诈骗, 基础", date: date("2027-01-03"), start: time("14:00"),
                    end: time("16:00"),
                    capacity: 10, location: "活动室"),
                TrainingSession(
                    id: "T2", topic: "夜巡", date: date("2027-01-06"), start: time("14:00"),
                    end: time("16:00"),
                    capacity: nil, location: ""),
            ])
    }

    /// Listed out of order on purpose: the writer sorts.
    static let schedule = Schedule(
        assignments: [
            Assignment(volunteer: "V2", grid: "G2", date: date("2027-01-05"), period: "evening"),
            Assignment(volunteer: "V4", grid: "G2", date: date("2027-01-05"), period: "evening"),
            Assignment(volunteer: "V3", grid: "G1", date: date("2027-01-04"), period: "evening"),
            Assignment(volunteer: "V4", grid: "G1", date: date("2027-01-04"), period: "night"),
            Assignment(volunteer: "V2", grid: "G1", date: date("2027-01-04"), period: "evening"),
            Assignment(volunteer: "V1", grid: "G1", date: date("2027-01-04"), period: "evening"),
        ],
        attendance: [
            SessionAttendance(session: "T1", volunteer: "V2"),
            SessionAttendance(session: "T1", volunteer: "V1"),
        ])
}
