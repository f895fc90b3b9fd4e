/**
 * Key-shaped strings: what a leaked credential looks like in a file. Built from parts so that this
 * file does not match itself.
 */
export const SECRET_PATTERNS: readonly { readonly name: string; readonly re: RegExp }[] = [
  // Tencent Cloud API SecretId: AKID followed by 32 letters and digits (36 in all).
  { name: 'Tencent Cloud SecretId', re: new RegExp(`\\b${'AK'}ID[0-9A-Za-z]{32}\\b`) },
  { name: 'private key block', re: new RegExp(`-----${'BEGIN'} ([A-Z0-9]+ )*PRIVATE KEY-----`) },
  // A long hex or base64 literal assigned to something named like a secret.
  {
    name: 'secret assignment',
    re: /(?:secret|token|password|passwd|api_?key|secret_?key|private_?key|app_?secret|access_?key)[A-Za-z0-9_]*["']?\s*[:=]\s*["'`](?:[0-9a-fA-F]{32,}|[A-Za-z0-9+/]{32,}={0,2})["'`]/i,
  },
];

/** Each pattern that `text` matches, with the matched text shortened so a report does not repeat the secret. */
export function findSecrets(text: string): string[] {
  return SECRET_PATTERNS.flatMap(({ name, re }) => {
    const m = re.exec(text);
    return m ? [`${name}: ${m[0].slice(0, 12)}…`] : [];
  });
}
