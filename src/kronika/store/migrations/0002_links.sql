-- Linked records (kronika.link): entities across articles, event mentions grouped into
-- canonical events, stories. `record` columns hold the full JSON record; the other columns
-- are copies for filtering and sorting.

-- The article versions already linked (by content hash): re-linking skips them.
CREATE TABLE linked_articles (
    content_hash TEXT PRIMARY KEY,
    article_id   TEXT NOT NULL,
    linked_at    TEXT NOT NULL,
    places       TEXT NOT NULL DEFAULT '[]'  -- ids of the cities it names (story evidence)
);

CREATE TABLE entities (
    id       TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    label    TEXT NOT NULL,
    country  TEXT,
    mentions INTEGER NOT NULL,
    search   TEXT NOT NULL,  -- the name and every variant, lower case, one per line
    record   TEXT NOT NULL,  -- CanonicalEntity
    state    TEXT NOT NULL   -- what the resolver keeps between runs
);
CREATE INDEX entities_name ON entities (name);

-- Which entity each article's name chain (entity_id c1, c2 … in the stored article) is.
CREATE TABLE entity_chains (
    article_id TEXT NOT NULL,
    chain_id   TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    PRIMARY KEY (article_id, chain_id)
);
CREATE INDEX entity_chains_entity ON entity_chains (entity_id);

-- One row per event mention, with the canonical event it belongs to.
CREATE TABLE mentions (
    id         TEXT PRIMARY KEY,
    article_id TEXT NOT NULL,
    event_id   TEXT NOT NULL,
    language   TEXT,
    outlet     TEXT,
    published  TEXT,
    record     TEXT NOT NULL   -- EventMention, actors resolved to entity ids
);
CREATE INDEX mentions_event ON mentions (event_id);
CREATE INDEX mentions_article ON mentions (article_id);

CREATE TABLE events (
    id            TEXT PRIMARY KEY,
    type          TEXT NOT NULL,
    mode          TEXT,
    modality      TEXT NOT NULL,
    date          TEXT,
    date_first    TEXT,          -- first and last day the date covers (ISO), for ranges
    date_last     TEXT,
    precision     TEXT,
    country       TEXT,
    place         TEXT,
    latitude      REAL,
    longitude     REAL,
    story_id      TEXT,
    mentions      INTEGER NOT NULL,
    articles      INTEGER NOT NULL,
    disagreements TEXT NOT NULL,  -- space-separated field names, '' when none
    record        TEXT NOT NULL   -- CanonicalEvent
);
CREATE INDEX events_date ON events (date_first);
CREATE INDEX events_type ON events (type, date_first);
CREATE INDEX events_country ON events (country, date_first);
CREATE INDEX events_story ON events (story_id);

CREATE TABLE event_entities (
    event_id  TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    role      TEXT NOT NULL,
    PRIMARY KEY (event_id, entity_id, role)
);
CREATE INDEX event_entities_entity ON event_entities (entity_id);

CREATE TABLE stories (
    id         TEXT PRIMARY KEY,
    title      TEXT,
    first_date TEXT,
    last_date  TEXT,
    articles   INTEGER NOT NULL,
    events     INTEGER NOT NULL,
    record     TEXT NOT NULL   -- Story
);

CREATE TABLE article_stories (
    article_id TEXT PRIMARY KEY,
    story_id   TEXT NOT NULL
);
CREATE INDEX article_stories_story ON article_stories (story_id);
