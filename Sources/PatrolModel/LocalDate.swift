/// A calendar date without a time zone, as community offices write them.
///
/// Stored as the number of days since 1970-01-01 so that date arithmetic in the
/// solver is integer arithmetic; the proleptic Gregorian calendar is used throughout.
public struct LocalDate: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before).
    public let dayNumber: Int

    /// The date `dayNumber` days after 1970-01-01.
    public init(dayNumber: Int) { self.dayNumber = dayNumber }

    /// The date with this year, month (1-12) and day, or nil when no such date exists.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Self.daysIn(year: year, month: month)
        else { return nil }
        // Days from civil, after Howard Hinnant's `days_from_civil`.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = (month + 9) % 12
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        dayNumber = era * 146_097 + dayOfEra - 719_468
    }

    /// Year, month (1-12) and day of month.
    public var components: (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    public var year: Int { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }

    /// The weekday of this date.
    public var weekday: Weekday {
        // 1970-01-01 was a Thursday (index 3 when Monday is 0).
        Weekday(rawValue: ((dayNumber + 3) % 7 + 7) % 7)!
    }

    /// The ISO 8601 week this date belongs to, as (week-based year, week number).
    public var isoWeek: (year: Int, week: Int) {
        let thursday = adding(days: 3 - weekday.rawValue)
        let year = thursday.year
        let firstDay = LocalDate(year: year, month: 1, day: 1)!
        return (year, (thursday.dayNumber - firstDay.dayNumber) / 7 + 1)
    }

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    /// ISO `YYYY-MM-DD`.
    public var description: String {
        let (y, m, d) = components
        return "\(Self.pad(y, 4))-\(Self.pad(m, 2))-\(Self.pad(d, 2))"
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool { lhs.dayNumber < rhs.dayNumber }

    /// The number of days in a month of the Gregorian calendar.
    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = LocalDate(iso: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not a date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }
}

/// A day of the week, Monday first as in ISO 8601 and on Chinese calendars.
public enum Weekday: Int, CaseIterable, Codable, Sendable, Comparable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    /// `Mon` … `Sun`.
    public var englishAbbreviation: String {
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][rawValue]
    }

    /// `周一` … `周日`.
    public var chineseName: String {
        ["周一", "周二", "周三", "周四", "周五", "周六", "周日"][rawValue]
    }

    public var isWeekend: Bool { self == .saturday || self == .sunday }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// An inclusive range of dates, written `2026-12-20..2026-12-27` in the files.
public struct DateRange: Hashable, Codable, Sendable, CustomStringConvertible {
    public var first: LocalDate
    public var last: LocalDate

    public init(first: LocalDate, last: LocalDate) {
        self.first = first
        self.last = last
    }

    /// A range of one day.
    public init(_ date: LocalDate) { self.init(first: date, last: date) }

    public func contains(_ date: LocalDate) -> Bool { first <= date && date <= last }

    public var description: String { first == last ? "\(first)" : "\(first)..\(last)" }
}
