// The patches to dockerode and docker-modem (scripts/build-patches.mjs has
// how a patch applies and fails, and the list the build uses).

/**
 * docker-modem requires Node's https at load, which loads tls and crypto's
 * secure contexts: 15 to 35 ms of CPU at every start, for the TLS hosts only.
 * It reaches https only through .request (and .get on a redirect), so those
 * load it on first use.
 */
export const modemLazyHttps = {
	name: 'modem-lazy-https',
	filter: /docker-modem[\\/]lib[\\/]http\.js$/,
	edits: [
		["var nativeHttps = require('https'),", `var nativeHttps = {
    request: function () { var https = require('https'); return https.request.apply(https, arguments); },
    get: function () { var https = require('https'); return https.get.apply(https, arguments); }
  },`],
	],
	why: "Node's https and tls load at every start: slower start-up",
};

/**
 * dockerode's util module loads tar-fs (with tar-stream, bl and
 * readable-stream) and zlib as it loads, for the one function that packs a
 * build context, which Porthole never calls (it packs its own). They load on
 * first use instead.
 */
export const dockerodeLazyTar = {
	name: 'dockerode-lazy-tar',
	filter: /dockerode[\\/]lib[\\/]util\.js$/,
	edits: [
		["var tar = require('tar-fs');\nvar zlib = require('zlib');", `var tar = {
  pack: function () { var real = require('tar-fs'); return real.pack.apply(real, arguments); }
};
var zlib = {
  createGzip: function () { var real = require('zlib'); return real.createGzip.apply(real, arguments); }
};`],
	],
	why: 'tar-fs, tar-stream and zlib load at every start: slower start-up',
};

/**
 * docker-modem writes every request's options out with util.inspect (hidden
 * properties, no depth limit) for its debug log, whether that log is on or
 * not: with an agent in the options (every engine has one), a few ms of every
 * request, and 200 ms of the first. It now does so only when DEBUG asks for it.
 */
export const modemQuietDebug = {
	name: 'modem-quiet-debug',
	filter: /docker-modem[\\/]lib[\\/]modem\.js$/,
	edits: [["  debug('Sending: %s', util.inspect(options, {", "  if (debug.enabled) debug('Sending: %s', util.inspect(options, {"]],
	why: 'every request is written out for a debug log nobody reads: more CPU',
};
