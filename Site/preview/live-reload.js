// Live reload for `checksheet serve` only: the preview adds this script to every page it serves;
// `checksheet build` never writes it. It listens to /_preview/events (Server-Sent Events): `reload`
// reloads the page, `failed` shows the failed build's diagnostics over the last good page, `hello`
// (sent first) reloads a page from an older build or shows the current errors.
// The overlay is built with DOM calls and textContent only: diagnostics quote the content.
(function () {
  'use strict';

  var script = document.currentScript;
  var pageBuild = script ? script.getAttribute('data-build') : null;
  var overlayID = 'checksheet-preview-diagnostics';

  function removeOverlay() {
    var old = document.getElementById(overlayID);
    if (old) old.parentNode.removeChild(old);
  }

  function style(element, properties) {
    // CSSOM assignments are allowed under the site's CSP (no inline style attributes are written).
    Object.keys(properties).forEach(function (name) { element.style.setProperty(name, properties[name]); });
    return element;
  }

  function element(tag, text, properties) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    return style(node, properties || {});
  }

  function showOverlay(status) {
    removeOverlay();
    var panel = element('section', null, {
      position: 'fixed', inset: '0', 'z-index': '2147483647', overflow: 'auto', margin: '0',
      padding: '1.5rem', background: 'rgba(20, 20, 24, 0.97)', color: '#f6f6f6',
      font: '14px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace'
    });
    panel.id = overlayID;
    panel.setAttribute('role', 'alertdialog');
    panel.setAttribute('aria-labelledby', overlayID + '-title');
    panel.lang = 'en';

    var title = element('h2', 'The last edit did not build: this page is the last good build', {
      margin: '0 0 1rem', font: 'bold 16px/1.4 sans-serif', color: '#ff8a80'
    });
    title.id = overlayID + '-title';
    panel.appendChild(title);

    var list = element('ol', null, { margin: '0', padding: '0', 'list-style': 'none' });
    (status.diagnostics || []).forEach(function (diagnostic) {
      var item = element('li', null, { margin: '0 0 1rem', 'white-space': 'pre-wrap', 'overflow-wrap': 'anywhere' });
      item.className = 'preview-diagnostic preview-' + diagnostic.severity;
      item.appendChild(element('div', diagnostic.location, {
        color: diagnostic.severity === 'error' ? '#ffb4ab' : '#ffe08a'
      }));
      if (diagnostic.hint) item.appendChild(element('div', '  hint: ' + diagnostic.hint, { color: '#b8d4ff' }));
      list.appendChild(item);
    });
    panel.appendChild(list);

    var close = element('button', 'Hide until the next build', {
      font: '14px sans-serif', padding: '0.4rem 0.8rem', cursor: 'pointer'
    });
    close.type = 'button';
    close.addEventListener('click', removeOverlay);
    panel.appendChild(close);

    document.body.appendChild(panel);
    close.focus();
  }

  function parse(event) {
    try { return JSON.parse(event.data); } catch (error) { return null; }
  }

  if (!window.EventSource) return;
  var source = new EventSource('/_preview/events');

  source.addEventListener('hello', function (event) {
    var status = parse(event);
    if (!status) return;
    if (pageBuild && status.build !== pageBuild) { window.location.reload(); return; }
    if (status.ok) removeOverlay(); else showOverlay(status);
  });

  source.addEventListener('reload', function () {
    source.close();
    window.location.reload();
  });

  source.addEventListener('failed', function (event) {
    var status = parse(event);
    if (status) showOverlay(status);
  });
}());
