import type { HttpProvider } from "../providers.ts";
import { cashfreeProfile } from "./cashfree.ts";
import { enkashProfile } from "./enkash.ts";
import { juspayProfile } from "./juspay.ts";
import type { ProviderProfile } from "./profile.ts";
import { yunoProfile } from "./yuno.ts";

export const PROFILES: Record<HttpProvider, ProviderProfile> = {
  juspay: juspayProfile,
  yuno: yunoProfile,
  cashfree: cashfreeProfile,
  enkash: enkashProfile,
};

export type { ProviderProfile } from "./profile.ts";
