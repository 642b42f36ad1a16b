/** What every subcommand is given to talk to the world, and the checks of options they share. */
import { type LintConfig, profilesFor } from '../core/engine/lint';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Standard input, read no further than `limit` + 1 bytes (enough to tell it is too long). */
  readStdin: (limit: number) => Promise<Uint8Array>;
  cwd: string;
}

/** --profile is checked against the genres of the configuration in force, which may define it. */
export const unknownProfile = (profile: string | undefined, config: LintConfig) =>
  profile !== undefined && !profilesFor(config).some((known) => known.id === profile);

export const profileProblem = (profile: string, config: LintConfig) =>
  `未知的文种“${profile}”：可用 ${profilesFor(config).map((known) => known.id).join('、')}。\n`;
