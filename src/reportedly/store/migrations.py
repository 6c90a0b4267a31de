"""Schema migrations, small and numbered; each one applied is recorded in `schema_migrations`.
SQL is written once, with {serial}, {json} and {bigint} filled per dialect, plus each dialect's own part."""

from __future__ import annotations

from dataclasses import dataclass

DIALECT = {
    "sqlite": {
        "serial": "INTEGER PRIMARY KEY AUTOINCREMENT",
        "json": "TEXT",
        "bigint": "INTEGER",
        "blob": "BLOB",
        "without_rowid": "WITHOUT ROWID",
    },
    "postgresql": {
        "serial": "BIGSERIAL PRIMARY KEY",
        "json": "TEXT",
        "bigint": "BIGINT",
        "blob": "BYTEA",
        "without_rowid": "",
    },
}


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    common: str  # statements for both dialects, ";\n"-separated
    sqlite: str = ""
    postgresql: str = ""

    def script(self, dialect: str) -> str:
        """The whole migration as one script (SQLite executescript / PostgreSQL simple query)."""
        own = getattr(self, dialect).strip()
        return self.common.format(**DIALECT[dialect]).rstrip() + ";\n" + (own + ";\n" if own else "")


# a person's surname, the part of the name after its last space (the whole name when it has none); the same text in
# SQLite and PostgreSQL, so one expression index serves a person's page on both
SURNAME = "substr(name, length(rtrim(name, replace(name, ' ', ''))) + 1)"
SURNAME_INITIAL = f"lower(substr({SURNAME}, 1, 1))"
SURNAME_LENGTH = f"length({SURNAME})"

