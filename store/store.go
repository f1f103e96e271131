package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"time"

	_ "modernc.org/sqlite" // the database/sql driver "sqlite", pure Go
)

// Store is an open study database. Its methods are safe for concurrent
// use by several goroutines: reads run side by side (SQLite's WAL mode),
// changes one at a time, each in its own transaction.
type Store struct {
	db   *sql.DB
	path string
	mu   sync.Mutex // serialises changes (one writer at a time)
	// now returns the time written into the change log; time.Now unless
	// a test sets it.
	now func() time.Time
}

// Options configures Open. The zero value opens an existing database or
// creates a new one.
type Options struct {
	// MustExist refuses to create the database when the file is missing.
	MustExist bool
	// BusyTimeout is how long a change waits for another process's
	// change to finish; 0 means 5 s.
	BusyTimeout time.Duration
}

// Open opens the study database at path, creating it (and nothing else)
// when it does not exist. SQLite keeps two files beside it while the
// database is open, path-wal and path-shm (write-ahead log), and removes
// them on Close; temporary tables and indices stay in memory, so nothing
// is written anywhere but path and those two files. Foreign keys are
// enforced, deleted content is overwritten (secure_delete), and every
// connection waits opt.BusyTimeout for a lock before it gives up.
func Open(path string, opt Options) (*Store, error) {
	if path == "" {
		return nil, errors.New("store: no database path")
	}
	if _, err := os.Stat(path); err != nil {
		if !errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("store: %w", err)
		}
		if opt.MustExist {
			return nil, fmt.Errorf("store: %s: %w", path, err)
		}
		if dir := filepath.Dir(path); dir != "" {
			if st, err := os.Stat(dir); err != nil || !st.IsDir() {
				return nil, fmt.Errorf("store: %s: the directory %s does not exist", path, dir)
			}
		}
	}
	busy := opt.BusyTimeout
	if busy <= 0 {
		busy = 5 * time.Second
	}
	q := url.Values{}
	for _, p := range []string{
		fmt.Sprintf("busy_timeout(%d)", busy.Milliseconds()),
		"foreign_keys(1)",
		"secure_delete(1)",
		"temp_store(2)", // MEMORY: no temporary files outside path
		"journal_mode(WAL)",
		"synchronous(FULL)",
	} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("store: %s: %w", path, err)
	}
	s := &Store{db: db, path: path, now: time.Now}
	if err := s.init(context.Background()); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: %s: %w", path, err)
	}
	return s, nil
}

// init creates the schema in an empty database and checks the version of
// an existing one.
func (s *Store) init(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var app, ver int64
	if err := s.db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&app); err != nil {
		return err
	}
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&ver); err != nil {
		return err
	}
	if app == 0 && ver == 0 {
		var n int
		if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("%w: it has tables but no sociogram application id", ErrNotStore)
		}
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		defer tx.Rollback()
		if _, err := tx.ExecContext(ctx, schema); err != nil {
			return fmt.Errorf("creating the schema: %w", err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d; PRAGMA user_version = %d", applicationID, schemaVersion)); err != nil {
			return err
		}
		return tx.Commit()
	}
	if app != applicationID {
		return fmt.Errorf("%w: application id %#x", ErrNotStore, app)
	}
	if ver != schemaVersion {
		return fmt.Errorf("%w: schema version %d, this program knows %d", ErrNotStore, ver, schemaVersion)
	}
	return nil
}

// Path returns the database file's path.
func (s *Store) Path() string { return s.path }

// Close checkpoints the write-ahead log into the database file and closes
// it; SQLite then removes the -wal and -shm files.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, cerr := s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("store: %s: %w", s.path, err)
	}
	if cerr != nil {
		return fmt.Errorf("store: %s: checkpoint: %w", s.path, cerr)
	}
	return nil
}

// Editor makes changes to a store on behalf of one actor, named in the
// change log of every change it makes. Each method is one transaction,
// committed before it returns (autosave): a change either happens whole
// and is logged, or does not happen.
type Editor struct {
	s  *Store
	by string
}

// By returns an Editor whose changes the change log attributes to actor
// (a worker's name or login; "" is logged as "unknown").
func (s *Store) By(actor string) *Editor {
	if actor == "" {
		actor = "unknown"
	}
	return &Editor{s: s, by: actor}
}
