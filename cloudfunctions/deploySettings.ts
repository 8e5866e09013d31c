/**
 * The settings each function reads from its environment, which a deployment sets (never the repository):
 * `npm run deploy` takes their values from the deployer's environment and refuses to deploy while one is missing
 * or unusable; the local cloud's demo gives them demo values (seed/functionEnv.ts).
 * test/cloud/deploySettings.test.ts keeps this list in step with what the functions read.
 * Subscription-message template ids (`MULIN_TEMPLATE_<NAME>`) are optional and handled by the deploy separately.
 */
import { bootstrapAdmins } from './account/domain/roles';
import { usableSecret } from './volunteering/domain/checkinCode';

/** One setting a function needs. */
export interface FunctionSetting {
  name: string;
  /** A secret: never printed. */
  secret: boolean;
  /** What it is, for the deployer. */
  about: string;
  /** Why a value is unusable, or undefined when it is fine. */
  problem: (value: string) => string | undefined;
}

const secret = (about: string): Omit<FunctionSetting, 'name'> => ({
  secret: true,
  about,
  problem: (v) => (usableSecret(v) ? undefined : 'shorter than 16 characters'),
});

/** The required settings, by function. */
export const FUNCTION_SETTINGS: Record<string, FunctionSetting[]> = {
  account: [
    {
      name: 'MULIN_BOOTSTRAP_ADMINS',
      secret: false,
      about: 'the first admin, <openid>@<placeId> (comma-separated for several)',
      problem: (v) => (bootstrapAdmins(v).length > 0 ? undefined : 'not of the form <openid>@<placeId>'),
    },
  ],
  volunteering: [
    { name: 'MULIN_CHECKIN_SECRET', ...secret('a long random value; check-in codes are HMACs under it') },
  ],
  charity: [
    {
      name: 'MULIN_CHARITY_SECRET',
      ...secret("a long random value; recipients' confirmation codes derive from it"),
    },
  ],
};

/** Prefix of the optional template-id settings (`MULIN_TEMPLATE_ORDER_STATUS`, …). */
export const TEMPLATE_PREFIX = 'MULIN_TEMPLATE_';
