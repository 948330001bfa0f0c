import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { readBody } from "./read-body";

function streamOf(chunks: Uint8Array[], { failAtEnd = false } = {}): ReadableStream<Uint8Array> {
  return new ReadableStream({
    pull(controller) {
      const next = chunks.shift();
      if (next) controller.enqueue(next);
      else if (failAtEnd) controller.error(new Error("client went away"));
      else controller.close();
    },
  });
}

function requestWith(body: BodyInit | null, headers: Record<string, string> = {}): Request {
  return new Request("http://localhost/api/x", {
    method: "POST",
    body,
    headers,
    duplex: "half",
  } as RequestInit);
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    return error instanceof ApiError ? error.code : `unexpected: ${(error as Error).message}`;
  }
}

const kb = (n: number) => new Uint8Array(n * 1024).fill(0x61);

describe("readBody", () => {
  it("returns the exact text of a body within the limit", async () => {
    expect(await readBody(requestWith('{"a":"é"}'), { maxBytes: 100 })).toBe('{"a":"é"}');
  });

  it("returns an empty string when there is no body", async () => {
    expect(await readBody(requestWith(null), { maxBytes: 100 })).toBe("");
  });

  it("stops reading a stream as soon as it passes the limit, without pulling the rest", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(kb(4));
      },
    });

    expect(await codeOf(readBody(requestWith(endless), { maxBytes: 16 * 1024 }))).toBe("payload_too_large");
    expect(pulled).toBeLessThan(10);
  });

  it.each([
    [
      "a declared length over the limit",
      requestWith("{}", { "Content-Length": "999999" }),
      "payload_too_large",
    ],
    [
      "a body longer than its declared length",
      requestWith(streamOf([kb(2)]), { "Content-Length": "10" }),
      "bad_request",
    ],
    [
      "a body shorter than its declared length",
      requestWith(streamOf([kb(1)]), { "Content-Length": "4000" }),
      "bad_request",
    ],
    [
      "a Content-Length that is not a number",
      requestWith("{}", { "Content-Length": "12abc" }),
      "bad_request",
    ],
    ["a body cut short by the client", requestWith(streamOf([kb(1)], { failAtEnd: true })), "bad_request"],
    ["bytes that are not UTF-8", requestWith(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])), "bad_request"],
  ])("refuses %s", async (_case, request, code) => {
    expect(await codeOf(readBody(request, { maxBytes: 16 * 1024 }))).toBe(code);
  });

  it("gives up on a body that trickles in slower than the timeout", async () => {
    const stalled = new ReadableStream<Uint8Array>({ pull: () => new Promise(() => {}) });

    expect(await codeOf(readBody(requestWith(stalled), { maxBytes: 1024, timeoutMs: 50 }))).toBe(
      "request_timeout",
    );
  });
});
