package stocktake

import (
	"context"

	"shuwu/internal/audit"
)

// Store is the stocktake's persistence, implemented by the store adapter.
type Store interface {
	Update(ctx context.Context, fn func(Tx) error) error
	View(ctx context.Context, fn func(Tx) error) error
}

// Tx is what a stocktake reads and writes in one transaction.
type Tx interface {
	InsertStocktake(st *Stocktake) error
	Stocktake(id int64) (Stocktake, error)
	Stocktakes(limit int) ([]Stocktake, error)
	CloseStocktake(id int64, at int64) error
	AddLostMarked(id int64, n int) error

	// LocationName is a shelf group's name ("" when there is none).
	LocationName(id int64) (string, error)
	// CopyByBarcode finds a copy (ok false when no copy has the barcode).
	CopyByBarcode(barcode string) (c Copy, ok bool, err error)
	// ScopeCopies lists the copies a stocktake covers (withdrawn ones
	// aside), in call-number order.
	ScopeCopies(st Stocktake) ([]Copy, error)
	// CopiesByBarcodes finds the copies of some barcodes.
	CopiesByBarcodes(barcodes []string) ([]Copy, error)

	// SaveScan records a barcode seen on a shelf group (seen again on
	// another shelf: moved there, last in its order; on the same shelf: it
	// keeps its place); it reports whether it was seen before.
	SaveScan(stocktakeID int64, s Scan) (again bool, err error)
	Scans(stocktakeID int64) ([]Scan, error)
	ScanCount(stocktakeID int64) (int, error)

	// MarkLost sets the copies that are still on the shelf in the
	// catalogue to lost and returns how many it changed.
	MarkLost(ids []int64, at int64) (int, error)

	Audit(e audit.Entry) error
}
