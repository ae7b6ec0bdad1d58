/**
 * Request paths a link can carry to send a reader from the guide's domain to another host (security
 * review M1), shared by the CloudFront function's unit test and the served-site checks.
 */
// Paths a link can carry to send a reader from the guide's domain to another host: a leading
// "//" or "/\" makes a Location protocol-relative, and the host after it needs no ASCII dot
// (decimal or hex IPs, %2E, the ideographic full stop U+3002 that the host parser maps to ".").
export const openRedirectPaths = [
  '//evil',
  '//evil%2Ecom',
  '//evil%2ecom',
  '//evil%E3%80%82com',
  '//evil\u3002com',
  '//evil\uFF0Ecom',
  '//3232235777',
  '//2130706433',
  '//0x7f000001',
  '/\\evil%2Ecom',
  '/\\\\evil',
  '///\\evil',
  '////evil',
  '/\\/evil',
  '\\\\evil',
  '/\t/evil',
  '/\t\\evil',
  '/\n/evil',
  '/\r\n/evil',
  '/\t\t//evil',
  '//\tevil',
  '/%2F/evil',
  '/%2F%2Fevil',
  '/%5C%5Cevil',
  '/%5Cevil',
  '/%09/evil',
  '//evil/docs/search',
  '//user@evil',
  '//evil:443',
];
