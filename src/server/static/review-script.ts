// /static/review.js: lets a reviewer take a correction's value from a selection in a notice's text.
// Optional: the review form works without it (the value is typed). Served as a file, as the CSP allows
// scripts from this origin only.
export const REVIEW_SCRIPT = `"use strict";
(function () {
  var button = document.getElementById('use-selection');
  var value = document.getElementById('c-value');
  if (!button || !value) return;
  button.hidden = false;
  button.addEventListener('click', function () {
    var sel = window.getSelection();
    if (!sel || sel.isCollapsed || sel.rangeCount === 0) return;
    var node = sel.getRangeAt(0).commonAncestorContainer;
    var el = node.nodeType === 1 ? node : node.parentElement;
    var text = el && el.closest ? el.closest('pre.notice-text') : null;
    if (!text) return;
    value.value = sel.toString().trim().slice(0, 500);
    // The value is read from one notice, but the correction goes where the form says: by default the
    // incident's merged value, which then holds whichever notice is latest. (Retargeting it to the
    // notice it was read from left the incident unchanged when another notice stated a later value.)
    value.focus();
  });
})();
`;
