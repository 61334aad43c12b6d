/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS file run by Node directly */
/* global require, module, __dirname */
/**
 * The web page's part of the build (webpack.config.js adds it): entry taskpane/web/index.tsx → dist/web/index.html
 * with its script beside it (relative paths, so it opens from file:// and from any folder of a static host), and the
 * worker bundled as text into the page (web/workerSourceLoader.js).
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const ENTRY = 'web/index';

module.exports = {
  ENTRY,
  entry: { [ENTRY]: './taskpane/web/index.tsx' },
  rules: [
    {
      // Runs after ts-loader on the worker module and replaces it with the esbuild bundle of the worker, as a string.
      resourceQuery: /worker-source/,
      enforce: 'post',
      use: { loader: path.join(__dirname, 'workerSourceLoader.js') },
    },
  ],
  plugins: [
    new HtmlWebpackPlugin({
      filename: 'web/index.html',
      template: './web/index.html',
      chunks: [ENTRY],
    }),
  ],
};
