import Foundation
import PatrolModel

/// Parsers for the cell values of the contract's section 1, shared by every input file.
///
/// Each parser takes the trimmed text of one cell and returns the value or a
/// `ValueProblem` that quotes the text and says what was expected; none of them knows
/// which file or column it reads, so the caller adds the location.
enum ValueParser {
    // MARK: - Lists: cells that hold several items.

    /// Items of a list cell, separated by `;`, `；` or `、`, blanks dropped.
    static func list(_ text: String) -> [String] {
        split(text, on: [";", "；", "、"])
    }

    /// Items of a weekday or period list, separated by `,`, `，` or `、`, blanks dropped.
    static func items(_ text: String) -> [String] {
        split(text, on: [",", "，", "、"])
    }

    static func split(_ text: String, on separators: Set<Character>) -> [String] {
        text.split(whereSeparator: { separators.contains($0) })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    // MARK: - Scalars: booleans, numbers, words.

    private static let trueWords: Set<String> = ["yes", "true", "1", "是", "y"]
    private static let falseWords: Set<String> = ["no", "false", "0", "否", "n"]
    static let boolExpected = "yes or no (also true/false, 1/0, 是/否, Y/N)"

    static func bool(_ text: String) -> Result<Bool, ValueProblem> {
        let word = text.lowercased()
        if trueWords.contains(word) { return .success(true) }
        if falseWords.contains(word) { return .success(false) }
        return .failure(ValueProblem("\(quoted(text)) is not yes or no", expected: boolExpected))
    }

    /// A whole number of at least `minimum`, written with ASCII digits and an optional sign.
    static func wholeNumber(_ text: String, minimum: Int = 0) -> Result<Int, ValueProblem> {
        let expected = "a whole number of \(minimum) or more"
        let digits = text.hasPrefix("+") || text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), let value = Int(text) else {
            return .failure(
                ValueProblem("\(quoted(text)) is not a whole number", expected: expected))
        }
        guard value >= minimum else {
            let what = value < 0 ? "negative" : "below the minimum \(minimum)"
            return .failure(ValueProblem("\(quoted(text)) is \(what)", expected: expected))
        }
        return .success(value)
    }

    // MARK: - Calendar values: dates, ranges, months, times.

    static let dateExpected = "a date such as 2026-12-05 (also 2026/12/5 or 2026年12月5日)"

    /// `2026-12-05`, and the forms Excel and offices turn it into: `2026/12/5`,
    /// `2026-12-5`, `2026年12月5日`.
    static func date(_ text: String) -> Result<LocalDate, ValueProblem> {
        guard let (year, month, day) = dateFields(text) else {
            return .failure(ValueProblem("\(quoted(text)) is not a date", expected: dateExpected))
        }
        guard let date = LocalDate(year: year, month: month, day: day) else {
            return .failure(
                ValueProblem("\(quoted(text)) is not a day of the calendar", expected: dateExpected)
            )
        }
        return .success(date)
    }

