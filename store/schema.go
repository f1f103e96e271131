package store

// schemaVersion is PRAGMA user_version of a database of this schema.
const schemaVersion = 1

// applicationID is PRAGMA application_id of a sociogram study database
// ("SGRM").
const applicationID = 0x5347524d

// schema creates the tables. Every table that holds a person's data
// reaches people through foreign keys with ON DELETE CASCADE, so that
// deleting the person's row deletes all of it; the change log refers to
// the person by the opaque ref only, and erasure clears its data
// columns. Attribute values are text as read (NULL = missing); attrs
// holds the columns without a field of their own as a JSON object.
const schema = `
CREATE TABLE study (
	name  TEXT PRIMARY KEY,
	value TEXT NOT NULL
) STRICT;
CREATE TABLE columns (
	tbl  TEXT NOT NULL CHECK (tbl IN ('egos', 'alters', 'ties')),
	pos  INTEGER NOT NULL,
	name TEXT NOT NULL,
	PRIMARY KEY (tbl, pos),
	UNIQUE (tbl, name)
) STRICT;
CREATE TABLE wave_labels (
	label TEXT PRIMARY KEY,
	pos   INTEGER NOT NULL UNIQUE
) STRICT;
CREATE TABLE people (
	id        INTEGER PRIMARY KEY,
	ref       TEXT NOT NULL UNIQUE,
	pid       TEXT NOT NULL UNIQUE CHECK (pid <> '' AND pid <> 'NA'),
	pseudonym TEXT,
	seq       INTEGER NOT NULL
) STRICT;
CREATE TABLE interviews (
	id     INTEGER PRIMARY KEY,
	person INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	wave   TEXT NOT NULL REFERENCES wave_labels(label),
	date   TEXT,
	attrs  TEXT NOT NULL DEFAULT '{}',
	seq    INTEGER NOT NULL,
	UNIQUE (person, wave)
) STRICT;
CREATE TABLE alters (
	id        INTEGER PRIMARY KEY,
	interview INTEGER NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
	key       TEXT NOT NULL CHECK (key <> '' AND key <> 'NA'),
	name      TEXT,
	role      TEXT,
	type      TEXT,
	ring      INTEGER CHECK (ring IS NULL OR ring >= 1),
	sector    TEXT,
	quality   TEXT,
	flow      TEXT,
	weight    REAL NOT NULL DEFAULT 1,
	attrs     TEXT NOT NULL DEFAULT '{}',
	seq       INTEGER NOT NULL,
	UNIQUE (interview, key)
) STRICT;
CREATE TABLE ties (
	id        INTEGER PRIMARY KEY,
	interview INTEGER NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
	a         INTEGER NOT NULL REFERENCES alters(id) ON DELETE CASCADE,
	b         INTEGER NOT NULL REFERENCES alters(id) ON DELETE CASCADE,
	quality   TEXT,
	flow      TEXT,
	type      TEXT,
	weight    REAL NOT NULL DEFAULT 1,
	attrs     TEXT NOT NULL DEFAULT '{}',
	seq       INTEGER NOT NULL,
	CHECK (a <> b),
	UNIQUE (a, b)
) STRICT;
CREATE INDEX ties_b ON ties(b);
CREATE INDEX ties_interview ON ties(interview);
CREATE TABLE goals (
	id          INTEGER PRIMARY KEY,
	person      INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	goal        TEXT NOT NULL CHECK (goal <> ''),
	description TEXT NOT NULL DEFAULT '',
	weight      REAL NOT NULL CHECK (weight > 0),
	rule        TEXT NOT NULL DEFAULT '',
	baseline    TEXT NOT NULL DEFAULT '',
	seq         INTEGER NOT NULL,
	UNIQUE (person, goal)
) STRICT;
CREATE TABLE goal_levels (
	goal  INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
	wave  TEXT NOT NULL,
	level INTEGER NOT NULL CHECK (level BETWEEN -2 AND 2),
	PRIMARY KEY (goal, wave)
) STRICT;
CREATE TABLE change_log (
	id     INTEGER PRIMARY KEY,
	at     TEXT NOT NULL,
	by     TEXT NOT NULL,
	ref    TEXT NOT NULL,
	wave   TEXT NOT NULL DEFAULT '',
	action TEXT NOT NULL,
	what   TEXT NOT NULL DEFAULT '',
	before TEXT,
	after  TEXT,
	undoes INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX change_log_ref ON change_log(ref);
CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
BEGIN
	SELECT RAISE(ABORT, 'change_log is append-only');
END;
CREATE TRIGGER change_log_erase_only BEFORE UPDATE ON change_log
WHEN NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at OR NEW.by IS NOT OLD.by OR NEW.ref IS NOT OLD.ref
	OR NEW.wave IS NOT OLD.wave OR NEW.action IS NOT OLD.action OR NEW.undoes IS NOT OLD.undoes
	OR NEW.what <> '' OR NEW.before IS NOT NULL OR NEW.after IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, 'change_log is append-only (erasure may only clear what, before and after)');
END;
`
