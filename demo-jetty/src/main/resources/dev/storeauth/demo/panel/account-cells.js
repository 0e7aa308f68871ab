'use strict';
/* The Store API Accounts table's cells that describe a credential's life: the name with the old
   token's overlap, the expiry, the allowed addresses and where it was last used from. */
const AccountCells = (() => {
  const { el, timeEl } = Panel;

  function name(account) {
    const cell = el('td', { class: 'name' }, el('span', { text: account.name }));
    if (account.old_token_expires_at && new Date(account.old_token_expires_at) > new Date()) {
      cell.append(el('div', { class: 'note overlap' }, 'Old token valid until ',
        timeEl(account.old_token_expires_at)));
    }
    return cell;
  }

  function expires(account) {
    const cell = el('td', {}, timeEl(account.expires_at, 'never'));
    if (account.expires_at && new Date(account.expires_at) <= new Date()) {
      cell.classList.add('expired');
      cell.prepend('Expired ');
    }
    return cell;
  }

  function allowed(account) {
    const blocks = account.allowed_ips || [];
    if (!blocks.length) return el('td', { class: 'allowed' }, el('span', { class: 'none', text: 'any' }));
    return el('td', { class: 'allowed' }, ...blocks.map(block => el('div', {}, el('code', { text: block }))));
  }

  function lastUsed(account) {
    const cell = el('td', { class: 'last-used' }, timeEl(account.last_used_at));
    if (account.last_used_from) {
      cell.append(el('div', { class: 'note' }, 'from ', el('code', { text: account.last_used_from })));
    }
    return cell;
  }

  return { name, expires, allowed, lastUsed };
})();
