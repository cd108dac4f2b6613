import GRDB
import PatrolModel

/// A row of `volunteer`: one volunteer of an import.
///
/// Sets are stored as sorted JSON arrays so that equal volunteers store equal text.
struct VolunteerRecord: ImportPartRecord {
    static let databaseTableName = "volunteer"

    var importID: Int64
    var position: Int
    var id: VolunteerID
    var name: String
    var phone: String
    var isPartyMember: Bool
    var branch: String
    var affiliation: Affiliation
    var homeGrid: GridID
    var skills: [String]
    var maxShifts: Int
    var minShifts: Int
    /// Periods allowed per weekday, Monday first; nil (NULL) means any day, any period.
    var availability: [[PeriodID]]?
    var unavailable: [DateRange]
    var nightOK: Bool
    var trainedOn: LocalDate?
    var birthYear: Int?

    init(_ volunteer: Volunteer, importID: Int64, position: Int) {
        self.importID = importID
        self.position = position
        id = volunteer.id
        name = volunteer.name
        phone = volunteer.phone
        isPartyMember = volunteer.isPartyMember
        branch = volunteer.branch
        affiliation = volunteer.affiliation
        homeGrid = volunteer.homeGrid
        skills = volunteer.skills.sorted()
        maxShifts = volunteer.maxShifts
        minShifts = volunteer.minShifts
        availability = volunteer.availability.periodsByWeekday.map { $0.map { $0.sorted() } }
        unavailable = volunteer.unavailable
        nightOK = volunteer.nightOK
        trainedOn = volunteer.trainedOn
        birthYear = volunteer.birthYear
    }

    var volunteer: Volunteer {
        Volunteer(
            id: id, name: name, phone: phone, isPartyMember: isPartyMember, branch: branch,
            affiliation: affiliation, homeGrid: homeGrid, skills: Set(skills),
            maxShifts: maxShifts, minShifts: minShifts,
            availability: WeeklyAvailability(periodsByWeekday: availability?.map { Set($0) }),
            unavailable: unavailable, nightOK: nightOK, trainedOn: trainedOn,
            birthYear: birthYear)
    }
}
