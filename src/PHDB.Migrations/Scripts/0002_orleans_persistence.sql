-- 0002_orleans_persistence.sql
-- PHDB's own schema for the Orleans ADO.NET grain storage provider
-- (Microsoft.Orleans.Persistence.AdoNet 10.4.x, invariant "Npgsql").
-- Needs the OrleansQuery catalog from 0001. Conventions: see 0001 and
-- docs/orleans-adonet-contract.md.
--
-- A grain's identity, as the provider sends it:
--   ServiceId, GrainTypeString (+ GrainTypeHash), GrainIdN0, GrainIdN1,
--   GrainIdExtensionString (NULL when the key has no string part)
--   (+ GrainIdHash). The two hashes are 32-bit and may collide, so they are
--   only used to narrow the search; every query compares the full identity.
-- ETag: the integer "version" column, as text. Writes and clears must
-- present the current version and get the next one back; a NULL result
-- tells the provider "conflict" (it throws InconsistentStateException).

CREATE TABLE orleans_grain_state
(
    service_id         text        NOT NULL,
    grain_type_hash    integer     NOT NULL,
    grain_type         text        NOT NULL,
    grain_id_hash      integer     NOT NULL,
    grain_id_n0        bigint      NOT NULL,
    grain_id_n1        bigint      NOT NULL,
    grain_id_extension text        NULL,
    payload            bytea       NULL,      -- NULL after a clear
    version            integer     NOT NULL,
    changed_at         timestamptz NOT NULL DEFAULT now()
);

-- Identity of a stored grain, and the lookup path of every query (leading
-- hash columns). The strings enter through md5() so arbitrarily long type
-- names / string keys still fit in a btree entry; NULLS NOT DISTINCT makes
-- "no extension" a value of its own (distinct from '').
CREATE UNIQUE INDEX ux_orleans_grain_state_identity
    ON orleans_grain_state (grain_id_hash, grain_type_hash, service_id,
                            grain_id_n0, grain_id_n1,
                            md5(grain_type), md5(grain_id_extension))
    NULLS NOT DISTINCT;

-- Versions wrap from 2147483647 back to 1 (v % 2147483647 + 1): a hot grain
-- can outlive the int range, and the provider only needs "different".

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- Current state: zero or one row with "PayloadBinary" (NULL = no record)
-- and "Version" (the ETag).
('ReadFromStorageKey', '
SELECT s.payload AS "PayloadBinary",
       s.version AS "Version"
  FROM orleans_grain_state s
 WHERE s.grain_id_hash = @GrainIdHash
   AND s.grain_type_hash = @GrainTypeHash
   AND s.service_id = @ServiceId
   AND s.grain_id_n0 = @GrainIdN0
   AND s.grain_id_n1 = @GrainIdN1
   AND s.grain_type = @GrainTypeString
   AND s.grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
'),

-- Optimistic write. @GrainStateVersion NULL = the grain believes nothing is
-- stored: insert version 1 unless a row already exists. Otherwise update
-- only the row still at @GrainStateVersion. Always returns exactly one row;
-- "NewGrainStateVersion" is NULL when the ETag did not match.
('WriteToStorageKey', '
WITH updated AS (
    UPDATE orleans_grain_state s
       SET payload = @PayloadBinary,
           version = s.version % 2147483647 + 1,
           changed_at = now()
     WHERE @GrainStateVersion IS NOT NULL
       AND s.grain_id_hash = @GrainIdHash
       AND s.grain_type_hash = @GrainTypeHash
       AND s.service_id = @ServiceId
       AND s.grain_id_n0 = @GrainIdN0
       AND s.grain_id_n1 = @GrainIdN1
       AND s.grain_type = @GrainTypeString
       AND s.grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
       AND s.version = @GrainStateVersion
    RETURNING s.version
), inserted AS (
    INSERT INTO orleans_grain_state
        (service_id, grain_type_hash, grain_type, grain_id_hash,
         grain_id_n0, grain_id_n1, grain_id_extension, payload, version)
    SELECT @ServiceId, @GrainTypeHash, @GrainTypeString, @GrainIdHash,
           @GrainIdN0, @GrainIdN1, @GrainIdExtensionString, @PayloadBinary, 1
     WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version
)
SELECT (SELECT version FROM updated
        UNION ALL
        SELECT version FROM inserted) AS "NewGrainStateVersion"
'),

-- Clear without deleting: drop the payload, keep the row and move its
-- version on (the grain keeps that version as its ETag). One row; the
-- value is NULL on ETag mismatch or when there is nothing to clear.
('ClearStorageKey', '
WITH cleared AS (
    UPDATE orleans_grain_state s
       SET payload = NULL,
           version = s.version % 2147483647 + 1,
           changed_at = now()
     WHERE s.grain_id_hash = @GrainIdHash
       AND s.grain_type_hash = @GrainTypeHash
       AND s.service_id = @ServiceId
       AND s.grain_id_n0 = @GrainIdN0
       AND s.grain_id_n1 = @GrainIdN1
       AND s.grain_type = @GrainTypeString
       AND s.grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
       AND s.version = @GrainStateVersion
    RETURNING s.version
)
SELECT (SELECT version FROM cleared) AS "NewGrainStateVersion"
'),

-- Optional key, used only with DeleteStateOnClear = true: remove the row if
-- it is still at @GrainStateVersion. The value returned is just a
-- "succeeded" token (the provider then forgets the ETag); it must differ
-- from the old version, so it is the version the row would have had next.
('DeleteStorageKey', '
WITH deleted AS (
    DELETE FROM orleans_grain_state s
     WHERE s.grain_id_hash = @GrainIdHash
       AND s.grain_type_hash = @GrainTypeHash
       AND s.service_id = @ServiceId
       AND s.grain_id_n0 = @GrainIdN0
       AND s.grain_id_n1 = @GrainIdN1
       AND s.grain_type = @GrainTypeString
       AND s.grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
       AND s.version = @GrainStateVersion
    RETURNING s.version
)
SELECT (SELECT version % 2147483647 + 1 FROM deleted) AS "NewGrainStateVersion"
');
