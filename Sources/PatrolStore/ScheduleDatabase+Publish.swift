import Foundation
import GRDB
import PatrolModel

// MARK: - Publishing: the schedule an office hands out, frozen, and what each volunteer served

extension ScheduleDatabase {
    /// Publishes a schedule version and records what each of its community's volunteers served,
    /// in one transaction.
    ///
    /// The served records (patrols, hours, the date of the session attended) are what the
    /// next months' solves of the same community read as fairness history and `trained_on`.
    ///
    /// - Returns: The publication, as stored.
    /// - Throws: `StoreError.scheduleNotFound` for an unknown id,
    ///   `StoreError.alreadyPublished` when this version is published already, and
    ///   `StoreError.monthAlreadyPublished` when another version of the same community and
    ///   month is. Nothing is stored then.
    public func publish(scheduleID: Int64, at publishedAt: Date = Date()) throws -> Publication {
        try writer.write { db in
            let stored = try Self.storedSchedule(scheduleID, db, storeName: storeName)
            if let existing = try PublicationRecord.fetchOne(db, key: scheduleID) {
                throw StoreError.alreadyPublished(scheduleID, publishedAt: existing.publishedAt)
            }
            let community = stored.community
            let sameMonth =
                try PublicationRecord
                .filter(PublicationRecord.Columns.communityName == community.name)
                .filter(PublicationRecord.Columns.month == community.month.description)
                .fetchOne(db)
            if let sameMonth {
                throw StoreError.monthAlreadyPublished(
                    community: community.name, month: community.month,
                    publishedScheduleID: sameMonth.scheduleID, refusedScheduleID: scheduleID)
            }
            let publication = Publication(
                scheduleID: scheduleID, communityName: community.name, month: community.month,
                publishedAt: publishedAt)
            try PublicationRecord(publication).insert(db)
            let served = ServedRecord.records(community: community, schedule: stored.schedule)
            for (position, record) in served.enumerated() {
                try ServedRecordRow(record, scheduleID: scheduleID, position: position).insert(db)
            }
            // Read back, so that the time returned is the time kept (to the millisecond).
            return try PublicationRecord.fetchOne(db, key: scheduleID)?.publication ?? publication
        }
    }

    /// The publication of a schedule version, or nil when it is not published.
    public func publication(scheduleID: Int64) throws -> Publication? {
        try writer.read { db in try PublicationRecord.fetchOne(db, key: scheduleID)?.publication }
    }

    /// Every publication, optionally of one community only, by community and month.
    public func publications(community: String? = nil) throws -> [Publication] {
        var request = PublicationRecord.all()
        if let community {
            request = request.filter(PublicationRecord.Columns.communityName == community)
        }
        return try writer.read { db in
            try request.order(
                PublicationRecord.Columns.communityName, PublicationRecord.Columns.month
            ).fetchAll(db).map(\.publication)
        }
    }

    /// The served records of one published schedule, in its community's volunteer order;
    /// empty when the schedule is not published.
    public func servedRecords(scheduleID: Int64) throws -> [ServedRecord] {
        try writer.read { db in
            try ServedRecordRow
                .filter(ServedRecordRow.Columns.scheduleID == scheduleID)
                .order(ServedRecordRow.Columns.position)
                .fetchAll(db).map(\.record)
        }
    }

    /// The served records of every month of `community` published before `month`, oldest
    /// month first, each month in its volunteer order.
    public func servedRecords(community: String, before month: Month) throws -> [ServedRecord] {
        try writer.read { db in
            try ServedRecordRow
                .filter(ServedRecordRow.Columns.communityName == community)
                .filter(ServedRecordRow.Columns.month < month.description)
                .order(ServedRecordRow.Columns.month, ServedRecordRow.Columns.position)
                .fetchAll(db).map(\.record)
        }
    }
}

// MARK: - Migration "v2 publish"
// Frozen once shipped, like every migration: SQL only, never edited.

