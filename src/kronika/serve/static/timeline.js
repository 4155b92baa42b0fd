// Timeline page: say what a bar holds while the pointer is on it. (Bars are links, so the
// chart works without this script.)
"use strict";
(function () {
  const chart = document.getElementById("timeline");
  const info = document.getElementById("bar-info");
  if (!chart || !info) return;
  const initial = info.textContent;
  chart.querySelectorAll("a.bar, a.period").forEach(function (bar) {
    bar.addEventListener("mouseenter", function () {
      const title = bar.querySelector("title");
      info.textContent = title ? title.textContent : "";
    });
    bar.addEventListener("mouseleave", function () { info.textContent = initial; });
  });
})();
