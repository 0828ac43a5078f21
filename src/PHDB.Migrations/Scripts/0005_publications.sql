-- 0005_publications.sql
-- Publications of exports as a Kaggle dataset (PHDB.Publishing writes and reads them; see issue 14).
--
-- One row per publication, dry runs included. A publication records its stage before each step, so that a
-- publication whose host was lost can be resumed or settled without creating a second version on Kaggle:
--   exporting -> validating -> uploading -> committing (expected_version recorded before the create call)
--   -> processing -> done.
-- A finished row keeps the stage it reached (a failed one, where it failed).

CREATE TABLE publications
(
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- The Kaggle dataset, owner/slug ('' until the export's metadata named it).
    dataset          text        NOT NULL,
    -- Who asked: cli, console, dashboard, schedule.
    origin           text        NOT NULL,
    started_at       timestamptz NOT NULL,
    finished_at      timestamptz NULL,
    outcome          text        NOT NULL DEFAULT 'running',
    stage            text        NOT NULL DEFAULT 'exporting',
    -- The version number the create call makes (1 for a new dataset, current + 1 for a new version); written
    -- before the call, so a resume can tell whether Kaggle already has it.
    expected_version integer     NULL,
    -- The version Kaggle created, its ref (owner/slug) and page.
    version          integer     NULL,
    ref              text        NULL,
    url              text        NULL,
    -- The version notes sent (or that a dry run would send).
    notes            text        NOT NULL DEFAULT '',
    -- The files uploaded: [{"path": "...", "bytes": n}], and their total.
    files            jsonb       NOT NULL DEFAULT '[]'::jsonb,
    bytes            bigint      NOT NULL DEFAULT 0,
    -- The export published: its folder name and full path.
    export_name      text        NULL,
    export_directory text        NULL,
    -- Rows per table of the export published: {"posts": n, ...}.
    tables           jsonb       NOT NULL DEFAULT '{}'::jsonb,
    -- The newest succeeded harvest run the export includes (no foreign key: an export given by folder may come
    -- from another database), and how far the harvest had read (the manifest's newest observation).
    last_run_id      bigint      NULL,
    high_water       timestamptz NULL,
    error            text        NULL,
    -- Tags Kaggle did not know: ["tag", ...].
    warnings         jsonb       NOT NULL DEFAULT '[]'::jsonb,
    -- Who ran it: machine name and process id.
    host             text        NOT NULL,
    CONSTRAINT ck_publications_outcome CHECK (outcome IN ('running', 'succeeded', 'failed', 'dry_run')),
    CONSTRAINT ck_publications_stage
        CHECK (stage IN ('exporting', 'validating', 'uploading', 'committing', 'processing', 'done')),
    CONSTRAINT ck_publications_expected_version CHECK (expected_version IS NULL OR expected_version >= 1),
    CONSTRAINT ck_publications_finished CHECK ((outcome = 'running') = (finished_at IS NULL))
);

-- Latest publications first (console history, `phdb publish` history).
CREATE INDEX ix_publications_started ON publications (started_at DESC, id DESC);

-- The last succeeded publication of a dataset (release notes compare against it).
CREATE INDEX ix_publications_dataset ON publications (dataset, outcome, finished_at DESC, id DESC);

-- Publications still running (a lost host's, to resume or settle).
CREATE INDEX ix_publications_running ON publications (started_at) WHERE outcome = 'running';
