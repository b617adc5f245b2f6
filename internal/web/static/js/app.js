// Small enhancements for every page; each page also works without them.
(function () {
  "use strict";
  document.addEventListener("submit", function (ev) {
    var msg = ev.target.getAttribute && ev.target.getAttribute("data-confirm");
    if (msg && !window.confirm(msg)) ev.preventDefault();
  });
  document.addEventListener("click", function (ev) {
    var b = ev.target.closest && ev.target.closest("[data-print]");
    if (b) { ev.preventDefault(); window.print(); }
    var pick = ev.target.closest && ev.target.closest("[data-pick]");
    if (pick) {
      var input = document.getElementById(pick.getAttribute("data-target"));
      if (input) { input.value = pick.getAttribute("data-pick"); input.dispatchEvent(new Event("input", { bubbles: true })); input.focus(); }
    }
  });
})();
