'use strict';
(() => {
  const { el, call, showError, timeEl } = Panel;
  const $ = id => document.getElementById(id);
  const PAGE = 50;
  const ACTIONS = {
    'oauth_account.created': 'Created API account',
    'oauth_account.token_rolled': 'Rolled access token',
    'oauth_account.allowed_ips_changed': 'Changed allowed IPs',
    'oauth_account.expired': 'API account expired',
    'oauth_account.deleted': 'Deleted API account',
    'oauth_account.bulk_deleted': 'Deleted API account (bulk)',
    'legacy_account.created': 'Created legacy account',
    'legacy_account.token_regenerated': 'Generated new legacy token',
    'legacy_account.deleted': 'Deleted legacy account',
    'store.credential_policy_changed': 'Changed credential policy',
    'control_panel.sign_in_succeeded': 'Signed in',
    'control_panel.sign_in_failed': 'Sign-in failed',
    'credential.leaked': 'Leaked credential revoked'
  };
  const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
  let before = null;
  let shown = 0;

  /* One detail value: a time in the browser's locale, address blocks one per line, a lifetime in
     days (seconds in its title), anything else as text. */
  function value(name, text) {
    if (RFC_3339.test(text)) return timeEl(text);
    if (name === 'allowed_ips') {
      const blocks = text ? text.split(',') : [];
      if (!blocks.length) return el('span', { class: 'none', text: 'any' });
      return el('span', {}, ...blocks.map(block => el('div', {}, el('code', { class: 'block', text: block }))));
    }
    if (name === 'max_lifetime' && /^\d+$/.test(text)) {
      const days = Number((Number(text) / 86400).toFixed(3));
      return el('span', { title: `${text} seconds`, text: `${days} ${days === 1 ? 'day' : 'days'}` });
    }
    return el('code', { text });
  }

  function detail(facts) {
    const entries = Object.entries(facts || {});
    if (!entries.length) return el('td', { class: 'detail' });
    return el('td', { class: 'detail' }, el('dl', {}, ...entries.flatMap(([name, text]) =>
      [el('dt', { text: name.replaceAll('_', ' ') }), el('dd', {}, value(name, String(text)))])));
  }

  function row(event) {
    const failed = event.action === 'control_panel.sign_in_failed';
    return el('tr', { 'data-id': event.id, 'data-action': event.action, class: failed ? 'failed' : null },
      el('td', {}, timeEl(event.at)),
      el('td', { class: 'who', text: event.actor }),
      el('td', {}, el('span', { title: event.action, text: ACTIONS[event.action] || event.action })),
      el('td', {}, event.account_id ? el('code', { text: event.account_id }) : ''),
      el('td', { class: 'address' }, event.client_address ? el('code', { text: event.client_address }) : ''),
      detail(event.detail));
  }

  async function loadMore() {
    $('load-older').disabled = true;
    try {
      const query = `audit-events?limit=${PAGE}` + (before === null ? '' : `&before=${encodeURIComponent(before)}`);
      const page = await call('GET', query);
      $('events').tBodies[0].append(...page.data.map(row));
      shown += page.data.length;
      before = page.meta.next_before;
      $('no-events').hidden = shown > 0;
      const wasFocused = document.activeElement === $('load-older');
      $('load-older').hidden = before === null;
      if (wasFocused && before === null) $('events-status').focus();
      $('events-status').textContent = shown ? `${shown} events shown` + (before === null ? ', the oldest included' : '')
        : '';
      showError($('page-error'), null);
    } catch (error) {
      showError($('page-error'), error);
    } finally {
      $('load-older').disabled = false;
    }
  }

  async function main() {
    const session = await Panel.start('/manage/activity');
    if (session.role !== 'owner') {
      $('owner-only').hidden = false;
      return;
    }
    $('owner-view').hidden = false;
    $('load-older').addEventListener('click', loadMore);
    await loadMore();
  }

  main().catch(error => showError($('page-error'), error));
})();
