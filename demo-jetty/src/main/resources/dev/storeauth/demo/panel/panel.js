'use strict';
/* Shared by the control panel's pages: the session, calls to the management endpoints, and small
   DOM helpers. Every text reaches the page through textContent, never as HTML. */
const Panel = (() => {
  let session = null;

  function el(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === false || value === null || value === undefined) continue;
      if (name === 'text') node.textContent = value;
      else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children) node.append(child);
    return node;
  }

  function trashIcon() {
    return el('img', { src: '/manage/assets/trash.svg', alt: '', width: 18, height: 18 });
  }

  async function problemOf(response) {
    try {
      const body = await response.json();
      return new Error(body.detail || body.title || `HTTP ${response.status}`);
    } catch (ignored) {
      return new Error(`HTTP ${response.status}`);
    }
  }

  function toSignIn() {
    location.assign('/manage/login?next=' + encodeURIComponent(location.pathname));
    return new Promise(() => {});
  }

  /* The parts every page shares: the top bar and the confirmation dialog. */
  function frame(page) {
    const link = (href, text, id) => el('a', { href, text, id, 'aria-current': href === page ? 'page' : null });
    const activity = link('/manage/activity', 'Activity', 'nav-activity');
    activity.hidden = true;
    document.body.prepend(el('header', { class: 'topbar' },
      el('span', { class: 'brand', text: 'storeauth demo' }),
      el('nav', {}, link('/manage/api-accounts', 'Store API Accounts'),
        link('/manage/legacy-accounts', 'Legacy API Accounts'), activity),
      el('span', { class: 'who', id: 'who' }),
      el('button', { type: 'button', id: 'sign-out', text: 'Sign out', onclick: signOut })));
    document.body.append(el('dialog', { id: 'confirm-dialog' }, el('form', { method: 'dialog' },
      el('p', { id: 'confirm-text' }),
      el('div', { class: 'actions' }, el('button', { value: 'cancel', id: 'confirm-cancel', text: 'Cancel' }),
        el('button', { value: 'ok', class: 'danger', id: 'confirm-ok', text: 'Delete' })))));
  }

  async function start(page) {
    frame(page);
    const response = await fetch('/manage/session', { headers: { Accept: 'application/json' } });
    if (response.status === 401) return toSignIn();
    if (!response.ok) throw await problemOf(response);
    session = await response.json();
    document.getElementById('who').textContent = `${session.email} (${session.role})`;
    /* The audit trail is the owner's only: staff get no link (and a 403 from its endpoint). */
    document.getElementById('nav-activity').hidden = session.role !== 'owner';
    return session;
  }

  async function signOut() {
    await fetch('/manage/session', { method: 'DELETE', headers: { 'X-CSRF-Token': session.csrf_token } });
    location.assign('/manage/login');
  }

  async function call(method, path, body) {
    const headers = { Accept: 'application/json' };
    if (method !== 'GET') headers['X-CSRF-Token'] = session.csrf_token;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(`/manage/stores/${session.store_hash}/${path}`, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body)
    });
    if (response.status === 401) return toSignIn();
    if (!response.ok) {
      const error = await problemOf(response);
      error.status = response.status;
      throw error;
    }
    return response.status === 204 ? null : response.json();
  }

  function showError(element, error) {
    element.textContent = error ? error.message : '';
    element.hidden = !error;
  }

  function confirm(text, action) {
    const dialog = document.getElementById('confirm-dialog');
    document.getElementById('confirm-text').textContent = text;
    document.getElementById('confirm-ok').textContent = action;
    dialog.returnValue = '';
    dialog.showModal();
    return new Promise(resolve => {
      dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
    });
  }

  function download(filename, text) {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = el('a', { href: url, download: filename });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  function time(iso) {
    return iso ? new Date(iso).toLocaleString() : 'never';
  }

  /* A time in the browser's locale, keeping the RFC 3339 instant in datetime and title. */
  function timeEl(iso, none = 'never') {
    if (!iso) return el('span', { class: 'none', text: none });
    return el('time', { datetime: iso, title: iso, text: new Date(iso).toLocaleString() });
  }

  /* The value of the checked radio button named name, as a number of seconds. */
  function checkedSeconds(name) {
    return Number(document.querySelector(`input[name="${name}"]:checked`).value);
  }

  return { el, trashIcon, start, call, showError, confirm, download, time, timeEl, checkedSeconds,
    session: () => session };
})();
