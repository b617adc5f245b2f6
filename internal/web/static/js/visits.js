// Entry registration: after each scan the field is emptied and focused
// again, so a barcode scanner (which types the code and Enter) can scan
// the next card at once. On the door tablet the field keeps the focus and
// the answer goes back to the welcome after a few seconds.
(function () {
  "use strict";
  var code = document.getElementById("visit-code");
  if (!code) return;
  var kiosk = document.body.hasAttribute("data-kiosk");
  var idle = null;
  var idleHTML = null;
  function refocus() { code.value = ""; code.focus(); }
  document.addEventListener("htmx:afterRequest", function () {
    refocus();
    if (!kiosk) return;
    var res = document.getElementById("visit-result");
    if (idleHTML === null || !res) return;
    clearTimeout(idle);
    idle = setTimeout(function () {
      var now = document.getElementById("visit-result");
      if (now) { now.outerHTML = idleHTML; }
    }, parseInt(document.body.getAttribute("data-idle-after"), 10) || 8000);
  });
  if (kiosk) {
    var first = document.getElementById("visit-result");
    if (first && first.classList.contains("idle")) idleHTML = first.outerHTML;
    // The tablet has no keyboard to come back to the field with: keep it.
    code.addEventListener("blur", function () {
      setTimeout(function () {
        var a = document.activeElement;
        if (!a || a === document.body || a.tagName !== "BUTTON" && a.tagName !== "A") code.focus();
      }, 150);
    });
  }
  refocus();
})();
