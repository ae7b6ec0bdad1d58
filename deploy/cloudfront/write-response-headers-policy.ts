/**
 * Writes response-headers-policy.json from src/lib/security-headers.ts, so CloudFront sends exactly
 * the headers dist/_headers lists. Run after changing the policy; a unit test fails until you do.
 *
 *   node deploy/cloudfront/write-response-headers-policy.ts
 */
import { writeFileSync } from 'node:fs';
import { cloudFrontResponseHeadersPolicy } from '../../src/lib/security-headers.ts';

const file = new URL('./response-headers-policy.json', import.meta.url);
writeFileSync(file, `${JSON.stringify(cloudFrontResponseHeadersPolicy(), null, 2)}\n`);
console.log(`Wrote ${file.pathname}`);
