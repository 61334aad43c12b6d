/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS file run by Node directly */
/* global require, module, process, __dirname, URL, console */
/* Builds the taskpane (React + Fluent UI) and the ribbon's function file, and copies the manifest.
 *   npm run build        production bundle in dist/, manifest URLs rewritten to the production host
 *   npm run build:dev    development bundle in dist/, manifest left on https://localhost:3000/
 *   npm run dev-server   https://localhost:3000/ with office-addin-dev-certs certificates (only when serving)
 * `--env e2e` builds the browser end-to-end harness instead (tests/e2e/harness.tsx: the in-memory Excel, no office.js).
 * The no-install web page (web/webpack.part.js) is built beside the add-in into dist/web/index.html; `--env webOnly`
 * builds only the page, into test-artifacts/web-dist (the web e2e test and the bench).
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
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
    entry: webOnly ? webPage.entry : e2e ? { taskpane: taskpaneEntry } : { taskpane: taskpaneEntry, commands: './taskpane/commands.ts', ...webPage.entry },
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
      ...(e2e ? [] : webPage.plugins),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'taskpane/help.html', to: 'help.html' },
          ...(e2e
            ? []
            : [
                {
                  from: 'manifest*.xml',
                  to: '[name][ext]',
                  transform(content) {
                    return dev ? content : rewriteManifestUrls(content.toString(), productionUrl());
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
module.exports.productionUrl = productionUrl;
