// The debugfs text format's vocabulary, shared by the reader and by the writer the tests use to
// build debugfs trees: type, flag, context and action spellings of kapi_debugfs.c.

import type { ContextFlag, LockScope, LockType, ParamFlag, ParamType, ReturnCheck, SignalAction, SignalDirection } from '../../model/types.js';

export type DebugfsVersion = 'rfc-v1' | 'patch-v4';

/** `type:` strings of parameters; VOID prints as "unknown". */
export const TYPE_STR: Partial<Record<ParamType, string>> = {
  int: 'int', uint: 'uint', ptr: 'ptr', struct: 'struct', union: 'union', array: 'array', fd: 'fd',
  enum: 'enum', user_ptr: 'user_ptr', path: 'path', func_ptr: 'func_ptr', custom: 'custom',
};

/** Flag tokens in the order kapi_debugfs.c prints them. */
export const FLAG_ORDER: [string, ParamFlag][] = [
  ['IN', 'in'], ['OUT', 'out'], ['OPTIONAL', 'optional'], ['CONST', 'const'], ['USER', 'user'],
  ['VOLATILE', 'volatile'], ['DMA', 'dma'], ['ALIGNED', 'aligned'],
];

/** Context tokens in print order. */
export const CONTEXT_ORDER: [string, ContextFlag][] = [
  ['PROCESS', 'process'], ['HARDIRQ', 'hardirq'], ['SOFTIRQ', 'softirq'], ['NMI', 'nmi'],
  ['SLEEPABLE', 'sleepable'], ['ATOMIC', 'atomic'], ['PREEMPT_DISABLED', 'preempt_disabled'],
  ['IRQ_DISABLED', 'irq_disabled'],
];

export const LOCK_STR: Partial<Record<LockType, string>> = {
  mutex: 'mutex', spinlock: 'spinlock', rwlock: 'rwlock', semaphore: 'semaphore', rcu: 'rcu', seqlock: 'seqlock',
};

export const SCOPE_STR: Record<LockScope, string> = {
  internal: 'internal', acquires: 'acquires', releases: 'releases', caller_held: 'caller_held',
};

export const DIRECTION_ORDER: [string, SignalDirection][] = [
  ['send', 'send'], ['receive', 'receive'], ['handle', 'handle'], ['block', 'block'], ['ignore', 'ignore'],
];

export const ACTIONS: SignalAction[] = [
  'default', 'terminate', 'coredump', 'stop', 'continue', 'custom', 'return', 'restart', 'queue', 'discard', 'transform',
];

/** The `success:` line of the return section, per check kind. */
export function successLine(check: ReturnCheck | undefined, v: { success?: bigint; min?: bigint; max?: bigint }): string | undefined {
  switch (check) {
    case 'exact': return `== ${v.success ?? 0n}`;
    case 'range': return `[${v.min ?? 0n}, ${v.max ?? 0n}]`;
    case 'fd': return 'valid file descriptor (>= 0)';
    case 'error_check': return 'error check';
    case 'custom': return 'custom check';
    default: return undefined;
  }
}
