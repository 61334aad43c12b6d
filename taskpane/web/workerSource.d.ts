/** The worker bundle as text (web/workerSourceLoader.js builds src/web/worker.ts with esbuild at bundle time). */
declare module '*?worker-source' {
  const source: string;
  export default source;
}
