// Package assets is the reading room's equipment register (设备资产登记):
// the shelves, reading tables, chairs, computers, air conditioning and
// dehumidifier a room is furnished with, each line with its quantity,
// value, purchase day, where it stands and its state. Beside the
// collection's volumes and value it makes the asset ledger (资产台账) a
// Party-school reading room reports each year ("20 多万元 invested").
// Librarians keep the register; a line that is scrapped is retired with
// the day and reason and stays in the register.
package assets

import "time"

// Category is the kind of equipment a line is counted under.
type Category string

// Categories, in the ledger's order.
const (
	Shelving  Category = "shelving"  // 书架、报刊架
	Furniture Category = "furniture" // 阅览桌椅、沙发、柜子
	Computer  Category = "computer"  // 计算机、打印机、网络与电子设备
	Appliance Category = "appliance" // 空调、除湿机、饮水机等电器
	Other     Category = "other"     // 其他
)

// Categories lists the categories in order.
var Categories = []Category{Shelving, Furniture, Computer, Appliance, Other}

var categoryLabels = map[Category][2]string{
	Shelving:  {"书架报刊架", "shelving"},
	Furniture: {"桌椅家具", "furniture"},
	Computer:  {"电脑及电子设备", "computers and electronics"},
	Appliance: {"空调等电器", "appliances"},
	Other:     {"其他", "other"},
}

// Label is the category in lang ("zh" or "en").
func (c Category) Label(lang string) string { return label(categoryLabels, c, lang) }

// Valid reports whether c is a known category.
func (c Category) Valid() bool { _, ok := categoryLabels[c]; return ok }

// State is where a line of equipment stands in its life.
type State string

// States. Retired is reached only by Retire, never by an edit.
const (
	InUse   State = "in_use"  // 在用
	Repair  State = "repair"  // 维修中
	Idle    State = "idle"    // 闲置
	Retired State = "retired" // 已报废
)

// States lists the states a line can be edited into, then Retired.
var States = []State{InUse, Repair, Idle}

var stateLabels = map[State][2]string{
	InUse:   {"在用", "in use"},
	Repair:  {"维修中", "under repair"},
	Idle:    {"闲置", "idle"},
	Retired: {"已报废", "retired"},
}

// Label is the state in lang ("zh" or "en").
func (s State) Label(lang string) string { return label(stateLabels, s, lang) }

// Valid reports whether s is a known state.
func (s State) Valid() bool { _, ok := stateLabels[s]; return ok }

func label[K ~string](m map[K][2]string, k K, lang string) string {
	v, ok := m[k]
	if !ok {
		return string(k)
	}
	if lang == "en" {
		return v[1]
	}
	return v[0]
}

// Asset is one line of the register: a kind of thing bought together.
type Asset struct {
	ID       int64    `json:"id"`
	Name     string   `json:"name"`            // 品名: 钢制双面书架
	Category Category `json:"category"`        // shelving | furniture | computer | appliance | other
	Model    string   `json:"model,omitempty"` // 规格型号
	Quantity int      `json:"quantity"`
	// ValueFen is the line's value (原值) in fen: all its pieces together.
	ValueFen int64  `json:"value_fen"`
	Acquired string `json:"acquired"`           // 购置日期 YYYY-MM-DD
	Location string `json:"location,omitempty"` // 存放地点
	State    State  `json:"state"`
	Notes    string `json:"notes,omitempty"`
	// RetiredOn and RetireReason are set when the line was retired.
	RetiredOn    string    `json:"retired_on,omitempty"`
	RetireReason string    `json:"retire_reason,omitempty"`
	CreatedBy    string    `json:"created_by,omitempty"`
	CreatedAt    time.Time `json:"created_at"`
	UpdatedAt    time.Time `json:"updated_at"`
}

// Retirement is how a line leaves service (报废).
type Retirement struct {
	Date   string `json:"date"` // YYYY-MM-DD
	Reason string `json:"reason"`
}

// Total is a count of equipment: lines, pieces and value.
type Total struct {
	Lines    int   `json:"lines"`
	Quantity int   `json:"quantity"`
	ValueFen int64 `json:"value_fen"`
}

func (t *Total) add(a Asset) {
	t.Lines++
	t.Quantity += a.Quantity
	t.ValueFen += a.ValueFen
}

// CategoryTotal is the equipment held of one category.
type CategoryTotal struct {
	Category Category `json:"category"`
	Total
}

// Ledger is the asset ledger (资产台账): the equipment held (not retired)
// beside the collection held (lost and withdrawn copies not counted).
type Ledger struct {
	Equipment  Total           `json:"equipment"`
	ByCategory []CategoryTotal `json:"by_category"`
	Retired    Total           `json:"retired"`
	// Copies, Titles and CollectionFen are the collection held: 册数,
	// 种数 and 藏书总值.
	Copies        int64 `json:"copies"`
	Titles        int64 `json:"titles"`
	CollectionFen int64 `json:"collection_fen"`
	// TotalFen is the equipment's and the collection's value together.
	TotalFen int64 `json:"total_fen"`
}

// Limits of what a line holds.
const (
	MaxName     = 100
	MaxModel    = 100
	MaxLocation = 100
	MaxNotes    = 500
	MaxReason   = 200
	MaxQuantity = 100000
	// MaxValueFen is 1亿元: a line worth more is a typing mistake.
	MaxValueFen = 100_000_000_00
)
