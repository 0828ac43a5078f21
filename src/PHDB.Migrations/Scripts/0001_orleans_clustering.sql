-- 0001_orleans_clustering.sql
-- PHDB's own schema for the Orleans ADO.NET clustering provider
-- (Microsoft.Orleans.Clustering.AdoNet 10.4.x, invariant "Npgsql").
-- It creates the query catalog shared by all Orleans ADO.NET providers, the
-- membership tables, and registers the clustering query texts.
-- The contract these queries satisfy is described in docs/orleans-adonet-contract.md.
--
-- Conventions used by all three Orleans scripts:
--   * Our own tables use snake_case; only the catalog keeps the name the
--     providers hard-code ("SELECT QueryKey, QueryText FROM OrleansQuery").
--   * Query texts use @Name placeholders; Npgsql binds them from the
--     parameters the provider adds (names are fixed by the provider).
--   * Result columns are aliased with the exact, quoted names the provider reads.
--   * Every instant is timestamptz: Npgsql sends the provider's DbType.DateTime
--     parameters as timestamptz and only accepts DateTimeKind.Utc values.
--   * Query texts are ordinary '...' literals (quotes inside doubled).
--     Do not use $tag$ dollar quoting: DbUp (our runner) treats $name$ as a
--     variable and fails on undefined ones.
--   * Transaction control is left to the migration runner.

-- Query catalog. Unquoted on purpose: the providers' fixed SELECT folds to
-- orleansquery / querykey / querytext, and Npgsql matches the column names
-- case-insensitively.
CREATE TABLE OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);

-- One row per cluster (the provider calls the cluster id "DeploymentId").
-- version is the membership table's ETag: every membership insert/update
-- must present the current value and bumps it by one.
CREATE TABLE orleans_membership_version
(
    deployment_id text        NOT NULL PRIMARY KEY,
    version       integer     NOT NULL DEFAULT 0,
    changed_at    timestamptz NOT NULL DEFAULT now()
);

