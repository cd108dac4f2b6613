import PatrolModel

/// Makes sample volunteers one by one, each from a life situation that decides the rest.
///
/// The mix follows what community offices report for 平安巡防 teams: about 60 % residents
/// (a little over half of them retired), 15 % staff of organisations in the area (单位,
/// often Party members reporting to the community), 15 % street-shop owners and 10 % others.
/// Retirees patrol mornings and afternoons, shop owners afternoons and evenings, employees
/// evenings and weekends; younger volunteers are the ones who take night patrols.
struct VolunteerFactory {
    /// The life situation a sample volunteer is drawn from.
    private enum Profile: CaseIterable {
        case retiree, workingResident, employee, shopOwner, other

        var affiliation: Affiliation {
            switch self {
            case .retiree, .workingResident: .resident
            case .employee: .unit
            case .shopOwner: .shop
            case .other: .other
            }
        }

        /// Share of the team, in percent.
        var share: Double {
            switch self {
            case .retiree: 33
            case .workingResident: 27
            case .employee: 15
            case .shopOwner: 15
            case .other: 10
            }
        }

        /// Birth years as of 2026; shifted for other years so that ages stay the same.
        var birthYears: ClosedRange<Int> {
            switch self {
            case .retiree: 1950...1965
            case .workingResident, .employee: 1970...2000
            case .shopOwner: 1965...1995
            case .other: 1960...2004
            }
        }

        var partyShare: Double {
            switch self {
            case .retiree: 0.78
            case .workingResident: 0.55
            case .employee: 0.65
            case .shopOwner: 0.4
            case .other: 0.5
            }
        }

        /// `max_shifts` when the volunteer gives one.
        var maxShifts: ClosedRange<Int> {
            switch self {
            case .retiree: 6...10
            case .workingResident: 4...8
            case .employee, .shopOwner: 4...6
            case .other: 4...10
            }
        }
    }

    private static let profileShares = Profile.allCases.map(\.share)

    private let calendar: SampleCalendar
    private let grids: [GridProfile]
    private let rules: Rules
    private let yearShift: Int
    private let idWidth: Int
    /// Residential branches 第一党支部, 第二党支部, … each covering a run of grids.
    private let residentialBranches: [String]
    private var usedPhones: Set<String> = []

    init(calendar: SampleCalendar, grids: [GridProfile], rules: Rules, idWidth: Int) {
        self.calendar = calendar
        self.grids = grids
        self.rules = rules
        self.idWidth = idWidth
        yearShift = calendar.month.year - 2026
        residentialBranches = (1...max(2, grids.count / 4)).map {
            "第" + ChineseNames.numeral($0) + "党支部"
        }
    }

    /// The id of the `number`-th volunteer (from 1), such as `V0001`.
    static func id(_ number: Int, width: Int) -> VolunteerID {
        VolunteerID("V" + padded(number, width))
    }

    mutating func make(number: Int, random: inout SplitMix64) -> Volunteer {
        let profile = Profile.allCases[random.weightedIndex(Self.profileShares)]
        let birthYear = random.int(in: profile.birthYears) + yearShift
        let isOlder = birthYear < 1970 + yearShift
        let isPartyMember = random.chance(profile.partyShare)
        let homeIndex = homeGrid(for: profile, random: &random)
        let nightOK = random.chance(nightShare(birthYear: birthYear - yearShift))
        let maxShifts =
            random.chance(0.25) ? rules.maxShiftsPerMonth : random.int(in: profile.maxShifts)
        let minShifts =
            random.chance(isPartyMember ? 0.28 : 0.1) ? min(random.int(in: 1...4), maxShifts) : 0
        let given = isOlder ? ChineseNames.olderGivenNames : ChineseNames.youngerGivenNames
        return Volunteer(
            id: Self.id(number, width: idWidth),
            name: ChineseNames.familyNames.draw(using: &random) + random.pick(given),
            phone: phone(random: &random),
            isPartyMember: isPartyMember,
            branch: isPartyMember ? branch(for: profile, home: homeIndex, random: &random) : "",
            affiliation: profile.affiliation,
            homeGrid: grids[homeIndex].grid.id,
            skills: skills(for: profile, isPartyMember: isPartyMember, random: &random),
            maxShifts: maxShifts,
            minShifts: minShifts,
            availability: availability(for: profile, nightOK: nightOK, random: &random),
            unavailable: unavailable(random: &random),
            nightOK: nightOK,
            trainedOn: random.chance(0.85) ? trainedOn(random: &random) : nil,
            birthYear: birthYear)
    }

    // MARK: - Person

    /// Shop owners cluster around markets and stations; everyone else lives where people live.
    private func homeGrid(for profile: Profile, random: inout SplitMix64) -> Int {
        random.weightedIndex(
            grids.map { grid in
                grid.population * (profile == .shopOwner && grid.isHotspot ? 3 : 1)
            })
    }

    /// Night patrols are for the young: about half of those born from 1980, few over 60.
    private func nightShare(birthYear: Int) -> Double {
        switch birthYear {
        case 1980...: 0.5
        case 1970..<1980: 0.3
        case 1960..<1970: 0.08
        default: 0.02
        }
    }

    /// A mobile number: a real carrier prefix (13x, 15x, 17x, 18x, 19x, …) and 8 digits,
    /// distinct within the community.
    private mutating func phone(random: inout SplitMix64) -> String {
        let prefixes = [
            "130", "131", "132", "133", "135", "136", "137", "138", "139", "147", "150", "151",
            "152", "153", "155", "156", "157", "158", "159", "166", "173", "176", "177", "178",
            "180", "181", "182", "183", "185", "186", "187", "188", "189", "191", "198", "199",
        ]
        while true {
            let number = random.pick(prefixes) + padded(random.below(100_000_000), 8)
            if usedPhones.insert(number).inserted { return number }
        }
    }

