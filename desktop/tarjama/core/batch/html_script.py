"""The inline script of the folder's pages: sort any column, filter the rows.

Every ``table.sortable`` sorts by a header click (or Enter on a focused header): by a
cell's ``data-sort`` when it has one, else its text; ``data-type="num"`` columns as
numbers. Empty cells stay last. A table's controls (``[data-controls=TABLE_ID]``) are
shown by the script, since they do nothing without it: a select or text box with
``data-filter="NAME"`` keeps the rows whose ``data-NAME`` equals its value, a check
box the rows whose ``data-NAME`` is "1", and ``data-filter="text"`` the rows holding
every word typed, Arabic folded the way a reader searches (no diacritics, one alef,
Arabic-Indic digits as ASCII). Sort keys and search texts are computed once per
column, so sorting a thousand rows is a sort of numbers or strings; the rows then take
their new places through CSS ``order`` (they stay where they are in the document).
"""

from __future__ import annotations

TABLE_SCRIPT = r"""
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
  function fold(text) {
    return text.normalize("NFKD").replace(MARKS, "")
      .replace(/[\u0622\u0623\u0625\u0671]/g, "\u0627")
      .replace(/\u0649/g, "\u064a").replace(/\u0629/g, "\u0647")
      .replace(/[\u0660-\u0669]/g, function (d) {
        return String.fromCharCode(d.charCodeAt(0) - 0x0630); })
      .replace(/[\u06f0-\u06f9]/g, function (d) {
        return String.fromCharCode(d.charCodeAt(0) - 0x06c0); })
      .toLowerCase();
  }
  function each(list, action) { Array.prototype.forEach.call(list, action); }

  function setUp(table) {
    var body = table.tBodies[0];
    if (!body || !table.tHead) { return; }
    var rows = Array.prototype.slice.call(body.rows);
    var headers = table.tHead.rows[0].cells;
    var keys = [];
    var sorted = {column: -1, direction: 1};

    function columnKeys(column) {
      if (!keys[column]) {
        var numeric = headers[column].getAttribute("data-type") === "num";
        keys[column] = rows.map(function (row) {
          var cell = row.cells[column];
          if (!cell) { return null; }
          var raw = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort")
                                                   : cell.textContent;
          if (numeric) { var n = parseFloat(raw); return isNaN(n) ? null : n; }
          raw = fold(raw.trim());
          return raw === "" ? null : raw;
        });
      }
      return keys[column];
    }

    function sortBy(column) {
      var direction = sorted.column === column ? -sorted.direction : 1;
      var k = columnKeys(column);
      var order = rows.map(function (row, i) { return i; });
      order.sort(function (a, b) {
        var x = k[a], y = k[b];
        if (x === y) { return a - b; }
        if (x === null) { return 1; }
        if (y === null) { return -1; }
        return (x < y ? -1 : 1) * direction;
      });
      // Rows keep their place in the document (moving a thousand rows costs far more
      // than the sort); CSS ``order`` shows them sorted.
      order.forEach(function (i, place) { rows[i].style.order = place; });
      each(headers, function (th, i) {
        if (i === column) {
          th.setAttribute("aria-sort", direction > 0 ? "ascending" : "descending");
        } else {
          th.removeAttribute("aria-sort");
        }
      });
      sorted.column = column;
      sorted.direction = direction;
    }

    each(headers, function (th, column) {
      th.tabIndex = 0;
      th.addEventListener("click", function () { sortBy(column); });
      th.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          sortBy(column);
        }
      });
    });

    var controls = document.querySelector('[data-controls="' + table.id + '"]');
    if (!controls) { return; }
    controls.hidden = false;
    var inputs = controls.querySelectorAll("[data-filter]");
    var count = controls.querySelector("[data-count]");
    var texts = null;
    function apply() {
      var words = [], wanted = [];
      each(inputs, function (input) {
        var name = input.getAttribute("data-filter");
        if (name === "text") {
          words = fold(input.value).split(/\s+/).filter(Boolean);
        } else if (input.type === "checkbox" ? input.checked : input.value !== "") {
          wanted.push([name, input.type === "checkbox" ? "1" : input.value]);
        }
      });
      if (words.length && texts === null) {
        texts = rows.map(function (row) { return fold(row.textContent); });
      }
      var shown = 0;
      rows.forEach(function (row, i) {
        var keep = wanted.every(function (pair) {
          return row.getAttribute("data-" + pair[0]) === pair[1]; });
        keep = keep && words.every(function (word) { return texts[i].indexOf(word) >= 0; });
        row.hidden = !keep;
        shown += keep ? 1 : 0;
      });
      if (count) { count.textContent = shown + " of " + rows.length + " shown"; }
    }
    each(inputs, function (input) {
      input.addEventListener("input", apply);
      input.addEventListener("change", apply);
    });
    apply();
  }

  each(document.querySelectorAll("table.sortable"), setUp);
})();
"""
