/**
 * Masking of personal data for everyone who does not need it (PIPL art. 28: minimise sensitive data).
 * 张三丰 → 张*, 13812341234 → 138****1234, an address keeps its first part only.
 */

/** Family name and one star. */
export function maskName(name: string | undefined): string {
  if (!name) return '';
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return `${chars[0]}*`;
}

/** First three and last four digits. */
export function maskPhone(phone: string | undefined): string {
  if (!phone) return '';
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** The first six characters (district/street level), the rest hidden. */
export function maskAddress(address: string | undefined): string {
  if (!address) return '';
  const chars = [...address.trim()];
  return chars.length <= 6 ? `${chars.slice(0, 2).join('')}****` : `${chars.slice(0, 6).join('')}****`;
}
