-- Articles, one row per version, keyed by a hash of the content. A changed text at the same
-- location (URL, file path or given id) is a new row with version + 1; the older row stays,
-- with current = 0. `id` is the article's id (the input's own, else the content hash).
CREATE TABLE articles (
    content_hash        TEXT PRIMARY KEY,
    id                  TEXT NOT NULL,
    location            TEXT,
    version             INTEGER NOT NULL DEFAULT 1,
    current             INTEGER NOT NULL DEFAULT 1,
    source              TEXT,
    url                 TEXT,
    title               TEXT,
    author              TEXT,
    language            TEXT NOT NULL,
    published_date      TEXT,
    published_precision TEXT,
    text                TEXT NOT NULL,
    record              TEXT NOT NULL,  -- the whole Article as JSON, with every span
    origin              TEXT,
    ingested_at         TEXT NOT NULL
);
CREATE INDEX articles_id ON articles (id, version);
CREATE INDEX articles_location ON articles (location, version);
CREATE INDEX articles_published ON articles (published_date);

-- One row per `kronika run`; a run still 'running' when the next starts was interrupted.
CREATE TABLE runs (
    id          INTEGER PRIMARY KEY,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    status      TEXT NOT NULL,
    inputs      TEXT NOT NULL,
    summary     TEXT
);

CREATE TABLE skips (
    run_id  INTEGER NOT NULL REFERENCES runs (id),
    origin  TEXT NOT NULL,
    reason  TEXT NOT NULL,
    detail  TEXT
);
