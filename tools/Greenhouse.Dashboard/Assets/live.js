// Live updates from the dashboard server (server-sent events). The browser never talks MQTT: the server sends the
// re-rendered card of each house that changed and this script swaps it in. Without scripts the pages still work.
(function () {
  "use strict";
  var lost = document.getElementById("live-lost");
  var cards = document.querySelectorAll("section.house[data-house]");
  if (cards.length === 0) { return; }
  var commands = document.getElementById("commands");
  var url = commands ? "/events?house=" + encodeURIComponent(commands.dataset.house) : "/events";
  var source = new EventSource(url);
  source.addEventListener("open", function () { if (lost) { lost.hidden = true; } });
  source.addEventListener("error", function () { if (lost) { lost.hidden = false; } });
  source.addEventListener("house", function (e) {
    var update = JSON.parse(e.data);
    var old = document.getElementById("house-" + update.id);
    if (!old) { return; }
    var holder = document.createElement("div");
    holder.innerHTML = update.html;
    if (holder.firstElementChild) { old.replaceWith(holder.firstElementChild); }
    if (commands && commands.dataset.house === update.id) {
      var online = update.status === "online";
      commands.disabled = !online;
      var note = commands.querySelector(".offline-note");
      if (note) { note.hidden = online; }
    }
  });
  // The charts of a house page are redrawn every 30 s.
  var charts = document.getElementById("charts");
  if (charts && charts.dataset.src) {
    setInterval(function () {
      fetch(charts.dataset.src, { credentials: "same-origin" }).then(function (r) {
        return r.ok ? r.text() : null;
      }).then(function (html) { if (html !== null) { charts.innerHTML = html; } }).catch(function () { });
    }, 30000);
  }
})();
