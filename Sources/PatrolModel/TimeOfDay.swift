/// A clock time `HH:MM`, from 00:00 to 24:00.
public struct TimeOfDay: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// Minutes after midnight, 0 to 1440.
    public let minutes: Int

    public init?(minutes: Int) {
        guard (0...1440).contains(minutes) else { return nil }
        self.minutes = minutes
    }

    /// Parses `H:MM` or `HH:MM` (`24:00` allowed).
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            let h = Int(parts[0]), let m = Int(parts[1]), h >= 0, m >= 0, m < 60,
            h < 24 || (h == 24 && m == 0)
        else { return nil }
        self.minutes = h * 60 + m
    }

    public var description: String {
        "\(LocalDate.pad(minutes / 60, 2)):\(LocalDate.pad(minutes % 60, 2))"
    }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool { lhs.minutes < rhs.minutes }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let time = TimeOfDay(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not a time: \(text)"))
        }
        self = time
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A span of clock time that may cross midnight: when `end` is not after `start`, it ends
/// the next day.
public protocol ClockSpan {
    var start: TimeOfDay { get }
    var end: TimeOfDay { get }
}

extension ClockSpan {
    /// Minutes from midnight of the starting day to the end, past 1440 when it ends the next day.
    public var endOffset: Int { end > start ? end.minutes : end.minutes + 1440 }
    public var durationMinutes: Int { endOffset - start.minutes }
    public var endsNextDay: Bool { end <= start }
}
