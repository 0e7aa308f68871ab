'use strict';
/* The Store API Accounts page's credential policy section, for the owner: whether new accounts must
   expire, and their longest lifetime in days (sent as seconds, null for no limit). */
const CredentialPolicy = (() => {
  const { call, showError } = Panel;
  const $ = id => document.getElementById(id);
  const DAY = 86400;

  async function load() {
    const policy = await call('GET', 'credential-policy');
    $('policy-require-expiry').checked = policy.require_expiry;
    $('policy-max-days').value = policy.max_lifetime ? String(Number((policy.max_lifetime / DAY).toFixed(3))) : '';
  }

  async function save(event) {
    event.preventDefault();
    $('policy-status').textContent = '';
    const days = $('policy-max-days').value.trim();
    try {
      if (days && !(Number(days) > 0)) {
        throw new Error('The longest lifetime is a number of days above 0, or empty for no limit.');
      }
      await call('PUT', 'credential-policy', { require_expiry: $('policy-require-expiry').checked,
        max_lifetime: days ? Math.max(1, Math.round(Number(days) * DAY)) : null });
      showError($('policy-error'), null);
      $('policy-status').textContent = 'Saved.';
      await load();
    } catch (error) {
      showError($('policy-error'), error);
    }
  }

  /* Loads the policy into the form and handles its saving; a failure shows in the section. */
  function show() {
    $('policy-form').addEventListener('submit', save);
    return load().catch(error => showError($('policy-error'), error));
  }

  return { show };
})();
