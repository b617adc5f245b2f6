package audit

import "time"

// Filter picks audit entries for a listing, newest first.
type Filter struct {
	Entity string // record, item, reader, …; "" for all
	// Actor is a staff account's username or display name; "" for all.
	Actor string
	// Query is a piece of the summary (a title, a card number, a barcode).
	Query string
	// From and To bound the time, [From, To); zero means open.
	From, To      time.Time
	Offset, Limit int
	// Before, when not 0, pages by key instead of by offset: the entries
	// older than the entry with this id, and no total (an export walks the
	// whole log this way without counting and skipping it once a page).
	Before int64
}

// Page is one page of entries with the names of what they are about.
type Page struct {
	Entries []Entry
	Total   int
	Names   Names
}

// Names are the people's names of the accounts and objects a page of
// entries refers to, looked up when the page is read, so the log shows
// 书目《红岩》 and 张三 rather than ids. Missing keys are objects deleted
// since.
type Names struct {
	Users   map[string]string   // username → display name
	Records map[int64]string    // record id → title
	Items   map[string]ItemName // barcode → the copy's record
	Readers map[string]string   // card → name
	Classes map[int64]string    // class id → name
	Lists   map[int64]string    // reading-list id → name
}

// ItemName is a copy's record, for naming the copy.
type ItemName struct {
	RecordID int64
	Title    string
}
