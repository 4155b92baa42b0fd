// Filter forms: leave unset fields out of the URL, so links stay short and readable.
// (Without this script the form works the same, with empty fields in the URL.)
"use strict";
document.querySelectorAll("form.filters").forEach(function (form) {
  form.addEventListener("submit", function () {
    form.querySelectorAll("input, select").forEach(function (field) {
      if (field.name && field.value === "") field.disabled = true;
    });
  });
});
window.addEventListener("pageshow", function () {  // coming back: fields usable again
  document.querySelectorAll("form.filters [disabled]").forEach(function (field) { field.disabled = false; });
});
