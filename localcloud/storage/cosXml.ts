/**
 * COS-style XML error bodies. node-sdk's uploadFile parses the PUT reply with xml2js and destructures
 * `Error.Code`, `Message`, `RequestId` and `TraceId`, so all four must be present.
 */
import { randomBytes } from 'node:crypto';

const escapeXml = (s: string): string =>
  s.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c,
  );

/** A request id in the style COS uses (base64 of a short random token). */
export function cosRequestId(): string {
  return randomBytes(18).toString('base64');
}

/** The XML body COS sends with an error status. */
export function cosErrorXml(code: string, message: string, resource: string, requestId: string): string {
  return [
    "<?xml version='1.0' encoding='utf-8' ?>",
    '<Error>',
    `  <Code>${escapeXml(code)}</Code>`,
    `  <Message>${escapeXml(message)}</Message>`,
    `  <Resource>${escapeXml(resource)}</Resource>`,
    `  <RequestId>${escapeXml(requestId)}</RequestId>`,
    `  <TraceId>${escapeXml(randomBytes(24).toString('base64'))}</TraceId>`,
    '</Error>',
    '',
  ].join('\n');
}
