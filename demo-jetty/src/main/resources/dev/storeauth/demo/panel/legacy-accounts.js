'use strict';
(() => {
  const { el, trashIcon, call, showError, confirm, download, timeEl, checkedSeconds } = Panel;
  const $ = id => document.getElementById(id);
  let editing = null;
  let issued = null;

  function usernameCell(account) {
    const cell = el('td', {}, el('code', { text: account.username }));
    if (account.old_token_expires_at && new Date(account.old_token_expires_at) > new Date()) {
      cell.append(el('div', { class: 'note overlap' }, 'Old token valid until ',
        timeEl(account.old_token_expires_at)));
    }
    return cell;
  }

  function lastUsedCell(account) {
    const cell = el('td', { class: 'last-used' }, timeEl(account.last_used_at));
    if (account.last_used_from) {
      cell.append(el('div', { class: 'note' }, 'from ', el('code', { text: account.last_used_from })));
    }
    return cell;
  }

  function row(account) {
    return el('tr', { 'data-username': account.username }, usernameCell(account),
      el('td', {}, timeEl(account.created_at)), lastUsedCell(account),
      el('td', {},
        el('button', { type: 'button', class: 'edit-account', text: 'Edit', onclick: () => openEdit(account) }),
        el('button', { type: 'button', class: 'icon delete-account', title: `Delete ${account.username}`,
          'aria-label': `Delete ${account.username}`, onclick: () => remove(account) }, trashIcon())));
  }

  async function refresh() {
    const accounts = await call('GET', 'legacy-accounts');
    $('accounts').tBodies[0].replaceChildren(...accounts.map(row));
    $('no-accounts').hidden = accounts.length > 0;
  }

  async function create(event) {
    event.preventDefault();
    try {
      showToken(await call('POST', 'legacy-accounts', { username: $('new-username').value }));
      $('create-form').reset();
      showError($('page-error'), null);
      await refresh();
    } catch (error) {
      showError($('page-error'), error);
    }
  }

  function openEdit(account) {
    editing = account;
    $('edit-username').textContent = account.username;
    document.querySelector('input[name="legacy-overlap"][value="0"]').checked = true;
    $('edit-dialog').showModal();
  }

  async function regenerate() {
    try {
      const token = await call('POST', `legacy-accounts/${encodeURIComponent(editing.ref)}/token`,
        { old_token_expires_in: checkedSeconds('legacy-overlap') });
      $('edit-dialog').close();
      showToken(token);
      await refresh();
    } catch (error) {
      $('edit-dialog').close();
      showError($('page-error'), error);
    }
  }

  async function remove(account) {
    if (!await confirm(`Delete the legacy API account "${account.username}"? Its token stops working at once.`,
      'Delete')) return;
    try {
      await call('DELETE', `legacy-accounts/${encodeURIComponent(account.ref)}`);
      showError($('page-error'), null);
    } catch (error) {
      showError($('page-error'), error);
    }
    await refresh();
  }

  function showToken(token) {
    issued = token;
    $('token-username').textContent = token.username;
    $('token-value').textContent = token.api_token;
    $('token-api-path').textContent = token.api_path;
    const old = token.old_token_expires_at;
    $('token-old-row').hidden = !old;
    const stopped = old && new Date(old) <= new Date();
    $('token-old').replaceChildren(...(old ? [stopped ? 'stopped working at ' : 'works until ', timeEl(old)] : []));
    $('token-dialog').showModal();
  }

  function credentialsText(token) {
    const old = token.old_token_expires_at ? `old_token_expires_at: ${token.old_token_expires_at}\n` : '';
    return `username: ${token.username}\napi_token: ${token.api_token}\napi_path: ${token.api_path}\n${old}`
      + 'This token is shown once and cannot be shown again.\n';
  }

  async function main() {
    const session = await Panel.start('/manage/legacy-accounts');
    if (session.role !== 'owner') {
      $('owner-only').hidden = false;
      return;
    }
    $('owner-view').hidden = false;
    $('create-form').addEventListener('submit', create);
    $('edit-close').addEventListener('click', () => $('edit-dialog').close());
    $('generate-token').addEventListener('click', regenerate);
    $('download-token').addEventListener('click',
      () => download(`legacy-api-token-${issued.username}.txt`, credentialsText(issued)));
    $('token-done').addEventListener('click', () => $('token-dialog').close());
    $('token-dialog').addEventListener('close', () => {
      $('token-value').textContent = '';
      issued = null;
    });
    await refresh();
  }

  main().catch(error => showError($('page-error'), error));
})();
