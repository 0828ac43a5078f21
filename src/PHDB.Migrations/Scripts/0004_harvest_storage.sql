-- 0004_harvest_storage.sql
-- Where harvested Product Hunt data lands (PHDB.Storage writes and reads it; see docs/storage.md and
-- docs/adr/0004-harvest-storage.md).
--
-- Conventions:
--   * Product Hunt ids are numeric strings; they are stored as bigint and are the primary keys.
--   * Every instant is timestamptz.
--   * Foreign keys are enforced. A reference to an entity not harvested yet (a comment before its post, a
--     reply before its parent, a vote before its subject, a collection page before the post, a post before
--     a topic) first inserts a PLACEHOLDER: a row holding only its id, every data column NULL. The real row
--     fills it later. The placeholder marker of each entity table is named in its comment; read models skip
--     placeholders.
--   * A user the API redacted is never a users row. The referring row keeps the relation as "redacted":
--     a NULL user id plus a flag (hunter, comment author, voter, curator) or a count (makers).
--   * observed_at is when the harvester read the row; a newer observation wins over an older one.

-- Users the API disclosed. Placeholder: name IS NULL.
CREATE TABLE users
(
    id               bigint      PRIMARY KEY,
    name             text        NULL,
    username         text        NULL,
    headline         text        NULL,
    twitter_username text        NULL,
    website_url      text        NULL,
    url              text        NULL,
    created_at       timestamptz NULL,
    profile_image    text        NULL,
    cover_image      text        NULL,
    is_maker         boolean     NULL
);

-- Topics. Placeholder: name IS NULL. A stub seen inside a post carries name and slug only; the other
-- columns keep what a full read stored (the writer COALESCEs them).
CREATE TABLE topics
(
    id              bigint      PRIMARY KEY,
    name            text        NULL,
    slug            text        NULL,
    description     text        NULL,
    url             text        NULL,
    created_at      timestamptz NULL,
    followers_count integer     NULL,
    posts_count     integer     NULL,
    image           text        NULL
);

-- Topic pages and "posts of topic <slug>" resolve the slug to an id. Not unique: a slug can move from one
-- topic to another between two reads, and that must not fail a harvest batch.
CREATE INDEX ix_topics_slug ON topics (slug);

-- Posts. Placeholder: name IS NULL (observed_at, created_at are NULL too).
CREATE TABLE posts
(
    id                  bigint           PRIMARY KEY,
    name                text             NULL,
    slug                text             NULL,
    tagline             text             NULL,
    description         text             NULL,
    url                 text             NULL,
    website             text             NULL,
    votes_count         integer          NULL,
    comments_count      integer          NULL,
    reviews_count       integer          NULL,
    reviews_rating      double precision NULL,
    created_at          timestamptz      NULL,
    featured_at         timestamptz      NULL,
    hunter_id           bigint           NULL REFERENCES users (id),
    hunter_redacted     boolean          NOT NULL DEFAULT false,
    redacted_makers     integer          NOT NULL DEFAULT 0,
    thumbnail_type      text             NULL,
    thumbnail_url       text             NULL,
    thumbnail_video_url text             NULL,
    observed_at         timestamptz      NULL,
    CONSTRAINT ck_posts_hunter CHECK (NOT (hunter_redacted AND hunter_id IS NOT NULL))
);

-- Newest posts (browse sorted by newest, keyset on (created_at, id)), launch-day ranges and the harvester's
-- incremental look-ups by created_at range. Placeholders have created_at NULL and sort last.
CREATE INDEX ix_posts_created ON posts (created_at DESC, id DESC);

-- Posts by featured day and incremental look-ups by featured_at range; unfeatured posts are not indexed.
CREATE INDEX ix_posts_featured ON posts (featured_at DESC, id DESC) WHERE featured_at IS NOT NULL;

-- Browse sorted by votes (keyset on (votes_count, id)), top posts of a period.
CREATE INDEX ix_posts_votes ON posts (votes_count DESC, id DESC) WHERE name IS NOT NULL;

