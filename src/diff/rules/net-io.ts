import type { AsyncSpec, BufferSpec } from '../../model/types.js';
import { added, nets, sameConst, show, val } from '../compare.js';
import { errnoNumber } from '../../sources/consts/index.js';
import type { Change, Rule } from '../types.js';

type Dir = 'narrowed' | 'widened';

/** The same errno, whatever its spelling (EWOULDBLOCK is EAGAIN). */
const sameErrno = (a: string, b: string | undefined) => b !== undefined && (a === b || errnoNumber(a) === errnoNumber(b));

/**
 * Both specs have networking: a buffer or async group missing on one side is the empty one (the
 * C struct is zero-initialised: no behaviour, blocking only).
 */
function bufferMoves(a: BufferSpec, b: BufferSpec): [Dir, string][] {
  const out: [Dir, string][] = [];
  for (const x of added(b.behaviors, a.behaviors)) out.push(['narrowed', `buffer behaviour ${x} is gone`]);
  for (const x of added(a.behaviors, b.behaviors)) out.push(['widened', `buffer behaviour ${x} is new`]);
  const [amin, bmin, amax, bmax] = [val(a.min_size), val(b.min_size), val(a.max_size), val(b.max_size)];
  if (amin !== undefined && bmin !== undefined && amin !== bmin) out.push([bmin > amin ? 'narrowed' : 'widened', `the smallest buffer is ${show(b.min_size)}, was ${show(a.min_size)}`]);
  if (amax !== undefined && bmax !== undefined && amax !== bmax) out.push([bmax < amax ? 'narrowed' : 'widened', `the largest buffer is ${show(b.max_size)}, was ${show(a.max_size)}`]);
  const pa = a.partial ?? false, pb = b.partial ?? false;
  if (!pa && pb) out.push(['narrowed', 'a call may now transfer only part of the data']);
  if (pa && !pb) out.push(['widened', 'a call no longer transfers only part of the data']);
  return out;
}

function asyncMoves(a: AsyncSpec, b: AsyncSpec): [Dir, string][] {
  const out: [Dir, string][] = [];
  for (const x of added(b.modes, a.modes)) out.push(['narrowed', `asynchronous mode ${x} is no longer supported`]);
  for (const x of added(a.modes, b.modes)) out.push(['widened', `asynchronous mode ${x} is now supported`]);
  if (a.nonblock_error && !sameErrno(a.nonblock_error, b.nonblock_error)) {
    out.push(['narrowed', b.nonblock_error ? `a call that would block now fails with ${b.nonblock_error}, was ${a.nonblock_error}` : `a call that would block no longer fails with ${a.nonblock_error}`]);
  }
  for (const k of ['poll_in', 'poll_out'] as const) {
    if (a[k] && b[k] && !sameConst(a[k], b[k])) out.push(['narrowed', `poll events for ${k === 'poll_in' ? 'input' : 'output'} are ${show(b[k])}, were ${show(a[k])}`]);
  }
  const ta = a.timeout ?? false, tb = b.timeout ?? false;
  if (ta && !tb) out.push(['narrowed', 'a timeout no longer applies']);
  if (!ta && tb) out.push(['widened', 'a timeout now applies']);
  return out;
}

function rule(dir: Dir, part: 'buffer' | 'async'): Rule['check'] {
  return (o, n) => {
    const p = nets(o, n);
    if (!p) return [];
    const [a, b] = p;
    const at = b[part]?.at ?? n!.at;
    const moves = part === 'buffer' ? bufferMoves(a.buffer ?? { at }, b.buffer ?? { at }) : asyncMoves(a.async ?? { at }, b.async ?? { at });
    return moves.filter(([d]) => d === dir).map(([, message]): Change => ({ at, message }));
  };
}

export const bufferNarrowed: Rule = {
  id: 'buffer-narrowed', level: 'error', summary: 'buffers are handled more restrictively',
  why: 'callers that peek, truncate or scatter, pass a buffer of the old minimum or maximum size, or expect all-or-nothing transfers now see errors or short counts',
  check: rule('narrowed', 'buffer'),
};

export const bufferWidened: Rule = {
  id: 'buffer-widened', level: 'info', summary: 'buffers are handled more permissively',
  why: 'every buffer that worked still works',
  check: rule('widened', 'buffer'),
};

export const asyncNarrowed: Rule = {
  id: 'async-narrowed', level: 'error', summary: 'non-blocking or asynchronous use changed or was dropped',
  why: 'callers that use the mode (non-blocking, poll, epoll, io_uring ...), test for the old errno or wait for the old poll events, or rely on a timeout, may now block or misread the result',
  check: rule('narrowed', 'async'),
};

export const asyncWidened: Rule = {
  id: 'async-widened', level: 'info', summary: 'more non-blocking or asynchronous modes are supported',
  why: 'existing callers do not use them; new callers must probe for support on older kernels',
  check: rule('widened', 'async'),
};
