import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * SHA-256 of a string's UTF-8 bytes: pseudonyms are derived from it. @noble/hashes (audited,
 * synchronous, browser-safe), because the engine may not use Node's crypto and the Web Crypto API
 * is asynchronous. Not used for anything secret.
 */
export function sha256(text: string): Uint8Array {
  return nobleSha256(utf8ToBytes(text));
}

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(text));
}
