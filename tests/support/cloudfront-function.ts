import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { projectRoot } from './astro-build.ts';

/** The request part of a CloudFront Functions viewer-request event. */
export interface CloudFrontRequest {
  uri: string;
  querystring: Record<string, { value: string; multiValue?: Array<{ value: string }> }>;
}

/** What a viewer-request function returns instead of the request: a response, e.g. a redirect. */
export interface CloudFrontResponse {
  statusCode: number;
  headers: Record<string, { value: string }>;
}

/** Loads deploy/cloudfront/index-rewrite.js the way CloudFront runs it: a bare `handler` function, no modules. */
export function loadIndexRewrite(): (event: {
  request: CloudFrontRequest;
}) => CloudFrontRequest | CloudFrontResponse {
  const code = readFileSync(`${projectRoot}deploy/cloudfront/index-rewrite.js`, 'utf8');
  return runInNewContext(`${code}\nhandler;`, {}) as (event: {
    request: CloudFrontRequest;
  }) => CloudFrontRequest | CloudFrontResponse;
}