    private static func dateFields(_ text: String) -> (Int, Int, Int)? {
        let parts: [Substring]
        if text.hasSuffix("日") {
            parts = text.dropLast().split(
                omittingEmptySubsequences: false, whereSeparator: { $0 == "年" || $0 == "月" })
            guard text.contains("年"), text.contains("月") else { return nil }
        } else {
            let separator: Character = text.contains("/") ? "/" : "-"
            parts = text.split(separator: separator, omittingEmptySubsequences: false)
        }
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count),
            (1...2).contains(parts[2].count),
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        return (year, month, day)
    }

    /// Whether a token of a list is meant as a date or range rather than a weekday or keyword.
    static func looksLikeDate(_ text: String) -> Bool {
        let prefix = text.prefix(5)
        return prefix.count == 5 && prefix.prefix(4).allSatisfy(\.isASCIIDigit)
            && ["-", "/", "年"].contains(prefix.last)
    }

    /// A date, or an inclusive range `2026-12-20..2026-12-27`.
    static func dateOrRange(_ text: String) -> Result<DateRange, ValueProblem> {
        guard let separator = text.range(of: "..") else { return date(text).map(DateRange.init) }
        let firstText = text[..<separator.lowerBound].trimmingCharacters(in: .whitespaces)
        let lastText = text[separator.upperBound...].trimmingCharacters(in: .whitespaces)
        let rangeExpected = "a date or a range such as 2026-12-20..2026-12-27"
        guard case .success(let first) = date(firstText), case .success(let last) = date(lastText)
        else {
            return .failure(
                ValueProblem("\(quoted(text)) is not a date range", expected: rangeExpected))
        }
        guard first <= last else {
            return .failure(
                ValueProblem(
                    "the range \(quoted(text)) ends before it starts",
                    expected: "the earlier date first, such as 2026-12-20..2026-12-27"))
        }
        return .success(DateRange(first: first, last: last))
    }

    static let monthExpected = "a month written YYYY-MM, such as 2026-12"

    /// `2026-12`; also `2026/12` and `2026年12月`.
    static func month(_ text: String) -> Result<Month, ValueProblem> {
        var core = Substring(text)
        if core.hasSuffix("月") { core = core.dropLast() }
        let parts = core.split(
            omittingEmptySubsequences: false,
            whereSeparator: { $0 == "-" || $0 == "/" || $0 == "年" })
        guard parts.count == 2, parts[0].count == 4, (1...2).contains(parts[1].count),
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let year = Int(parts[0]), let number = Int(parts[1]),
            let month = Month(year: year, month: number)
        else {
            return .failure(ValueProblem("\(quoted(text)) is not a month", expected: monthExpected))
        }
        return .success(month)
    }

    /// `HH:MM` or `H:MM`, `24:00` allowed; a full-width colon is read as `:`.
    static func time(_ text: String) -> Result<TimeOfDay, ValueProblem> {
        guard let time = TimeOfDay(text.replacingOccurrences(of: "：", with: ":")) else {
            return .failure(
                ValueProblem(
                    "\(quoted(text)) is not a time", expected: "a time such as 08:30 or 19:00"))
        }
        return .success(time)
    }

    // MARK: - Weekdays.

    private static let weekdayNames: [String: Weekday] = {
        var names: [String: Weekday] = [:]
        let english = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        let englishLong = [
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        ]
        let chinese = ["一", "二", "三", "四", "五", "六", "日"]
        for day in Weekday.allCases {
            names[english[day.rawValue]] = day
            names[englishLong[day.rawValue]] = day
            names["周" + chinese[day.rawValue]] = day
            names["星期" + chinese[day.rawValue]] = day
        }
        names["周天"] = .sunday
        names["星期天"] = .sunday
        return names
    }()

    static let weekdayExpected = "weekday names Mon..Sun or 周一..周日, ranges such as Mon-Fri"

    /// `Mon`, `monday`, `周一` or `星期一`.
    static func weekday(_ text: String) -> Weekday? {
        weekdayNames[text.trimmingCharacters(in: .whitespaces).lowercased()]
    }

    /// A weekday list such as `Mon-Fri` or `Sat,Sun`; ranges may wrap (`Fri-Mon`).
    static func weekdays(_ text: String) -> Result<Set<Weekday>, ValueProblem> {
        var days: Set<Weekday> = []
        for item in items(text) {
            if let dash = item.firstIndex(where: { $0 == "-" || $0 == "~" }) {
                guard let first = weekday(String(item[..<dash])),
                    let last = weekday(String(item[item.index(after: dash)...]))
                else {
                    return .failure(
                        ValueProblem(
                            "\(quoted(item)) is not a weekday range", expected: weekdayExpected))
                }
                var day = first
                days.insert(day)
                while day != last {
                    day = Weekday(rawValue: (day.rawValue + 1) % 7) ?? first
                    days.insert(day)
                }
            } else if let day = weekday(item) {
                days.insert(day)
            } else {
                return .failure(
                    ValueProblem("\(quoted(item)) is not a weekday", expected: weekdayExpected))
            }
        }
        return .success(days)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
