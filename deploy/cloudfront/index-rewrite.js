// CloudFront Function (runtime cloudfront-js-2.0), associated with the distribution's default cache
// behavior as a *viewer request* function.
//
// A private S3 bucket behind origin access control has no "index document": a request for
// /data-protection/ would ask S3 for an object named "data-protection/", which does not exist. This
// function maps the site's one URL form to the file the build wrote:
//   /                       -> /index.html
//   /data-protection/       -> /data-protection/index.html
//   /data-protection        -> 301 to /data-protection/ (query string kept), the trailing-slash form
//                              used by every link, the sitemap and the canonical URLs
//   /_astro/app.Ab12.js     -> unchanged (the last segment has a file extension)
//   //evil.example          -> 301 to /evil.example/, never to //evil.example/: a Location that
//                              starts with two slashes (or backslashes, or with a tab or newline
//                              between them, which the URL parser drops) names another host
// It works the same under a subpath (/docs/...), so it needs no configuration.
// Unit test: tests/unit/cloudfront-index-rewrite.test.ts.

function handler(event) {
  var request = event.request;
  var uri = request.uri;

  if (uri.charAt(uri.length - 1) === '/') {
    request.uri = uri + 'index.html';
    return request;
  }

  var lastSegment = uri.substring(uri.lastIndexOf('/') + 1);
  if (lastSegment.indexOf('.') !== -1) {
    return request;
  }

  return {
    statusCode: 301,
    statusDescription: 'Moved Permanently',
    headers: {
      location: { value: sameOriginPath(uri) + '/' + queryString(request.querystring) },
      'cache-control': { value: 'public, max-age=3600' },
    },
  };
}

// The path with its leading run of slashes, backslashes, tabs and newlines collapsed to one "/".
// Browsers read "//host", "/\host" and "/<tab>/host" in a Location as a URL on another host (the
// URL parser drops tabs and newlines and reads "\" as "/"), so an open redirect would otherwise
// send https://guide//evil%E3%80%82com to https://evil.com/ (security review M1).
function sameOriginPath(uri) {
  return '/' + uri.replace(/^[\/\\\t\n\r]+/, '');
}

// Rebuilds "?a=1&b=2" from the event's query string object. Values arrive as the viewer sent them
// (still percent-encoded), so they are joined as they are, as AWS's own examples do.
function queryString(querystring) {
  var parts = [];
  for (var key in querystring) {
    var entry = querystring[key];
    if (entry.multiValue) {
      for (var i = 0; i < entry.multiValue.length; i++)
        parts.push(pair(key, entry.multiValue[i].value));
    } else {
      parts.push(pair(key, entry.value));
    }
  }
  return parts.length > 0 ? '?' + parts.join('&') : '';
}

function pair(key, value) {
  return value === '' ? key : key + '=' + value;
}
