/**
 * An answer's body as the checks read it: a compressed body (Content-Encoding gzip, deflate or
 * br) is decompressed, within the body cap. payconform sends no Accept-Encoding, so any content
 * coding is acceptable (RFC 9110 §12.5.3); one that does not decode is the target's fault. The
 * proxy's client still gets the bytes the target sent. node:zlib is loaded on the first
 * compressed body only.
 */
import type zlib from "node:zlib";

export type Decoded = { ok: true; text: string } | { ok: false; message: string };

const DECODERS: Record<string, (z: typeof zlib) => (bytes: Buffer, options: { maxOutputLength: number }) => Buffer> = {
  gzip: (z) => z.gunzipSync,
  "x-gzip": (z) => z.gunzipSync,
  deflate: (z) => z.inflateSync,
  br: (z) => z.brotliDecompressSync,
};

/** Whether a Content-Encoding value names a coding to undo. */
export function isEncoded(contentEncoding: string | undefined): boolean {
  return contentEncoding !== undefined && contentEncoding.split(",").some((c) => !["", "identity"].includes(c.trim().toLowerCase()));
}

export function decodeBody(bytes: Buffer, contentEncoding: string | undefined, maxBytes: number): Decoded {
  const codings = (contentEncoding ?? "").split(",").map((c) => c.trim().toLowerCase()).filter((c) => c !== "" && c !== "identity");
  let body = bytes;
  // Codings apply in the order listed, so they come off in reverse (RFC 9110 §8.4).
  for (const coding of codings.reverse()) {
    const decode = DECODERS[coding];
    if (!decode) return { ok: false, message: `the answer's body is in content-encoding ${coding}, which payconform cannot decode` };
    try {
      body = decode(process.getBuiltinModule("node:zlib"))(body, { maxOutputLength: maxBytes });
    } catch (error) {
      return { ok: false, message: `the answer's ${coding} body does not decode (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
    }
  }
  return { ok: true, text: body.toString("utf8") };
}