-- One row per silo incarnation (address + port + generation).
-- suspect_times is the provider's own "address,date|address,date" text.
CREATE TABLE orleans_membership
(
    deployment_id   text        NOT NULL
        REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE,
    address         text        NOT NULL,
    port            integer     NOT NULL,
    generation      integer     NOT NULL,
    silo_name       text        NOT NULL,
    host_name       text        NOT NULL,
    status          integer     NOT NULL,
    proxy_port      integer     NOT NULL,
    suspect_times   text        NULL,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

-- Gateway discovery filters by cluster and status.
CREATE INDEX ix_orleans_membership_status
    ON orleans_membership (deployment_id, status);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- Create the cluster's version row once. Returns one boolean column:
-- true if this call created it, false if it already existed.
('InsertMembershipVersionKey', '
WITH created AS (
    INSERT INTO orleans_membership_version (deployment_id)
    VALUES (@DeploymentId)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM created) AS "Created"
'),

-- Add a silo row, guarded by the table version (@Version = version as last
-- read). The version row is bumped only if it still holds @Version and the
-- silo row is not there yet; the silo row is inserted only if the bump
-- happened. Row locks on the version row serialise competing writers.
-- Returns one boolean column: true on success.
('InsertMembershipKey', '
WITH bumped AS (
    UPDATE orleans_membership_version v
       SET version = v.version + 1,
           changed_at = now()
     WHERE v.deployment_id = @DeploymentId
       AND v.version = @Version
       AND NOT EXISTS (
             SELECT 1 FROM orleans_membership m
              WHERE m.deployment_id = @DeploymentId
                AND m.address = @Address
                AND m.port = @Port
                AND m.generation = @Generation)
    RETURNING v.deployment_id
), added AS (
    INSERT INTO orleans_membership
        (deployment_id, address, port, generation, silo_name, host_name,
         status, proxy_port, suspect_times, start_time, i_am_alive_time)
    SELECT b.deployment_id, @Address, @Port, @Generation, @SiloName, @HostName,
           @Status, @ProxyPort, NULL, @StartTime, @IAmAliveTime
      FROM bumped b
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM added) AS "Inserted"
'),

-- Change a silo's status / suspicions / liveness, guarded by the table
-- version exactly like the insert. Returns one boolean column.
('UpdateMembershipKey', '
WITH bumped AS (
    UPDATE orleans_membership_version v
       SET version = v.version + 1,
           changed_at = now()
     WHERE v.deployment_id = @DeploymentId
       AND v.version = @Version
       AND EXISTS (
             SELECT 1 FROM orleans_membership m
              WHERE m.deployment_id = @DeploymentId
                AND m.address = @Address
                AND m.port = @Port
                AND m.generation = @Generation)
    RETURNING v.deployment_id
), changed AS (
    UPDATE orleans_membership m
       SET status = @Status,
           suspect_times = @SuspectTimes,
           i_am_alive_time = @IAmAliveTime
      FROM bumped b
     WHERE m.deployment_id = b.deployment_id
       AND m.address = @Address
       AND m.port = @Port
       AND m.generation = @Generation
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM changed) AS "Updated"
'),

-- Heartbeat: touches only the liveness timestamp, never the table version.
('UpdateIAmAlivetimeKey', '
UPDATE orleans_membership
   SET i_am_alive_time = @IAmAliveTime
 WHERE deployment_id = @DeploymentId
   AND address = @Address
   AND port = @Port
   AND generation = @Generation
'),

-- One silo plus the table version. The version row drives the result, so a
-- missing silo still yields one row (silo columns NULL, StartTime NULL).
('MembershipReadRowKey', '
SELECT v.version         AS "Version",
       m.address         AS "Address",
       m.port            AS "Port",
       m.generation      AS "Generation",
       m.silo_name       AS "SiloName",
       m.host_name       AS "HostName",
       m.status          AS "Status",
       m.proxy_port      AS "ProxyPort",
       m.suspect_times   AS "SuspectTimes",
       m.start_time      AS "StartTime",
       m.i_am_alive_time AS "IAmAliveTime"
  FROM orleans_membership_version v
  LEFT JOIN orleans_membership m
         ON m.deployment_id = v.deployment_id
        AND m.address = @Address
        AND m.port = @Port
        AND m.generation = @Generation
 WHERE v.deployment_id = @DeploymentId
'),

-- Every silo plus the table version, read in one statement (one snapshot).
-- An empty cluster yields a single row with only "Version" set.
('MembershipReadAllKey', '
SELECT v.version         AS "Version",
       m.address         AS "Address",
       m.port            AS "Port",
       m.generation      AS "Generation",
       m.silo_name       AS "SiloName",
       m.host_name       AS "HostName",
       m.status          AS "Status",
       m.proxy_port      AS "ProxyPort",
       m.suspect_times   AS "SuspectTimes",
       m.start_time      AS "StartTime",
       m.i_am_alive_time AS "IAmAliveTime"
  FROM orleans_membership_version v
  LEFT JOIN orleans_membership m
         ON m.deployment_id = v.deployment_id
 WHERE v.deployment_id = @DeploymentId
'),

-- Gateways for clients: silos in the requested status (@Status is Active = 3)
-- that expose a gateway port.
('GatewaysQueryKey', '
SELECT address    AS "Address",
       proxy_port AS "ProxyPort",
       generation AS "Generation"
  FROM orleans_membership
 WHERE deployment_id = @DeploymentId
   AND status = @Status
   AND proxy_port > 0
'),

-- Drop a whole cluster (used by tests/tools): silo rows go with the version
-- row through the cascading foreign key.
('DeleteMembershipTableEntriesKey', '
DELETE FROM orleans_membership_version
 WHERE deployment_id = @DeploymentId
'),

-- Bulk fallback cleanup: Dead (6) silos that neither started nor
-- heartbeated since the cutoff passed in @IAmAliveTime. The 10.4 provider
-- only uses this when CleanupDefunctSiloEntryKey is absent.
('CleanupDefunctSiloEntriesKey', '
DELETE FROM orleans_membership
 WHERE deployment_id = @DeploymentId
   AND status = 6
   AND i_am_alive_time < @IAmAliveTime
   AND start_time < @IAmAliveTime
'),

-- Preferred cleanup (optional key, used by 10.4+ when present): the provider
-- picks eligible Dead rows itself and deletes each one only if it is still
-- exactly as it read it (same timestamps and suspicions; NULL and '' count
-- as "no suspicions"). Does not touch the table version.
('CleanupDefunctSiloEntryKey', '
DELETE FROM orleans_membership
 WHERE deployment_id = @DeploymentId
   AND address = @Address
   AND port = @Port
   AND generation = @Generation
   AND status = 6
   AND start_time = @StartTime
   AND i_am_alive_time = @IAmAliveTime
   AND coalesce(suspect_times, '''') = coalesce(@SuspectTimes, '''')
');
