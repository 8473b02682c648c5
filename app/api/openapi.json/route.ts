// GET /api/openapi.json → the OpenAPI 3.1 document of this API, built from the route specs
// (lib/http/openapi.ts) of every route file listed in api-routes.ts. Any signed-in user; the
// reference page at /help/api renders the same document.
import * as z from "zod";
import { route } from "@/lib/http/route";
import { apiDocument } from "./api-document";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    role: "viewer",
    doc: {
      summary: "This API's OpenAPI 3.1 document",
      response: z.object({ openapi: z.literal("3.1.0") }).loose(),
    },
  },
  () => Response.json(apiDocument()),
);
