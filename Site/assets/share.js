// Copy buttons: an item's permanent link, and its answer with a one-line citation. Without JavaScript
// the link and the answer stay on the page as text to select.
(function () {
  'use strict';

  // The Clipboard API needs a secure context (https, localhost); pages opened from disk or over plain
  // http fall back to a selected, off-screen textarea and execCommand.
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return fallback(text); });
    }
    return fallback(text);
  }

  function fallback(text) {
    return new Promise(function (resolve, reject) {
      // Selecting the buffer takes focus from the button; it goes back, or a keyboard user is left at the top of the page.
      var focused = document.activeElement;
      var area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.className = 'copy-buffer';
      document.body.appendChild(area);
      area.select();
      var done = false;
      try { done = document.execCommand('copy'); } catch (e) { done = false; }
      document.body.removeChild(area);
      if (focused && focused !== document.body && typeof focused.focus === 'function') focused.focus();
      if (done) resolve(); else reject(new Error('copy refused'));
    });
  }

  function payload(source, kind) {
    if (kind === 'link') return source.getAttribute('data-url');
    return source.getAttribute('data-answer') + '\n' + source.getAttribute('data-citation');
  }

  // The button that copied last shows it in its own label until another one copies, so a sighted reader sees it too.
  var lastCopied = null;

  function wire(button, source, labels, status) {
    var label = button.textContent;
    button.addEventListener('click', function () {
      copy(payload(source, button.getAttribute('data-copy'))).then(function () {
        status.textContent = labels.copied;
        if (lastCopied && lastCopied !== button) lastCopied.reset();
        button.setAttribute('data-copied', '');
        button.textContent = '✓ ' + labels.copied;
        lastCopied = button;
      }, function () {
        status.textContent = labels.failed;
      });
    });
    button.reset = function () {
      button.removeAttribute('data-copied');
      button.textContent = label;
    };
  }

  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('[data-share]'), function (box) {
      var status = box.parentNode.querySelector('.share-status');
      var labels = { copied: box.getAttribute('data-copied'), failed: box.getAttribute('data-copy-failed') };
      Array.prototype.forEach.call(box.querySelectorAll('button[data-copy]'), function (button) { wire(button, box, labels, status); });
      box.hidden = false;
    });

    var table = document.querySelector('table.sheet[data-copy-link]');
    if (!table) return;
    var labels = { copied: table.getAttribute('data-copied'), failed: table.getAttribute('data-copy-failed') };
    var status = document.createElement('p');
    status.className = 'share-status visually-hidden';
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    table.parentNode.insertBefore(status, table.nextSibling);
    Array.prototype.forEach.call(table.querySelectorAll('tr[data-url]'), function (row) {
      var cell = row.querySelector('.col-answer');
      var actions = document.createElement('span');
      actions.className = 'row-actions';
      // One control per row (the answer with its citation, which holds the permanent link): half the tab stops.
      [['answer', table.getAttribute('data-copy-answer')]].forEach(function (pair) {
        var button = document.createElement('button');
        button.type = 'button';
        button.setAttribute('data-copy', pair[0]);
        button.textContent = pair[1];
        // The row's item name tells a screen reader which item the button copies.
        var name = row.querySelector('.col-item a');
        button.setAttribute('aria-label', pair[1] + ': ' + (name ? name.textContent : ''));
        wire(button, row, labels, status);
        actions.appendChild(button);
      });
      cell.appendChild(actions);
    });
  });
})();