-- Posts created by a user as hunter (user pages; also serves the FK check if a user were ever deleted).
CREATE INDEX ix_posts_hunter ON posts (hunter_id) WHERE hunter_id IS NOT NULL;

-- Text search on name and tagline with the built-in English configuration (no extension needed, so an
-- external database works). Queries must repeat this exact expression.
CREATE INDEX ix_posts_search ON posts
    USING gin (to_tsvector('english'::regconfig, coalesce(name, '') || ' ' || coalesce(tagline, '')));

-- A post's topics, replaced as a whole whenever a newer observation of the post is written.
CREATE TABLE post_topics
(
    post_id  bigint NOT NULL REFERENCES posts (id),
    topic_id bigint NOT NULL REFERENCES topics (id),
    PRIMARY KEY (post_id, topic_id)
);

-- Posts of a topic (browse by topic, topic post counts and posts per month).
CREATE INDEX ix_post_topics_topic ON post_topics (topic_id, post_id);

-- A post's disclosed makers in the API's order; redacted makers are counted in posts.redacted_makers.
CREATE TABLE post_makers
(
    post_id  bigint  NOT NULL REFERENCES posts (id),
    user_id  bigint  NOT NULL REFERENCES users (id),
    position integer NOT NULL,
    PRIMARY KEY (post_id, user_id)
);

-- Posts by maker (maker pages, "what else did they make").
CREATE INDEX ix_post_makers_user ON post_makers (user_id, post_id);

-- A post's media in order. The primary key serves "media of a post".
CREATE TABLE post_media
(
    post_id   bigint  NOT NULL REFERENCES posts (id),
    position  integer NOT NULL,
    type      text    NOT NULL,
    url       text    NOT NULL,
    video_url text    NULL,
    PRIMARY KEY (post_id, position)
);

-- A post's product links in order. The primary key serves "links of a post".
CREATE TABLE post_product_links
(
    post_id  bigint  NOT NULL REFERENCES posts (id),
    position integer NOT NULL,
    type     text    NOT NULL,
    url      text    NOT NULL,
    PRIMARY KEY (post_id, position)
);

-- One row per observation of a post whose counts changed since the previous row: the votes-over-time
-- chart and spike detection. The primary key serves "history of a post" and "latest snapshot of a post".
CREATE TABLE post_snapshots
(
    post_id        bigint      NOT NULL REFERENCES posts (id),
    observed_at    timestamptz NOT NULL,
    votes_count    integer     NOT NULL,
    comments_count integer     NOT NULL,
    reviews_count  integer     NOT NULL,
    PRIMARY KEY (post_id, observed_at)
);

