// The canonical spec model. Every source produces it, every consumer reads only it.
// Keys are snake_case so that the in-memory model and the JSON form (`-f json`) are the same
// shape; the only difference is that ConstVal values are BigInt here and numbers (or decimal
// strings beyond 2^53) in JSON.

/** The kinds of API a spec can describe. */
export const KINDS = ['syscall', 'ioctl', 'sysfs', 'function'] as const;
export type Kind = (typeof KINDS)[number];

/** Parameter and return types (`enum kapi_param_type`, RFC v2's sysfs additions included). */
export const PARAM_TYPES = [
  'void', 'int', 'uint', 'ptr', 'struct', 'union', 'enum', 'func_ptr', 'array', 'fd', 'user_ptr',
  'path', 'custom', 'string', 'bool', 'hex', 'binary', 'bitmap',
] as const;
export type ParamType = (typeof PARAM_TYPES)[number];

/** Parameter flags (`enum kapi_param_flags`); `inout` is never stored: it is `in` + `out`. */
export const PARAM_FLAGS = [
  'in', 'out', 'optional', 'const', 'volatile', 'user', 'dma', 'aligned',
  'sysfs_readonly', 'sysfs_writeonly', 'sysfs_rw', 'sysfs_binary',
] as const;
export type ParamFlag = (typeof PARAM_FLAGS)[number];

/** Execution contexts (`enum kapi_context_flags`). */
export const CONTEXTS = [
  'process', 'softirq', 'hardirq', 'nmi', 'atomic', 'sleepable', 'preempt_disabled', 'irq_disabled',
] as const;
export type ContextFlag = (typeof CONTEXTS)[number];

/** Constraint kinds (`enum kapi_constraint_type`, PATCH v4 set). */
export const CONSTRAINT_KINDS = [
  'none', 'range', 'mask', 'enum', 'alignment', 'power_of_two', 'page_aligned', 'nonzero',
  'user_string', 'user_path', 'user_ptr', 'buffer', 'custom',
] as const;
export type ConstraintKind = (typeof CONSTRAINT_KINDS)[number];

/** How success is recognised (`enum kapi_return_check_type`). */
export const RETURN_CHECKS = ['exact', 'range', 'error_check', 'fd', 'custom', 'no_return'] as const;
export type ReturnCheck = (typeof RETURN_CHECKS)[number];

export const LOCK_TYPES = ['none', 'mutex', 'spinlock', 'rwlock', 'seqlock', 'rcu', 'semaphore', 'custom'] as const;
export type LockType = (typeof LOCK_TYPES)[number];

/** Who takes and drops a lock (PATCH v4 `enum kapi_lock_scope`). */
export const LOCK_SCOPES = ['internal', 'acquires', 'releases', 'caller_held'] as const;
export type LockScope = (typeof LOCK_SCOPES)[number];

export const SIGNAL_DIRECTIONS = ['receive', 'send', 'handle', 'block', 'ignore'] as const;
export type SignalDirection = (typeof SIGNAL_DIRECTIONS)[number];

export const SIGNAL_ACTIONS = [
  'default', 'terminate', 'coredump', 'stop', 'continue', 'custom', 'return', 'restart', 'queue',
  'discard', 'transform',
] as const;
export type SignalAction = (typeof SIGNAL_ACTIONS)[number];

export const SIGNAL_STATES = ['running', 'sleeping', 'stopped', 'traced', 'zombie', 'dead'] as const;
export type SignalState = (typeof SIGNAL_STATES)[number];

export const EFFECTS = [
  'alloc_memory', 'free_memory', 'modify_state', 'signal_send', 'file_position', 'lock_acquire',
  'lock_release', 'resource_create', 'resource_destroy', 'schedule', 'hardware', 'network',
  'filesystem', 'process_state', 'irreversible',
] as const;
export type Effect = (typeof EFFECTS)[number];

export const CAP_ACTIONS = [
  'bypass_check', 'increase_limit', 'override_restriction', 'grant_permission', 'modify_behavior',
  'access_resource', 'perform_operation',
] as const;
export type CapAction = (typeof CAP_ACTIONS)[number];

/** Socket states (RFC v2 `enum kapi_socket_state`, `KAPI_SOCK_STATE_*`), in enum order. */
export const SOCKET_STATES = [
  'unspec', 'closed', 'open', 'bound', 'listen', 'syn_sent', 'syn_recv', 'established', 'fin_wait1',
  'fin_wait2', 'close_wait', 'closing', 'last_ack', 'time_wait', 'connected', 'disconnected',
] as const;
export type SocketState = (typeof SOCKET_STATES)[number];

