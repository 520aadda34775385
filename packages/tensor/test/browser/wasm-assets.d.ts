// esbuild's `file` loader turns an imported asset into its URL (test/browser/wasm-recipe-entry.ts).
declare module '*.wasm' {
  const url: string;
  export default url;
}
