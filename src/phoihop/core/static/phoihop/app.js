// Small page helpers; no library from the internet.
document.addEventListener("htmx:responseError", function (event) {
  var box = document.getElementById("htmx-error");
  if (box) { box.textContent = "Có lỗi khi gửi yêu cầu (" + event.detail.xhr.status + "). Vui lòng thử lại."; box.hidden = false; }
});