/**
 * Socket protocols (RFC v2 `enum kapi_socket_protocol` bits, `KAPI_PROTO_*`). `all` is
 * `KAPI_PROTO_ALL`: every protocol, also those without a name here.
 */
export const SOCKET_PROTOCOLS = ['tcp', 'udp', 'unix', 'raw', 'packet', 'netlink', 'sctp', 'dccp', 'all'] as const;
export type SocketProtocol = (typeof SOCKET_PROTOCOLS)[number];

/** Network buffer behaviours (RFC v2 `enum kapi_buffer_behavior` bits, `KAPI_BUF_*`). */
export const BUFFER_BEHAVIORS = ['peek', 'truncate', 'scatter', 'zero_copy', 'kernel_alloc', 'dma_capable', 'fragment'] as const;
export type BufferBehavior = (typeof BUFFER_BEHAVIORS)[number];

/**
 * Asynchronous modes (RFC v2 `enum kapi_async_behavior` bits, `KAPI_ASYNC_*`). `KAPI_ASYNC_BLOCK`
 * is 0: a call that only blocks has the empty list.
 */
export const ASYNC_MODES = ['nonblock', 'poll_ready', 'signal_driven', 'aio', 'io_uring', 'epoll'] as const;
export type AsyncMode = (typeof ASYNC_MODES)[number];

/** How a spec was read: DSL generation or binary layout. */
export const SOURCE_FORMATS = [
  'c-macro/rfc-v1', 'c-macro/rfc-v2', 'c-macro/patch-v4', 'kernel-doc/rfc-v3', 'kernel-doc/rfc-v4', 'kernel-doc/patch-v4',
  'elf/rfc-v1', 'elf/rfc-v2', 'elf/magic-layout', 'elf/pointer-layout', 'debugfs/rfc-v1', 'debugfs/patch-v4', 'json',
] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** A constant as written in the source, with its value where it could be evaluated. */
export interface ConstVal {
  /** The expression as written (whitespace-normalised). */
  text: string;
  /** The evaluated value; absent when a name in the text is unknown. */
  value?: bigint;
}

/** Where a node came from: `file:line:col` for text, `file+0xOFFSET` for binaries. */
export type At = string;

/** Namespaced extensions (`kapi-*` tags): tag name -> text. */
export type Ext = Record<string, string>;

export interface Constraint {
  /** Which check applies; absent when the source set bounds without naming a kind. */
  kind?: ConstraintKind;
  /** Lower bound (range). */
  min?: ConstVal;
  /** Upper bound (range). */
  max?: ConstVal;
  /** Valid bits (mask). */
  mask?: ConstVal;
  /** Allowed values (enum), in source order. */
  values?: ConstVal[];
  /** Required alignment in bytes (alignment). */
  alignment?: ConstVal;
  /** Maximum length for user strings and paths, in bytes. */
  max_len?: ConstVal;
  /** Minimum length for user strings, in bytes. */
  min_len?: ConstVal;
  /** Name of the custom validator function (custom). */
  validator?: string;
  /** The constraint in words. */
  description?: string;
}

export interface SizeParam {
  /** 0-based index of the parameter that holds the element count. */
  index: number;
  /** Name of that parameter, when it is known. */
  name?: string;
}

export interface Param {
  /** 0-based position in the signature. */
  index: number;
  name: string;
  /** The C type as written in the signature (`unsigned int`, `struct epoll_event __user *`). */
  c_type?: string;
  type?: ParamType;
  /** Sorted flag names. */
  flags?: ParamFlag[];
  constraint?: Constraint;
  /** Fixed size of the pointed-to object in bytes. */
  size?: ConstVal;
  /** Required alignment of the value in bytes (`.alignment`). */
  alignment?: ConstVal;
  /** Parameter holding the element count of this buffer. */
  size_param?: SizeParam;
  /** Bytes per counted element. */
  size_multiplier?: ConstVal;
  /** Per-architecture valid masks (`arch-mask:`), in source order. */
  arch_masks?: { arch: string; mask: ConstVal }[];
  description?: string;
  /** sysfs attribute details (RFC v2). */
  sysfs?: SysfsParam;
  ext?: Ext;
  at: At;
}

export interface SysfsParam {
  path?: string;
  permissions?: ConstVal;
  default?: string;
  units?: string;
  step?: ConstVal;
  allowed_strings?: string[];
}

export interface ReturnSpec {
  /** C type name as written (`long`, `int`). */
  c_type?: string;
  type?: ParamType;
  check?: ReturnCheck;
  /** The success value (exact). */
  success?: ConstVal;
  /** Success range lower bound (range). */
  success_min?: ConstVal;
  /** Success range upper bound (range). */
  success_max?: ConstVal;
  /** Values that mean failure (error_check), as errno names where they are errnos. */
  error_values?: string[];
  description?: string;
  ext?: Ext;
  at: At;
}