    /// Retired members mostly belong to the retirees' branch, members at work to a unit or
    /// new-organisation branch, the rest to the branch of their grid or of their compound.
    private func branch(for profile: Profile, home: Int, random: inout SplitMix64) -> String {
        switch profile {
        case .retiree where random.chance(0.75):
            return "离退休党支部"
        case .employee:
            return random.chance(0.6) ? "在职党员联合党支部" : "两新组织党支部"
        case .shopOwner:
            return random.chance(0.8) ? "两新组织党支部" : "商户联合党支部"
        default:
            if let compound = grids[home].compound, random.chance(0.35) {
                return compound + "楼栋党支部"
            }
            return residentialBranches[home * residentialBranches.count / grids.count]
        }
    }

    /// About 10 % leaders, more among Party members; first aid, fire and anti-fraud skills
    /// where the profile makes them likely.
    private func skills(for profile: Profile, isPartyMember: Bool, random: inout SplitMix64)
        -> Set<String>
    {
        var skills: Set<String> = []
        if random.chance(isPartyMember ? 0.14 : 0.04) { skills.insert(leaderSkill) }
        if random.chance(0.15) { skills.insert("first_aid") }
        if random.chance(profile == .shopOwner ? 0.3 : 0.1) { skills.insert("fire") }
        if random.chance(profile == .retiree ? 0.15 : 0.08) { skills.insert("anti_fraud") }
        return skills
    }

    // MARK: - Calendar

    /// A weekly pattern typical of the profile.
    ///
    /// About one in seven says "any time" (nil). Night is added on evening days for
    /// `night_ok` volunteers, when the community has it.
    private func availability(for profile: Profile, nightOK: Bool, random: inout SplitMix64)
        -> WeeklyAvailability
    {
        let (m, a, e) = (SampleCalendar.morning, SampleCalendar.afternoon, SampleCalendar.evening)
        let weekdays = Array(0..<5)
        let weekend = [5, 6]
        let everyDay = Array(0..<7)
        var days = Array(repeating: Set<PeriodID>(), count: 7)
        func allow(_ dayIndices: [Int], _ periods: [PeriodID]) {
            for day in dayIndices { days[day].formUnion(periods) }
        }
        let roll = random.unit()
        switch profile {
        case .retiree:
            if roll < 0.15 { return .always }
            if roll < 0.55 {
                allow(everyDay, [m, a])
            } else if roll < 0.8 {
                allow(everyDay, [m, a, e])
            } else {
                // Weekends go to the grandchildren.
                allow(weekdays, [m, a])
            }
        case .workingResident:
            if roll < 0.15 { return .always }
            if roll < 0.65 {
                allow(weekdays, [e])
                allow(weekend, [m, a, e])
            } else if roll < 0.9 {
                allow(weekend, [m, a, e])
                allow(random.shuffled(weekdays).prefix(2).sorted(), [e])
            } else {
                allow(weekdays, [e])
            }
        case .employee:
            if roll < 0.6 {
                allow(weekdays, [e])
                allow(weekend, [m, a, e])
            } else if roll < 0.85 {
                allow(weekend, [m, a])
            } else {
                allow([1, 3], [e])
                allow([5], [m, a, e])
            }
        case .shopOwner:
            if roll < 0.1 { return .always }
            allow(everyDay, [a, e])
            if roll < 0.3 { days[random.below(7)] = [] }
        case .other:
            if roll < 0.4 { return .always }
            if roll < 0.7 {
                let periods = random.shuffled([m, a, e]).prefix(2)
                allow(
                    random.shuffled(everyDay).prefix(random.int(in: 3...5)).sorted(), Array(periods)
                )
            } else {
                allow(everyDay, [e])
            }
        }
        if nightOK, calendar.hasNight {
            let fridayAndSaturday = [4, 5]
            let nightDays = random.chance(0.5) ? everyDay.filter { days[$0].contains(e) } : []
            allow(nightDays.isEmpty ? fridayAndSaturday : nightDays, [SampleCalendar.night])
        }
        return WeeklyAvailability(periodsByWeekday: days)
    }

    /// About one in five is away some of the month: a hospital visit, a trip (which may run
    /// on past the month's end), or two scattered days.
    private func unavailable(random: inout SplitMix64) -> [DateRange] {
        guard random.chance(0.2) else { return [] }
        let month = calendar.month
        let first = month.firstDate
        let roll = random.unit()
        if roll < 0.4 {
            return [DateRange(first.adding(days: random.below(month.dayCount)))]
        }
        if roll < 0.85 {
            let start = first.adding(days: random.int(in: -2...(month.dayCount - 1)))
            return [DateRange(first: start, last: start.adding(days: random.int(in: 2...9)))]
        }
        let one = random.below(month.dayCount)
        let other = (one + random.int(in: 1...(month.dayCount - 1))) % month.dayCount
        return [min(one, other), max(one, other)].map { DateRange(first.adding(days: $0)) }
    }

    /// A day in the last year, before the month: communities train their teams yearly.
    private func trainedOn(random: inout SplitMix64) -> LocalDate {
        let month = calendar.month.adding(months: -random.int(in: 1...11))
        return month.firstDate.adding(days: random.below(month.dayCount))
    }
}
