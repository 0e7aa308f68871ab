'use strict';
(() => {
  const form = document.getElementById('login-form');
  const error = document.getElementById('login-error');

  /* Only a control-panel path of this site, so a crafted link cannot send the user elsewhere. */
  function next() {
    const target = new URLSearchParams(location.search).get('next');
    return target && /^\/manage\/[a-z-]*$/.test(target) ? target : '/manage/api-accounts';
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    error.hidden = true;
    const response = await fetch('/manage/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ email: form.email.value, password: form.password.value })
    });
    if (response.ok) {
      location.assign(next());
      return;
    }
    const body = await response.json().catch(() => ({}));
    error.textContent = response.status === 401 ? 'Wrong e-mail address or password.'
      : (body.detail || `Sign-in failed (HTTP ${response.status}).`);
    error.hidden = false;
  });
})();