export interface ErrorSpec {
  /** Errno name (`EINVAL`); the number is derived per architecture. */
  name: string;
  /** When the error is returned. */
  condition?: string;
  description?: string;
  ext?: Ext;
  at: At;
}

export interface LockSpec {
  name: string;
  type?: LockType;
  scope?: LockScope;
  /** RFC v1/v2 booleans, kept only when they do not map onto one scope. */
  legacy?: { acquired?: boolean; released?: boolean; held_on_entry?: boolean; held_on_exit?: boolean };
  description?: string;
  ext?: Ext;
  at: At;
}

export interface SignalSpec {
  /** Signal name as written (`SIGKILL`, or a class such as `FATAL`). */
  name: string;
  /** Signal number expression (`SIGKILL`, `9`). */
  number?: ConstVal;
  direction?: SignalDirection[];
  action?: SignalAction;
  target?: string;
  condition?: string;
  description?: string;
  restartable?: boolean;
  interruptible?: boolean;
  /** Errno returned when the signal interrupts the call. */
  error?: string;
  /** Signal it is transformed into (action transform). */
  transform_to?: string;
  /** When the signal matters: entry, during, exit, before, after, anytime, ... */
  timing?: string;
  priority?: number;
  /** Queueing behaviour: standard, realtime, coalesce, replace, discard. */
  queue?: string;
  sa_flags_required?: ConstVal;
  sa_flags_forbidden?: ConstVal;
  state_required?: SignalState[];
  state_forbidden?: SignalState[];
  ext?: Ext;
  at: At;
}

export interface SignalMask {
  name: string;
  signals: ConstVal[];
  description?: string;
  ext?: Ext;
  at: At;
}

export interface SideEffect {
  /** Sorted effect kinds. */
  effects: Effect[];
  target?: string;
  condition?: string;
  description?: string;
  reversible?: boolean;
  ext?: Ext;
  at: At;
}

export interface StateTransition {
  object?: string;
  from?: string;
  to?: string;
  condition?: string;
  description?: string;
  ext?: Ext;
  at: At;
}

export interface Capability {
  /** `CAP_IPC_LOCK`. */
  name: string;
  /** Capability number expression, when the source gives one. */
  number?: ConstVal;
  action?: CapAction;
  allows?: string;
  without?: string;
  condition?: string;
  priority?: number;
  alternatives?: ConstVal[];
  ext?: Ext;
  at: At;
}

export interface FreeConstraint {
  name: string;
  description?: string;
  expression?: string;
  ext?: Ext;
  at: At;
}

export interface StructField {
  name: string;
  type?: ParamType;
  c_type?: string;
  offset?: ConstVal;
  size?: ConstVal;
  flags?: ParamFlag[];
  constraint?: Constraint;
  description?: string;
  ext?: Ext;
  at: At;
}

export interface StructSpec {
  name: string;
  size?: ConstVal;
  alignment?: ConstVal;
  fields: StructField[];
  description?: string;
  ext?: Ext;
  at: At;
}

export interface IoctlInfo {
  cmd?: ConstVal;
  cmd_name?: string;
  input_size?: ConstVal;
  output_size?: ConstVal;
  file_ops_name?: string;
}

export interface SysfsInfo {
  subsystem?: string;
  device_type?: string;
}

/** The socket states a call needs and leaves (RFC v2 `struct kapi_socket_state_spec`). */
export interface SocketStateSpec {
  /** States the socket must be in for the call, in source order. */
  required?: SocketState[];
  /** States in which the call is refused, in source order. */
  forbidden?: SocketState[];
  /** The state a successful call leaves the socket in. */
  result?: SocketState;
  condition?: string;
  /** Sorted protocol names the requirement applies to. */
  protocols?: SocketProtocol[];
  ext?: Ext;
  at: At;
}

/** How the call behaves for some protocols (RFC v2 `struct kapi_protocol_behavior`). */
export interface ProtocolBehavior {
  /** Sorted protocol names the behaviour applies to. */
  protocols?: SocketProtocol[];
  /** The behaviour in words (`.behavior`). */
  description?: string;
  /** Protocol-specific flags (`.protocol_flags`). */
  flags?: ConstVal;
  flags_description?: string;
  ext?: Ext;
  at: At;
}

