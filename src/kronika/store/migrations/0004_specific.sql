-- Mention specificity and episodes (kronika.extract.specificity, kronika.link.events).
--
-- `specific`: 1 for an event that reports one particular occurrence, 0 for one kept only from
-- generic, background or headline mentions (hidden unless asked for). `episode_id`: the
-- lasting event (a strike) a one-day event is part of. Events linked before this migration
-- were linked without specificity: they stay specific until the next `kronika link --rebuild`.

ALTER TABLE events ADD COLUMN specific INTEGER NOT NULL DEFAULT 1;
ALTER TABLE events ADD COLUMN episode_id TEXT;
CREATE INDEX events_episode ON events (episode_id) WHERE episode_id IS NOT NULL;
