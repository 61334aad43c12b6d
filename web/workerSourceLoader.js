/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS webpack loader run by Node */
/* global require, module */
/**
 * Webpack loader for `import source from './worker?worker-source'`: bundles the worker (TypeScript, with the engine
 * and the file layer) with esbuild into one classic script and hands it to the page as a string. The page starts it
 * from a blob URL, the one way a page opened from file:// may start a worker in Chromium.
 */
const esbuild = require('esbuild');

module.exports = function workerSourceLoader() {
  const callback = this.async();
  const minify = this.mode === 'production';
  esbuild
    .build({
      entryPoints: [this.resourcePath],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      target: 'es2020',
      minify,
      metafile: true,
      legalComments: 'none',
      define: { 'process.env.NODE_ENV': JSON.stringify(minify ? 'production' : 'development') },
      logLevel: 'silent',
    })
    .then((result) => {
      // Rebuild when any file the worker bundles changes (webpack --watch, the dev server).
      for (const input of Object.keys(result.metafile.inputs)) this.addDependency(require('path').resolve(input));
      callback(null, `export default ${JSON.stringify(result.outputFiles[0].text)};`);
    })
    .catch((error) => callback(error));
};
