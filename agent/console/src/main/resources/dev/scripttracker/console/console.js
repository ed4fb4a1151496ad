// Refreshes the scripts table every second so that running scripts' progress moves without a reload.
// The rows come from the server already escaped; nothing here builds HTML from data.
(function () {
  "use strict";
  var rows = document.getElementById("script-rows");
  if (!rows) {
    return;
  }
  var url = rows.getAttribute("data-refresh");
  var busy = false;
  function refresh() {
    if (busy || document.hidden) {
      return;
    }
    busy = true;
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
  setInterval(refresh, 1000);
})();
