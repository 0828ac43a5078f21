-- 0003_orleans_reminders.sql
-- PHDB's own schema for the Orleans ADO.NET reminder table
-- (Microsoft.Orleans.Reminders.AdoNet 10.4.x, invariant "Npgsql").
-- Needs the OrleansQuery catalog from 0001. Conventions: see 0001 and
-- docs/orleans-adonet-contract.md.
--
-- ETag: the integer "version" column, as text. Upserts are unconditional and
-- return the new version; deletes must present the current version.
-- grain_hash is the grain's uniform hash as a *signed* int; the provider
-- picks the range query by comparing the bounds in signed order, and so do
-- the range queries below.

CREATE TABLE orleans_reminder
(
    service_id    text        NOT NULL,
    grain_id      text        NOT NULL,   -- GrainId.ToString()
    reminder_name text        NOT NULL,
    start_time    timestamptz NOT NULL,
    period        bigint      NOT NULL,   -- milliseconds
    grain_hash    integer     NOT NULL,
    version       integer     NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

-- Ring-range scans by the reminder service.
CREATE INDEX ix_orleans_reminder_hash
    ON orleans_reminder (service_id, grain_hash);

-- Versions wrap from 2147483647 back to 1 (v % 2147483647 + 1).

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- All reminders of one grain.
('ReadReminderRowsKey', '
SELECT grain_id      AS "GrainId",
       reminder_name AS "ReminderName",
       start_time    AS "StartTime",
       period        AS "Period",
       version       AS "Version"
  FROM orleans_reminder
 WHERE service_id = @ServiceId
   AND grain_id = @GrainId
'),

-- One reminder (zero or one row).
('ReadReminderRowKey', '
SELECT grain_id      AS "GrainId",
       reminder_name AS "ReminderName",
       start_time    AS "StartTime",
       period        AS "Period",
       version       AS "Version"
  FROM orleans_reminder
 WHERE service_id = @ServiceId
   AND grain_id = @GrainId
   AND reminder_name = @ReminderName
'),

-- Ring range (BeginHash, EndHash] that does not wrap (Begin < End, signed).
('ReadRangeRows1Key', '
SELECT grain_id      AS "GrainId",
       reminder_name AS "ReminderName",
       start_time    AS "StartTime",
       period        AS "Period",
       version       AS "Version"
  FROM orleans_reminder
 WHERE service_id = @ServiceId
   AND grain_hash > @BeginHash
   AND grain_hash <= @EndHash
'),

-- Ring range that wraps past the top (Begin >= End, signed); Begin = End is
-- the whole ring.
('ReadRangeRows2Key', '
SELECT grain_id      AS "GrainId",
       reminder_name AS "ReminderName",
       start_time    AS "StartTime",
       period        AS "Period",
       version       AS "Version"
  FROM orleans_reminder
 WHERE service_id = @ServiceId
   AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)
'),

-- Create or replace a reminder. Always returns one row: the new "Version".
('UpsertReminderRowKey', '
INSERT INTO orleans_reminder AS r
    (service_id, grain_id, reminder_name, start_time, period, grain_hash, version)
VALUES
    (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 1)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
   SET start_time = excluded.start_time,
       period     = excluded.period,
       grain_hash = excluded.grain_hash,
       version    = r.version % 2147483647 + 1
RETURNING r.version AS "Version"
'),

-- Delete one reminder if it is still at @Version. Returns one boolean
-- column: true if a row was deleted.
('DeleteReminderRowKey', '
WITH deleted AS (
    DELETE FROM orleans_reminder
     WHERE service_id = @ServiceId
       AND grain_id = @GrainId
       AND reminder_name = @ReminderName
       AND version = @Version
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM deleted) AS "Deleted"
'),

-- Drop every reminder of the service (used by tests/tools).
('DeleteReminderRowsKey', '
DELETE FROM orleans_reminder
 WHERE service_id = @ServiceId
');
