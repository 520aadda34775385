/** Debian's Chromium (apt-get install -y chromium). */
export declare const CHROMIUM: string;
/** Exactly the launch arguments of docs/architecture.md ("Testing in a real browser"). */
export declare const CHROMIUM_ARGS: string[];
