// The accounts the e2e setup project creates, and where their signed-in browser states are saved.
// Other specs: `test.use({ storageState: VIEWER.storageState })`.
import path from "node:path";
import type { Role } from "../../lib/auth/roles";

export const E2E_HOST = "127.0.0.1";
/** CASEBOOK_E2E_PORT lets two checkouts run their suites side by side. */
export const E2E_PORT = Number(process.env.CASEBOOK_E2E_PORT ?? 3210);
export const E2E_BASE_URL = `http://${E2E_HOST}:${E2E_PORT}`;

export type E2ERole = Role;

export interface E2EUser {
  name: string;
  email: string;
  password: string;
  role: E2ERole;
  /** Playwright storage state file holding this user's session cookie. */
  storageState: string;
}

const authDir = path.resolve(import.meta.dirname, "..", ".auth");

function user(role: E2ERole, name: string): E2EUser {
  return {
    name,
    email: `${role}@casebook.test`,
    password: `${role}-e2e-password`,
    role,
    storageState: path.join(authDir, `${role}.json`),
  };
}

export const ADMIN = user("admin", "Ada Admin");
export const OPERATOR = user("operator", "Otto Operator");
export const VIEWER = user("viewer", "Vera Viewer");

export const USERS: Record<E2ERole, E2EUser> = { admin: ADMIN, operator: OPERATOR, viewer: VIEWER };
