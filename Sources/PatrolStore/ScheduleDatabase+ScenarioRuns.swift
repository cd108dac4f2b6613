import Foundation
import GRDB
import PatrolModel

// MARK: - Scenario runs
// A run of `patrol scenario run` stores each base and variant as an ordinary schedule version
// (with its own community import: a variant's community is the changed one) and one run
// record that links them, so that `patrol scenario compare` can set them side by side again.

/// A scenario run about to be stored: every base and variant, solved and checked.
public struct ScenarioRunDraft: Sendable {
    /// One base or variant of the run.
    public struct Member: Sendable {
        /// The display name, such as 春节返乡 or `base`.
        public var name: String
        /// A short key for folders and CSV headers, such as `spring-festival`.
        public var key: String
        public var description: String
        /// The scenario file; empty for a base.
        public var file: String
        /// The position in `members` of the base this variant is compared with; nil for a base,
        /// which must come before its variants.
        public var basePosition: Int?
        public var seconds: Double
        public var draft: ScheduleDraft
        /// The community the schedule was solved for (a variant's changed community).
        public var community: Community
        /// Where the community came from, kept with its import.
        public var source: String

        public init(
            name: String, key: String, description: String, file: String, basePosition: Int?,
            seconds: Double, draft: ScheduleDraft, community: Community, source: String
        ) {
            self.name = name
            self.key = key
            self.description = description
            self.file = file
            self.basePosition = basePosition
            self.seconds = seconds
            self.draft = draft
            self.community = community
            self.source = source
        }
    }

    public var createdAt: Date
    public var seed: UInt64
    public var timeLimitSeconds: Double
    public var variantTimeLimitSeconds: Double
    public var moveLimit: Int?
    /// Wall-clock seconds until every base was solved.
    public var baseSeconds: Double
    /// Wall-clock seconds for the whole run, from reading the files until just before storing.
    public var totalSeconds: Double
    public var members: [Member]

    public init(
        createdAt: Date = Date(), seed: UInt64, timeLimitSeconds: Double,
        variantTimeLimitSeconds: Double, moveLimit: Int?, baseSeconds: Double,
        totalSeconds: Double, members: [Member]
    ) {
        self.createdAt = createdAt
        self.seed = seed
        self.timeLimitSeconds = timeLimitSeconds
        self.variantTimeLimitSeconds = variantTimeLimitSeconds
        self.moveLimit = moveLimit
        self.baseSeconds = baseSeconds
        self.totalSeconds = totalSeconds
        self.members = members
    }
}

/// A stored scenario run, without its schedules: a line of `patrol scenario list`.
public struct ScenarioRunSummary: Sendable, Hashable {
    public var id: Int64
    public var createdAt: Date
    public var seed: UInt64
    public var timeLimitSeconds: Double
    public var variantTimeLimitSeconds: Double
    public var moveLimit: Int?
    public var baseSeconds: Double
    public var totalSeconds: Double
    /// The members' display names, bases first.
    public var names: [String]
}

/// A stored scenario run in full: every member with its stored schedule and community.
public struct StoredScenarioRun: Sendable {
    public struct Member: Sendable {
        public var name: String
        public var key: String
        public var description: String
        public var file: String
        public var basePosition: Int?
        public var seconds: Double
        public var schedule: StoredSchedule
    }

    public var summary: ScenarioRunSummary
    public var members: [Member]
}

/// No scenario run has this id.
public struct ScenarioRunNotFound: Error, Hashable, Sendable, CustomStringConvertible {
    public var id: Int64
    public var store: String

    public var description: String {
        "No scenario run with id \(id) in \(store). Run `patrol scenario list` to list them."
    }
}