/// v2: publications and served records, and the triggers that make publishing final.
///
/// `publication` has one row per published schedule; the unique index on community name and
/// month keeps one published schedule per community and month. `servedRecord` has one row per
/// volunteer of a published schedule's community; its composite foreign key ties each row to
/// the publication's community and month. The triggers refuse any update or delete of a
/// publication or a served record, any update or delete of a published schedule, and any
/// insert, update or delete of its assignments and attendance, so that no command, present
/// or future, can change what was published. The import of a published schedule cannot be
/// deleted either (its rows are the community the schedule was made for).
func createPublications(_ db: Database) throws {
    try db.execute(
        sql: """
            CREATE TABLE publication (
                scheduleID INTEGER PRIMARY KEY REFERENCES schedule(id),
                communityName TEXT NOT NULL,
                month TEXT NOT NULL,
                publishedAt TEXT NOT NULL,
                UNIQUE (communityName, month)
            );
            -- The parent key of servedRecord's composite foreign key.
            CREATE UNIQUE INDEX publication_on_schedule_community_month
                ON publication(scheduleID, communityName, month);

            CREATE TABLE servedRecord (
                scheduleID INTEGER NOT NULL,
                position INTEGER NOT NULL,
                communityName TEXT NOT NULL,
                month TEXT NOT NULL,
                volunteer TEXT NOT NULL,
                patrols INTEGER NOT NULL CHECK (patrols >= 0),
                minutes INTEGER NOT NULL CHECK (minutes >= 0),
                trainedOn TEXT,
                PRIMARY KEY (scheduleID, volunteer),
                UNIQUE (scheduleID, position),
                FOREIGN KEY (scheduleID, communityName, month)
                    REFERENCES publication(scheduleID, communityName, month)
            );
            -- Serves the foreign key and the carry-over's lookup by community and month.
            CREATE INDEX servedRecord_on_community_month
                ON servedRecord(communityName, month, scheduleID);

            CREATE TRIGGER publication_is_final_on_update BEFORE UPDATE ON publication
            BEGIN SELECT RAISE(ABORT, 'a published schedule stays published as it is'); END;
            CREATE TRIGGER publication_is_final_on_delete BEFORE DELETE ON publication
            BEGIN SELECT RAISE(ABORT, 'a published schedule stays published as it is'); END;

            CREATE TRIGGER servedRecord_is_final_on_update BEFORE UPDATE ON servedRecord
            BEGIN SELECT RAISE(ABORT, 'the served records of a published schedule are final'); END;
            CREATE TRIGGER servedRecord_is_final_on_delete BEFORE DELETE ON servedRecord
            BEGIN SELECT RAISE(ABORT, 'the served records of a published schedule are final'); END;

            CREATE TRIGGER schedule_published_on_update BEFORE UPDATE ON schedule
            WHEN EXISTS (SELECT 1 FROM publication WHERE scheduleID = OLD.id)
            BEGIN SELECT RAISE(ABORT, 'a published schedule cannot be changed'); END;
            CREATE TRIGGER schedule_published_on_delete BEFORE DELETE ON schedule
            WHEN EXISTS (SELECT 1 FROM publication WHERE scheduleID = OLD.id)
            BEGIN SELECT RAISE(ABORT, 'a published schedule cannot be deleted'); END;

            CREATE TRIGGER assignment_published_on_insert BEFORE INSERT ON assignment
            WHEN EXISTS (SELECT 1 FROM publication WHERE scheduleID = NEW.scheduleID)
            BEGIN SELECT RAISE(ABORT, 'a published schedule cannot be changed'); END;
            CREATE TRIGGER assignment_published_on_update BEFORE UPDATE ON assignment
            WHEN EXISTS (SELECT 1 FROM publication WHERE scheduleID IN (OLD.scheduleID, NEW.scheduleID))
            BEGIN SELECT RAISE(ABORT, 'a published schedule cannot be changed'); END;
            CREATE TRIGGER assignment_published_on_delete BEFORE DELETE ON assignment
            WHEN EXISTS (SELECT 1 FROM publication WHERE scheduleID = OLD.scheduleID)
            BEGIN SELECT RAISE(ABORT, 'a published schedule cannot be changed'); END;

            CREATE TRIGGER sessionAttendance_published_on_insert BEFORE INSERT ON sessionAttendance
            WHEN EXISTS (SELECT 1 FROM publication WHERE scheduleID = NEW.scheduleID)
            BEGIN SELECT RAISE(ABORT, 'a published schedule cannot be changed'); END;
            CREATE TRIGGER sessionAttendance_published_on_update BEFORE UPDATE ON sessionAttendance
            WHEN EXISTS (SELECT 1 FROM publication WHERE scheduleID IN (OLD.scheduleID, NEW.scheduleID))
            BEGIN SELECT RAISE(ABORT, 'a published schedule cannot be changed'); END;
            CREATE TRIGGER sessionAttendance_published_on_delete BEFORE DELETE ON sessionAttendance
            WHEN EXISTS (SELECT 1 FROM publication WHERE scheduleID = OLD.scheduleID)
            BEGIN SELECT RAISE(ABORT, 'a published schedule cannot be changed'); END;

            CREATE TRIGGER communityImport_published_on_delete BEFORE DELETE ON communityImport
            WHEN EXISTS (
                SELECT 1 FROM schedule JOIN publication ON publication.scheduleID = schedule.id
                WHERE schedule.importID = OLD.id)
            BEGIN SELECT RAISE(ABORT, 'the community of a published schedule cannot be deleted'); END;
            """)
}
