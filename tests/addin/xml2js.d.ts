// xml2js ships without types (it comes with office-addin-manifest); the tests need only this.
declare module 'xml2js' {
  export function parseStringPromise(xml: string, options?: Record<string, unknown>): Promise<unknown>;
}