MIGRATIONS = [
    Migration(
        1,
        "articles, entities, quotes, attributions, time expressions",
        """
CREATE TABLE articles (
  id {serial},
  content_hash TEXT NOT NULL UNIQUE,
  url TEXT, title TEXT, outlet TEXT, author TEXT, published TEXT,
  source TEXT, text TEXT NOT NULL, source_format TEXT, warnings {json},
  ingested_at TEXT NOT NULL
);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX articles_published ON articles(published);
CREATE TABLE entities (
  id {serial},
  name TEXT NOT NULL, type TEXT NOT NULL, kind TEXT,
  UNIQUE(name, type)
);
CREATE TABLE article_entities (
  article_id {bigint} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  entity_id {bigint} NOT NULL REFERENCES entities(id),
  local_id TEXT NOT NULL, title TEXT, role TEXT, mentions {json} NOT NULL,
  PRIMARY KEY (article_id, local_id)
);
CREATE INDEX article_entities_entity ON article_entities(entity_id);
CREATE TABLE quotes (
  id {serial},
  article_id {bigint} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL,
  speaker TEXT, speaker_type TEXT, speaker_entity_id {bigint} REFERENCES entities(id), speaker_mention TEXT,
  speaker_start INTEGER, speaker_end INTEGER, cue TEXT, how TEXT
);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE INDEX quotes_speaker ON quotes(speaker_entity_id);
CREATE TABLE attributions (
  id {serial},
  article_id {bigint} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  content TEXT NOT NULL, content_spans {json} NOT NULL, source TEXT, source_type TEXT NOT NULL,
  source_entity_id {bigint} REFERENCES entities(id), source_mention TEXT, source_start INTEGER, source_end INTEGER,
  cue TEXT NOT NULL, cue_start INTEGER, cue_end INTEGER, hedged BOOLEAN NOT NULL
);
CREATE INDEX attributions_article ON attributions(article_id);
CREATE TABLE no_comment (
  id {serial},
  article_id {bigint} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, text TEXT NOT NULL, source TEXT
);
CREATE TABLE timexes (
  id {serial},
  article_id {bigint} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, text TEXT NOT NULL, type TEXT NOT NULL,
  value TEXT, granularity TEXT, mod TEXT, signal TEXT, resolved BOOLEAN NOT NULL
);
CREATE INDEX timexes_article ON timexes(article_id)
""",
        sqlite="""
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END
""",
        postgresql="""
ALTER TABLE articles ADD COLUMN search tsvector
  GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED;
CREATE INDEX articles_search ON articles USING GIN(search)
""",
    ),
    Migration(
        2,
        "stories and the relation of each article in its story",
        """
CREATE TABLE stories (
  id {serial},
  size INTEGER NOT NULL, origin_article_id {bigint} REFERENCES articles(id) ON DELETE SET NULL,
  title TEXT, created_at TEXT NOT NULL
);
CREATE TABLE story_articles (
  story_id {bigint} NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  article_id {bigint} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  relation TEXT NOT NULL, parent_article_id {bigint} REFERENCES articles(id) ON DELETE SET NULL,
  verbatim REAL, reworded REAL, credits {json}, evidence {json},
  PRIMARY KEY (story_id, article_id)
);
CREATE INDEX story_articles_article ON story_articles(article_id)
""",
    ),
    Migration(
        3,
        "the whole analysis record of each article (hedges, debris, signals), filled on first read for older rows",
        "ALTER TABLE articles ADD COLUMN analysis {json}",
    ),
    Migration(
        4,
        "article language (non-English articles are stored unanalysed); each copy's unstored credited parent and "
        "the reasons for its edge; earlier coverage a story draws on",
        """
ALTER TABLE articles ADD COLUMN language TEXT;
ALTER TABLE story_articles ADD COLUMN unstored_parent TEXT;
ALTER TABLE story_articles ADD COLUMN score REAL;
ALTER TABLE story_articles ADD COLUMN why {json};
CREATE TABLE story_coverage (
  story_id {bigint} NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  article_id {bigint} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  shared REAL NOT NULL,
  PRIMARY KEY (story_id, article_id)
)
""",
    ),
    Migration(
        5,
        "stable story ids: each merged story's old id and the story it now belongs to",
        """
CREATE TABLE story_redirects (
  old_id {bigint} PRIMARY KEY,
  story_id {bigint} NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL
);
CREATE INDEX story_redirects_story ON story_redirects(story_id)
""",
    ),
    Migration(
        6,
        "the evidence of a fetched article: its WARC file and response record, final URL after redirects, fetch time",
        """
ALTER TABLE articles ADD COLUMN warc_file TEXT;
ALTER TABLE articles ADD COLUMN warc_record_id TEXT;
ALTER TABLE articles ADD COLUMN final_url TEXT;
ALTER TABLE articles ADD COLUMN fetched_at TEXT;
CREATE INDEX articles_url ON articles(url);
CREATE INDEX articles_final_url ON articles(final_url)
""",
    ),
    Migration(
        7,
        "incremental stories: each article's clustering signature and connected component, its LSH band keys, and "
        "the size of each band-key bucket (component NULL: not yet placed in a story)",
        """
CREATE TABLE article_signatures (
  article_id {bigint} PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  copy {blob} NOT NULL, topic {blob} NOT NULL, keys {blob} NOT NULL, language TEXT NOT NULL,
  component {bigint}
);
CREATE INDEX article_signatures_component ON article_signatures(component);
CREATE TABLE band_keys (
  key {bigint} NOT NULL,
  article_id {bigint} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  PRIMARY KEY (key, article_id)
) {without_rowid};
CREATE TABLE band_buckets (
  key {bigint} PRIMARY KEY,
  size INTEGER NOT NULL
)
""",
    ),
    Migration(
        8,
        "browsing at scale: each person's name with their numbers of quotes and articles and first and last date, kept "
        "by triggers on quotes and attributions (the people list and a person's page no longer scan every quote); "
        "indexes on speaker and source names, on outlet, on the newest-first order for keyset pagination, on story size",
        """
CREATE TABLE people (
  name TEXT PRIMARY KEY,
  quotes INTEGER NOT NULL DEFAULT 0, articles INTEGER NOT NULL DEFAULT 0,
  first_published TEXT, last_published TEXT
);
CREATE INDEX people_rank ON people(quotes DESC, name);
CREATE INDEX quotes_speaker_name ON quotes(speaker);
CREATE INDEX attributions_source ON attributions(source);
CREATE INDEX articles_outlet_newest ON articles(lower(outlet), (coalesce(published, '')), id);
CREATE INDEX articles_newest ON articles((coalesce(published, '')), id);
CREATE INDEX stories_largest ON stories(size DESC, id);
INSERT INTO people(name, quotes, articles, first_published, last_published)
  SELECT coalesce(e.name, q.speaker), count(*), count(DISTINCT q.article_id), min(a.published), max(a.published)
  FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN entities e ON e.id = q.speaker_entity_id
  WHERE q.speaker IS NOT NULL AND (q.speaker_type = 'person' OR e.type = 'PERSON')
  GROUP BY coalesce(e.name, q.speaker);
INSERT INTO people(name)
  SELECT DISTINCT source FROM attributions WHERE source_type = 'person' AND source IS NOT NULL
  ON CONFLICT(name) DO NOTHING
""",
        sqlite="""
CREATE TRIGGER people_quote AFTER INSERT ON quotes
WHEN new.speaker IS NOT NULL
  AND (new.speaker_type = 'person' OR (SELECT type FROM entities WHERE id = new.speaker_entity_id) = 'PERSON')
BEGIN
  INSERT INTO people(name, quotes, articles, first_published, last_published)
  SELECT n.name, 1,
    CASE WHEN EXISTS (
      SELECT 1 FROM quotes q LEFT JOIN entities e ON e.id = q.speaker_entity_id
      WHERE q.article_id = new.article_id AND q.id <> new.id AND q.speaker IS NOT NULL
        AND (q.speaker_type = 'person' OR e.type = 'PERSON') AND coalesce(e.name, q.speaker) = n.name
    ) THEN 0 ELSE 1 END,
    a.published, a.published
  FROM (SELECT coalesce((SELECT name FROM entities WHERE id = new.speaker_entity_id), new.speaker) AS name) n
  JOIN articles a ON a.id = new.article_id
  WHERE true
  ON CONFLICT(name) DO UPDATE SET quotes = people.quotes + 1, articles = people.articles + excluded.articles,
    first_published = CASE WHEN people.first_published IS NULL OR excluded.first_published < people.first_published
      THEN excluded.first_published ELSE people.first_published END,
    last_published = CASE WHEN people.last_published IS NULL OR excluded.last_published > people.last_published
      THEN excluded.last_published ELSE people.last_published END;
END;
CREATE TRIGGER people_source AFTER INSERT ON attributions
WHEN new.source_type = 'person' AND new.source IS NOT NULL
BEGIN
  INSERT INTO people(name) VALUES (new.source) ON CONFLICT(name) DO NOTHING;
END
""",
        postgresql="""
CREATE FUNCTION people_quote() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  n TEXT; t TEXT; p TEXT; again BOOLEAN;
BEGIN
  SELECT name, type INTO n, t FROM entities WHERE id = NEW.speaker_entity_id;
  IF NEW.speaker IS NULL OR NOT (coalesce(NEW.speaker_type = 'person', false) OR coalesce(t = 'PERSON', false)) THEN
    RETURN NULL;
  END IF;
  n := coalesce(n, NEW.speaker);
  SELECT published INTO p FROM articles WHERE id = NEW.article_id;
  SELECT EXISTS (
    SELECT 1 FROM quotes q LEFT JOIN entities e ON e.id = q.speaker_entity_id
    WHERE q.article_id = NEW.article_id AND q.id <> NEW.id AND q.speaker IS NOT NULL
      AND (q.speaker_type = 'person' OR e.type = 'PERSON') AND coalesce(e.name, q.speaker) = n
  ) INTO again;
  -- one writer of people rows at a time: two articles quoting the same two people in opposite order would deadlock
  PERFORM pg_advisory_xact_lock(8);
  INSERT INTO people AS x (name, quotes, articles, first_published, last_published)
  VALUES (n, 1, CASE WHEN again THEN 0 ELSE 1 END, p, p)
  ON CONFLICT (name) DO UPDATE SET quotes = x.quotes + 1, articles = x.articles + excluded.articles,
    first_published = least(x.first_published, excluded.first_published),
    last_published = greatest(x.last_published, excluded.last_published);
  RETURN NULL;
END $$;
CREATE TRIGGER people_quote AFTER INSERT ON quotes FOR EACH ROW EXECUTE FUNCTION people_quote();
CREATE FUNCTION people_source() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.source_type = 'person' AND NEW.source IS NOT NULL THEN
    PERFORM pg_advisory_xact_lock(8);
    INSERT INTO people(name) VALUES (NEW.source) ON CONFLICT (name) DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER people_source AFTER INSERT ON attributions FOR EACH ROW EXECUTE FUNCTION people_source()
""",
    ),
    Migration(
        9,
        "a person's page at scale: people indexed by the initial and length of their surname, where the spellings of "
        "one name are looked for (no longer every name read and compared)",
        f"CREATE INDEX people_surname ON people(({SURNAME_INITIAL}), ({SURNAME_LENGTH}))",
    ),
    Migration(
        10,
        "what each attribution's cue attributes (speech, belief, evidence, sourcing: models.Attribution.cue_kind), "
        "copied for rows already stored from their article's analysis record; NULL where that record predates it",
        "ALTER TABLE attributions ADD COLUMN cue_kind TEXT",
        sqlite="""
UPDATE attributions SET cue_kind = (
  SELECT json_extract(e.value, '$.cue_kind') FROM articles a, json_each(a.analysis, '$.attributions') e
  WHERE a.id = attributions.article_id AND json_valid(a.analysis)
    AND json_extract(e.value, '$.cue_span[0]') = attributions.cue_start
    AND json_extract(e.value, '$.cue_span[1]') = attributions.cue_end
  LIMIT 1)
""",
        postgresql="""
UPDATE attributions t SET cue_kind = (
  SELECT e->>'cue_kind' FROM articles a, json_array_elements((a.analysis::json)->'attributions') e
  WHERE a.id = t.article_id AND (e->'cue_span'->>0)::bigint = t.cue_start AND (e->'cue_span'->>1)::bigint = t.cue_end
  LIMIT 1)
""",
    ),
    Migration(
        11,
        "clustering signatures gain their marks (event words and figures: models.Signature.marks, which story links "
        "now need): signatures stored without them, their band keys and buckets are dropped, so the next story "
        "update signs every article again from its stored text and re-clusters the corpus (stories keep their ids)",
        """
DELETE FROM band_keys;
DELETE FROM band_buckets;
DELETE FROM article_signatures;
ALTER TABLE article_signatures ADD COLUMN marks {blob}
""",
    ),
    Migration(
        12,
        "clustering signatures mark long figures (bit 2 of a figure's mark: provenance/cluster.py, figure_digits) and "
        "band their language-independent keys at the lower key_figure threshold: signatures stored before, their band "
        "keys and buckets are dropped, so the next story update signs every article again from its stored text and "
        "re-clusters the corpus (stories keep their ids)",
        """
DELETE FROM band_keys;
DELETE FROM band_buckets;
DELETE FROM article_signatures
""",
    ),
    Migration(
        13,
        "the second clustering pass (provenance/cluster.py attach_small) in the store: each article of a small "
        "component records the component it joins (attached; NULL: none), its first-pass component kept apart; "
        "every article waits for the next story update (component NULL), which re-clusters the corpus from the "
        "stored signatures and band keys (nothing is signed again; stories keep their ids)",
        """
ALTER TABLE article_signatures ADD COLUMN attached {bigint};
CREATE INDEX article_signatures_attached ON article_signatures(attached);
UPDATE article_signatures SET component = NULL
""",
    ),
]
