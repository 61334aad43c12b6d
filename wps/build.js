/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS file required by webpack.config.js */
/* global require, module, __dirname, Buffer */
/**
 * The WPS 表格 add-in in the build (required by webpack.config.js):
 *   dist/wps/            the add-in folder WPS loads: ribbon.xml, index.html + ribbon script, taskpane.html + pane, assets
 *   dist/wps-install/    publish.xml (online mode: WPS loads dist/wps/ from the web server),
 *                        report-tables_<version>.zip + jsplugins.xml (offline mode: WPS unpacks the package)
 * In `--env e2e` only the WPS pane harness (tests/e2e/wpsHarness.tsx) is added, as wps-taskpane.html.
 */
const fs = require('fs');
const path = require('path');
const { zipSync } = require('fflate');

const NAME = 'report-tables';

function escapeAttribute(text) {
  return String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** publish.xml, online mode: one <jspluginonline> for WPS 表格 (type "et"), its url the add-in folder on the server. */
function publishXml(addinUrl) {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<jsplugins>\n  <jspluginonline name="${NAME}" type="et" url="${escapeAttribute(addinUrl)}" enable="true"/>\n</jsplugins>\n`;
}

/** jsplugins.xml, offline mode: one <jsplugin> whose url is the package (an intranet URL or a file:/// path). */
function jspluginsXml(packageUrl, version) {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<jsplugins>\n  <jsplugin name="${NAME}" type="et" url="${escapeAttribute(packageUrl)}" version="${escapeAttribute(version)}" enable="true"/>\n</jsplugins>\n`;
}

function entries(e2e) {
  return e2e ? { 'wps-taskpane': './tests/e2e/wpsHarness.tsx' } : { 'wps/ribbon': './wps/ribbon.ts', 'wps/taskpane': './wps/main.tsx' };
}

/**
 * The pages refer to their scripts by file name alone: the same folder is served from a web server (online mode) and
 * unpacked from the package into WPS's jsaddons folder (offline mode), so no path above it may appear.
 */
function page(HtmlWebpackPlugin, filename, template, chunk) {
  const source = fs.readFileSync(path.join(__dirname, template), 'utf8');
  return new HtmlWebpackPlugin({
    filename,
    chunks: [chunk],
    inject: false,
    templateContent: ({ htmlWebpackPlugin }) => {
      const scripts = htmlWebpackPlugin.files.js.map((file) => `    <script defer src="${path.posix.basename(file)}"></script>\n`).join('');
      return source.replace('</head>', `${scripts}  </head>`);
    },
  });
}

function htmlPlugins(HtmlWebpackPlugin, e2e) {
  if (e2e) return [page(HtmlWebpackPlugin, 'wps-taskpane.html', 'taskpane.html', 'wps-taskpane')];
  return [page(HtmlWebpackPlugin, 'wps/index.html', 'index.html', 'wps/ribbon'), page(HtmlWebpackPlugin, 'wps/taskpane.html', 'taskpane.html', 'wps/taskpane')];
}

function copyPatterns(e2e) {
  return e2e
    ? []
    : [
        { from: 'wps/ribbon.xml', to: 'wps/ribbon.xml' },
        { from: 'assets/*.png', to: 'wps/assets/[name][ext]' },
      ];
}

/** Writes the install files and the offline package once every dist/wps/ file exists. */
class WpsPackagePlugin {
  constructor(options) {
    this.baseUrl = options.baseUrl;
    this.version = options.version;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('WpsPackagePlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'WpsPackagePlugin', stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, (assets) => {
        const files = {};
        for (const name of Object.keys(assets).sort()) {
          if (!name.startsWith('wps/')) continue;
          files[name.slice('wps/'.length)] = new Uint8Array(assets[name].buffer());
        }
        if (!files['ribbon.xml'] || !files['index.html']) return;
        const packageName = `${NAME}_${this.version}.zip`;
        // A fixed date keeps the package byte-identical between builds of the same sources.
        const zip = zipSync(files, { level: 9, mtime: new Date('2024-01-01T00:00:00Z') });
        compilation.emitAsset(`wps-install/${packageName}`, new sources.RawSource(Buffer.from(zip)));
        compilation.emitAsset('wps-install/publish.xml', new sources.RawSource(publishXml(`${this.baseUrl}wps/`)));
        compilation.emitAsset('wps-install/jsplugins.xml', new sources.RawSource(jspluginsXml(`${this.baseUrl}wps-install/${packageName}`, this.version)));
      });
    });
  }
}

function plugins({ HtmlWebpackPlugin, e2e, baseUrl, version }) {
  return [...htmlPlugins(HtmlWebpackPlugin, e2e), ...(e2e ? [] : [new WpsPackagePlugin({ baseUrl, version })])];
}

module.exports = { entries, plugins, copyPatterns, publishXml, jspluginsXml, NAME };
