// Rapport UI glue: CSRF and Accept headers for htmx requests, toasts (server flash messages and HX-Trigger "toast"), confirms, copy buttons.
(function () {
  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { header: header.content, token: token.content } : null;
  }

  document.addEventListener('htmx:configRequest', function (event) {
    var c = csrf();
    if (c) { event.detail.headers[c.header] = c.token; }
    // htmx swaps HTML: ask for it, so that an error status gets the styled error page rather than problem+json.
    event.detail.headers['Accept'] = 'text/html, */*;q=0.1';
  });

  function showToasts(root) {
    (root || document).querySelectorAll('.toast[data-autoshow]').forEach(function (el) {
      el.removeAttribute('data-autoshow');
      bootstrap.Toast.getOrCreateInstance(el, { delay: 6000 }).show();
    });
  }

  function toast(message) {
    var area = document.getElementById('toasts');
    if (!area) { return; }
    var el = document.createElement('div');
    el.className = 'toast align-items-center text-bg-dark border-0';
    el.setAttribute('role', 'status');
    el.setAttribute('aria-live', 'polite');
    el.setAttribute('data-autoshow', '');
    var flex = document.createElement('div');
    flex.className = 'd-flex';
    var body = document.createElement('div');
    body.className = 'toast-body';
    body.textContent = message;
    var close = document.createElement('button');
    close.type = 'button';
    close.className = 'btn-close btn-close-white me-2 m-auto';
    close.setAttribute('data-bs-dismiss', 'toast');
    close.setAttribute('aria-label', 'Close');
    flex.appendChild(body);
    flex.appendChild(close);
    el.appendChild(flex);
    area.appendChild(el);
    showToasts(area);
  }

  document.addEventListener('toast', function (event) {
    toast(event.detail && event.detail.value ? event.detail.value : String(event.detail || ''));
  });

  document.addEventListener('submit', function (event) {
    var form = event.target;
    var submitter = event.submitter;
    var question = submitter && submitter.dataset && submitter.dataset.confirm
      ? submitter.dataset.confirm : form.dataset && form.dataset.confirm;
    if (question && !window.confirm(question)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  // Global search box: the down and up arrows move between the box and its results, Escape or leaving closes them.
  function searchParts() {
    var form = document.getElementById('global-search');
    return form ? { form: form, input: document.getElementById('global-search-q'),
                    results: document.getElementById('global-search-results') } : null;
  }

  function closeSearch(parts) {
    parts.results.innerHTML = '';
  }

  document.addEventListener('keydown', function (event) {
    var parts = searchParts();
    if (!parts || !parts.form.contains(event.target)) { return; }
    var links = Array.prototype.slice.call(parts.results.querySelectorAll('a'));
    var index = links.indexOf(document.activeElement);
    if (event.key === 'ArrowDown' && links.length) {
      event.preventDefault();
      links[Math.min(index + 1, links.length - 1)].focus();
    } else if (event.key === 'ArrowUp' && index >= 0) {
      event.preventDefault();
      (index === 0 ? parts.input : links[index - 1]).focus();
    } else if (event.key === 'Escape' && parts.results.childElementCount) {
      event.preventDefault();
      closeSearch(parts);
      parts.input.focus();
    }
  });

  document.addEventListener('focusout', function (event) {
    var parts = searchParts();
    if (parts && event.relatedTarget && parts.form.contains(event.target)
        && !parts.form.contains(event.relatedTarget)) {
      closeSearch(parts);
    }
  });

  document.addEventListener('click', function (event) {
    var parts = searchParts();
    if (parts && !parts.form.contains(event.target)) { closeSearch(parts); }
  });

  // Copy buttons: data-copy-target names the element (e.g. a read-only textarea) whose text goes to the clipboard.
  document.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('[data-copy-target]') : null;
    var source = button ? document.querySelector(button.dataset.copyTarget) : null;
    if (!source) { return; }
    var text = source.value !== undefined ? source.value : source.textContent;
    function selectForManualCopy() {
      if (source.select) { source.select(); }
      toast('Press Ctrl+C (or Cmd+C) to copy the selected text.');
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { toast('Copied.'); }, selectForManualCopy);
    } else {
      selectForManualCopy();
    }
  });

  document.addEventListener('DOMContentLoaded', function () { showToasts(); });
  document.addEventListener('htmx:afterSettle', function () { showToasts(); });
})();
