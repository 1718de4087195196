// "Add a row" for Django formsets: clone the <template> row, replacing __prefix__ with the next index.
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-add-row]");
  if (!button) return;
  var prefix = button.getAttribute("data-add-row");
  var total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
  var template = document.querySelector('template[data-empty-row="' + prefix + '"]');
  var body = document.querySelector('table[data-formset="' + prefix + '"] tbody');
  if (!total || !template || !body) return;
  var index = parseInt(total.value, 10);
  body.insertAdjacentHTML("beforeend", template.innerHTML.replace(/__prefix__/g, String(index)));
  total.value = String(index + 1);
  // Unit fields of the new row get their search (app.js listens for this).
  body.lastElementChild.dispatchEvent(new CustomEvent("phoihop:added", { bubbles: true }));
  var first = body.lastElementChild && body.lastElementChild.querySelector("input, select, textarea");
  if (first) first.focus();
});
