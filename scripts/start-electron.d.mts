// Types of scripts/start-electron.mjs, for its unit test.
export declare const ELECTRON_INSTALL_NODE: number[];
export declare function nodeAtLeast(version: string, floor: number[]): boolean;
export declare function installedElectron(
  electronDir: string,
  env: Record<string, string | undefined>,
): string | null;
export declare function failureMessage(version: string, reason: string): string;
export declare function ensureElectron(options: {
  electronDir: string;
  electronVersion: string;
  env: Record<string, string | undefined>;
  nodeVersion: string;
  runInstall: () => { ok: boolean; detail: string };
}): { executable: string } | { message: string };
export declare function runElectronInstaller(electronDir: string): { ok: boolean; detail: string };
