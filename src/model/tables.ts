// Upstream spellings and numbers of the model's closed sets. Sources that read C names or
// numbers use these tables; the model itself only holds names. Per-kind tables are
// Record<Name, ...> so that a new name fails to compile until every table has it.

import { own } from './own.js';
import type {
  AsyncMode, BufferBehavior, CapAction, ConstraintKind, ContextFlag, Effect, LockScope, LockType,
  ParamFlag, ParamType, ReturnCheck, SignalAction, SignalDirection, SignalState, SocketProtocol,
  SocketState,
} from './types.js';

/** RFC v1 numbering of `enum kapi_param_type` (RFC v2 appended 13..17). */
export const PARAM_TYPE_NUM: Record<ParamType, number> = {
  void: 0, int: 1, uint: 2, ptr: 3, struct: 4, union: 5, enum: 6, func_ptr: 7, array: 8, fd: 9,
  user_ptr: 10, path: 11, custom: 12, string: 13, bool: 14, hex: 15, binary: 16, bitmap: 17,
};

/** Bits as C source text evaluates them: INOUT is a macro for IN|OUT in every version. */
export const PARAM_FLAG_BITS: Record<ParamFlag, number> = {
  in: 1, out: 2, optional: 8, const: 16, volatile: 32, user: 64, dma: 128, aligned: 256,
  sysfs_readonly: 512, sysfs_writeonly: 1024, sysfs_rw: 2048, sysfs_binary: 4096,
};

export const CONTEXT_BITS: Record<ContextFlag, number> = {
  process: 1, softirq: 2, hardirq: 4, nmi: 8, atomic: 16, sleepable: 32, preempt_disabled: 64,
  irq_disabled: 128,
};

export const EFFECT_BITS: Record<Effect, number> = {
  alloc_memory: 1, free_memory: 2, modify_state: 4, signal_send: 8, file_position: 16,
  lock_acquire: 32, lock_release: 64, resource_create: 128, resource_destroy: 256, schedule: 512,
  hardware: 1024, network: 2048, filesystem: 4096, process_state: 8192, irreversible: 16384,
};

export const SIGNAL_DIRECTION_BITS: Record<SignalDirection, number> = {
  receive: 1, send: 2, handle: 4, block: 8, ignore: 16,
};

export const SIGNAL_STATE_BITS: Record<SignalState, number> = {
  running: 1, sleeping: 2, stopped: 4, traced: 8, zombie: 16, dead: 32,
};

/** PATCH v4 numbering of `enum kapi_constraint_type`. */
export const CONSTRAINT_NUM_V4: Record<ConstraintKind, number> = {
  none: 0, range: 1, mask: 2, enum: 3, alignment: 4, power_of_two: 5, page_aligned: 6, nonzero: 7,
  user_string: 8, user_path: 9, user_ptr: 10, buffer: 11, custom: 12,
};

export const RETURN_CHECK_NUM: Record<ReturnCheck, number> = {
  exact: 0, range: 1, error_check: 2, fd: 3, custom: 4, no_return: 5,
};

export const LOCK_TYPE_NUM: Record<LockType, number> = {
  none: 0, mutex: 1, spinlock: 2, rwlock: 3, seqlock: 4, rcu: 5, semaphore: 6, custom: 7,
};

export const LOCK_SCOPE_NUM: Record<LockScope, number> = {
  internal: 0, acquires: 1, releases: 2, caller_held: 3,
};

export const SIGNAL_ACTION_NUM: Record<SignalAction, number> = {
  default: 0, terminate: 1, coredump: 2, stop: 3, continue: 4, custom: 5, return: 6, restart: 7,
  queue: 8, discard: 9, transform: 10,
};

export const CAP_ACTION_NUM: Record<CapAction, number> = {
  bypass_check: 0, increase_limit: 1, override_restriction: 2, grant_permission: 3,
  modify_behavior: 4, access_resource: 5, perform_operation: 6,
};

/** RFC v2 numbering of `enum kapi_socket_state`. */
export const SOCKET_STATE_NUM: Record<SocketState, number> = {
  unspec: 0, closed: 1, open: 2, bound: 3, listen: 4, syn_sent: 5, syn_recv: 6, established: 7,
  fin_wait1: 8, fin_wait2: 9, close_wait: 10, closing: 11, last_ack: 12, time_wait: 13,
  connected: 14, disconnected: 15,
};

/** RFC v2 `enum kapi_socket_protocol` bits; `all` is not a bit but every one of them. */
export const SOCKET_PROTOCOL_BITS: Record<Exclude<SocketProtocol, 'all'>, number> = {
  tcp: 1, udp: 2, unix: 4, raw: 8, packet: 16, netlink: 32, sctp: 64, dccp: 128,
};

/** `KAPI_PROTO_ALL`. */
export const SOCKET_PROTOCOLS_ALL = 0xffffffffn;

export const BUFFER_BEHAVIOR_BITS: Record<BufferBehavior, number> = {
  peek: 1, truncate: 2, scatter: 4, zero_copy: 8, kernel_alloc: 16, dma_capable: 32, fragment: 64,
};

