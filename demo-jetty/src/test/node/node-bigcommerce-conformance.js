'use strict';

// node-bigcommerce 4.1.0 against the packaged demo, run as the platform's users run it, and one JSON
// line saying what it did at each step (see demo-connection.js). The library always connects to
// api.bigcommerce.com:443; its `agent` option is the way in. With MODE=steps: CRUD on a v3 product,
// v2 lists (bare and .json), responseType xml, a scope denial, and the call after the Java test
// deleted the account (it pauses for that). With MODE=quota: REQUESTS GETs one after another.
//
// Environment: DEMO_PORT, DEMO_CA, STORE_HASH, MODE, REQUESTS, and CLIENT_ID/TOKEN for each account:
// FULL (products modify, orders read-only), NARROW (products read-only), DOOMED (deleted mid-run).

const { DemoAgent, step, pause, finish, run } = require('./demo-connection');
const BigCommerce = require('node-bigcommerce');

const env = process.env;
const agent = new DemoAgent();

function client(account, apiVersion, responseType) {
  return new BigCommerce({ clientId: env[account + '_CLIENT_ID'], accessToken: env[account + '_TOKEN'],
    storeHash: env.STORE_HASH, apiVersion, responseType: responseType || 'json', agent });
}

/** What the library's error carries: it sets `code` to the HTTP status and keeps the body, not the headers. */
function failure(e) {
  return { message: e.message, status: e.code === undefined ? null : e.code, body: e.responseBody || null,
    retryAfter: e.retryAfter === undefined ? null : e.retryAfter };
}

const product = page => page && page.data ? { id: page.data.id, name: page.data.name, price: page.data.price } : page;
const records = list => Array.isArray(list) ? { records: list.length } : list;

async function steps() {
  const v3 = client('FULL', 'v3');
  const v2 = client('FULL', 'v2');
  const created = await step('create', () => v3.post('/catalog/products',
    { name: 'Conformance hat', type: 'physical', price: 10, weight: 1 }), product, failure);
  const path = '/catalog/products/' + (created.ok ? created.value.id : 0);
  await step('read', () => v3.get(path), product, failure);
  await step('update', () => v3.put(path, { price: 12.5 }), product, failure);
  await step('delete', () => v3.delete(path), body => ({ body }), failure);
  await step('readDeleted', () => v3.get(path), product, failure);
  await step('v2List', () => v2.get('/orders'), records, failure);
  await step('v2Json', () => v2.get('/products.json'), records, failure);
  await step('v2Xml', () => client('FULL', 'v2', 'xml').get('/products'), records, failure);
  await step('forbidden', () => client('NARROW', 'v3').get('/orders'), records, failure);
  const doomed = client('DOOMED', 'v3');
  await step('beforeDelete', () => doomed.get('/catalog/products'), page => records(page.data), failure);
  await pause('delete DOOMED');
  await step('afterDelete', () => doomed.get('/catalog/products'), page => records(page.data), failure);
}

async function quota() {
  const v3 = client('FULL', 'v3');
  for (let i = 0; i < Number(env.REQUESTS); i++) {
    await step('get' + i, () => v3.get('/catalog/products?limit=5'), page => records(page.data), failure);
  }
}

run(async () => {
  await (env.MODE === 'quota' ? quota() : steps());
  finish('node-bigcommerce', require('node-bigcommerce/package.json').version);
});
