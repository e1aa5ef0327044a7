/**
 * The answer's body as the checks read it: a compressed body (Content-Encoding gzip, deflate or
 * br) is decompressed, within the body cap. The client still gets the bytes the target sent.
 */
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";

export type Decoded = { ok: true; text: string } | { ok: false; message: string };

const DECODERS: Record<string, (bytes: Buffer, options: { maxOutputLength: number }) => Buffer> = {
  gzip: gunzipSync,
  "x-gzip": gunzipSync,
  deflate: inflateSync,
  br: brotliDecompressSync,
};

export function decodeBody(bytes: Buffer, contentEncoding: string | undefined, maxBytes: number): Decoded {
  const codings = (contentEncoding ?? "").split(",").map((c) => c.trim().toLowerCase()).filter((c) => c !== "" && c !== "identity");
  let body = bytes;
  // Codings apply in the order listed, so they come off in reverse (RFC 9110 §8.4).
  for (const coding of codings.reverse()) {
    const decode = DECODERS[coding];
    if (!decode) return { ok: false, message: `the answer's body is in content-encoding ${coding}, which payconform cannot decode` };
    try {
      body = decode(body, { maxOutputLength: maxBytes });
    } catch (error) {
      return { ok: false, message: `the answer's ${coding} body does not decode (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
    }
  }
  return { ok: true, text: body.toString("utf8") };
}
