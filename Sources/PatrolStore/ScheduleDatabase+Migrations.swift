import GRDB

// MARK: - Migrations
// The schema is a timeline of registered migrations. A migration that has shipped is frozen:
// it speaks SQL only, never names a Swift type or column constant, and is never edited.
// Change the schema by appending a new migration.

extension ScheduleDatabase {
    /// The migrations that build the store's schema, in the order they run.
    ///
    /// Conventions kept by every migration:
    /// - Tables and columns are singular and camelCased, so that Codable records map onto them.
    /// - Rows that a community keeps in order carry a `position` (0-based), so that reading an
    ///   import or a schedule returns its arrays in the order they were stored.
    /// - Rows of one import are keyed by the import and the community's own id, and rows of a
    ///   schedule carry the schedule's import too, so that composite foreign keys can require
    ///   every volunteer, grid, period and session a schedule names to exist in that import.
    /// - Every foreign key column is indexed, by an index of its own or as the leading columns
    ///   of the primary key.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: createCommunityImportsAndSchedules)
        migrator.registerMigration("v2 publish", migrate: createPublications)
        migrator.registerMigration("v3 scenario runs", migrate: createScenarioRuns)
        return migrator
    }
}

/// v1: community imports with their community, and schedule versions with their answer.
///
/// Encodings: dates are `YYYY-MM-DD` text, months `YYYY-MM`, clock times `HH:MM`; instants
/// (`importedAt`, `createdAt`) are GRDB's UTC `YYYY-MM-DD HH:MM:SS.SSS`; booleans are 0 or 1;
/// sets and ranges are JSON text (sets as sorted arrays). `schedule.seed` is the solver's
/// UInt64 seed bit-cast to a signed 64-bit integer, because SQLite integers are signed.
private func createCommunityImportsAndSchedules(_ db: Database) throws {
    try db.execute(
        sql: """
            CREATE TABLE communityImport (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                name TEXT NOT NULL,
                month TEXT NOT NULL,
                source TEXT NOT NULL,
                importedAt TEXT NOT NULL,
                fingerprint TEXT NOT NULL UNIQUE,
                holidays TEXT NOT NULL,
                maxShiftsPerMonth INTEGER NOT NULL,
                maxShiftsPerWeek INTEGER NOT NULL,
                maxShiftsPerDay INTEGER NOT NULL,
                maxConsecutiveDays INTEGER NOT NULL,
                minRestMinutes INTEGER NOT NULL,
                trainingRequired INTEGER NOT NULL,
                trainBeforePatrol INTEGER NOT NULL,
                uncoveredWeight INTEGER NOT NULL,
                noPartyMemberWeight INTEGER NOT NULL,
                noLeaderWeight INTEGER NOT NULL,
                missedTrainingWeight INTEGER NOT NULL,
                belowMinShiftsWeight INTEGER NOT NULL,
                fairnessWeight INTEGER NOT NULL,
                neighborGridWeight INTEGER NOT NULL,
                farGridWeight INTEGER NOT NULL
            );

            CREATE TABLE period (
                importID INTEGER NOT NULL REFERENCES communityImport(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                id TEXT NOT NULL,
                name TEXT NOT NULL,
                start TEXT NOT NULL,
                "end" TEXT NOT NULL,
                isNight INTEGER NOT NULL,
                PRIMARY KEY (importID, id),
                UNIQUE (importID, position)
            );

            CREATE TABLE grid (
                importID INTEGER NOT NULL REFERENCES communityImport(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                id TEXT NOT NULL,
                name TEXT NOT NULL,
                risk INTEGER NOT NULL,
                needsLeader INTEGER NOT NULL,
                PRIMARY KEY (importID, id),
                UNIQUE (importID, position)
            );

            CREATE TABLE gridNeighbor (
                importID INTEGER NOT NULL,
                grid TEXT NOT NULL,
                neighbor TEXT NOT NULL,
                PRIMARY KEY (importID, grid, neighbor),
                FOREIGN KEY (importID, grid) REFERENCES grid(importID, id) ON DELETE CASCADE,
                FOREIGN KEY (importID, neighbor) REFERENCES grid(importID, id) ON DELETE CASCADE
            );
            CREATE INDEX gridNeighbor_on_neighbor ON gridNeighbor(importID, neighbor);

            CREATE TABLE volunteer (
                importID INTEGER NOT NULL REFERENCES communityImport(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                id TEXT NOT NULL,
                name TEXT NOT NULL,
                phone TEXT NOT NULL,
                isPartyMember INTEGER NOT NULL,
                branch TEXT NOT NULL,
                affiliation TEXT NOT NULL,
                homeGrid TEXT NOT NULL,
                skills TEXT NOT NULL,
                maxShifts INTEGER NOT NULL,
                minShifts INTEGER NOT NULL,
                availability TEXT,
                unavailable TEXT NOT NULL,
                nightOK INTEGER NOT NULL,
                trainedOn TEXT,
                birthYear INTEGER,
                PRIMARY KEY (importID, id),
                UNIQUE (importID, position),
                FOREIGN KEY (importID, homeGrid) REFERENCES grid(importID, id) ON DELETE CASCADE
            );
            CREATE INDEX volunteer_on_homeGrid ON volunteer(importID, homeGrid);

            CREATE TABLE slot (
                importID INTEGER NOT NULL REFERENCES communityImport(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                grid TEXT NOT NULL,
                date TEXT NOT NULL,
                period TEXT NOT NULL,
                needed INTEGER NOT NULL,
                PRIMARY KEY (importID, position),
                FOREIGN KEY (importID, grid) REFERENCES grid(importID, id) ON DELETE CASCADE,
                FOREIGN KEY (importID, period) REFERENCES period(importID, id) ON DELETE CASCADE
            );
            CREATE INDEX slot_on_grid ON slot(importID, grid);
            CREATE INDEX slot_on_period ON slot(importID, period);

            CREATE TABLE trainingSession (
                importID INTEGER NOT NULL REFERENCES communityImport(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                id TEXT NOT NULL,
                topic TEXT NOT NULL,
                date TEXT NOT NULL,
                start TEXT NOT NULL,
                "end" TEXT NOT NULL,
                capacity INTEGER,
                location TEXT NOT NULL,
                PRIMARY KEY (importID, id),
                UNIQUE (importID, position)
            );

            CREATE TABLE request (
                importID INTEGER NOT NULL REFERENCES communityImport(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                volunteer TEXT NOT NULL,
                firstDate TEXT NOT NULL,
                lastDate TEXT NOT NULL,
                periods TEXT NOT NULL,
                kind TEXT NOT NULL,
                weight INTEGER NOT NULL,
                line INTEGER NOT NULL,
                PRIMARY KEY (importID, position),
                FOREIGN KEY (importID, volunteer) REFERENCES volunteer(importID, id) ON DELETE CASCADE
            );
            CREATE INDEX request_on_volunteer ON request(importID, volunteer);

            -- No foreign key on volunteer: history may name people who have left the team.
            CREATE TABLE historyEntry (
                importID INTEGER NOT NULL REFERENCES communityImport(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                volunteer TEXT NOT NULL,
                month TEXT NOT NULL,
                shifts INTEGER NOT NULL,
                PRIMARY KEY (importID, position)
            );

            CREATE TABLE schedule (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                importID INTEGER NOT NULL REFERENCES communityImport(id),
                month TEXT NOT NULL,
                createdAt TEXT NOT NULL,
                seed INTEGER NOT NULL,
                timeLimitSeconds REAL NOT NULL,
                uncoveredCount INTEGER NOT NULL,
                uncoveredPenalty INTEGER NOT NULL,
                noPartyMemberCount INTEGER NOT NULL,
                noPartyMemberPenalty INTEGER NOT NULL,
                noLeaderCount INTEGER NOT NULL,
                noLeaderPenalty INTEGER NOT NULL,
                missedTrainingCount INTEGER NOT NULL,
                missedTrainingPenalty INTEGER NOT NULL,
                belowMinShiftsCount INTEGER NOT NULL,
                belowMinShiftsPenalty INTEGER NOT NULL,
                fairnessCount INTEGER NOT NULL,
                fairnessPenalty INTEGER NOT NULL,
                neighborGridCount INTEGER NOT NULL,
                neighborGridPenalty INTEGER NOT NULL,
                farGridCount INTEGER NOT NULL,
                farGridPenalty INTEGER NOT NULL,
                requestsCount INTEGER NOT NULL,
                requestsPenalty INTEGER NOT NULL,
                total INTEGER NOT NULL,
                assignmentCount INTEGER NOT NULL,
                neededVolunteers INTEGER NOT NULL,
                coveredVolunteers INTEGER NOT NULL,
                note TEXT
            );
            -- Indexes schedule.importID, and is the parent key that ties the rows of a
            -- schedule to the import the schedule was solved for.
            CREATE UNIQUE INDEX schedule_on_import ON schedule(importID, id);
            CREATE INDEX schedule_on_month ON schedule(month);

            CREATE TABLE assignment (
                scheduleID INTEGER NOT NULL,
                importID INTEGER NOT NULL,
                position INTEGER NOT NULL,
                volunteer TEXT NOT NULL,
                grid TEXT NOT NULL,
                date TEXT NOT NULL,
                period TEXT NOT NULL,
                PRIMARY KEY (scheduleID, position),
                FOREIGN KEY (importID, scheduleID) REFERENCES schedule(importID, id) ON DELETE CASCADE,
                FOREIGN KEY (importID, volunteer) REFERENCES volunteer(importID, id),
                FOREIGN KEY (importID, grid) REFERENCES grid(importID, id),
                FOREIGN KEY (importID, period) REFERENCES period(importID, id)
            );
            CREATE INDEX assignment_on_schedule ON assignment(importID, scheduleID);
            CREATE INDEX assignment_on_volunteer ON assignment(importID, volunteer);
            CREATE INDEX assignment_on_grid ON assignment(importID, grid);
            CREATE INDEX assignment_on_period ON assignment(importID, period);

            CREATE TABLE sessionAttendance (
                scheduleID INTEGER NOT NULL,
                importID INTEGER NOT NULL,
                position INTEGER NOT NULL,
                session TEXT NOT NULL,
                volunteer TEXT NOT NULL,
                PRIMARY KEY (scheduleID, position),
                FOREIGN KEY (importID, scheduleID) REFERENCES schedule(importID, id) ON DELETE CASCADE,
                FOREIGN KEY (importID, session) REFERENCES trainingSession(importID, id),
                FOREIGN KEY (importID, volunteer) REFERENCES volunteer(importID, id)
            );
            CREATE INDEX sessionAttendance_on_schedule ON sessionAttendance(importID, scheduleID);
            CREATE INDEX sessionAttendance_on_session ON sessionAttendance(importID, session);
            CREATE INDEX sessionAttendance_on_volunteer ON sessionAttendance(importID, volunteer);
            """)
}
