/**
 * The idmc login page (kaspi-api.md §1a, §1b), with the field selectors every tool uses. Each step
 * is its own form with its own `.button.is-primary`, and the page header carries another one
 * ("Стать продавцом", which leaves the login): a client must click the button of the form it
 * filled, not the first primary button on the page. An e-mail login's code step says the code went
 * to that e-mail (§1d: employees' logins get it by e-mail, not SMS). The page talks to the same JSON
 * API as pure-HTTP clients (§1c, §1d).
 */
export function loginPage(): string {
  return `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><title>Kaspi Магазин — вход</title>
<style>
body{font-family:sans-serif;background:#f5f5f5;margin:0}
.box{max-width:380px;margin:60px auto;background:#fff;padding:24px;border-radius:8px}
.tabs ul{display:flex;gap:12px;list-style:none;padding:0}
.tabs a{cursor:pointer;color:#555}.tabs li.is-active a{color:#f14635;font-weight:bold}
.field{margin:12px 0}.input{width:100%;padding:8px;box-sizing:border-box}
.button.is-primary{background:#f14635;color:#fff;border:0;padding:10px 16px;border-radius:4px;cursor:pointer;width:100%}
.top{display:flex;justify-content:flex-end;padding:8px 16px}.top .button.is-primary{width:auto;text-decoration:none}
.notification.is-danger{background:#ffe5e5;color:#a00;padding:8px;border-radius:4px}
</style></head>
<body><header class="top"><a class="button is-primary" href="/become-seller">Стать продавцом</a></header>
<div class="box"><h1>Kaspi Магазин</h1><div id="app"></div></div>
<script>
const app = document.getElementById('app');
const st = { step: 'email', email: '', phone: '', error: '' };
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
function tabs() {
  const phone = st.step === 'phone' || st.step === 'phone-code';
  return '<div class="tabs"><ul><li class="' + (phone ? '' : 'is-active') + '"><a data-tab="email">Email</a></li>'
    + '<li class="' + (phone ? 'is-active' : '') + '"><a data-tab="phone">Телефон</a></li></ul></div>';
}
function field(id, type, value, extra) {
  return '<div class="field"><input class="input" id="' + id + '" type="' + type + '" value="' + esc(value || '') + '" ' + (extra || '') + '></div>';
}
function render() {
  let form = '';
  if (st.step === 'email') form = field('user_email_field', 'text', st.email, 'name="username" placeholder="Email" autocomplete="username"');
  if (st.step === 'password') form = field('user_email_field', 'text', st.email, 'name="username" placeholder="Email"') + field('password_field', 'password', '', 'name="password" placeholder="Пароль" autocomplete="current-password"');
  if (st.step === 'mfa') form = '<p class="code-sent">Код подтверждения отправлен на e-mail ' + esc(st.email) + '. Введите код из письма.</p>' + field('sms_code_field', 'text', '', 'name="sms-code" inputmode="numeric" autocomplete="one-time-code"');
  if (st.step === 'phone') form = field('user_phone_field', 'tel', st.phone, 'name="phone" placeholder="+7 (___) ___-__-__"');
  if (st.step === 'phone-code') form = '<p class="code-sent">Код отправлен в SMS на ' + esc(st.phone) + '</p>' + field('security_code_field', 'text', '', 'name="security-code" inputmode="numeric" autocomplete="one-time-code"');
  const error = st.error ? '<div class="notification is-danger">' + esc(st.error) + '</div>' : '';
  app.innerHTML = tabs() + error + '<form id="login_form" novalidate>' + form + '<button type="submit" class="button is-primary">Продолжить</button></form>';
  const first = app.querySelector('input:not([value]), input[value=""]');
  if (first) first.focus();
}
function mask(raw) {
  const d = raw.replace(/\\D/g, '').slice(-10);
  return '+7 (' + d.slice(0, 3) + ') ' + d.slice(3, 6) + '-' + d.slice(6, 8) + '-' + d.slice(8, 10);
}
async function api(body) {
  const r = await fetch('/api/p/login', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, credentials: 'same-origin', body: JSON.stringify(body) });
  let data = {};
  try { data = await r.json(); } catch (e) { data = { errorCode: 'BAD_RESPONSE' }; }
  return { status: r.status, data };
}
function fail(data) {
  if (data.errorCode === 'MFA_SEND_FLOOD') return 'Превышено количество отправок кода. Повторите через ' + ((data.errorData || {}).breakTimeSeconds || 60) + ' сек.';
  return data.errorMessage || 'Ошибка входа';
}
async function submit() {
  const val = (id) => { const el = document.getElementById(id); return el ? el.value : ''; };
  let r;
  st.error = '';
  if (st.step === 'email') { st.email = val('user_email_field').trim(); if (st.email) st.step = 'password'; render(); return; }
  if (st.step === 'password') { st.email = val('user_email_field').trim(); r = await api({ _u: st.email, _p: val('password_field'), _r_d: false }); }
  if (st.step === 'mfa') r = await api({ _u: st.email, _m_c: val('sms_code_field').trim(), _r_d: true });
  if (st.step === 'phone') { st.phone = mask(val('user_phone_field')); r = await api({ _ph: st.phone }); }
  if (st.step === 'phone-code') r = await api({ _c: val('security_code_field').trim() });
  if (r.status === 200 && r.data.redirectUrl) { location.href = r.data.redirectUrl; return; }
  if (r.status === 200 && st.step === 'password') st.step = 'mfa';
  else if (r.status === 200 && st.step === 'phone') st.step = 'phone-code';
  else st.error = fail(r.data);
  render();
}
app.addEventListener('submit', (e) => { e.preventDefault(); submit(); });
app.addEventListener('click', (e) => {
  const tab = e.target.closest('[data-tab]');
  if (!tab) return;
  st.step = tab.dataset.tab === 'phone' ? 'phone' : 'email';
  st.error = '';
  render();
});
render();
</script></body></html>`;
}

/** What the login page turns into under a "captcha" fault: no form, nothing to fill. */
export function captchaPage(): string {
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Проверка</title></head>
<body><div class="captcha"><h1>Подтвердите, что вы не робот</h1><div class="g-recaptcha" data-sitekey="sim"></div></div></body></html>`;
}

/** Where the header's "Стать продавцом" leads: away from the login, with no form on it. */
export function becomeSellerPage(): string {
  return '<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Стать продавцом</title></head><body><h1>Продавайте на Kaspi.kz</h1><p>Заполните заявку на сайте.</p></body></html>';
}
