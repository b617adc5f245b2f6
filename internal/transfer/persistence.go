package transfer

import "shuwu/internal/transfer/transferstore"

// Transfer's persistence lives in transferstore, which the store adapter
// can import without the file formats; these names keep callers as they were.
type (
	Store        = transferstore.Store
	Tx           = transferstore.Tx
	Original     = transferstore.Original
	LedgerFilter = transferstore.LedgerFilter
	LedgerRow    = transferstore.LedgerRow
	ImportedFile = transferstore.ImportedFile
)
