/// One instance of the Curtois & Qu employee shift scheduling benchmark (2014), as
/// read from its plain-text format (`../shared/benchmarks/curtois/README.md`).
public struct CurtoisInstance: Sendable, Hashable {
    public struct Shift: Sendable, Hashable {
        public var id: String
        public var minutes: Int
        /// Shifts that may not be worked on the next day.
        public var forbiddenNext: [String]
    }

    public struct Employee: Sendable, Hashable {
        public var id: String
        /// Most days of each shift type, by shift id (0 forbids the type).
        public var maxShifts: [String: Int]
        public var maxTotalMinutes: Int
        public var minTotalMinutes: Int
        public var maxConsecutiveShifts: Int
        public var minConsecutiveShifts: Int
        public var minConsecutiveDaysOff: Int
        public var maxWeekends: Int
        public var daysOff: [Int]
    }

    /// A wish to work (`on`) or not to work (`off`) one shift on one day.
    public struct Request: Sendable, Hashable {
        public var employee: String
        public var day: Int
        public var shift: String
        public var weight: Int
        public var isOn: Bool
    }

    /// The staff wanted on one shift of one day, and the penalty per person missing or extra.
    public struct Cover: Sendable, Hashable {
        public var day: Int
        public var shift: String
        public var requirement: Int
        public var underWeight: Int
        public var overWeight: Int
    }

    public var name: String
    public var horizon: Int
    public var shifts: [Shift]
    public var employees: [Employee]
    public var requests: [Request]
    public var cover: [Cover]
}

/// A line of an instance file that cannot be read.
public struct CurtoisFormatError: Error, CustomStringConvertible, Sendable {
    public var line: Int
    public var message: String
    public var description: String { "line \(line): \(message)" }
}

extension CurtoisInstance {
    /// Reads an instance; `name` labels it (usually the file name without extension).
    ///
    /// Accepts the quirks the benchmark's README lists: CRLF line ends, `#` comments,
    /// sections ended by a blank line, a trailing comma after the shift list, `-0`.
    public init(name: String, text: String) throws(CurtoisFormatError) {
        self.name = name
        horizon = 0
        shifts = []
        employees = []
        requests = []
        cover = []
        var section = ""
        var daysOff: [String: [Int]] = [:]
        // "\r\n" is one Character in Swift, and a newline like "\n".
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (index, raw) in lines.enumerated() {
            let number = index + 1
            let line = raw.trimmed
            if line.isEmpty {
                section = ""
                continue
            }
            if line.hasPrefix("#") { continue }
            if line.hasPrefix("SECTION_") {
                section = line
                continue
            }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmed }
            func int(_ i: Int) throws(CurtoisFormatError) -> Int {
                guard i < fields.count, let value = Int(fields[i]) else {
                    throw CurtoisFormatError(line: number, message: "expected a whole number in field \(i + 1) of \"\(line)\"")
                }
                return value == 0 ? 0 : value  // "-0" reads as 0
            }
            switch section {
            case "SECTION_HORIZON":
                horizon = try int(0)
            case "SECTION_SHIFTS":
                let next = fields.count > 2 ? fields[2].split(separator: "|").map { String($0).trimmed }.filter { !$0.isEmpty } : []
                shifts.append(Shift(id: fields[0], minutes: try int(1), forbiddenNext: next))
            case "SECTION_STAFF":
                guard fields.count >= 8 else {
                    throw CurtoisFormatError(line: number, message: "a staff line needs 8 fields: \"\(line)\"")
                }
                var maxShifts: [String: Int] = [:]
                for pair in fields[1].split(separator: "|") {
                    let parts = pair.split(separator: "=")
                    guard parts.count == 2, let value = Int(parts[1]) else {
                        throw CurtoisFormatError(line: number, message: "expected ShiftID=number in \"\(pair)\"")
                    }
                    maxShifts[String(parts[0])] = value
                }
                employees.append(
                    Employee(
                        id: fields[0], maxShifts: maxShifts, maxTotalMinutes: try int(2),
                        minTotalMinutes: try int(3), maxConsecutiveShifts: try int(4),
                        minConsecutiveShifts: try int(5), minConsecutiveDaysOff: try int(6),
                        maxWeekends: try int(7), daysOff: []))
            case "SECTION_DAYS_OFF":
                var days: [Int] = []
                for i in 1..<fields.count where !fields[i].isEmpty { days.append(try int(i)) }
                daysOff[fields[0], default: []] += days
            case "SECTION_SHIFT_ON_REQUESTS", "SECTION_SHIFT_OFF_REQUESTS":
                requests.append(
                    Request(
                        employee: fields[0], day: try int(1), shift: fields[2], weight: try int(3),
                        isOn: section == "SECTION_SHIFT_ON_REQUESTS"))
            case "SECTION_COVER":
                cover.append(
                    Cover(
                        day: try int(0), shift: fields[1], requirement: try int(2), underWeight: try int(3),
                        overWeight: try int(4)))
            default:
                throw CurtoisFormatError(line: number, message: "data outside a known section: \"\(line)\"")
            }
        }
        for i in employees.indices { employees[i].daysOff = daysOff[employees[i].id] ?? [] }
        guard horizon > 0, !shifts.isEmpty, !employees.isEmpty else {
            throw CurtoisFormatError(line: 0, message: "missing horizon, shifts or staff")
        }
    }
}

extension StringProtocol {
    fileprivate var trimmed: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
