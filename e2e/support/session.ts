import { Secret, TOTP } from 'otpauth';
import type { BrowserContext } from 'playwright-core';
import { DEMO_PASSWORD } from './server.js';

export interface Enrolled {
  secret: string;
  /** The next unused TOTP code (each call moves one step forward, as replays are refused). */
  nextCode(): string;
}

/**
 * Signs a demo person in through the API inside the browser context (sharing its cookies), enrolling
 * 2FA on the way, so journeys that are not about sign-in start on a signed-in page.
 */
export async function signInViaApi(
  context: BrowserContext,
  baseUrl: string,
  email: string,
  locale: 'sq' | 'sr' | 'en' = 'en',
): Promise<Enrolled> {
  const req = context.request;
  const login = await req.post(`${baseUrl}/api/auth/login`, { data: { email, password: DEMO_PASSWORD } });
  if (!login.ok()) throw new Error(`login failed: ${await login.text()}`);
  let csrf = (await login.json()).csrfToken as string;
  const start = await req.post(`${baseUrl}/api/auth/totp/enrol/start`, { headers: { 'x-csrf-token': csrf }, data: {} });
  if (!start.ok()) throw new Error(`enrol failed: ${await start.text()}`);
  const secret = (await start.json()).secret as string;
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 });
  let step = 0;
  const nextCode = () => totp.generate({ timestamp: Date.now() + step++ * 30_000 });
  const confirm = await req.post(`${baseUrl}/api/auth/totp/enrol/confirm`, {
    headers: { 'x-csrf-token': csrf },
    data: { code: nextCode() },
  });
  if (!confirm.ok()) throw new Error(`enrol confirm failed: ${await confirm.text()}`);
  const me = await (await req.get(`${baseUrl}/api/auth/me`)).json();
  csrf = me.csrfToken;
  await req.put(`${baseUrl}/api/me/preferences`, { headers: { 'x-csrf-token': csrf }, data: { locale } });
  return { secret, nextCode };
}
