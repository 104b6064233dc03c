/**
 * The few globals src-shared may use because both of its runtimes have them (Node 20 and the
 * renderer's Chromium), typed here so tsconfig.shared.json can leave out DOM and Node types.
 * Only what src-shared uses; add a member when shared code needs it.
 */
declare class URL {
  constructor(url: string, base?: string);
  readonly hostname: string;
  readonly protocol: string;
  readonly port: string;
  readonly username: string;
  readonly password: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly origin: string;
  readonly host: string;
  readonly href: string;
}
