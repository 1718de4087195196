// Keyboard-friendly report grid: Enter and ↓/↑ move down/up the same column, Ctrl+S saves the draft,
// changed cells are marked, and leaving the page with unsaved changes asks first. No library needed.
(function () {
  "use strict";
  var form = document.getElementById("grid-form");
  if (!form || !form.classList.contains("editable")) return;
  var dirty = false;

  function column(input) {
    return (input.name || "").split("__")[0];
  }
  function cellsOf(col) {
    return Array.prototype.filter.call(form.querySelectorAll("input[type=text], select"), function (el) {
      return column(el) === col && el.name.indexOf("__") > 0;
    });
  }
  function move(input, step) {
    var cells = cellsOf(column(input));
    var i = cells.indexOf(input) + step;
    if (i >= 0 && i < cells.length) {
      cells[i].focus();
      if (cells[i].select) cells[i].select();
    }
  }
  form.addEventListener("keydown", function (event) {
    var el = event.target;
    if ((event.ctrlKey || event.metaKey) && (event.key === "s" || event.key === "S")) {
      event.preventDefault();
      document.getElementById("save-draft").click();
      return;
    }
    if (!el.name || el.name.indexOf("__") < 0) return;
    if (event.key === "Enter" || (event.key === "ArrowDown" && el.tagName !== "SELECT")) {
      event.preventDefault();
      move(el, 1);
    } else if (event.key === "ArrowUp" && el.tagName !== "SELECT") {
      event.preventDefault();
      move(el, -1);
    }
  });
  form.addEventListener("input", function (event) {
    if (event.target.name && event.target.name.indexOf("__") > 0) {
      event.target.classList.add("dirty");
      dirty = true;
    }
  });
  form.addEventListener("submit", function (event) {
    var button = event.submitter;
    if (button && button.dataset.confirm && !window.confirm(button.dataset.confirm)) {
      event.preventDefault();
      return;
    }
    dirty = false;
  });
  window.addEventListener("beforeunload", function (event) {
    if (dirty) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
})();
