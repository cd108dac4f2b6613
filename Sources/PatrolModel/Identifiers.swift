/// A key read from a community's files: a volunteer, grid, period or training session id.
///
/// Each kind of key is its own type so that a grid id can never be passed where a
/// volunteer id is expected; all of them are plain strings underneath.
public protocol StringIdentifier: Hashable, Comparable, Codable, Sendable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    /// The key exactly as the community's file wrote it.
    var rawValue: String { get }
    /// Wraps a key read from a file.
    init(_ rawValue: String)
}

extension StringIdentifier {
    public init(stringLiteral value: String) { self.init(value) }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// The `id` of a row in `volunteers.csv`.
public struct VolunteerID: StringIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// The `id` of a row in `grids.csv`.
public struct GridID: StringIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// The `id` of a period in `community.yaml`.
public struct PeriodID: StringIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// The `id` of a row in `trainings.csv`.
public struct SessionID: StringIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}