/** `KAPI_ASYNC_BLOCK` is 0 and so has no bit. */
export const ASYNC_MODE_BITS: Record<AsyncMode, number> = {
  nonblock: 1, poll_ready: 2, signal_driven: 4, aio: 8, io_uring: 16, epoll: 32,
};

/** Protocol names of a `KAPI_PROTO_*` value: `all` for KAPI_PROTO_ALL; `rest` as for decodeBits. */
export function decodeProtocols(value: bigint): { names: SocketProtocol[]; rest: bigint } {
  // The field is a u32: -1 and KAPI_PROTO_ALL are the same value there.
  if (BigInt.asUintN(32, value) === SOCKET_PROTOCOLS_ALL) return { names: ['all'], rest: 0n };
  return decodeBits(value, SOCKET_PROTOCOL_BITS);
}

/** The RFC v2 networking constants (`KAPI_SOCK_STATE_*`, `KAPI_PROTO_*`, `KAPI_BUF_*`, `KAPI_ASYNC_*`). */
export function kapiNetConst(name: string): bigint | undefined {
  if (name === 'KAPI_PROTO_ALL') return SOCKET_PROTOCOLS_ALL;
  if (name === 'KAPI_ASYNC_BLOCK') return 0n;
  const tables: [string, Record<string, number>][] = [
    ['KAPI_SOCK_STATE_', SOCKET_STATE_NUM], ['KAPI_PROTO_', SOCKET_PROTOCOL_BITS],
    ['KAPI_BUF_', BUFFER_BEHAVIOR_BITS], ['KAPI_ASYNC_', ASYNC_MODE_BITS],
  ];
  for (const [prefix, table] of tables) {
    if (!name.startsWith(prefix)) continue;
    const v = own(table, name.slice(prefix.length).toLowerCase());
    if (v !== undefined) return BigInt(v);
  }
  return undefined;
}

/** `KAPI_SIGNAL_TIME_*` and `KAPI_SIGNAL_QUEUE_*` string macros. */
export const SIGNAL_STRING_MACROS: Record<string, string> = {
  KAPI_SIGNAL_TIME_ENTRY: 'entry', KAPI_SIGNAL_TIME_DURING: 'during', KAPI_SIGNAL_TIME_EXIT: 'exit',
  KAPI_SIGNAL_TIME_ANYTIME: 'anytime', KAPI_SIGNAL_TIME_BLOCKING: 'while_blocked',
  KAPI_SIGNAL_TIME_SLEEPING: 'while_sleeping', KAPI_SIGNAL_TIME_BEFORE: 'before',
  KAPI_SIGNAL_TIME_AFTER: 'after', KAPI_SIGNAL_QUEUE_STANDARD: 'standard',
  KAPI_SIGNAL_QUEUE_REALTIME: 'realtime', KAPI_SIGNAL_QUEUE_COALESCE: 'coalesce',
  KAPI_SIGNAL_QUEUE_REPLACE: 'replace', KAPI_SIGNAL_QUEUE_DISCARD: 'discard',
};

/** Maps a C enum constant (`KAPI_TYPE_FD`) to a model name, given the prefix and the table. */
export function enumName<N extends string>(ident: string, prefix: string, table: Record<N, number>): N | undefined {
  if (!ident.startsWith(prefix)) return undefined;
  const n = ident.slice(prefix.length).toLowerCase();
  return Object.hasOwn(table, n) ? (n as N) : undefined;
}

/** Names of the bits set in `value`, sorted; `rest` gets the bits no name covers. */
export function decodeBits<N extends string>(value: bigint, table: Record<N, number>): { names: N[]; rest: bigint } {
  const names: N[] = [];
  let rest = value;
  for (const [n, bit] of Object.entries(table) as [N, number][]) {
    if ((value & BigInt(bit)) !== 0n) {
      names.push(n);
      rest &= ~BigInt(bit);
    }
  }
  return { names: names.sort(), rest };
}

/** C macro names for the bit sets, as their source text evaluates them. */
export function kapiBitConst(name: string): bigint | undefined {
  const tables: [string, Record<string, number>][] = [
    ['KAPI_CTX_', CONTEXT_BITS], ['KAPI_PARAM_', PARAM_FLAG_BITS], ['KAPI_EFFECT_', EFFECT_BITS],
    ['KAPI_SIGNAL_STATE_', SIGNAL_STATE_BITS], ['KAPI_SIGNAL_', SIGNAL_DIRECTION_BITS],
  ];
  for (const [prefix, table] of tables) {
    if (!name.startsWith(prefix)) continue;
    const v = own(table, name.slice(prefix.length).toLowerCase());
    if (v !== undefined) return BigInt(v);
  }
  return own(KAPI_COMBOS, name) ?? kapiNetConst(name);
}

const KAPI_COMBOS: Record<string, bigint> = {
  KAPI_PARAM_INOUT: 3n, KAPI_PARAM_FLAGS_INOUT: 3n, KAPI_PARAM_USER_PTR: 64n,
  KAPI_PARAM_FLAGS_USER: 65n, KAPI_EFFECT_NONE: 0n, KAPI_EFFECTS_MEMORY: 3n,
  KAPI_EFFECTS_LOCKING: 96n, KAPI_EFFECTS_RESOURCES: 384n, KAPI_EFFECTS_IO: 6144n,
};
