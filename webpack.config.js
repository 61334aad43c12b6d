/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS file run by Node directly */
/* global require, module, process, __dirname, URL, console */
/* Builds the taskpane (React + Fluent UI) and the ribbon's function file, and copies the manifest.
 *   npm run build        production bundle in dist/, manifest URLs rewritten to the production host
 *   npm run build:dev    development bundle in dist/, manifest left on https://localhost:3000/
 *   npm run dev-server   https://localhost:3000/ with office-addin-dev-certs certificates (only when serving)
 *   npm run build:intranet   the same, office.js only from the bundled copy (OFFICE_JS=bundled works too)
 * `--env e2e` builds the browser end-to-end harness instead (tests/e2e/harness.tsx: the in-memory Excel, no office.js).
 * The no-install web page (web/webpack.part.js) is built beside the add-in into dist/web/index.html; `--env webOnly`
 * builds only the page, into test-artifacts/web-dist (the web e2e test and the bench).
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { DefinePlugin } = require('webpack');
const wpsBuild = require('./wps/build');
const webPage = require('./web/webpack.part.js');

const DEV_ORIGIN = 'https://localhost:3000';
const DEFAULT_DEV_PORT = 3000;

/** The production base URL: ADDIN_PROD_URL wins over package.json "config.prodUrl"; always ends with "/". */
function productionUrl() {
  const fromEnv = process.env.ADDIN_PROD_URL;
  const fromPackage = require('./package.json').config?.prodUrl;
  const url = (fromEnv && fromEnv.trim()) || fromPackage;
  if (!url) throw new Error('No production URL: set package.json "config.prodUrl" or ADDIN_PROD_URL');
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:') throw new Error(`The production URL must be https (Office loads add-ins over https only): ${url}`);
  return parsed.href.endsWith('/') ? parsed.href : `${parsed.href}/`;
}

/**
 * office.js shipped with the add-in (taskpane/officeLoader.ts falls back to it when the CDN does not answer): the
 * @microsoft/office-js package's dist, without debug builds, IntelliSense files and other Office apps' scripts (~16 MB).
 */
const OFFICE_JS_DIST = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
const OFFICE_JS_SKIP = /(\.debug\.js|vsdoc.*|\.d\.ts)$|^(outlook|word|powerpoint|onenote|project|access)[^/]*$|\/outlook_strings\.js$/;

/**
 * `OFFICE_JS=bundled npm run build` (or `npm run build:intranet`, i.e. `--env officeJs=bundled`): the pane never tries
 * the CDN — for closed networks, where the CDN would only time out before the bundled copy is used.
 */
function officeJsBundledOnly(env = {}) {
  const value = env.officeJs || process.env.OFFICE_JS || '';
  return String(value).trim().toLowerCase() === 'bundled';
}

/** The manifest's four-part <Version> from package.json's version (0.1.0 → 0.1.0.0), so a release bumps both. */
function manifestVersion() {
  const version = require('./package.json').version;
  const parts = String(version).split(/[.+-]/).filter((p) => /^\d+$/.test(p)).slice(0, 4);
  while (parts.length < 4) parts.push('0');
  return parts.join('.');
}

/** Sets the OfficeApp's own <Version> (not those inside VersionOverrides) through a namespace-aware DOM. */
function setManifestVersion(xml) {
  const { DOMParser, XMLSerializer } = require('@xmldom/xmldom');
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const root = doc.documentElement;
  const version = Array.from(root.childNodes).find((node) => node.nodeType === 1 && node.localName === 'Version');
  if (!version) throw new Error('manifest.xml has no <Version>');
  version.textContent = manifestVersion();
  return new XMLSerializer().serializeToString(doc);
}

/** Points every dev-server URL of a manifest at the production host (AppDomain entries get its origin). */
function rewriteManifestUrls(xml, prodUrl) {
  const origin = new URL(prodUrl).origin;
  return xml.split(`${DEV_ORIGIN}/`).join(prodUrl).split(DEV_ORIGIN).join(origin);
}

/**
 * Draws the icons (scripts/make-icons.ts) into assets/ so every build ships freshly generated PNGs. A child process,
 * so it works the same from the webpack CLI and from inside jest (the e2e test), whose module loader tsx cannot hook.
 */
function makeIcons() {
  const script = path.join(__dirname, 'scripts', 'make-icons.ts');
  execFileSync(process.execPath, [require.resolve('tsx/cli'), script, path.join(__dirname, 'assets')], { stdio: 'ignore' });
}

