'use strict';

// What the conformance scripts share: the way into the demo for a client that always connects to
// api.bigcommerce.com:443, a record of every HTTP request a client sent and what came back, the
// steps' results, and the pause during which the Java test deletes an account.
//
// Environment: DEMO_PORT (the demo's HTTPS port on 127.0.0.1) and DEMO_CA (its certificate, PEM).

const fs = require('fs');
const https = require('https');
const readline = require('readline');

/** Every request sent through https.request, in order, with the answer's status and headers of interest. */
const sent = [];
const originalRequest = https.request;
// Both clients call https.request for every attempt, retries included (bigcommerce-api-client through
// axios and follow-redirects, which look it up on the module each time): record them here.
https.request = function recordedRequest(...args) {
  const request = originalRequest.apply(this, args);
  const entry = { at: Date.now(), method: request.method, path: request.path, host: request.getHeader('host'),
    xAuthClient: request.getHeader('x-auth-client') || null, accept: request.getHeader('accept') || null };
  sent.push(entry);
  request.on('response', response => {
    entry.answeredAt = Date.now();
    entry.status = response.statusCode;
    entry.contentType = response.headers['content-type'] || null;
    // Each WWW-Authenticate as sent: node's headers object joins them into one.
    entry.wwwAuthenticate = response.rawHeaders.filter((value, i) => i % 2 === 1
      && response.rawHeaders[i - 1].toLowerCase() === 'www-authenticate');
    entry.retryAfter = response.headers['x-retry-after'] || null;
    entry.resetMs = response.headers['x-rate-limit-time-reset-ms'] || null;
  });
  return request;
};

/**
 * Opens every connection to DEMO_PORT on 127.0.0.1 instead of the host asked for, keeping that name
 * for SNI, the certificate check and the Host header; trusts only the demo's certificate.
 */
class DemoAgent extends https.Agent {
  constructor() {
    super({ ca: fs.readFileSync(process.env.DEMO_CA), keepAlive: true });
  }

  createConnection(options, callback) {
    return super.createConnection(Object.assign({}, options,
      { host: '127.0.0.1', port: Number(process.env.DEMO_PORT) }), callback);
  }
}

/** The steps run so far, by name: what the client returned or threw, and the requests it sent meanwhile. */
const steps = {};

/** Runs `action` as step `name`, recording its value (through `view`) or its error (through `failure`). */
async function step(name, action, view, failure) {
  const first = sent.length;
  const started = Date.now();
  const result = {};
  try {
    result.value = view(await action());
    result.ok = true;
  } catch (e) {
    result.ok = false;
    result.error = failure(e);
  }
  result.elapsedMs = Date.now() - started;
  result.sent = sent.slice(first);
  steps[name] = result;
  return result;
}

/** Says on stdout that the Java test should `what`, and waits for its line on stdin saying it did. */
async function pause(what) {
  process.stdout.write(JSON.stringify({ pause: what }) + '\n');
  const lines = readline.createInterface({ input: process.stdin });
  await new Promise(resolve => lines.once('line', resolve));
  lines.close();
}

/** Prints the one result line and exits: neither client reads every body, so open sockets would keep node waiting. */
function finish(client, version, extra) {
  sent.forEach((entry, i) => {
    if (i + 1 < sent.length && entry.answeredAt !== undefined) {
      entry.nextAfterMs = sent[i + 1].at - entry.answeredAt;
    }
  });
  process.stdout.write(JSON.stringify(Object.assign({ client, version, steps, sent }, extra || {})) + '\n');
  process.exit(0);
}

/** Runs `main`, exiting 1 with its stack when it throws outside a step. */
function run(main) {
  main().catch(e => {
    process.stderr.write(String(e && e.stack || e) + '\n');
    process.exit(1);
  });
}

module.exports = { DemoAgent, sent, step, pause, finish, run };
