// x86 bzImages, as distributions install them (/boot/vmlinuz-*): the real-mode setup with its
// header (boot protocol: "HdrS" at 0x202, the version at 0x206), then the protected-mode code at
// (setup_sects + 1) * 512, which holds the compressed vmlinux at payload_offset, payload_length
// bytes long (protocol 2.08+). In: a path. Out: the decompressed ELF image, or a problem with its
// file offset. Only the header and the payload are read.

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { formatOf, limits, unpack, UnpackError, type Format } from './unpack/index.js';

export interface BzImage {
  /** Boot protocol version, e.g. "2.15". */
  protocol: string;
  format: Format;
  payloadOffset: number;
  payloadLength: number;
  /** The decompressed payload: the vmlinux ELF (plus, on x86, its relocations). */
  data: Buffer;
  ms: number;
}

export interface BzImageProblem { offset?: number; message: string }

const HDRS = 0x53726448; // "HdrS", little-endian
const HEADER_END = 0x270;
/** Largest compressed payload kapi reads (distribution kernels' are 10-15 MiB). */
const MAX_PAYLOAD = 256 * 1024 * 1024;

/** Does the start of a file look like an x86 boot image (a setup header with "HdrS")? */
export function isBzImage(head: Buffer): boolean {
  return head.length >= 0x206 && head.readUInt32LE(0x202) === HDRS;
}

function readAt(fd: number, offset: number, len: number): Buffer {
  const b = Buffer.allocUnsafe(len);
  let done = 0;
  while (done < len) {
    const n = readSync(fd, b, done, len - done, offset + done);
    if (n === 0) break;
    done += n;
  }
  return b.subarray(0, done);
}

/** Reads the setup header and decompresses the payload. */
export function readBzImage(path: string, maxBytes?: number): BzImage | BzImageProblem {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    return { message: `cannot open: ${(e as NodeJS.ErrnoException).code ?? 'error'}` };
  }
  try {
    const size = fstatSync(fd).size;
    const h = readAt(fd, 0, HEADER_END);
    if (!isBzImage(h)) return { offset: 0x202, message: 'not an x86 boot image: no "HdrS" setup header at 0x202' };
    if (h.length < HEADER_END) return { offset: h.length, message: `the file ends at 0x${h.length.toString(16)}, inside the x86 setup header` };
    const version = h.readUInt16LE(0x206);
    const protocol = `${version >> 8}.${(version & 0xff).toString().padStart(2, '0')}`;
    if (version < 0x0208) {
      return { offset: 0x206, message: `x86 boot protocol ${protocol} has no payload_offset/payload_length (2.08 and later do): the compressed kernel cannot be found` };
    }
    const sects = h[0x1f1] || 4;
    const pm = (sects + 1) * 512;
    const payloadOffset = pm + h.readUInt32LE(0x248);
    const payloadLength = h.readUInt32LE(0x24c);
    if (payloadLength === 0 || payloadOffset + payloadLength > size) {
      return {
        offset: 0x248,
        message: `the payload at 0x${payloadOffset.toString(16)} ((setup_sects ${sects} + 1) * 512 + payload_offset), ${payloadLength} bytes long, ` +
          `${payloadLength === 0 ? 'is empty' : `runs past the end of the file (${size} bytes)`}`,
      };
    }
    if (payloadLength > MAX_PAYLOAD) {
      return { offset: 0x24c, message: `payload_length is ${payloadLength} bytes, more than the ${MAX_PAYLOAD / 2 ** 20} MiB kapi reads` };
    }
    const payload = readAt(fd, payloadOffset, payloadLength);
    const format = formatOf(payload);
    if (!format) {
      const magic = [...payload.subarray(0, 4)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
      return { offset: payloadOffset, message: `the payload starts with ${magic}: no compression format kapi knows (gzip, bzip2, lzma, xz, lzo, lz4, zstd)` };
    }
    const t = Date.now();
    try {
      const data = format === 'none' ? payload : unpack(format, payload, limits(maxBytes));
      return { protocol, format, payloadOffset, payloadLength, data, ms: Date.now() - t };
    } catch (e) {
      if (!(e instanceof UnpackError)) throw e;
      return { offset: payloadOffset + Math.min(e.offset, payloadLength), message: `${format} payload: ${e.message}` };
    }
  } finally {
    closeSync(fd);
  }
}