-- Comments and replies. Placeholder: body IS NULL (post_id may be NULL then: a parent seen only as a
-- reply's parent).
CREATE TABLE comments
(
    id              bigint      PRIMARY KEY,
    post_id         bigint      NULL REFERENCES posts (id),
    parent_id       bigint      NULL REFERENCES comments (id),
    body            text        NULL,
    url             text        NULL,
    created_at      timestamptz NULL,
    votes_count     integer     NULL,
    author_id       bigint      NULL REFERENCES users (id),
    author_redacted boolean     NOT NULL DEFAULT false,
    observed_at     timestamptz NULL,
    CONSTRAINT ck_comments_author CHECK (NOT (author_redacted AND author_id IS NOT NULL))
);

-- Comments of a post (the post page's comment tree, oldest first).
CREATE INDEX ix_comments_post ON comments (post_id, created_at, id);

-- Replies of a comment (walking a thread downwards; also the FK check of parent_id).
CREATE INDEX ix_comments_parent ON comments (parent_id) WHERE parent_id IS NOT NULL;

-- Upvotes of a post or of a comment (exactly one subject). Votes are never placeholders.
CREATE TABLE votes
(
    id             bigint      PRIMARY KEY,
    post_id        bigint      NULL REFERENCES posts (id),
    comment_id     bigint      NULL REFERENCES comments (id),
    created_at     timestamptz NOT NULL,
    voter_id       bigint      NULL REFERENCES users (id),
    voter_redacted boolean     NOT NULL DEFAULT false,
    CONSTRAINT ck_votes_subject CHECK (num_nonnulls(post_id, comment_id) = 1),
    CONSTRAINT ck_votes_voter CHECK (NOT (voter_redacted AND voter_id IS NOT NULL))
);

-- Votes of a post in time order (vote history, incremental vote harvesting from the newest known vote).
CREATE INDEX ix_votes_post ON votes (post_id, created_at) WHERE post_id IS NOT NULL;

-- Votes of a comment.
CREATE INDEX ix_votes_comment ON votes (comment_id) WHERE comment_id IS NOT NULL;

-- Collections. Placeholder: name IS NULL.
CREATE TABLE collections
(
    id               bigint      PRIMARY KEY,
    name             text        NULL,
    tagline          text        NULL,
    description      text        NULL,
    url              text        NULL,
    created_at       timestamptz NULL,
    featured_at      timestamptz NULL,
    followers_count  integer     NULL,
    cover_image      text        NULL,
    curator_id       bigint      NULL REFERENCES users (id),
    curator_redacted boolean     NOT NULL DEFAULT false,
    observed_at      timestamptz NULL,
    CONSTRAINT ck_collections_curator CHECK (NOT (curator_redacted AND curator_id IS NOT NULL))
);

-- Incremental look-ups of collections by creation time.
CREATE INDEX ix_collections_created ON collections (created_at DESC, id DESC);

CREATE TABLE collection_posts
(
    collection_id bigint NOT NULL REFERENCES collections (id),
    post_id       bigint NOT NULL REFERENCES posts (id),
    PRIMARY KEY (collection_id, post_id)
);

-- Collections a post belongs to (post page).
CREATE INDEX ix_collection_posts_post ON collection_posts (post_id);

CREATE TABLE collection_topics
(
    collection_id bigint NOT NULL REFERENCES collections (id),
    topic_id      bigint NOT NULL REFERENCES topics (id),
    PRIMARY KEY (collection_id, topic_id)
);

-- Collections of a topic (topic pages).
CREATE INDEX ix_collection_topics_topic ON collection_topics (topic_id);

-- Harvest bookkeeping: one row per run of the harvester.
CREATE TABLE harvest_runs
(
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz NULL,
    mode        text        NOT NULL,
    outcome     text        NOT NULL DEFAULT 'running',
    counts      jsonb       NOT NULL DEFAULT '{}'::jsonb,
    error       text        NULL,
    CONSTRAINT ck_harvest_runs_outcome CHECK (outcome IN ('running', 'succeeded', 'failed', 'cancelled'))
);

-- Latest runs first (admin console, "last harvest" in the statistics).
CREATE INDEX ix_harvest_runs_started ON harvest_runs (started_at DESC, id DESC);

-- Data-quality findings. One row per (entity, entity_id, check): recording the same finding again updates
-- it in place instead of adding a row.
CREATE TABLE quality_findings
(
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entity     text        NOT NULL,
    entity_id  bigint      NOT NULL,
    check_name text        NOT NULL,
    detail     text        NOT NULL,
    found_at   timestamptz NOT NULL,
    run_id     bigint      NULL REFERENCES harvest_runs (id),
    CONSTRAINT ux_quality_findings UNIQUE (entity, entity_id, check_name)
);

-- Latest findings first, optionally of one check (admin console).
CREATE INDEX ix_quality_findings_found ON quality_findings (found_at DESC, id DESC);
CREATE INDEX ix_quality_findings_check ON quality_findings (check_name, found_at DESC);

-- Findings of a run (run detail page; also the FK check of run_id).
CREATE INDEX ix_quality_findings_run ON quality_findings (run_id) WHERE run_id IS NOT NULL;
