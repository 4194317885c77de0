// cleanup review pages: view switches, inlined into every page (no network).
"use strict";
document.querySelectorAll("input[data-toggle]").forEach(function (box) {
  var apply = function () {
    document.body.classList.toggle(box.dataset.toggle, !box.checked);
  };
  box.addEventListener("change", apply);
  apply();
});
