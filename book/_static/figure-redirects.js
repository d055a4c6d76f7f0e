// Generated from book/figures.yml by `make book`: old figure identifiers and where they went.
window.SOVIND_MOVED_FIGURES = {};
(function () {
  var id = decodeURIComponent(window.location.hash.slice(1));
  var to = window.SOVIND_MOVED_FIGURES[id];
  var book = document.currentScript.src.replace(/_static\/.*$/, 'book/');
  if (to) { window.location.replace(new URL(to, book)); }
})();
