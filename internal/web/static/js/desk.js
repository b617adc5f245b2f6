// The circulation desk, built for keyboard-wedge scanners: a scanner types
// fast and ends with Enter. Every scan is queued and posted in order, the
// field is cleared at once so the next scan can start, and focus always
// comes back to the field. Errors are shown large and sound a buzz made
// with the Web Audio API.
(function () {
  "use strict";
  var form = document.getElementById("scan-form");
  if (!form) return;
  var input = document.getElementById("scan");
  var cardField = document.getElementById("desk-card");
  var lines = document.getElementById("lines");
  var panel = document.getElementById("panel");
  var desk = document.getElementById("desk");
  var queue = [];
  var busy = false;
  var audio = null;

  function tone(freq, start, dur, type) {
    var osc = audio.createOscillator();
    var gain = audio.createGain();
    osc.type = type;
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, audio.currentTime + start);
    gain.gain.exponentialRampToValueAtTime(0.3, audio.currentTime + start + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + start + dur);
    osc.connect(gain).connect(audio.destination);
    osc.start(audio.currentTime + start);
    osc.stop(audio.currentTime + start + dur + 0.02);
  }

  function beep(ok) {
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      if (ok) {
        tone(1320, 0, 0.08, "sine");
      } else {
        tone(220, 0, 0.18, "square");
        tone(180, 0.24, 0.3, "square");
      }
    } catch (e) { /* no sound is better than a broken desk */ }
  }

  function focusScan() {
    input.focus();
  }

  function apply(reply) {
    lines.insertAdjacentHTML("afterbegin", reply.lines);
    panel.innerHTML = reply.panel;
    cardField.value = reply.card;
    var label = form.querySelector("label[for=scan]");
    if (label && desk.dataset.mode === "lend") {
      label.textContent = reply.card ? desk.dataset.labelItem : desk.dataset.labelCard;
    }
    var lend = document.getElementById("mode-lend");
    if (lend) lend.href = "/desk?mode=lend" + (reply.card ? "&card=" + encodeURIComponent(reply.card) : "");
    var url = "/desk?mode=" + reply.mode + (reply.card ? "&card=" + encodeURIComponent(reply.card) : "");
    history.replaceState(null, "", url);
    beep(reply.ok);
  }

  function post(action, body) {
    return fetch(action, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Requested-With": "fetch" },
      body: body,
      credentials: "same-origin"
    }).then(function (res) {
      if (res.redirected || res.status === 401) { window.location = "/login?next=/desk"; return; }
      var type = res.headers.get("Content-Type") || "";
      if (type.indexOf("application/json") !== 0) {
        return res.text().then(function () {
          apply({ ok: false, card: cardField.value, mode: desk.dataset.mode, panel: panel.innerHTML,
            lines: '<li class="line error" role="alert"><span class="what">' + desk.dataset.failed + "</span></li>" });
        });
      }
      return res.json().then(apply);
    }).catch(function () {
      apply({ ok: false, card: cardField.value, mode: desk.dataset.mode, panel: panel.innerHTML,
        lines: '<li class="line error" role="alert"><span class="what">' + desk.dataset.offline + "</span></li>" });
    });
  }

  function pump() {
    if (busy) return;
    var job = queue.shift();
    if (!job) { focusScan(); return; }
    busy = true;
    var body = job.body;
    if (job.useCard) body.set("card", cardField.value);
    post(job.action, body).then(function () {
      busy = false;
      pump();
    });
  }

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var code = input.value.trim();
    input.value = "";
    if (!code) { focusScan(); return; }
    var body = new URLSearchParams();
    body.set("mode", desk.dataset.mode);
    body.set("code", code);
    queue.push({ action: form.action, body: body, useCard: true });
    pump();
  });

  // Renew buttons in the reader panel post the same way.
  document.addEventListener("submit", function (ev) {
    var f = ev.target;
    if (!f.classList || !f.classList.contains("desk-post")) return;
    ev.preventDefault();
    queue.push({ action: f.action, body: new URLSearchParams(new FormData(f)), useCard: false });
    pump();
  });

  document.addEventListener("click", function (ev) {
    var b = ev.target.closest && ev.target.closest("[data-print-slip]");
    if (!b) return;
    var slip = b.closest("[data-slip]");
    document.body.classList.add("printing-slip");
    slip.classList.add("print-this");
    window.print();
    slip.classList.remove("print-this");
    document.body.classList.remove("printing-slip");
    focusScan();
  });

  document.addEventListener("keydown", function (ev) {
    var card = cardField.value;
    if (ev.key === "F2") { ev.preventDefault(); window.location = "/desk?mode=lend" + (card ? "&card=" + encodeURIComponent(card) : ""); }
    else if (ev.key === "F4") { ev.preventDefault(); window.location = "/desk?mode=return"; }
    else if (ev.key === "F6") { ev.preventDefault(); window.location = "/desk?mode=inroom"; }
    else if (ev.key === "F8") { ev.preventDefault(); var b = document.getElementById("renew-all"); if (b) b.click(); }
    else if (ev.key === "Escape") { ev.preventDefault(); window.location = "/desk?mode=" + desk.dataset.mode; }
  });

  // Clicking elsewhere must not strand the scanner's keystrokes.
  document.addEventListener("focusin", function (ev) {
    if (ev.target === document.body) focusScan();
  });
  focusScan();
})();