/** An address family the call supports (RFC v2 `struct kapi_addr_family_spec`). */
export interface AddrFamily {
  /** The family's name as written (`.family_name`: `AF_UNIX/AF_LOCAL`). */
  name: string;
  /** The family constant (`AF_INET`). */
  family?: ConstVal;
  /** Size of the address structure (`sizeof(struct sockaddr_in)`). */
  addr_size?: ConstVal;
  /** Shortest and longest address length accepted, in bytes. */
  min_len?: ConstVal;
  max_len?: ConstVal;
  /** The address structure in words (`.addr_format`). */
  format?: string;
  wildcard?: boolean;
  multicast?: boolean;
  broadcast?: boolean;
  /** Special addresses in words (`.special_addresses`). */
  special?: string;
  port_min?: ConstVal;
  port_max?: ConstVal;
  ext?: Ext;
  at: At;
}

/** How data buffers are handled (RFC v2 `struct kapi_buffer_spec`). */
export interface BufferSpec {
  /** Sorted behaviour names; empty when the spec says none. */
  behaviors?: BufferBehavior[];
  min_size?: ConstVal;
  max_size?: ConstVal;
  optimal_size?: ConstVal;
  /** Whether a call may transfer part of the data (`.can_partial_transfer`). */
  partial?: boolean;
  partial_rules?: string;
  fragmentation_rules?: string;
  ext?: Ext;
  at: At;
}

/** Blocking and asynchronous behaviour (RFC v2 `struct kapi_async_spec`). */
export interface AsyncSpec {
  /** Sorted mode names; empty means blocking only (`KAPI_ASYNC_BLOCK`). */
  modes?: AsyncMode[];
  /** Errno name a non-blocking call returns instead of waiting (`.nonblock_errno`). */
  nonblock_error?: string;
  /** Poll events that mean ready for input and for output. */
  poll_in?: ConstVal;
  poll_out?: ConstVal;
  /** When an asynchronous operation completes (`.completion_condition`). */
  completion?: string;
  /** Whether a timeout applies (`.supports_timeout`). */
  timeout?: boolean;
  timeout_description?: string;
  ext?: Ext;
  at: At;
}

/** The networking part of a spec (RFC v2, `CONFIG_NET`). */
export interface NetworkSpec {
  socket_state?: SocketStateSpec;
  /** In source (index) order. */
  protocol_behaviors?: ProtocolBehavior[];
  /** In source (index) order. */
  addr_families?: AddrFamily[];
  buffer?: BufferSpec;
  async?: AsyncSpec;
  /** `.is_connection_oriented` */
  connection_oriented?: boolean;
  /** `.is_message_oriented` */
  message_oriented?: boolean;
  /** `.supports_oob_data` */
  supports_oob?: boolean;
  supports_peek?: boolean;
  supports_select_poll?: boolean;
  /** `.is_reentrant` */
  reentrant?: boolean;
  connection_establishment?: string;
  connection_termination?: string;
  /** `.data_transfer_semantics` */
  data_transfer?: string;
}

/** The C function a spec is bound to, as read from its definition. */
export interface Signature {
  /** `SYSCALL_DEFINE3`, `long`, ... the definition's macro or return type. */
  form: string;
  /** The name as written in the definition (`read` in `SYSCALL_DEFINE3(read, ...)`). */
  name: string;
  params: { c_type: string; name: string }[];
  at: At;
}

export interface ApiSpec {
  /** `sys_<syscall>` for syscalls, the spec name otherwise; unique in a set. */
  name: string;
  kind: Kind;
  /** DSL generation or binary layout it was read as. */
  source_format: SourceFormat;
  at: At;
  /** `.version` of the struct (always 1 upstream). */
  version?: number;
  description?: string;
  long_description?: string;
  /** Sorted context names. */
  contexts?: ContextFlag[];
  signature?: Signature;
  params?: Param[];
  return?: ReturnSpec;
  errors?: ErrorSpec[];
  locks?: LockSpec[];
  signals?: SignalSpec[];
  signal_masks?: SignalMask[];
  side_effects?: SideEffect[];
  state_transitions?: StateTransition[];
  capabilities?: Capability[];
  constraints?: FreeConstraint[];
  struct_specs?: StructSpec[];
  ioctl?: IoctlInfo;
  sysfs?: SysfsInfo;
  /** Networking behaviour (RFC v2 only). */
  network?: NetworkSpec;
  examples?: string;
  notes?: string;
  /** Removed upstream in PATCH v2; kept when an older source has it. */
  since_version?: string;
  deprecated?: boolean;
  replacement?: string;
  ext?: Ext;
}

/** A normalised, frozen, name-sorted set of specs. */
export interface SpecSet {
  readonly specs: readonly ApiSpec[];
}
