-- What the web app and the JSON API filter and sort events by (kronika.serve): mode,
-- modality, place, source outlet, crowd size, and words of the event's evidence.
--
-- The events table is rebuilt with an integer key (`key`, the rowid, which VACUUM keeps):
-- the tables below point at events by it, so a filter on them reads no text ids. The
-- records move to a table of their own, so that the rows filters read are small.

CREATE TABLE events_keyed (
    key           INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
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
    participants  REAL            -- reconciled crowd size (upper end), for sorting
);
INSERT INTO events_keyed (id, type, mode, modality, date, date_first, date_last, precision, country,
        place, latitude, longitude, story_id, mentions, articles, disagreements, participants)
    SELECT id, type, mode, modality, date, date_first, date_last, precision, country, place,
        latitude, longitude, story_id, mentions, articles, disagreements,
        coalesce(json_extract(record, '$.magnitudes.participants.high'),
                 json_extract(record, '$.magnitudes.participants.low'))
    FROM events ORDER BY date_first, id;

CREATE TABLE event_records (
    key    INTEGER PRIMARY KEY,  -- events.key
    record TEXT NOT NULL         -- CanonicalEvent
);
INSERT INTO event_records (key, record)
    SELECT k.key, e.record FROM events e JOIN events_keyed k ON k.id = e.id;
DROP TABLE events;
ALTER TABLE events_keyed RENAME TO events;

-- Each filter with the date order; the timeline's counts per day read the first two alone.
CREATE INDEX events_days ON events (date_first, date_last, type);
CREATE INDEX events_type_days ON events (type, date_first, date_last);
CREATE INDEX events_country ON events (country, date_first);
CREATE INDEX events_story ON events (story_id, date_first);
CREATE INDEX events_mode ON events (mode, date_first);
CREATE INDEX events_modality ON events (modality, date_first);
CREATE INDEX events_place ON events (place COLLATE NOCASE, date_first);
CREATE INDEX events_located ON events (latitude) WHERE latitude IS NOT NULL;
-- The other orders.
CREATE INDEX events_participants ON events (participants, date_first);
CREATE INDEX events_articles ON events (articles, date_first);
CREATE INDEX events_mentions ON events (mentions, date_first);

-- Entities in events, by event key.
ALTER TABLE event_entities ADD COLUMN event_key INTEGER;
UPDATE event_entities SET event_key = (SELECT key FROM events WHERE events.id = event_entities.event_id);
CREATE INDEX event_entities_key ON event_entities (entity_id, event_key);

-- The outlets that reported each event.
CREATE TABLE event_sources (
    event_id   TEXT NOT NULL,
    article_id TEXT NOT NULL,
    outlet     TEXT,
    event_key  INTEGER NOT NULL,
    PRIMARY KEY (event_id, article_id)
);
CREATE INDEX event_sources_outlet ON event_sources (outlet COLLATE NOCASE, event_key);
INSERT OR IGNORE INTO event_sources (event_id, article_id, outlet, event_key)
    SELECT DISTINCT m.event_id, m.article_id, m.outlet, e.key FROM mentions m JOIN events e ON e.id = m.event_id;

-- Words of each event (summary, place, actors, quoted evidence) for text search; the rowid
-- is the event's key.
CREATE VIRTUAL TABLE event_text USING fts5 (text, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO event_text (rowid, text)
    SELECT e.key, coalesce(json_extract(r.record, '$.summary'), '') || ' ' || coalesce(e.place, '')
        || ' ' || coalesce((SELECT group_concat(json_extract(a.value, '$.text'), ' ')
                            FROM json_each(r.record, '$.actors') a), '')
        || ' ' || coalesce((SELECT group_concat(json_extract(c.value, '$.span.text'), ' ')
                            FROM json_each(r.record, '$.claims') c), '')
    FROM events e JOIN event_records r ON r.key = e.key;
