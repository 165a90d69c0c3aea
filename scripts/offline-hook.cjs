// Preloaded (node -r) into tools that must run offline (electronegativity): every DNS lookup and
// every socket to a host other than this machine fails at once instead of reaching the network.
const dns = require('node:dns');
const net = require('node:net');
const offline = () => Object.assign(new Error('offline: network access disabled'), { code: 'ENOTFOUND' });
dns.lookup = function lookup(_host, opts, cb) {
  const done = typeof opts === 'function' ? opts : cb;
  process.nextTick(() => done(offline()));
};
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const o = args[0];
  const host = o && typeof o === 'object' ? o.host : typeof args[1] === 'string' ? args[1] : undefined;
  if (host && !/^(127\.|localhost$|::1$)/.test(host)) throw offline();
  return connect.apply(this, args);
};
