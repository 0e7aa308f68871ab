'use strict';
(() => {
  const { el, trashIcon, call, showError, confirm, download, time } = Panel;
  const $ = id => document.getElementById(id);
  let session;
  let accounts = [];
  let created = null;

  function scopeSummary(scopes) {
    const granted = Object.entries(scopes).filter(([, level]) => level !== 'none');
    return granted.length ? granted.map(([resource, level]) => `${resource}: ${level}`).join(', ') : 'none';
  }

  function row(account) {
    const box = el('input', { type: 'checkbox', 'aria-label': `Select ${account.name}`, 'data-id': account.id,
      onchange: updateSelection });
    const trash = el('button', { type: 'button', class: 'icon delete-account', title: `Delete ${account.name}`,
      'aria-label': `Delete ${account.name}`, onclick: () => remove([account]) }, trashIcon());
    return el('tr', { 'data-id': account.id },
      el('td', {}, box), el('td', { class: 'name', text: account.name }),
      el('td', {}, el('code', { text: account.client_id })),
      el('td', { class: 'scopes', text: scopeSummary(account.scopes) }),
      el('td', { text: time(account.created_at) }), el('td', { text: time(account.last_used_at) }),
      el('td', {}, trash));
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
    $('create-dialog').showModal();
  }

  async function save(event) {
    event.preventDefault();
    const scopes = {};
    for (const radio of document.querySelectorAll('#scope-table input[type=radio]:checked')) {
      scopes[radio.name.slice('scope-'.length)] = radio.value;
    }
    $('create-save').disabled = true;
    try {
      created = await call('POST', 'api-accounts', { name: $('account-name').value, scopes });
      $('create-dialog').close();
      showSecrets(created);
      await refresh();
    } catch (error) {
      showError($('create-error'), error);
    } finally {
      $('create-save').disabled = false;
    }
  }

  function showSecrets(account) {
    $('secret-client-id').textContent = account.client_id;
    $('secret-client-secret').textContent = account.client_secret;
    $('secret-access-token').textContent = account.access_token;
    $('secret-api-path').textContent = account.api_path;
    $('secrets-dialog').showModal();
  }

  function forgetSecrets() {
    for (const id of ['secret-client-id', 'secret-client-secret', 'secret-access-token', 'secret-api-path']) {
      $(id).textContent = '';
    }
    created = null;
  }

  async function main() {
    session = await Panel.start('/manage/api-accounts');
    if (session.role !== 'owner') {
      $('owner-only').hidden = false;
      return;
    }
    $('owner-view').hidden = false;
    $('create-account').addEventListener('click', openCreate);
    $('create-cancel').addEventListener('click', () => $('create-dialog').close());
    $('create-form').addEventListener('submit', save);
    $('download-credentials').addEventListener('click',
      () => download(`api-credentials-${created.client_id}.txt`, created.credentials_txt));
    $('secrets-done').addEventListener('click', () => $('secrets-dialog').close());
    $('secrets-dialog').addEventListener('close', forgetSecrets);
    $('bulk-delete').addEventListener('click', () => remove(selected()));
    $('select-all').addEventListener('change', event => {
      for (const box of document.querySelectorAll('#accounts tbody input[type=checkbox]')) box.checked = event.target.checked;
      updateSelection();
    });
    await refresh();
  }

  main().catch(error => showError($('page-error'), error));
})();
