'use strict';
(() => {
  const { el, trashIcon, call, showError, confirm, download, timeEl, checkedSeconds } = Panel;
  const $ = id => document.getElementById(id);
  const DAY = 86400;
  let session;
  let accounts = [];
  let shown = null;
  let rolling = null;
  let restricting = null;

  function scopeSummary(scopes) {
    const granted = Object.entries(scopes).filter(([, level]) => level !== 'none');
    return granted.length ? granted.map(([resource, level]) => `${resource}: ${level}`).join(', ') : 'none';
  }

  function lines(text) {
    return text.split('\n').map(line => line.trim()).filter(Boolean);
  }

  function actions(account) {
    return el('td', { class: 'row-actions' },
      el('button', { type: 'button', class: 'roll-account', text: 'Roll token', onclick: () => openRoll(account),
        'aria-label': `Roll token for ${account.name}` }),
      el('button', { type: 'button', class: 'allowlist-account', text: 'Allowed IPs',
        onclick: () => openAllowlist(account), 'aria-label': `Allowed IPs of ${account.name}: edit` }),
      el('button', { type: 'button', class: 'icon delete-account', title: `Delete ${account.name}`,
        'aria-label': `Delete ${account.name}`, onclick: () => remove([account]) }, trashIcon()));
  }

  function row(account) {
    const box = el('input', { type: 'checkbox', 'aria-label': `Select ${account.name}`, 'data-id': account.id,
      onchange: updateSelection });
    return el('tr', { 'data-id': account.id },
      el('td', {}, box), AccountCells.name(account),
      el('td', {}, el('code', { text: account.client_id })),
      el('td', { class: 'scopes', text: scopeSummary(account.scopes) }),
      el('td', {}, timeEl(account.created_at)), AccountCells.expires(account), AccountCells.allowed(account),
      AccountCells.lastUsed(account), actions(account));
  }

  async function refresh() {
    accounts = await call('GET', 'api-accounts');
    $('accounts').tBodies[0].replaceChildren(...accounts.map(row));
    $('no-accounts').hidden = accounts.length > 0;
    $('account-count').textContent = `${accounts.length} of ${session.oauth_account_limit} API accounts`;
    const full = accounts.length >= session.oauth_account_limit;
    $('create-account').disabled = full;
    $('create-account').title = full ? `A store can have at most ${session.oauth_account_limit} API accounts` : '';
    $('select-all').checked = false;
    updateSelection();
  }

  function selected() {
    return [...document.querySelectorAll('#accounts tbody input:checked')]
      .map(box => accounts.find(a => a.id === box.dataset.id)).filter(Boolean);
  }

  function updateSelection() {
    const count = selected().length;
    $('bulk-delete').disabled = count === 0;
    $('bulk-delete').textContent = count ? `Delete selected (${count})` : 'Delete selected';
  }

  async function remove(targets) {
    const what = targets.length === 1 ? `the API account "${targets[0].name}"` : `${targets.length} API accounts`;
    if (!await confirm(`Delete ${what}? Its credentials stop working at once.`, 'Delete')) return;
    try {
      if (targets.length === 1) await call('DELETE', `api-accounts/${encodeURIComponent(targets[0].id)}`);
      else await call('POST', 'api-accounts/delete', { ids: targets.map(t => t.id) });
      showError($('page-error'), null);
    } catch (error) {
      showError($('page-error'), error);
    }
    await refresh();
  }

  function scopeRow(resource) {
    if (!resource.scoped) {
      return el('tr', {}, el('td', { text: resource.name }),
        el('td', { colspan: 3, class: 'level', text: 'every OAuth account' }));
    }
    const cells = ['none', 'read-only', 'modify'].map(level => el('td', { class: 'level' },
      resource.levels.includes(level)
        ? el('input', { type: 'radio', name: `scope-${resource.id}`, value: level, checked: level === 'none',
          'aria-label': `${resource.name}: ${level}` })
        : el('span', { text: '—', title: `${resource.name} has no ${level} level` })));
    return el('tr', { 'data-resource': resource.id }, el('td', { text: resource.name }), ...cells);
  }

  function openCreate() {
    $('create-form').reset();
    showError($('create-error'), null);
    $('api-path').textContent = session.api_path;
    $('scope-table').tBodies[0].replaceChildren(...session.resources.map(scopeRow));
    const today = new Date();
    $('expiry-date').min = [today.getFullYear(), today.getMonth() + 1, today.getDate()]
      .map(n => String(n).padStart(2, '0')).join('-');
    $('create-dialog').showModal();
  }

  /* The day after the chosen date, at midnight in the browser's time zone: the end of that day. */
  function endOfDay(value) {
    const [year, month, day] = value.split('-').map(Number);
    return new Date(year, month - 1, day + 1).toISOString();
  }

  /* Adds expires_in or expires_at as the expiry choice says; throws naming what is missing. */
  function addExpiry(request) {
    const choice = document.querySelector('input[name="expiry"]:checked').value;
    if (choice === 'days') {
      const days = Number($('expiry-days').value);
      if (!Number.isInteger(days) || days < 1) throw new Error('Enter a whole number of days, at least 1.');
      request.expires_in = days * DAY;
    } else if (choice === 'date') {
      if (!$('expiry-date').value) throw new Error('Choose the day the account expires.');
      request.expires_at = endOfDay($('expiry-date').value);
    }
  }

  async function save(event) {
    event.preventDefault();
    const scopes = {};
    for (const radio of document.querySelectorAll('#scope-table input[type=radio]:checked')) {
      scopes[radio.name.slice('scope-'.length)] = radio.value;
    }
    const request = { name: $('account-name').value, scopes };
    const allowed = lines($('allowed-ips').value);
    if (allowed.length) request.allowed_ips = allowed;
    $('create-save').disabled = true;
    try {
      addExpiry(request);
      const created = await call('POST', 'api-accounts', request);
      $('create-dialog').close();
      showSecrets(created, false);
      await refresh();
    } catch (error) {
      showError($('create-error'), error);
    } finally {
      $('create-save').disabled = false;
    }
  }

  function openRoll(account) {
    rolling = account;
    $('roll-form').reset();
    showError($('roll-error'), null);
    $('roll-name').textContent = account.name;
    $('roll-dialog').showModal();
  }

  async function roll(event) {
    event.preventDefault();
    $('roll-save').disabled = true;
    try {
      const rolled = await call('POST', `api-accounts/${encodeURIComponent(rolling.id)}/roll`,
        { old_token_expires_in: checkedSeconds('roll-overlap') });
      $('roll-dialog').close();
      showSecrets({ ...rolled, name: rolling.name, client_id: rolling.client_id, api_path: session.api_path }, true);
      await refresh();
    } catch (error) {
      showError($('roll-error'), error);
    } finally {
      $('roll-save').disabled = false;
    }
  }

  function openAllowlist(account) {
    restricting = account;
    showError($('allowlist-error'), null);
    $('allowlist-name').textContent = account.name;
    $('allowlist-ips').value = (account.allowed_ips || []).join('\n');
    $('allowlist-dialog').showModal();
    $('allowlist-ips').focus();
  }

  async function saveAllowlist(event) {
    event.preventDefault();
    $('allowlist-save').disabled = true;
    try {
      await call('PUT', `api-accounts/${encodeURIComponent(restricting.id)}/allowed-ips`,
        { allowed_ips: lines($('allowlist-ips').value) });
      $('allowlist-dialog').close();
      await refresh();
    } catch (error) {
      showError($('allowlist-error'), error);
    } finally {
      $('allowlist-save').disabled = false;
    }
  }

  function rolledText(rolled) {
    return `name: ${rolled.name}\napi_path: ${rolled.api_path}\nclient_id: ${rolled.client_id}\n`
      + `access_token: ${rolled.access_token}\nold_token_expires_at: ${rolled.old_token_expires_at}\n`;
  }

  /* The one showing of new secrets: a created account's (with client secret) or a rolled token. */
  function showSecrets(secrets, rolled) {
    shown = { ...secrets, text: rolled ? rolledText(secrets) : secrets.credentials_txt };
    $('secrets-title').textContent = rolled ? 'New Access Token' : 'API Credentials';
    $('secrets-warning').textContent = rolled
      ? 'Copy or download the new access token now. It is shown this once and cannot be shown again.'
      : 'Copy or download these credentials now. The client secret and access token are shown this once'
        + ' and cannot be shown again.';
    $('secret-client-id').textContent = secrets.client_id;
    $('secret-client-secret-row').hidden = rolled;
    $('secret-client-secret').textContent = rolled ? '' : secrets.client_secret;
    $('secret-access-token').textContent = secrets.access_token;
    $('secret-api-path').textContent = secrets.api_path;
    $('secret-expires-row').hidden = rolled;
    $('secret-expires').replaceChildren(timeEl(secrets.expires_at, 'never'));
    $('secret-old-token-row').hidden = !rolled;
    const stopped = rolled && new Date(secrets.old_token_expires_at) <= new Date();
    $('secret-old-token').replaceChildren(stopped ? 'stopped working at ' : 'works until ',
      timeEl(secrets.old_token_expires_at));
    $('secrets-dialog').showModal();
  }

  function forgetSecrets() {
    for (const id of ['secret-client-id', 'secret-client-secret', 'secret-access-token', 'secret-api-path']) {
      $(id).textContent = '';
    }
    shown = null;
  }

  function listen() {
    $('create-account').addEventListener('click', openCreate);
    $('create-cancel').addEventListener('click', () => $('create-dialog').close());
    $('create-form').addEventListener('submit', save);
    $('expiry-days').addEventListener('input', () => { $('expiry-in').checked = true; });
    $('expiry-date').addEventListener('input', () => { $('expiry-on').checked = true; });
    $('roll-cancel').addEventListener('click', () => $('roll-dialog').close());
    $('roll-form').addEventListener('submit', roll);
    $('allowlist-cancel').addEventListener('click', () => $('allowlist-dialog').close());
    $('allowlist-form').addEventListener('submit', saveAllowlist);
    $('download-credentials').addEventListener('click',
      () => download(`api-credentials-${shown.client_id}.txt`, shown.text));
    $('secrets-done').addEventListener('click', () => $('secrets-dialog').close());
    $('secrets-dialog').addEventListener('close', forgetSecrets);
    $('bulk-delete').addEventListener('click', () => remove(selected()));
    $('select-all').addEventListener('change', event => {
      for (const box of document.querySelectorAll('#accounts tbody input[type=checkbox]')) box.checked = event.target.checked;
      updateSelection();
    });
  }

  async function main() {
    session = await Panel.start('/manage/api-accounts');
    if (session.role !== 'owner') {
      $('owner-only').hidden = false;
      return;
    }
    $('owner-view').hidden = false;
    listen();
    await Promise.all([refresh(), CredentialPolicy.show()]);
  }

  main().catch(error => showError($('page-error'), error));
})();
