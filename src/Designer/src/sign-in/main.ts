import { currentLanguage } from '../i18n/language';
import { createTranslate } from '../i18n/translate';
import { signIn } from '../shared/api';
import './sign-in.css';

/** Only a path on this host, so a crafted link cannot send the administrator elsewhere after signing in. */
function safeReturnUrl(value: string | null): string {
  return value !== null && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/designer';
}

const translate = createTranslate(currentLanguage());
document.documentElement.lang = currentLanguage();
const root = document.getElementById('sign-in')!;
root.innerHTML = `
  <form class="sign-in-form">
    <h1>${translate('Designer')}</h1>
    <label>${translate('User name')} <input name="userName" autocomplete="username" required /></label>
    <label>${translate('Password')} <input name="password" type="password" autocomplete="current-password" required /></label>
    <button type="submit">${translate('Sign in')}</button>
    <p class="sign-in-error" role="alert"></p>
  </form>`;

const form = root.querySelector('form')!;
const error = root.querySelector<HTMLElement>('.sign-in-error')!;
form.addEventListener('submit', event => {
  event.preventDefault();
  const data = new FormData(form);
  error.textContent = '';
  signIn(String(data.get('userName')), String(data.get('password')))
    .then(() => window.location.assign(safeReturnUrl(new URLSearchParams(window.location.search).get('returnUrl'))))
    .catch((failure: unknown) => {
      error.textContent = failure instanceof Error ? failure.message : String(failure);
    });
});
