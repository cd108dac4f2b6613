import PatrolModel

/// The language of an explanation: Chinese for the community office, English for everyone else.
public enum Language: String, CaseIterable, Sendable {
    case zh, en
}

/// One sentence in both languages.
public struct Phrase: Sendable, Hashable {
    public var en: String
    public var zh: String

    public init(en: String, zh: String) {
        self.en = en
        self.zh = zh
    }

    public func text(_ language: Language) -> String {
        switch language {
        case .en: en
        case .zh: zh
        }
    }
}

/// How explanations name the community's things in each language.
struct Wording {
    let community: Community

    /// `王建国 (V01)` / `王建国（V01）`.
    func volunteer(_ id: VolunteerID) -> Phrase {
        let name = community.volunteer(id)?.name ?? id.rawValue
        return Phrase(en: "\(name) (\(id))", zh: "\(name)（\(id)）")
    }

    /// `G1 幸福里网格` / `幸福里网格（G1）`.
    func grid(_ id: GridID) -> Phrase {
        let name = community.grid(id)?.name ?? id.rawValue
        return Phrase(en: "\(id) \(name)", zh: "\(name)（\(id)）")
    }

    /// `2026-12-05 Sat` / `12月5日周六`.
    func date(_ date: LocalDate) -> Phrase {
        Phrase(
            en: "\(date) \(date.weekday.englishAbbreviation)",
            zh: "\(date.month)月\(date.day)日\(date.weekday.chineseName)")
    }

    /// `2026-12-05 Sat evening` / `12月5日周六晚上`.
    func time(_ date: LocalDate, _ period: PeriodID) -> Phrase {
        let day = self.date(date)
        let name = community.period(period)?.name ?? period.rawValue
        return Phrase(en: "\(day.en) \(period)", zh: "\(day.zh)\(name)")
    }

    /// `(+300)`, `(-14)`; empty for 0.
    static func points(_ value: Int) -> String {
        value == 0 ? "" : value > 0 ? " (+\(value))" : " (\(value))"
    }

    /// `3rd`, `11th`, `22nd`.
    static func ordinal(_ n: Int) -> String {
        let suffix: String
        switch (n % 10, n % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(n)\(suffix)"
    }

    /// `1 patrol`, `3 patrols`.
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
