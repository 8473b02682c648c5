// A change counter per host's access list (lib/change-epochs.ts): setHostAccess bumps it, and the
// hub re-applies the list to the sockets watching that host's runs at once, and reads it again on
// the next request (server/hub/host-access.ts relays bumps to other instances).
import { changeEpochs } from "@/lib/change-epochs";

const hosts = changeEpochs("host-access-epochs");

export const hostAccessClock = hosts.clock;
export const hostAccessChangedSince = hosts.changedSince;
export const bumpHostAccess = hosts.bump;
export const onHostAccessChange = hosts.onChange;
