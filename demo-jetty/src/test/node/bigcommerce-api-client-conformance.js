'use strict';

// bigcommerce-api-client 0.7.19 against the packaged demo, with its default configuration, and one
// JSON line saying what it did at each step (see demo-connection.js). Its axios instance has the
// base URL https://api.bigcommerce.com/stores/{hash} built in; the instance is public, so the
// demo's agent goes in as its httpsAgent (and proxy is off, whatever the environment says). The
// library has no .json suffix of its own: the v2 .json step calls its low-level get with one.
// Its retry log (console.error, with the whole axios error, token included) is kept as first lines only.
//
// Environment: as node-bigcommerce-conformance.js (it sends no X-Auth-Client, so CLIENT_IDs go unused).

const { DemoAgent, step, pause, finish, run } = require('./demo-connection');
const { BigCommerceApiClient } = require('bigcommerce-api-client');

const env = process.env;
const agent = new DemoAgent();
const libraryLog = [];
console.error = (first) => libraryLog.push({ at: Date.now(), line: String(first) });

function client(account) {
  const api = new BigCommerceApiClient({ storeHash: env.STORE_HASH, accessToken: env[account + '_TOKEN'] });
  api.apiClient.axiosInstance.defaults.httpsAgent = agent;
  api.apiClient.axiosInstance.defaults.proxy = false;
  return api;
}

/** What the library's error carries: its own message, and the axios error as `cause` with the response. */
function failure(e) {
  const response = e.cause && e.cause.response;
  return { message: e.message, status: response ? response.status : null,
    wwwAuthenticate: response ? response.headers['www-authenticate'] || null : null,
    retryAfter: response ? response.headers['x-retry-after'] || null : null,
    body: response ? JSON.stringify(response.data) : null };
}

const product = page => page && page.data ? { id: page.data.id, name: page.data.name, price: page.data.price } : page;
const records = list => Array.isArray(list) ? { records: list.length } : list;

async function steps() {
  const api = client('FULL');
  const products = api.catalog.products;
  const created = await step('create', () => products.createProduct(
    { name: 'Conformance hat', type: 'physical', price: 10, weight: 1 }), product, failure);
  const id = created.ok ? created.value.id : 0;
  await step('read', () => products.getProduct(id), product, failure);
  await step('update', () => products.updateProduct(id, { price: 12.5 }), product, failure);
  await step('delete', () => products.deleteProduct(id), body => ({ body: body === undefined ? null : body }), failure);
  await step('readDeleted', () => products.getProduct(id), product, failure);
  await step('v2List', () => api.orders.getAllOrders(), records, failure);
  await step('v2Json', () => api.apiClient.get('/v2/products.json'), response => records(response.data), failure);
  await step('forbidden', () => client('NARROW').orders.getAllOrders(), records, failure);
  const doomed = client('DOOMED').catalog.products;
  await step('beforeDelete', () => doomed.getAllProducts(), page => records(page.data), failure);
  await pause('delete DOOMED');
  await step('afterDelete', () => doomed.getAllProducts(), page => records(page.data), failure);
}

async function quota() {
  const products = client('FULL').catalog.products;
  for (let i = 0; i < Number(env.REQUESTS); i++) {
    await step('get' + i, () => products.getAllProducts({}, 1, 5), page => records(page.data), failure);
  }
}

run(async () => {
  await (env.MODE === 'quota' ? quota() : steps());
  finish('bigcommerce-api-client', require('bigcommerce-api-client/package.json').version, { libraryLog });
});
