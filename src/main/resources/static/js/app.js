// Rapport UI glue: CSRF and Accept headers for htmx requests, toasts (server flash messages and HX-Trigger "toast"), confirms.
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
    if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  document.addEventListener('DOMContentLoaded', function () { showToasts(); });
  document.addEventListener('htmx:afterSettle', function () { showToasts(); });
})();
