// An item's link in no language (`items/SLUG/`), the one sales send: it opens the item in the reader's language, the
// first of the browser's preferred languages the site has (English when it has none of them), keeping any #fragment.
// Without scripts the page offers both languages.
(function () {
  'use strict';
  var links = document.querySelectorAll('a[data-language]');
  if (!links.length) return;
  var preferred = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ''];
  var chosen = null;
  for (var i = 0; i < preferred.length && !chosen; i++) {
    var code = String(preferred[i]).toLowerCase().split(/[-_;]/)[0].trim();
    for (var j = 0; j < links.length; j++) {
      if (links[j].getAttribute('data-language') === code) { chosen = links[j]; break; }
    }
  }
  chosen = chosen || document.querySelector('a[data-language="en"]') || links[0];
  location.replace(chosen.href + location.hash);
})();
