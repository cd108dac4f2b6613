import PatrolModel

/// Who a change is about: volunteers by id, or those a filter matches, optionally a seeded
/// random part of them.
///
/// The random part is drawn with the scenario's seed and the change's position in the list,
/// so the same file and seed pick the same people on every run and machine, and two changes
/// with the same filter pick independently.
public struct VolunteerSelection: Sendable, Equatable {
    /// How much of the matching volunteers to take.
    public enum Sample: Sendable, Equatable {
        /// This share, 0 to 1, rounded to the nearest whole volunteer.
        case fraction(Double)
        /// This many, or all when fewer match.
        case count(Int)
    }

    /// Volunteers by id; nil when a filter chooses them.
    public var ids: [VolunteerID]?
    /// The volunteers a filter matches; nil when chosen by id.
    public var filter: VolunteerFilter?
    /// Nil takes everyone chosen.
    public var sample: Sample?

    public init(ids: [VolunteerID]? = nil, filter: VolunteerFilter? = nil, sample: Sample? = nil) {
        self.ids = ids
        self.filter = filter
        self.sample = sample
    }

    /// The chosen volunteers' ids, in the community's order.
    ///
    /// - Parameters:
    ///   - stream: tells apart the draws of different changes under one seed.
    /// - Returns: the ids, and the ids asked for by name that the community does not have.
    func choose(in community: Community, seed: UInt64, stream: UInt64) -> (
        chosen: [VolunteerID], unknown: [VolunteerID]
    ) {
        var candidates: [VolunteerID]
        var unknown: [VolunteerID] = []
        if let ids {
            let known = Set(community.volunteers.map(\.id))
            unknown = ids.filter { !known.contains($0) }
            let wanted = Set(ids)
            candidates = community.volunteers.map(\.id).filter(wanted.contains)
        } else {
            let year = community.month.year
            candidates = community.volunteers.filter { filter?.matches($0, year: year) ?? true }
                .map(\.id)
        }
        guard let sample else { return (candidates, unknown) }
        let count: Int
        switch sample {
        case .fraction(let share): count = Int((Double(candidates.count) * share).rounded())
        case .count(let wanted): count = min(wanted, candidates.count)
        }
        var random = SplitMix64(seed: seed &+ stream &* 0xD1B5_4A32_D192_ED03)
        let order = Dictionary(
            uniqueKeysWithValues: community.volunteers.enumerated().map { ($1.id, $0) })
        let drawn = random.sample(candidates, count: count)
        return (drawn.sorted { order[$0, default: 0] < order[$1, default: 0] }, unknown)
    }
}

/// Volunteer attributes to match; every attribute given must match, and a list matches
/// when any of its values does.
public struct VolunteerFilter: Sendable, Equatable {
    public var affiliations: Set<Affiliation>?
    public var branches: Set<String>?
    /// Home grids.
    public var grids: Set<GridID>?
    /// Ages reached in the scenario month's year (year − birth year); a volunteer without a
    /// birth year never matches an age.
    public var ages: ClosedRange<Int>?
    /// Skill tags as volunteers.csv stores them (`leader`, `first_aid`, …).
    public var skills: Set<String>?
    public var partyMember: Bool?
    public var nightOK: Bool?
    /// Whether the volunteer has a `trained_on` date.
    public var trained: Bool?

    public init(
        affiliations: Set<Affiliation>? = nil, branches: Set<String>? = nil,
        grids: Set<GridID>? = nil, ages: ClosedRange<Int>? = nil, skills: Set<String>? = nil,
        partyMember: Bool? = nil, nightOK: Bool? = nil, trained: Bool? = nil
    ) {
        self.affiliations = affiliations
        self.branches = branches
        self.grids = grids
        self.ages = ages
        self.skills = skills
        self.partyMember = partyMember
        self.nightOK = nightOK
        self.trained = trained
    }

    /// Whether `volunteer` has every attribute asked for, with ages counted in `year`.
    public func matches(_ volunteer: Volunteer, year: Int) -> Bool {
        if let affiliations, !affiliations.contains(volunteer.affiliation) { return false }
        if let branches, !branches.contains(volunteer.branch) { return false }
        if let grids, !grids.contains(volunteer.homeGrid) { return false }
        if let ages {
            guard let born = volunteer.birthYear, ages.contains(year - born) else { return false }
        }
        if let skills, skills.isDisjoint(with: volunteer.skills) { return false }
        if let partyMember, volunteer.isPartyMember != partyMember { return false }
        if let nightOK, volunteer.nightOK != nightOK { return false }
        if let trained, (volunteer.trainedOn != nil) != trained { return false }
        return true
    }
}

/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators",
/// OOPSLA 2014): a small generator whose output is fixed by its seed on every platform,
/// which the standard library's generators do not promise.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound, by Lemire's multiply-shift (bias below 2^-32 for our sizes).
    mutating func next(below bound: Int) -> Int {
        Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// `count` elements drawn without replacement: the first `count` steps of a
    /// Fisher-Yates shuffle.
    mutating func sample<T>(_ items: [T], count: Int) -> [T] {
        var pool = items
        for index in 0..<min(count, pool.count) {
            pool.swapAt(index, index + next(below: pool.count - index))
        }
        return Array(pool.prefix(count))
    }
}
