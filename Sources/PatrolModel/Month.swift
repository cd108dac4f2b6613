/// The month a roster is built for, written `YYYY-MM`.
public struct Month: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let year: Int
    /// 1 to 12.
    public let month: Int

    /// The month, or nil when `month` is not 1 to 12.
    public init?(year: Int, month: Int) {
        guard (1...12).contains(month), (1...9999).contains(year) else { return nil }
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM`.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1])
        else { return nil }
        self.init(year: y, month: m)
    }

    public var firstDate: LocalDate { LocalDate(year: year, month: month, day: 1)! }
    public var dayCount: Int { LocalDate.daysIn(year: year, month: month) }
    public var lastDate: LocalDate { firstDate.adding(days: dayCount - 1) }

    /// Every date of the month, in order.
    public var dates: [LocalDate] { (0..<dayCount).map { firstDate.adding(days: $0) } }

    public func contains(_ date: LocalDate) -> Bool { date >= firstDate && date <= lastDate }

    /// The month `count` months later (earlier when negative).
    public func adding(months count: Int) -> Month {
        let index = year * 12 + (month - 1) + count
        return Month(year: index / 12, month: index % 12 + 1)!
    }

    public var description: String { "\(LocalDate.pad(year, 4))-\(LocalDate.pad(month, 2))" }

    public static func < (lhs: Month, rhs: Month) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let month = Month(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not a month: \(text)"))
        }
        self = month
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
