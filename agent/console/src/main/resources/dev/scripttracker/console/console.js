// Refreshes the scripts table so that running scripts' progress moves without a reload: every second
// while a script runs, every ten seconds otherwise (to notice one starting). The rows come from the
// server already escaped; nothing here builds HTML from data.
(function () {
  "use strict";
  var rows = document.getElementById("script-rows");
  if (!rows) {
    return;
  }
  var url = rows.getAttribute("data-refresh");
  var lastFetch = Date.now();
  var busy = false;
  function anyRunning() {
    return rows.querySelector("tr[data-status='running']") !== null;
  }
  function refresh() {
    var due = anyRunning() ? 1000 : 10000;
    if (busy || document.hidden || Date.now() - lastFetch < due) {
      return;
    }
    busy = true;
    lastFetch = Date.now();
    fetch(url, {credentials: "same-origin", headers: {"Accept": "text/html"}})
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html !== null) {
          var fresh = new DOMParser().parseFromString("<table><tbody>" + html + "</tbody></table>", "text/html");
          rows.replaceChildren.apply(rows, Array.from(fresh.querySelector("tbody").childNodes));
        }
      })
      .catch(function () { /* the next tick tries again */ })
      .finally(function () { busy = false; });
  }
  setInterval(refresh, 250);
})();
