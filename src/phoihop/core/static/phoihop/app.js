// Small page helpers; no library from the internet.
document.addEventListener("htmx:responseError", function (event) {
  var box = document.getElementById("htmx-error");
  if (box) { box.textContent = "Có lỗi khi gửi yêu cầu (" + event.detail.xhr.status + "). Vui lòng thử lại."; box.hidden = false; }
});

// Unit fields: <input data-suggest="URL"> asks the server as the user types (the server ignores diacritics, so
// "hai ba" finds "Hai Bà Trưng") and lists the matches under the field: pick one with the mouse, or with the arrow
// keys and Enter; Esc closes the list. Without JavaScript the field is a plain text box the server still reads.
(function () {
  var EN = document.documentElement.lang === "en";
  var TEXT = EN
    ? { none: "No unit within your scope matches.", more: "More units match: type more to narrow the list." }
    : { none: "Không có đơn vị nào khớp trong phạm vi của bạn.", more: "Còn đơn vị khác khớp: gõ thêm để thu hẹp." };

  function setup(input) {
    var id = (input.id || input.name) + "-suggest";
    var box = document.createElement("span");
    box.className = "suggest-box";
    input.parentNode.insertBefore(box, input);
    box.appendChild(input);
    var list = document.createElement("ul");
    list.id = id;
    list.className = "suggest";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    box.appendChild(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", id);
    var timer = null, active = -1, asked = 0;

    function options() { return list.querySelectorAll("li[role=option]"); }
    function close() {
      list.hidden = true;
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }
    function mark(index) {
      var items = options();
      items.forEach(function (li, k) { li.setAttribute("aria-selected", k === index ? "true" : "false"); });
      active = index;
      input.setAttribute("aria-activedescendant", items[index].id);
      items[index].scrollIntoView({ block: "nearest" });
    }
    function pick(li) {
      var into = input.dataset.suggestInto && document.getElementById(input.dataset.suggestInto);
      close();
      if (into && li.dataset.id) {
        // A list of likely units beside the search box: the picked unit joins the list, chosen (in a multiple
        // list, beside those chosen before).
        var option = Array.prototype.find.call(into.options, function (o) { return o.value === li.dataset.id; });
        if (!option) {
          option = new Option(li.dataset.value, li.dataset.id);
          into.add(option);
        }
        if (into.multiple) option.selected = true;  // joins the units already chosen
        else into.value = li.dataset.id;
        into.dispatchEvent(new Event("change", { bubbles: true }));
        input.value = "";
        return;
      }
      input.value = li.dataset.value;
      input.dispatchEvent(new Event("change", { bubbles: true }));
    }
    function note(text) {
      var li = document.createElement("li");
      li.className = "note";
      li.textContent = text;
      list.appendChild(li);
    }
    function show(data) {
      list.innerHTML = "";
      data.options.forEach(function (option, k) {
        var li = document.createElement("li");
        li.id = id + "-" + k;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.dataset.value = option.value;
        if (option.id !== undefined) li.dataset.id = String(option.id);
        li.textContent = option.value;
        if (option.hint) {
          var hint = document.createElement("small");
          hint.textContent = option.hint;
          li.appendChild(hint);
        }
        // mousedown, not click: the field keeps its focus, so its blur does not close the list first.
        li.addEventListener("mousedown", function (event) { event.preventDefault(); pick(li); });
        list.appendChild(li);
      });
      if (!data.options.length) note(TEXT.none);
      else if (data.more) note(TEXT.more);
      active = -1;
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }
    function ask() {
      var query = input.value.trim();
      if (query.length < 2) { close(); return; }
      var mine = ++asked;
      var url = input.dataset.suggest;
      fetch(url + (url.indexOf("?") < 0 ? "?" : "&") + "q=" + encodeURIComponent(query), {
        headers: { Accept: "application/json" }, credentials: "same-origin",
      })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          // Only the answer to the latest keystroke, and only while the user is still in the field.
          if (data && mine === asked && document.activeElement === input) show(data);
        })
        .catch(function () { close(); });
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(ask, 200);
    });
    input.addEventListener("keydown", function (event) {
      var items = options();
      if (event.key === "Escape" && !list.hidden) { close(); event.preventDefault(); return; }
      if (list.hidden || !items.length) {
        if (event.key === "ArrowDown" && input.value.trim().length >= 2) { ask(); event.preventDefault(); }
        return;
      }
      if (event.key === "ArrowDown") { mark(Math.min(active + 1, items.length - 1)); event.preventDefault(); }
      else if (event.key === "ArrowUp") { mark(Math.max(active - 1, 0)); event.preventDefault(); }
      else if (event.key === "Enter" && active >= 0) { pick(items[active]); event.preventDefault(); }
    });
    input.addEventListener("blur", close);
  }

  function init(root) {
    root.querySelectorAll("input[data-suggest]").forEach(function (input) {
      if (input.dataset.suggestReady) return;
      input.dataset.suggestReady = "1";
      setup(input);
    });
  }
  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:load", function (event) { if (event.target.querySelectorAll) init(event.target); });
  document.addEventListener("phoihop:added", function (event) { init(event.target); });
})();

// Long submissions (reading a large Excel file, writing thousands of figures): <form data-busy="message"> says
// what is happening and blocks a second click until the next page arrives.
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (!form.dataset || !form.dataset.busy || event.defaultPrevented) return;
  var status = form.querySelector(".busy");
  if (!status) {
    status = document.createElement("p");
    status.className = "busy";
    status.setAttribute("role", "status");
    form.appendChild(status);
  }
  status.textContent = form.dataset.busy;
  // Disabled after the browser has taken the form's data, so the pressed button's name is still sent.
  setTimeout(function () {
    form.querySelectorAll("button, input[type=submit]").forEach(function (button) { button.disabled = true; });
  }, 0);
});
// Back to a page the browser kept in its cache: the form is idle again.
window.addEventListener("pageshow", function (event) {
  if (!event.persisted) return;
  document.querySelectorAll("form[data-busy]").forEach(function (form) {
    form.querySelectorAll(".busy").forEach(function (status) { status.remove(); });
    form.querySelectorAll("button, input[type=submit]").forEach(function (button) { button.disabled = false; });
  });
});
