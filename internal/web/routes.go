package web

import (
	"net/http"

	"shuwu/internal/errs"
	"shuwu/internal/httpx"
)

// Register adds every page and the static files to mux. It leaves /api/
// and /healthz to their owners.
func (s *Server) Register(mux Mux) {
	mux.Handle("GET /static/", s.static)

	mux.Handle("GET /{$}", s.route(public, s.home))
	mux.Handle("GET /login", s.route(public, s.showLogin))
	mux.Handle("POST /login", s.route(public, s.submitLogin))
	mux.Handle("POST /logout", s.route(public, s.logout))

	mux.Handle("GET /desk", s.route(staff, s.showDesk))
	mux.Handle("POST /desk/scan", s.route(staff, s.deskScan))
	mux.Handle("POST /desk/renew", s.route(staff, s.deskRenew))
	mux.Handle("POST /desk/renew-all", s.route(staff, s.deskRenewAll))

	mux.Handle("GET /holds", s.route(staff, s.listHolds))
	mux.Handle("POST /holds/{id}/cancel", s.route(staff, s.cancelHoldByStaff))
	mux.Handle("POST /holds/expire", s.route(librarian, s.expireHolds))
	mux.Handle("GET /overdue", s.route(reports, s.listOverdue))
	mux.Handle("GET /overdue/slips", s.route(staff, s.overdueSlips))

	mux.Handle("GET /catalog", s.route(staff, s.listRecords))
	mux.Handle("GET /catalog/new", s.route(librarian, s.newRecord))
	mux.Handle("POST /catalog/new", s.route(librarian, s.createRecord))
	mux.Handle("GET /catalog/clc", s.route(staff, s.lookupCLC))
	mux.Handle("GET /catalog/records/{id}", s.route(staff, s.showRecord))
	mux.Handle("GET /catalog/records/{id}/edit", s.route(librarian, s.editRecord))
	mux.Handle("POST /catalog/records/{id}/edit", s.route(librarian, s.updateRecord))
	mux.Handle("POST /catalog/records/{id}/items", s.route(librarian, s.addItems))
	mux.Handle("POST /catalog/records/{id}/lists", s.route(librarian, s.addToReadingList))
	mux.Handle("GET /catalog/lists", s.route(librarian, s.listStaffReadingLists))
	mux.Handle("POST /catalog/lists", s.route(librarian, s.createReadingList))
	mux.Handle("GET /catalog/lists/{id}", s.route(librarian, s.editReadingList))
	mux.Handle("POST /catalog/lists/{id}", s.route(librarian, s.saveReadingList))
	mux.Handle("POST /catalog/lists/{id}/delete", s.route(librarian, s.deleteReadingList))
	mux.Handle("GET /catalog/records/{id}/group", s.route(librarian, s.groupRecords))
	mux.Handle("GET /catalog/sets", s.route(staff, s.listSets))
	mux.Handle("POST /catalog/sets", s.route(librarian, s.createSet))
	mux.Handle("GET /catalog/sets/{id}", s.route(staff, s.showSet))
	mux.Handle("POST /catalog/sets/{id}", s.route(librarian, s.saveSet))
	mux.Handle("POST /catalog/sets/{id}/members", s.route(librarian, s.addSetMembers))
	mux.Handle("POST /catalog/sets/{id}/members/{rid}", s.route(librarian, s.changeSetMember))
	mux.Handle("POST /catalog/sets/{id}/sort", s.route(librarian, s.sortSet))
	mux.Handle("POST /catalog/sets/{id}/delete", s.route(librarian, s.deleteSet))
	mux.Handle("GET /catalog/items/{barcode}", s.route(staff, s.showItem))
	mux.Handle("POST /catalog/items/{barcode}/edit", s.route(librarian, s.updateItem))
	mux.Handle("POST /catalog/items/{barcode}/status", s.route(staff, s.setItemStatus))
	mux.Handle("POST /catalog/items/{barcode}/inroom", s.route(staff, s.recordInRoomUse))

	mux.Handle("GET /readers", s.route(staff, s.listReaders))
	mux.Handle("GET /readers/new", s.route(staff, s.newReader))
	mux.Handle("POST /readers/new", s.route(staff, s.createReader))
	mux.Handle("GET /readers/{card}", s.route(staff, s.showReader))
	mux.Handle("GET /readers/{card}/edit", s.route(staff, s.editReader))
	mux.Handle("POST /readers/{card}/edit", s.route(staff, s.updateReader))
	mux.Handle("POST /readers/{card}/status", s.route(staff, s.setReaderStatus))
	mux.Handle("GET /readers/{card}/personal-data", s.route(librarian, s.exportPersonalData))
	mux.Handle("POST /readers/{card}/anonymise", s.route(librarian, s.anonymiseReader))
	mux.Handle("POST /readers/{card}/password", s.route(staff, s.resetReaderPassword))
	mux.Handle("POST /readers/{card}/password/initial", s.route(staff, s.resetReaderToInitial))
	mux.Handle("GET /readers/{card}/login-slip", s.route(staff, s.readerLoginSlip))

	mux.Handle("GET /classes", s.route(staff, s.listClasses))
	mux.Handle("POST /classes", s.route(staff, s.createClass))
	mux.Handle("GET /classes/{id}", s.route(staff, s.showClass))
	mux.Handle("POST /classes/{id}/edit", s.route(staff, s.updateClass))
	mux.Handle("POST /classes/{id}/members", s.route(staff, s.addMembers))
	mux.Handle("POST /classes/{id}/members/{card}/remove", s.route(staff, s.removeMember))
	mux.Handle("POST /classes/{id}/clear/{card}", s.route(staff, s.markCleared))
	mux.Handle("GET /classes/{id}/certificates", s.route(staff, s.certificates))
	mux.Handle("GET /classes/{id}/login-slips", s.route(staff, s.classLoginSlips))
	mux.Handle("POST /classes/{id}/reset-passwords", s.route(staff, s.resetClassPasswords))

	mux.Handle("GET /settings", s.route(librarian, s.showSettings))
	mux.Handle("POST /settings/library", s.route(librarian, s.saveLibrary))
	mux.Handle("POST /settings/retention", s.route(librarian, s.saveRetention))
	mux.Handle("POST /settings/rules", s.route(librarian, s.saveRules))
	mux.Handle("POST /settings/policies", s.route(librarian, s.savePolicy))
	mux.Handle("POST /settings/policies/{id}/delete", s.route(librarian, s.deletePolicy))
	mux.Handle("POST /settings/closed-days", s.route(librarian, s.addClosedDay))
	mux.Handle("POST /settings/closed-days/{date}/delete", s.route(librarian, s.deleteClosedDay))
	mux.Handle("GET /settings/users", s.route(adminOnly, s.showUsers))
	mux.Handle("POST /settings/users", s.route(adminOnly, s.createUser))
	mux.Handle("POST /settings/users/{name}", s.route(adminOnly, s.updateUser))
	mux.Handle("POST /settings/users/{name}/two-step-reset", s.route(adminOnly, s.resetTwoStep))
	if s.d.SelfCheck != nil {
		mux.Handle("GET /settings/terminals", s.route(librarian, s.showTerminals))
		mux.Handle("POST /settings/terminals", s.route(librarian, s.createTerminal))
		mux.Handle("POST /settings/terminals/{name}", s.route(librarian, s.updateTerminal))
		mux.Handle("POST /settings/terminals/{name}/delete", s.route(librarian, s.deleteTerminal))
	}
	if s.d.CopyTargets != nil && s.d.CopyCat != nil {
		mux.Handle("GET /settings/copy-targets", s.route(librarian, s.showCopyTargets))
		mux.Handle("POST /settings/copy-targets", s.route(librarian, s.createCopyTarget))
		mux.Handle("POST /settings/copy-targets/{id}", s.route(librarian, s.updateCopyTarget))
		mux.Handle("POST /settings/copy-targets/{id}/delete", s.route(librarian, s.deleteCopyTarget))
		mux.Handle("GET /catalog/copy", s.route(librarian, s.showCopyCatalog))
		mux.Handle("POST /catalog/copy/use", s.route(librarian, s.useCopyCandidate))
	}
	mux.Handle("GET /settings/{kind}", s.route(librarian, s.showTaxonomy))
	mux.Handle("POST /settings/{kind}", s.route(librarian, s.saveTaxonomy))
	mux.Handle("POST /settings/{kind}/{id}/delete", s.route(librarian, s.deleteTaxonomy))
	if s.d.Transfer != nil && s.d.Jobs != nil {
		mux.Handle("GET /import", s.route(librarian, s.showImport))
		mux.Handle("POST /import/marc/preview", s.route(librarian, s.previewMARC))
		mux.Handle("POST /import/books/preview", s.route(librarian, s.previewSheet("books")))
		mux.Handle("POST /import/roster/preview", s.route(librarian, s.previewSheet("roster")))
		mux.Handle("POST /import/{kind}", s.route(librarian, s.startImport))
		mux.Handle("GET /import/templates/{kind}", s.route(librarian, s.importTemplate))
		mux.Handle("GET /import/jobs/{id}", s.route(librarian, s.showImportJob))
		mux.Handle("GET /import/jobs/{id}/rejects", s.route(librarian, s.importRejects))
		mux.Handle("GET /export", s.route(librarian, s.showExport))
		mux.Handle("GET /overdue/export", s.route(reports, s.exportOverdue))
		mux.Handle("GET /export/marc", s.route(librarian, s.exportMARC))
		mux.Handle("GET /export/marc/file", s.route(librarian, s.exportMARCFile))
		mux.Handle("GET /export/xlsx/{what}", s.route(librarian, s.exportXLSX))
	}
	if s.d.Donations != nil {
		mux.Handle("GET /acquisitions", s.route(librarian, s.showAcquisitions))
		mux.Handle("POST /acquisitions/batches", s.route(librarian, s.createBatch))
		mux.Handle("GET /acquisitions/batches/{id}", s.route(librarian, s.showBatch))
		mux.Handle("POST /acquisitions/batches/{id}/items", s.route(librarian, s.addBatchItems))
		mux.Handle("GET /acquisitions/batches/{id}/certificate", s.route(librarian, s.batchCertificate))
		mux.Handle("GET /acquisitions/donors", s.route(librarian, s.listDonors))
		mux.Handle("POST /acquisitions/donors", s.route(librarian, s.createDonor))
		mux.Handle("GET /acquisitions/donors/{id}", s.route(librarian, s.showDonor))
		mux.Handle("POST /acquisitions/donors/{id}", s.route(librarian, s.updateDonor))
		mux.Handle("GET /opac/donors", s.route(public, s.honourList))
	}
	if s.d.Periodicals != nil {
		mux.Handle("GET /periodicals", s.route(staff, s.showPeriodicals))
		mux.Handle("POST /periodicals", s.route(librarian, s.subscribe))
		mux.Handle("POST /periodicals/scan", s.route(staff, s.scanPeriodical))
		mux.Handle("GET /periodicals/late", s.route(staff, s.lateIssues))
		mux.Handle("GET /periodicals/{id}", s.route(staff, s.showSubscription))
		mux.Handle("POST /periodicals/{id}/bind", s.route(librarian, s.bindIssues))
		mux.Handle("POST /periodicals/issues/{id}/checkin", s.route(staff, s.checkInIssue))
		mux.Handle("POST /periodicals/issues/{id}/claim", s.route(staff, s.claimIssue))
		mux.Handle("GET /opac/periodicals", s.route(public, s.readingRack))
	}
	if s.d.Acquisitions != nil {
		mux.Handle("GET /acquisitions/targets", s.route(librarian, s.showTargets))
		mux.Handle("POST /acquisitions/targets", s.route(librarian, s.saveTargets))
	}
	// Acquisitions (采访): suppliers, funds, orders, receiving, claims.
	if s.d.Acquisitions != nil && s.d.Donations != nil {
		mux.Handle("GET /acquisitions/suppliers", s.route(librarian, s.showSuppliers))
		mux.Handle("POST /acquisitions/suppliers", s.route(librarian, s.saveSupplier))
		mux.Handle("GET /acquisitions/suppliers/{id}", s.route(librarian, s.showSupplier))
		mux.Handle("POST /acquisitions/suppliers/{id}", s.route(librarian, s.saveSupplier))
		mux.Handle("GET /acquisitions/funds", s.route(librarian, s.showFunds))
		mux.Handle("POST /acquisitions/funds", s.route(librarian, s.saveFund))
		mux.Handle("GET /acquisitions/funds/{id}", s.route(librarian, s.showFund))
		mux.Handle("POST /acquisitions/funds/{id}", s.route(librarian, s.saveFund))
		mux.Handle("GET /acquisitions/orders", s.route(librarian, s.showOrders))
		mux.Handle("POST /acquisitions/orders", s.route(librarian, s.createOrder))
		mux.Handle("GET /acquisitions/orders/{id}", s.route(librarian, s.showOrder))
		mux.Handle("POST /acquisitions/orders/{id}/lines", s.route(librarian, s.addOrderLine))
		mux.Handle("POST /acquisitions/orders/{id}/lines/{line}", s.route(librarian, s.updateOrderLine))
		mux.Handle("POST /acquisitions/orders/{id}/from-list", s.route(librarian, s.addFromList))
		mux.Handle("POST /acquisitions/orders/{id}/status", s.route(librarian, s.orderStatus))
		mux.Handle("GET /acquisitions/orders/{id}/sheet.xlsx", s.route(librarian, s.orderSheet))
		mux.Handle("POST /acquisitions/orders/{id}/sheet", s.route(librarian, s.importOrderSheet))
		mux.Handle("GET /acquisitions/orders/{id}/receive", s.route(librarian, s.showReceive))
		mux.Handle("POST /acquisitions/orders/{id}/receive", s.route(librarian, s.receiveCopy))
		mux.Handle("GET /acquisitions/claims", s.route(librarian, s.showClaims))
		mux.Handle("POST /acquisitions/claims", s.route(librarian, s.recordClaim))
		mux.Handle("GET /acquisitions/suggestions", s.route(librarian, s.showSuggestions))
		mux.Handle("POST /acquisitions/suggestions/{id}", s.route(librarian, s.decideSuggestion))
		mux.Handle("GET /my/suggestions", s.route(readerOnly, s.showMySuggestions))
		mux.Handle("POST /my/suggestions", s.route(readerOnly, s.suggest))
	}
	if s.d.Assets != nil && s.d.Donations != nil {
		mux.Handle("GET /acquisitions/assets", s.route(librarian, s.showAssets))
		mux.Handle("POST /acquisitions/assets", s.route(librarian, s.createAsset))
		mux.Handle("GET /acquisitions/assets/ledger.xlsx", s.route(librarian, s.exportAssets))
		mux.Handle("GET /acquisitions/assets/{id}", s.route(librarian, s.showAsset))
		mux.Handle("POST /acquisitions/assets/{id}", s.route(librarian, s.updateAsset))
		mux.Handle("POST /acquisitions/assets/{id}/retire", s.route(librarian, s.retireAsset))
	}
	if s.d.AuditPage != nil {
		mux.Handle("GET /audit", s.route(librarian, s.showAudit))
		mux.Handle("GET /audit/export.xlsx", s.route(librarian, s.exportAudit))
	}
	if s.d.AuditVerify != nil {
		mux.Handle("GET /audit/verify", s.route(librarian, s.verifyAudit))
	}

	if s.d.Room != nil {
		mux.Handle("GET /room", s.route(reports, s.showRoom))
		mux.Handle("GET /room/open", s.route(public, s.showRoomOpen))
		mux.Handle("GET /room/book", s.route(bookers, s.showBookForm))
		mux.Handle("POST /room/book", s.route(bookers, s.book))
		mux.Handle("GET /room/mine", s.route(organisers, s.showMyBookings))
		mux.Handle("POST /room/bookings/{id}/approve", s.route(librarian, s.decideBooking(true)))
		mux.Handle("POST /room/bookings/{id}/refuse", s.route(librarian, s.decideBooking(false)))
		mux.Handle("POST /room/bookings/{id}/cancel", s.route(bookers, s.cancelBooking))
		mux.Handle("GET /settings/spaces", s.route(librarian, s.showSpaces))
		mux.Handle("POST /settings/spaces/{id}", s.route(librarian, s.saveSpace))
		mux.Handle("POST /settings/room", s.route(librarian, s.saveRoomRules))
	}

	if s.d.Duty != nil {
		mux.Handle("GET /duty", s.route(staff, s.showRoster))
		mux.Handle("GET /duty/print", s.route(staff, s.printRoster))
		mux.Handle("POST /duty/generate", s.route(librarian, s.generateRoster))
		mux.Handle("POST /duty/swaps", s.route(staff, s.requestSwap))
		mux.Handle("POST /duty/swaps/{id}/approve", s.route(librarian, s.decideSwap(true)))
		mux.Handle("POST /duty/swaps/{id}/refuse", s.route(librarian, s.decideSwap(false)))
		mux.Handle("GET /duty/today", s.route(staff, s.showDutyDay))
		mux.Handle("POST /duty/checklist", s.route(staff, s.tickTask))
		mux.Handle("POST /duty/handovers", s.route(staff, s.writeHandover))
		mux.Handle("GET /duty/handovers", s.route(staff, s.showHandovers))
		mux.Handle("POST /duty/handovers/{id}/ack", s.route(staff, s.ackHandover))
		mux.Handle("GET /settings/duty", s.route(librarian, s.showDutyShifts))
		mux.Handle("POST /settings/duty/{id}", s.route(librarian, s.saveDutyShift))
		mux.Handle("GET /regulations", s.route(public, s.showRegulations))
		mux.Handle("GET /regulations/{id}/print", s.route(public, s.printRegulation))
		mux.Handle("GET /regulations/{id}/edit", s.route(librarian, s.editRegulation))
		mux.Handle("POST /regulations/{id}/edit", s.route(librarian, s.saveRegulation))
	}
	if s.d.Activities != nil && s.d.Room != nil {
		mux.Handle("GET /activities", s.route(activityViewers, s.listActivities))
		mux.Handle("GET /activities/new", s.route(bookers, s.newActivity))
		mux.Handle("POST /activities/new", s.route(bookers, s.createActivity))
		mux.Handle("GET /activities/{id}", s.route(activityViewers, s.showActivity))
		mux.Handle("GET /activities/{id}/edit", s.route(bookers, s.editActivity))
		mux.Handle("POST /activities/{id}/edit", s.route(bookers, s.updateActivity))
		mux.Handle("GET /opac/activities", s.route(public, s.listPortalActivities))
		mux.Handle("GET /opac/activities/{id}", s.route(public, s.showPortalActivity))
		mux.Handle("POST /activities/{id}/signin", s.route(activityRunners, s.deskSignIn))
		mux.Handle("GET /activities/{id}/screen", s.route(activityRunners, s.showScreen))
		mux.Handle("GET /activities/{id}/screen/qr", s.route(activityRunners, s.screenQR))
		mux.Handle("POST /opac/activities/{id}/register", s.route(readerOnly, s.registerForActivity))
		mux.Handle("POST /opac/activities/{id}/unregister", s.route(readerOnly, s.unregisterFromActivity))
		mux.Handle("GET /opac/activities/{id}/signin", s.route(readerOnly, s.showReaderSignIn))
		mux.Handle("POST /opac/activities/{id}/signin", s.route(readerOnly, s.readerSignsIn))
		mux.Handle("GET /my/activities", s.route(readerOnly, s.showMyActivities))
		mux.Handle("POST /activities/{id}/summary", s.route(bookers, s.saveSummary))
		mux.Handle("POST /activities/{id}/photos", s.route(bookers, s.uploadPhoto))
		mux.Handle("POST /activity-photos/{pid}/delete", s.route(bookers, s.deletePhoto))
		mux.Handle("GET /activity-photos/{pid}", s.route(public, s.servePhoto(false)))
		mux.Handle("GET /activity-photos/{pid}/thumb", s.route(public, s.servePhoto(true)))
		mux.Handle("GET /activities/calendar", s.route(activityViewers, s.showCalendar(true)))
		mux.Handle("GET /opac/activities/calendar", s.route(public, s.showCalendar(false)))
		mux.Handle("GET /activities.ics", s.route(public, s.activitiesFeed))
		mux.Handle("POST /activities/{id}/register", s.route(activityRunners, s.deskRegister))
		mux.Handle("POST /activities/{id}/cancel", s.route(bookers, s.cancelActivity))
	}
	if s.d.Visits != nil {
		mux.Handle("GET /visits", s.route(staff, s.showVisits))
		mux.Handle("GET /visits/kiosk", s.route(staff, s.showKiosk))
		mux.Handle("GET /visits/occupancy", s.route(staff, s.visitOccupancy))
		mux.Handle("POST /visits/scan", s.route(staff, s.scanVisit))
		mux.Handle("POST /visits/guests", s.route(staff, s.countGuests))
		mux.Handle("POST /visits/guests/leave", s.route(staff, s.guestLeft))
		mux.Handle("GET /display", s.route(public, s.showDisplay))
		mux.Handle("GET /display/panel", s.route(public, s.displayPanel))
	}

	if s.d.Stocktake != nil {
		mux.Handle("GET /stocktake", s.route(staff, s.showStocktakes))
		mux.Handle("POST /stocktake", s.route(librarian, s.startStocktake))
		mux.Handle("GET /stocktake/{id}", s.route(staff, s.showStocktake))
		mux.Handle("POST /stocktake/{id}/scan", s.route(staff, s.scanStocktake))
		mux.Handle("POST /stocktake/{id}/import", s.route(staff, s.importStocktake))
		mux.Handle("GET /stocktake/{id}/result", s.route(reports, s.showStocktakeResult))
		mux.Handle("POST /stocktake/{id}/close", s.route(librarian, s.closeStocktake))
		mux.Handle("POST /stocktake/{id}/mark-lost", s.route(librarian, s.markStocktakeLost))
	}
	if s.d.Labels != nil {
		mux.Handle("GET /print", s.route(staff, s.showPrint))
		mux.Handle("GET /print/sheet", s.route(staff, s.printSheet))
		mux.Handle("POST /print/offset", s.route(librarian, s.savePrintOffset))
	}
	if s.d.Receptions != nil {
		mux.Handle("GET /receptions", s.route(receptionReaders, s.listReceptions))
		mux.Handle("GET /receptions/new", s.route(librarian, s.newReception))
		mux.Handle("POST /receptions/new", s.route(librarian, s.createReception))
		mux.Handle("GET /receptions/{id}", s.route(receptionReaders, s.showReception))
		mux.Handle("GET /receptions/{id}/edit", s.route(librarian, s.editReception))
		mux.Handle("POST /receptions/{id}/edit", s.route(librarian, s.updateReception))
		mux.Handle("POST /receptions/{id}/photos", s.route(librarian, s.uploadReceptionPhoto))
		mux.Handle("POST /reception-photos/{pid}/delete", s.route(librarian, s.deleteReceptionPhoto))
		mux.Handle("GET /reception-photos/{pid}", s.route(receptionReaders, s.serveReceptionPhoto(false)))
		mux.Handle("GET /reception-photos/{pid}/thumb", s.route(receptionReaders, s.serveReceptionPhoto(true)))
	}

	if s.d.Displays != nil {
		mux.Handle("GET /displays", s.route(staff, s.listDisplays))
		mux.Handle("POST /displays", s.route(librarian, s.createDisplay))
		mux.Handle("GET /displays/{id}", s.route(staff, s.showDisplayPage))
		mux.Handle("POST /displays/{id}/edit", s.route(librarian, s.updateDisplay))
		mux.Handle("POST /displays/{id}/scan", s.route(staff, s.scanDisplay))
		mux.Handle("POST /displays/{id}/clear", s.route(staff, s.clearDisplay))
		mux.Handle("GET /opac/displays", s.route(public, s.opacDisplays))
	}

	if s.d.Notices != nil {
		mux.Handle("GET /settings/notices", s.route(librarian, s.showNoticeSettings))
		mux.Handle("POST /settings/notices", s.route(librarian, s.saveNoticeSettings))
		mux.Handle("POST /settings/notices/test", s.route(librarian, s.sendTestNotice))
		mux.Handle("GET /notices", s.route(staff, s.showNoticeLog))
		mux.Handle("POST /notices/{id}/resend", s.route(staff, s.resendNotice))
		mux.Handle("GET /my/notices", s.route(readerOnly, s.showMyNotices))
		mux.Handle("POST /my/notices", s.route(readerOnly, s.saveMyNotices))
	}
	if s.d.Seats != nil && s.d.Room != nil {
		mux.Handle("GET /opac/seats", s.route(public, s.showSeatMap))
		mux.Handle("POST /opac/seats/reserve", s.route(readerOnly, s.reserveSeat))
		mux.Handle("POST /opac/seats/reservations/{id}/cancel", s.route(readerOnly, s.cancelMySeat))
		mux.Handle("GET /opac/seats/{id}/checkin", s.route(readerOnly, s.showSeatCheckIn))
		mux.Handle("POST /opac/seats/{id}/checkin", s.route(readerOnly, s.seatCheckIn))
		mux.Handle("GET /seats", s.route(staff, s.showSeatBoard))
		mux.Handle("POST /seats/reservations/{id}/checkin", s.route(staff, s.deskSeatStep(false)))
		mux.Handle("POST /seats/reservations/{id}/release", s.route(staff, s.deskSeatStep(true)))
		mux.Handle("GET /settings/seats", s.route(librarian, s.showSeatSettings))
		mux.Handle("POST /settings/seats", s.route(librarian, s.saveSeatSettings))
		mux.Handle("POST /settings/seats/tables", s.route(librarian, s.saveSeatTable))
		mux.Handle("POST /settings/seats/tables/{id}/edit", s.route(librarian, s.saveSeatTable))
		mux.Handle("POST /settings/seats/tables/{id}/remove", s.route(librarian, s.removeSeatTable))
		mux.Handle("GET /settings/seats/codes", s.route(librarian, s.printSeatCodes))
	}

	if s.d.Stats != nil {
		mux.Handle("GET /stats", s.route(reports, s.showStats))
		mux.Handle("GET /stats/{tab}", s.route(reports, s.showStats))
		mux.Handle("GET /stats/{tab}/export", s.route(reports, s.exportStats))
	}
	if s.d.AnnualReports != nil && s.d.Stats != nil {
		mux.Handle("GET /reports/annual", s.route(reports, s.showAnnualReport))
		mux.Handle("POST /reports/annual", s.route(librarian, s.saveAnnualText))
		mux.Handle("GET /reports/annual.docx", s.route(reports, s.exportAnnualReport))
		mux.Handle("POST /stats/privacy", s.route(librarian, s.saveStatsPrivacy))
		mux.Handle("GET /reports", s.route(reports, s.showReports))
		mux.Handle("GET /reports/{name}", s.route(reports, s.showReport))
		mux.Handle("GET /reports/{name}/export", s.route(reports, s.exportReport))
	}

	mux.Handle("GET /opac", s.route(public, s.searchOPAC))
	mux.Handle("GET /opac/records/{id}", s.route(public, s.showOPACRecord))
	mux.Handle("GET /opac/sets/{id}", s.route(public, s.showOPACSet))
	mux.Handle("GET /opac/lists", s.route(public, s.listReadingLists))
	mux.Handle("GET /opac/lists/{id}", s.route(public, s.showReadingList))

	mux.Handle("GET /my", s.route(readerOnly, s.showMy))
	mux.Handle("POST /my/renew", s.route(readerOnly, s.myRenew))
	mux.Handle("POST /my/renew-all", s.route(readerOnly, s.myRenewAll))
	mux.Handle("POST /my/holds", s.route(readerOnly, s.myPlaceHold))
	mux.Handle("POST /my/holds/{id}/cancel", s.route(readerOnly, s.myCancelHold))
	mux.Handle("GET /my/history", s.route(readerOnly, s.showMyHistory))
	mux.Handle("GET /my/personal-data", s.route(readerOnly, s.exportMyPersonalData))
	mux.Handle("GET /my/password", s.route(anyone, s.showMyPassword))
	mux.Handle("POST /my/password", s.route(anyone, s.changeMyPassword))
	mux.Handle("GET /my/two-step", s.route(accounts, s.showTwoStep))
	mux.Handle("POST /my/two-step/start", s.route(accounts, s.startTwoStep))
	mux.Handle("POST /my/two-step/confirm", s.route(accounts, s.confirmTwoStep))
	mux.Handle("POST /my/two-step/off", s.route(accounts, s.stopTwoStep))
	mux.Handle("POST /login/code", s.route(public, s.submitLoginCode))

	// Anything else is a page that does not exist, or one that does but
	// not for this method (405 with Allow).
	mux.Handle("/", s.route(public, func(w http.ResponseWriter, r *http.Request, v *view) error {
		if err := httpx.MethodNotAllowed(mux, w, r, "/"); err != nil {
			return err
		}
		return errs.NotFound(CodePageNotFound, "页面不存在", "page not found")
	}))
}
