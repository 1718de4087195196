// "Accept all mapped figures": ticks "accepted" on every figure row whose indicator is chosen.
document.addEventListener("DOMContentLoaded", function () {
  var button = document.getElementById("accept-all");
  if (!button) return;
  button.addEventListener("click", function () {
    document.querySelectorAll("tr[id^=row-]").forEach(function (row) {
      var indicator = row.querySelector("select[name^=indicator-]");
      if (indicator && indicator.value) {
        var radio = row.querySelector("input[type=radio][value=accepted]");
        if (radio) radio.checked = true;
      }
    });
  });
});
