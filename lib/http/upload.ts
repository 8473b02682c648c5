// An uploaded file, either as a multipart `file` field (a browser form) or as the raw body (curl,
// scripts; `?name=` names it), under the same size limit as every body.
import { MAX_BODY_BYTES, readBody } from "./body";
import { jsonError } from "./json-error";

export interface Upload {
  name: string;
  text: string;
}

/** The file, or the response that refuses it (413 too large, 400 no file). */
export async function readUpload(
  req: Request,
  name: string | undefined,
  fallback: (type: string) => string,
): Promise<Upload | Response> {
  const type = req.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    const tooLarge = () => jsonError(413, "File too large");
    if (Number(req.headers.get("content-length") ?? "0") > MAX_BODY_BYTES) return tooLarge();
    const form = await req.formData().catch(() => null);
    const file = form?.get("file");
    if (!file || typeof file === "string") return jsonError(400, 'Attach the file as the "file" field');
    if (file.size > MAX_BODY_BYTES) return tooLarge();
    return { name: file.name || fallback(type), text: await file.text() };
  }
  const body = await readBody(req);
  if (!body.ok) return body.response;
  return { name: name ?? fallback(type), text: body.value };
}
