// The HTTP methods a Next route file may export, for code that walks route modules (the API
// document, testing/entry-points.ts).
export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