/**
 * The dev server's certificate from office-addin-dev-certs (generated and trusted on first use). Where the CA cannot be
 * put into the system store (Linux without sudo, a container) the generated files are used anyway, with a warning:
 * the machine running Excel must then trust ca.crt by hand.
 */
async function devServerHttpsOptions() {
  const devCerts = require('office-addin-dev-certs');
  try {
    const options = await devCerts.getHttpsServerOptions();
    return { ca: options.ca, key: options.key, cert: options.cert };
  } catch (error) {
    const dir = path.join(require('os').homedir(), '.office-addin-dev-certs');
    const files = ['ca.crt', 'localhost.key', 'localhost.crt'].map((name) => path.join(dir, name));
    if (!files.every((file) => fs.existsSync(file))) throw error;
    console.warn(`[dev-server] ${error.message.split('\n')[0]}\n[dev-server] Serving with the certificate in ${dir}; trust ${files[0]} where Excel runs.`);
    const [ca, key, cert] = files.map((file) => fs.readFileSync(file));
    return { ca, key, cert };
  }
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode === 'development' ? 'development' : 'production';
  const dev = mode === 'development';
  const serving = Boolean(env.WEBPACK_SERVE);
  const e2e = Boolean(env.e2e);
  const webOnly = Boolean(env.webOnly);
  makeIcons();

  const taskpaneEntry = e2e ? './tests/e2e/harness.tsx' : './taskpane/index.tsx';
  const outputDir = e2e ? path.join(__dirname, 'test-artifacts', 'e2e-dist') : path.join(__dirname, 'dist');
  const webOnlyDir = path.join(__dirname, 'test-artifacts', 'web-dist');

  return {
    mode,
    devtool: dev && !e2e ? 'source-map' : false,
    entry: webOnly
      ? webPage.entry
      : e2e
        ? { taskpane: taskpaneEntry, ...wpsBuild.entries(true) }
        : { taskpane: taskpaneEntry, commands: './taskpane/commands.ts', ...wpsBuild.entries(false), ...webPage.entry },
    output: {
      path: webOnly ? webOnlyDir : outputDir,
      filename: dev || e2e ? '[name].js' : '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              // Type checking is `npm run typecheck`'s job; the bundle only needs the transpiled code.
              transpileOnly: true,
              configFile: path.join(__dirname, 'tsconfig.json'),
              compilerOptions: { noEmit: false, module: 'esnext', sourceMap: dev },
            },
          },
        },
        ...webPage.rules,
      ],
    },
    plugins: [
      new DefinePlugin({ __OFFICE_JS_BUNDLED_ONLY__: JSON.stringify(officeJsBundledOnly(env)) }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './taskpane/taskpane.html',
        chunks: ['taskpane'],
      }),
      ...(e2e
        ? []
        : [
            new HtmlWebpackPlugin({
              filename: 'commands.html',
              template: './taskpane/commands.html',
              chunks: ['commands'],
            }),
          ]),
      // WPS 表格's add-in (dist/wps/, dist/wps-install/): see wps/build.js.
      ...wpsBuild.plugins({ HtmlWebpackPlugin, e2e, baseUrl: dev || e2e ? `${DEV_ORIGIN}/` : productionUrl(), version: require('./package.json').version }),
      ...(e2e ? [] : webPage.plugins),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          ...wpsBuild.copyPatterns(e2e),
          { from: 'taskpane/help.html', to: 'help.html' },
          {
            from: '**/*',
            context: OFFICE_JS_DIST,
            to: 'office-js/[path][name][ext]',
            filter: (file) => !OFFICE_JS_SKIP.test(path.relative(OFFICE_JS_DIST, file).split(path.sep).join('/')),
          },
          ...(e2e
            ? []
            : [
                {
                  from: 'manifest*.xml',
                  to: '[name][ext]',
                  transform(content) {
                    const xml = setManifestVersion(content.toString());
                    return dev ? xml : rewriteManifestUrls(xml, productionUrl());
                  },
                },
              ]),
        ],
      }),
    ],
    performance: { hints: false },
    devServer: serving
      ? {
          port: Number(process.env.npm_package_config_dev_server_port) || DEFAULT_DEV_PORT,
          headers: { 'Access-Control-Allow-Origin': '*' },
          server: { type: 'https', options: await devServerHttpsOptions() },
          static: false,
        }
      : undefined,
  };
};

module.exports.rewriteManifestUrls = rewriteManifestUrls;
module.exports.setManifestVersion = setManifestVersion;
module.exports.manifestVersion = manifestVersion;
module.exports.officeJsBundledOnly = officeJsBundledOnly;
module.exports.productionUrl = productionUrl;
