package api

import (
	"net/http"

	"shuwu/internal/auth"
	"shuwu/internal/catalog"
	"shuwu/internal/catalog/clc"
	"shuwu/internal/circulation"
	"shuwu/internal/ledger"
	"shuwu/internal/readers"
	"shuwu/internal/room"
	"shuwu/internal/settings"
)

// table is every route of the API, in one place.
func (s *Server) table() []Route {
	G, P, U, D, PA := http.MethodGet, http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodPatch
	page := []Param{{"page", "页码 1–100000 / page number, 1–100000", "integer"}, {"size", "每页条数 1–200 / page size", "integer"}}
	return []Route{
		{G, "/healthz", public, "健康检查 / health check", nil, map[string]string{}, nil, s.health},
		{P, "/api/v1/auth/login", public, "登录，取得令牌 / log in and get a token", loginRequest{}, auth.Session{}, nil, s.login},
		{P, "/api/v1/auth/logout", everyone, "退出登录 / log out", nil, nil, nil, s.logout},
		{G, "/api/v1/me", everyone, "当前用户 / who am I", nil, meReply{}, nil, s.me},
		{P, "/api/v1/me/password", everyone, "修改自己的密码 / change my password", passwordChange{}, nil, nil, s.changeMyPassword},

		{G, "/api/v1/records", public, "书目列表 / list records", nil, Page[catalog.Record]{},
			append([]Param{{"q", "题名、作者、出版社或 ISBN / title, author, publisher or ISBN", "string"}, {"category", "分类 id", "integer"}, {"clc", "中图法分类号前缀 / CLC prefix", "string"}}, page...), s.listRecords},
		{P, "/api/v1/records", librarian, "新建书目 / create a record", catalog.Record{}, catalog.Record{}, nil, s.createRecord},
		{G, "/api/v1/records/{id}", public, "书目及复本 / a record with its copies", nil, recordReply{}, nil, s.getRecord},
		{U, "/api/v1/records/{id}", librarian, "修改书目 / update a record", catalog.Record{}, catalog.Record{}, nil, s.updateRecord},
		{D, "/api/v1/records/{id}", librarian, "删除书目（须无复本）/ delete a record without copies", nil, nil, nil, s.deleteRecord},
		{P, "/api/v1/records/{id}/items", librarian, "新增复本 / add copies", catalog.NewItems{}, []catalog.Item{}, nil, s.addItems},
		{G, "/api/v1/items/{barcode}", staff, "按条码查复本 / a copy by barcode", nil, itemReply{}, nil, s.getItem},
		{PA, "/api/v1/items/{barcode}", librarian, "修改复本 / change a copy", catalog.ItemChange{}, catalog.Item{}, nil, s.updateItem},
		{P, "/api/v1/items/{barcode}/lost", staff, "登记遗失 / mark a copy lost", nil, catalog.Item{}, nil, s.markLost},
		{P, "/api/v1/items/{barcode}/damaged", staff, "送修 / send a copy to repair", nil, catalog.Item{}, nil, s.markDamaged},

		{G, "/api/v1/clc", public, "中图法类目联想 / CLC class suggestions", nil, []clc.Class{}, []Param{{"q", "分类号或类名 / code or name", "string"}}, s.suggestCLC},
		{G, "/api/v1/clc/{code}", public, "中图法类目 / a CLC class with ancestors and children", nil, clcReply{}, nil, s.getCLC},
		{G, "/api/v1/categories", public, "本馆分类 / local categories", nil, []catalog.Category{}, nil, s.listCategories},
		{P, "/api/v1/categories", librarian, "新建分类 / create a category", catalog.Category{}, catalog.Category{}, nil, s.saveCategory},
		{U, "/api/v1/categories/{id}", librarian, "修改分类 / update a category", catalog.Category{}, catalog.Category{}, nil, s.saveCategory},
		{D, "/api/v1/categories/{id}", librarian, "删除分类 / delete a category", nil, nil, nil, s.deleteCategory},
		{G, "/api/v1/locations", public, "馆藏位置 / locations", nil, []catalog.Location{}, nil, s.listLocations},
		{P, "/api/v1/locations", librarian, "新建馆藏位置 / create a location", catalog.Location{}, catalog.Location{}, nil, s.saveLocation},
		{U, "/api/v1/locations/{id}", librarian, "修改馆藏位置 / update a location", catalog.Location{}, catalog.Location{}, nil, s.saveLocation},
		{D, "/api/v1/locations/{id}", librarian, "删除馆藏位置 / delete a location", nil, nil, nil, s.deleteLocation},
		{G, "/api/v1/reading-lists", public, "必读书目 / required-reading lists", nil, []catalog.ReadingList{}, nil, s.listReadingLists},
		{G, "/api/v1/reading-lists/{id}", public, "必读书目及其书目 / a list with its records", nil, readingListReply{}, nil, s.getReadingList},
		{P, "/api/v1/reading-lists", librarian, "新建必读书目 / create a list", catalog.ReadingList{}, catalog.ReadingList{}, nil, s.saveReadingList},
		{U, "/api/v1/reading-lists/{id}", librarian, "修改必读书目 / update a list", catalog.ReadingList{}, catalog.ReadingList{}, nil, s.saveReadingList},
		{D, "/api/v1/reading-lists/{id}", librarian, "删除必读书目 / delete a list", nil, nil, nil, s.deleteReadingList},
		{G, "/api/v1/sets", public, "多卷书与丛编 / multi-volume works and series", nil, []catalog.Set{}, []Param{{"q", "题名包含 / title contains", "string"}}, s.listSets},
		{G, "/api/v1/sets/{id}", public, "套书及各卷的复本情况 / a set with its volumes and their copies", nil, catalog.SetDetail{}, nil, s.getSet},
		{P, "/api/v1/sets", librarian, "新建套书 / create a set", catalog.Set{}, catalog.Set{}, nil, s.saveSet},
		{U, "/api/v1/sets/{id}", librarian, "修改套书（题名、类型、ISBN、附注、各卷及顺序）/ replace a set", catalog.Set{}, catalog.Set{}, nil, s.saveSet},
		{D, "/api/v1/sets/{id}", librarian, "删除套书（各卷书目保留）/ delete a set, keeping its records", nil, nil, nil, s.deleteSet},
		{P, "/api/v1/sets/{id}/members", librarian, "加入一卷（按卷次排入）/ add a volume", setMemberRequest{}, catalog.Set{}, nil, s.addSetMember},
		{D, "/api/v1/sets/{id}/members/{record}", librarian, "移出一卷 / remove a volume", nil, catalog.Set{}, nil, s.removeSetMember},
		{G, "/api/v1/records/{id}/set-proposal", librarian, "同题名不同卷次、尚未成套的书目 / namesakes with volumes to group into a set", nil, catalog.SetProposal{}, nil, s.proposeSet},

		{G, "/api/v1/readers", staff, "读者查询 / search readers", nil, Page[readers.Reader]{},
			append([]Param{{"q", "姓名、证号、手机或单位 / name, card, phone or unit", "string"}, {"type", "读者类型 id", "integer"}, {"class", "班次 id", "integer"}, {"status", "证状态 / card status", "string"}}, page...), s.listReaders},
		{P, "/api/v1/readers", staff, "新建读者 / register a reader", readers.Reader{}, readers.Reader{}, nil, s.createReader},
		{G, "/api/v1/readers/{card}", anyone, "读者及其借阅 / a reader with loans and holds", nil, circulation.Account{}, nil, s.getReader},
		{U, "/api/v1/readers/{card}", staff, "修改读者 / update a reader", readers.Reader{}, readers.Reader{}, nil, s.updateReader},
		{P, "/api/v1/readers/{card}/status", staff, "挂失、暂停、恢复或注销 / block or unblock a card", statusRequest{}, readers.Reader{}, nil, s.setReaderStatus},
		{P, "/api/v1/readers/{card}/password", staff, "重置读者密码 / reset a reader's password", passwordRequest{}, nil, nil, s.setReaderPassword},
		{G, "/api/v1/readers/{card}/history", anyone, "借阅历史 / loan history", nil, []circulation.HistoryLine{}, []Param{{"limit", "条数 / how many", "integer"}, {"before", "此 id 之前 / before this id", "integer"}}, s.readerHistory},
		{G, "/api/v1/reader-types", staff, "读者类型 / reader types", nil, []readers.Type{}, nil, s.listReaderTypes},
		{P, "/api/v1/reader-types", librarian, "新建读者类型 / create a reader type", readers.Type{}, readers.Type{}, nil, s.saveReaderType},
		{U, "/api/v1/reader-types/{id}", librarian, "修改读者类型 / update a reader type", readers.Type{}, readers.Type{}, nil, s.saveReaderType},
		{D, "/api/v1/reader-types/{id}", librarian, "删除读者类型 / delete a reader type", nil, nil, nil, s.deleteReaderType},

		{G, "/api/v1/classes", staff, "班次列表 / classes", nil, []readers.Class{}, nil, s.listClasses},
		{P, "/api/v1/classes", staff, "新建班次 / create a class", readers.Class{}, readers.Class{}, nil, s.createClass},
		{G, "/api/v1/classes/{id}", staff, "班次 / a class", nil, readers.Class{}, nil, s.getClass},
		{U, "/api/v1/classes/{id}", staff, "修改班次 / update a class", readers.Class{}, readers.Class{}, nil, s.updateClass},
		{D, "/api/v1/classes/{id}", librarian, "删除班次（须无学员）/ delete a class without members", nil, nil, nil, s.deleteClass},
		{G, "/api/v1/classes/{id}/members", staff, "班次学员 / members", nil, []readers.Member{}, nil, s.listMembers},
		{P, "/api/v1/classes/{id}/members", staff, "按证号加入学员 / add members by card", membersRequest{}, []readers.MemberResult{}, nil, s.addMembers},
		{P, "/api/v1/classes/{id}/enroll", staff, "登记新学员并入班 / register a trainee into the class", readers.Reader{}, readers.Reader{}, nil, s.enroll},
		{D, "/api/v1/classes/{id}/members/{card}", staff, "移出学员 / remove a member", nil, nil, nil, s.removeMember},
		{G, "/api/v1/classes/{id}/clearance", staff, "结业清还情况 / end-of-class clearance", nil, circulation.Clearance{}, nil, s.clearance},
		{P, "/api/v1/classes/{id}/clearance/{card}", staff, "办理清还 / clear a member", nil, circulation.Certificate{}, nil, s.markCleared},
		{G, "/api/v1/classes/{id}/clearance/{card}/certificate", staff, "清还证明 / clearance certificate", nil, circulation.Certificate{}, nil, s.certificate},

		{P, "/api/v1/checkout", staff, "借书 / check out", checkoutRequest{}, circulation.CheckoutResult{}, nil, s.checkout},
		{P, "/api/v1/checkin", staff, "还书（总是接受）/ return (always accepted)", checkinRequest{}, circulation.CheckinResult{}, nil, s.checkin},
		{P, "/api/v1/renew", anyone, "续借 / renew", renewRequest{}, circulation.LoanView{}, nil, s.renew},
		{P, "/api/v1/renew-all", anyone, "全部续借 / renew all of a reader's loans", renewAllRequest{}, []circulation.RenewResult{}, nil, s.renewAll},
		{P, "/api/v1/holds", anyone, "预约一种书（record）或套书的任一卷（set）/ place a hold on a record or on any volume of a set", holdRequest{}, circulation.HoldView{}, nil, s.placeHold},
		{D, "/api/v1/holds/{id}", anyone, "取消预约 / cancel a hold", nil, nil, nil, s.cancelHold},
		{P, "/api/v1/holds/expire", librarian, "处理过期预约 / expire uncollected holds", nil, map[string]int{}, nil, s.expireHolds},
		{P, "/api/v1/inroom", staff, "登记阅览 / record in-room use", inRoomRequest{}, nil, nil, s.inRoom},
		{G, "/api/v1/ledger", ledgerReaders, "服务流水（借阅、入馆、场地预约）/ the ledger: loans, visits, bookings", nil, []ledger.Entry{},
			[]Param{{"from", "起始日期 / from date (YYYY-MM-DD)", "string"}, {"to", "截止日期（含）/ to date, inclusive", "string"}, {"kind", "类型 / kind", "string"}, {"limit", "条数 / how many", "integer"}, {"before", "此 id 之前 / before this id", "integer"}}, s.ledger},

		{G, "/api/v1/spaces", public, "书屋场地：座位与开放时间 / the room's spaces: seats and hours", nil, []room.Space{}, nil, s.listSpaces},
		{G, "/api/v1/bookings", roomViewers, "场地预约（组织者只见本单位的）/ bookings (an organiser sees its own)", nil, []room.Booking{},
			[]Param{{"from", "起始日期（默认今天）/ from date, default today", "string"}, {"to", "截止日期（含）/ to date, inclusive", "string"}, {"status", "状态 pending/approved/refused/cancelled / status", "string"}}, s.listBookings},
		{P, "/api/v1/bookings", bookers, "预约场地（可每周重复）/ book a space, optionally weekly", room.Request{}, room.Booked{}, nil, s.createBooking},
		{P, "/api/v1/bookings/{id}/approve", librarian, "批准预约（连同同一系列待审批的）/ approve a booking and the rest of its series", decisionRequest{}, []room.Booking{}, nil, s.decideBooking(true)},
		{P, "/api/v1/bookings/{id}/refuse", librarian, "不批准预约 / refuse a booking", decisionRequest{}, []room.Booking{}, nil, s.decideBooking(false)},
		{P, "/api/v1/bookings/{id}/cancel", bookers, "取消预约（组织者只能取消本单位的）/ cancel a booking", cancelBookingRequest{}, []room.Booking{}, nil, s.cancelBooking},
		{G, "/api/v1/policies", staff, "借阅规则矩阵 / the policy matrix", nil, []circulation.Policy{}, nil, s.listPolicies},
		{P, "/api/v1/policies", librarian, "新增借阅规则 / add a policy", circulation.Policy{}, circulation.Policy{}, nil, s.savePolicy},
		{U, "/api/v1/policies/{id}", librarian, "修改借阅规则 / update a policy", circulation.Policy{}, circulation.Policy{}, nil, s.savePolicy},
		{D, "/api/v1/policies/{id}", librarian, "删除借阅规则 / delete a policy", nil, nil, nil, s.deletePolicy},
		{G, "/api/v1/closed-days", staff, "闭馆日 / closed days", nil, []circulation.ClosedDay{}, nil, s.listClosedDays},
		{P, "/api/v1/closed-days", librarian, "设置闭馆日 / add a closed day", circulation.ClosedDay{}, nil, nil, s.saveClosedDay},
		{D, "/api/v1/closed-days/{date}", librarian, "取消闭馆日 / remove a closed day", nil, nil, nil, s.deleteClosedDay},
		{G, "/api/v1/rules", staff, "借阅总则 / library-wide rules", nil, settings.Rules{}, nil, s.getRules},
		{U, "/api/v1/rules", librarian, "修改借阅总则 / change the rules", settings.Rules{}, settings.Rules{}, nil, s.saveRules},

		{G, "/api/v1/users", admin, "工作人员账号 / staff accounts", nil, []auth.User{}, nil, s.listUsers},
		{P, "/api/v1/users", admin, "新建账号 / create an account", userRequest{}, auth.User{}, nil, s.createUser},
		{U, "/api/v1/users/{username}", admin, "修改账号 / update an account", userRequest{}, auth.User{}, nil, s.updateUser},
		{P, "/api/v1/users/{username}/password", admin, "重置账号密码 / reset a password", passwordRequest{}, nil, nil, s.setUserPassword},
		{G, "/api/v1/audit", librarian, "操作日志 / audit log", nil, []any{}, []Param{{"entity", "对象类型 / entity", "string"}, {"limit", "条数", "integer"}, {"before", "此 id 之前", "integer"}}, s.auditLog},
		{G, "/api/v1/stats", reports, "馆藏与流通总数 / totals", nil, map[string]int{}, nil, s.stats},
	}
}