extension ScheduleDatabase {
    /// Stores every member's schedule as a new version and the run that links them, in one
    /// transaction.
    ///
    /// - Returns: the run's id and each member's schedule id, in member order.
    /// - Throws: what `recordSchedule` throws for a member; nothing is stored then.
    public func recordScenarioRun(_ draft: ScenarioRunDraft) throws -> (
        runID: Int64, scheduleIDs: [Int64]
    ) {
        var prepared: [(member: ScenarioRunDraft.Member, rows: CommunityRows)] = []
        for (position, member) in draft.members.enumerated() {
            precondition(
                member.basePosition.map { $0 < position } ?? true,
                "a base comes before its variants")
            try Self.validate(member.draft, against: member.community)
            prepared.append(
                (
                    member,
                    try CommunityRows(
                        member.community, source: member.source, importedAt: draft.createdAt)
                ))
        }
        return try writer.write { db in
            var run = ScenarioRunRecord(
                createdAt: draft.createdAt, seed: Int64(bitPattern: draft.seed),
                timeLimitSeconds: draft.timeLimitSeconds,
                variantTimeLimitSeconds: draft.variantTimeLimitSeconds, moveLimit: draft.moveLimit,
                baseSeconds: draft.baseSeconds, totalSeconds: draft.totalSeconds)
            try run.insert(db)
            let runID = db.lastInsertedRowID
            var scheduleIDs: [Int64] = []
            for (position, entry) in prepared.enumerated() {
                var rows = entry.rows
                let ids = try Self.insert(
                    entry.member.draft, community: entry.member.community, rows: &rows, db)
                scheduleIDs.append(ids.scheduleID)
                try ScenarioRunScheduleRecord(
                    runID: runID, position: position, scheduleID: ids.scheduleID,
                    basePosition: entry.member.basePosition, name: entry.member.name,
                    key: entry.member.key, description: entry.member.description,
                    file: entry.member.file, seconds: entry.member.seconds
                ).insert(db)
            }
            return (runID, scheduleIDs)
        }
    }

    /// Every stored scenario run, newest first.
    public func scenarioRuns() throws -> [ScenarioRunSummary] {
        try writer.read { db in
            try ScenarioRunRecord.order(ScenarioRunRecord.Columns.id.desc).fetchAll(db).map { run in
                let members =
                    try ScenarioRunScheduleRecord
                    .filter(ScenarioRunScheduleRecord.Columns.runID == run.id)
                    .order(ScenarioRunScheduleRecord.Columns.position).fetchAll(db)
                return Self.summary(run, members)
            }
        }
    }

    /// One stored run with every member's schedule.
    ///
    /// - Throws: `ScenarioRunNotFound` when there is no such run.
    public func scenarioRun(id: Int64) throws -> StoredScenarioRun {
        let (run, members) = try writer.read { db in
            guard let run = try ScenarioRunRecord.fetchOne(db, key: id) else {
                throw ScenarioRunNotFound(id: id, store: storeName)
            }
            let members =
                try ScenarioRunScheduleRecord
                .filter(ScenarioRunScheduleRecord.Columns.runID == id)
                .order(ScenarioRunScheduleRecord.Columns.position).fetchAll(db)
            return (run, members)
        }
        // Schedule versions never change once stored, so reading them one by one is safe.
        return StoredScenarioRun(
            summary: Self.summary(run, members),
            members: try members.map { member in
                StoredScenarioRun.Member(
                    name: member.name, key: member.key, description: member.description,
                    file: member.file, basePosition: member.basePosition, seconds: member.seconds,
                    schedule: try schedule(id: member.scheduleID))
            })
    }

    private static func summary(_ run: ScenarioRunRecord, _ members: [ScenarioRunScheduleRecord])
        -> ScenarioRunSummary
    {
        ScenarioRunSummary(
            id: run.id ?? 0, createdAt: run.createdAt, seed: UInt64(bitPattern: run.seed),
            timeLimitSeconds: run.timeLimitSeconds,
            variantTimeLimitSeconds: run.variantTimeLimitSeconds, moveLimit: run.moveLimit,
            baseSeconds: run.baseSeconds, totalSeconds: run.totalSeconds, names: members.map(\.name)
        )
    }
}

/// v3: scenario runs, each linking the schedule versions of its bases and variants.
func createScenarioRuns(_ db: Database) throws {
    try db.execute(
        sql: """
            CREATE TABLE scenarioRun (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                createdAt TEXT NOT NULL,
                seed INTEGER NOT NULL,
                timeLimitSeconds REAL NOT NULL,
                variantTimeLimitSeconds REAL NOT NULL,
                moveLimit INTEGER,
                baseSeconds REAL NOT NULL,
                totalSeconds REAL NOT NULL
            );

            -- A variant names the position of its base in the same run; a base has none.
            CREATE TABLE scenarioRunSchedule (
                runID INTEGER NOT NULL REFERENCES scenarioRun(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                scheduleID INTEGER NOT NULL REFERENCES schedule(id),
                basePosition INTEGER,
                name TEXT NOT NULL,
                key TEXT NOT NULL,
                description TEXT NOT NULL,
                file TEXT NOT NULL,
                seconds REAL NOT NULL,
                PRIMARY KEY (runID, position),
                FOREIGN KEY (runID, basePosition) REFERENCES scenarioRunSchedule(runID, position)
            );
            CREATE INDEX scenarioRunSchedule_on_schedule ON scenarioRunSchedule(scheduleID);
            CREATE INDEX scenarioRunSchedule_on_base ON scenarioRunSchedule(runID, basePosition);
            """)
}
