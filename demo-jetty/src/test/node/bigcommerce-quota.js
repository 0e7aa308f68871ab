'use strict';

// Calls the demo's store API through node-bigcommerce, a client written for the platform, one GET
// after another, and prints one JSON line saying what happened: each call's outcome, and every HTTP
// request the library sent with its status, X-Retry-After and when the next request followed.
//
// node-bigcommerce 4.1.0 always connects to api.bigcommerce.com:443; its `agent` option is the one
// way in, so the agent here opens every connection to DEMO_PORT on 127.0.0.1 instead, keeps the
// name for SNI and the Host header (the demo runs with --public-host api.bigcommerce.com) and trusts
// only the demo's certificate (DEMO_CA). One connection per request: keepAlive is off.
//
// Environment: DEMO_PORT, DEMO_CA, STORE_HASH, CLIENT_ID, ACCESS_TOKEN, REQUESTS (default 12), and
// FAIL_ON_LIMIT=1 for the library's failOnLimitReached (then it stops at the first error).

const fs = require('fs');
const https = require('https');

const sent = [];
const originalRequest = https.request;
// The library calls https.request for every attempt, its retries included: count them here.
https.request = function countedRequest(...args) {
  const entry = { at: Date.now() };
  sent.push(entry);
  const request = originalRequest.apply(this, args);
  request.on('response', response => {
    entry.status = response.statusCode;
    entry.answeredAt = Date.now();
    entry.retryAfter = response.headers['x-retry-after'];
    entry.left = response.headers['x-rate-limit-requests-left'];
  });
  return request;
};

const BigCommerce = require('node-bigcommerce');

class DemoAgent extends https.Agent {
  createConnection(options, callback) {
    return super.createConnection(Object.assign({}, options,
      { host: '127.0.0.1', port: Number(process.env.DEMO_PORT) }), callback);
  }
}

async function main() {
  const failOnLimitReached = process.env.FAIL_ON_LIMIT === '1';
  const requests = Number(process.env.REQUESTS || 12);
  const client = new BigCommerce({
    clientId: process.env.CLIENT_ID,
    accessToken: process.env.ACCESS_TOKEN,
    storeHash: process.env.STORE_HASH,
    responseType: 'json',
    apiVersion: 'v3',
    failOnLimitReached,
    agent: new DemoAgent({ ca: fs.readFileSync(process.env.DEMO_CA), keepAlive: false })
  });
  const started = Date.now();
  const calls = [];
  for (let i = 0; i < requests; i++) {
    try {
      const page = await client.get('/catalog/products?limit=5');
      calls.push({ ok: true, records: page.data.length });
    } catch (e) {
      calls.push({ ok: false, message: e.message, retryAfter: e.retryAfter === undefined ? null : e.retryAfter });
      if (failOnLimitReached) {
        break;
      }
    }
  }
  sent.forEach((entry, i) => {
    if (i + 1 < sent.length && entry.answeredAt !== undefined) {
      entry.nextAfterMs = sent[i + 1].at - entry.answeredAt;
    }
  });
  process.stdout.write(JSON.stringify({ calls, sent, elapsedMs: Date.now() - started }) + '\n');
}

// Exits on its own: the library never reads a 429's body, so those connections would keep node waiting.
main().then(() => process.exit(0), e => {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exit(1);
});
