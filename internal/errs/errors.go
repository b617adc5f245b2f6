package errs

// The codes any package may produce: the store's generic ones (a
// constraint or a disk failed, before a domain says which), and input
// mistakes every surface and domain shares. Each package keeps its own
// codes beside its errors (errors.go). The values are part of the API:
// never change one. docs/api.md lists them all (go generate ./internal/errs).
const (
	// 内部错误 / internal error
	CodeInternal Code = "INTERNAL"
	// 数据重复（违反唯一约束） / a unique value already exists
	CodeDuplicate Code = "DUPLICATE"
	// 数据仍被引用，不能删除或修改 / the row is still referenced
	CodeInUse Code = "IN_USE"
	// 存储空间不足或磁盘只读，本次修改未保存 / storage is full or read-only; the change was not saved
	CodeStorageFailed Code = "STORAGE_FAILED"
	// 日期格式应为 2024-05-01 / dates look like 2024-05-01
	CodeDateInvalid Code = "DATE_INVALID"
	// 名称不能为空 / name is required
	CodeNameRequired Code = "NAME_REQUIRED"
	// 参数无效 / a parameter is not valid
	CodeParamInvalid Code = "PARAM_INVALID"
)
