-- What the web app and the JSON API filter and sort events by (kronika.serve): mode,
-- modality, place, source outlet, crowd size, and words of the event's evidence.

ALTER TABLE events ADD COLUMN participants REAL;  -- reconciled crowd size (upper end)
UPDATE events SET participants = coalesce(
    json_extract(record, '$.magnitudes.participants.high'),
    json_extract(record, '$.magnitudes.participants.low'));

-- Each filter with the date order; the timeline's counts per day read these indexes alone.
CREATE INDEX events_days ON events (date_first, date_last, type);
CREATE INDEX events_type_days ON events (type, date_first, date_last);
CREATE INDEX events_mode ON events (mode, date_first);
CREATE INDEX events_modality ON events (modality, date_first);
CREATE INDEX events_place ON events (place COLLATE NOCASE, date_first);
-- The other orders.
CREATE INDEX events_participants ON events (participants, date_first);
CREATE INDEX events_articles ON events (articles, date_first);
CREATE INDEX events_mentions ON events (mentions, date_first);

-- The outlets that reported each event.
CREATE TABLE event_sources (
    event_id   TEXT NOT NULL,
    article_id TEXT NOT NULL,
    outlet     TEXT,
    PRIMARY KEY (event_id, article_id)
);
CREATE INDEX event_sources_outlet ON event_sources (outlet COLLATE NOCASE);
INSERT OR IGNORE INTO event_sources (event_id, article_id, outlet)
    SELECT DISTINCT event_id, article_id, outlet FROM mentions;

-- Words of each event (summary, place, actors, quoted evidence) for text search; the rowid
-- is the event's rowid.
CREATE VIRTUAL TABLE event_text USING fts5 (text, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO event_text (rowid, text)
    SELECT e.rowid, coalesce(json_extract(e.record, '$.summary'), '') || ' ' || coalesce(e.place, '')
        || ' ' || coalesce((SELECT group_concat(json_extract(a.value, '$.text'), ' ')
                            FROM json_each(e.record, '$.actors') a), '')
        || ' ' || coalesce((SELECT group_concat(json_extract(c.value, '$.span.text'), ' ')
                            FROM json_each(e.record, '$.claims') c), '')
    FROM events e;
