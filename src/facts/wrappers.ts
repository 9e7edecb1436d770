// Kernel helpers whose errors come from code the index does not follow well (macros, inline
// assembly, per-architecture uaccess), written as data: when a function returns what one of these
// returns (`return get_user(x, p)`, `err = get_user(x, p); if (err) return err;`), the caller gets
// the errnos listed here, and the helper's own code (when the index has it) is not followed.
// Checked against the 6.1 tree; `why` says where the errno comes from. Checks whose caller writes
// the errno itself (`if (!capable(CAP_X)) return -EPERM;`, `if (!f.file) return -EBADF;` after
// fdget, `if (copy_from_user(...)) return -EFAULT;`, `if (!p) return -ENOMEM;` after kmalloc) need
// no entry: they are direct returns of the caller.

export interface Wrapper { errors: string[]; why: string }

const uaccess = 'a fault on the user address (the exception table fixup returns -EFAULT)';
const killable = 'a fatal signal while waiting (-EINTR)';

export const WRAPPERS: Readonly<Record<string, Wrapper>> = {
  get_user: { errors: ['EFAULT'], why: uaccess },
  put_user: { errors: ['EFAULT'], why: uaccess },
  __get_user: { errors: ['EFAULT'], why: uaccess },
  __put_user: { errors: ['EFAULT'], why: uaccess },
  unsafe_get_user: { errors: ['EFAULT'], why: uaccess },
  strncpy_from_user: { errors: ['EFAULT'], why: uaccess },
  strnlen_user: { errors: ['EFAULT'], why: uaccess },
  clear_user: { errors: ['EFAULT'], why: uaccess },
  copy_struct_from_user: { errors: ['E2BIG', 'EFAULT'], why: 'include/linux/uaccess.h: non-zero bytes past the known size (-E2BIG), a fault (-EFAULT)' },
  memdup_user: { errors: ['EFAULT', 'ENOMEM'], why: 'mm/util.c: allocation (-ENOMEM), copy (-EFAULT)' },
  memdup_user_nul: { errors: ['EFAULT', 'ENOMEM'], why: 'mm/util.c: allocation (-ENOMEM), copy (-EFAULT)' },
  vmemdup_user: { errors: ['EFAULT', 'ENOMEM'], why: 'mm/util.c: allocation (-ENOMEM), copy (-EFAULT)' },
  strndup_user: { errors: ['EFAULT', 'EINVAL', 'ENOMEM'], why: 'mm/util.c: too long (-EINVAL), allocation, copy' },
  getname: { errors: ['EFAULT', 'ENAMETOOLONG', 'ENOENT', 'ENOMEM'], why: 'fs/namei.c getname_flags: allocation, copy, too long, empty' },
  getname_flags: { errors: ['EFAULT', 'ENAMETOOLONG', 'ENOENT', 'ENOMEM'], why: 'fs/namei.c: allocation, copy, too long, empty' },
  getname_uflags: { errors: ['EFAULT', 'ENAMETOOLONG', 'ENOENT', 'ENOMEM'], why: 'fs/namei.c getname_flags' },
  mutex_lock_interruptible: { errors: ['EINTR'], why: 'a signal while waiting (-EINTR)' },
  mutex_lock_killable: { errors: ['EINTR'], why: killable },
  down_read_killable: { errors: ['EINTR'], why: killable },
  down_write_killable: { errors: ['EINTR'], why: killable },
  down_interruptible: { errors: ['EINTR'], why: 'a signal while waiting (-EINTR)' },
  down_killable: { errors: ['EINTR'], why: killable },
  mmap_read_lock_killable: { errors: ['EINTR'], why: killable },
  mmap_write_lock_killable: { errors: ['EINTR'], why: killable },
  wait_event_interruptible: { errors: ['ERESTARTSYS'], why: 'a signal while waiting (a macro)' },
  wait_event_killable: { errors: ['ERESTARTSYS'], why: 'a fatal signal while waiting (a macro)' },
  wait_event_interruptible_timeout: { errors: ['ERESTARTSYS'], why: 'a signal while waiting (a macro)' },
  wait_event_interruptible_exclusive: { errors: ['ERESTARTSYS'], why: 'a signal while waiting (a macro)' },
};

/** The wrapper entry of a callee name, if it is one. */
export const wrapperOf = (name: string): Wrapper | undefined => (Object.prototype.hasOwnProperty.call(WRAPPERS, name) ? WRAPPERS[name] : undefined);

/**
 * Macros that call through a table of function pointers and return what those return: their
 * errors are those of indirect calls (named, not included), like `f_op->read`. The count of
 * implementations is not known for them (hooks are registered by macros, not initialisers).
 */
export const DISPATCH: Readonly<Record<string, string>> = {
  call_int_hook: 'LSM hooks (call_int_hook)',
};

export const dispatchOf = (name: string): string | undefined => (Object.prototype.hasOwnProperty.call(DISPATCH, name) ? DISPATCH[name] : undefined);

/**
 * Functions that retry a call when it fails with one of these errnos, so the errno never leaves
 * them: fs/namei.c walks a path in RCU mode first, and when a step cannot be done without
 * sleeping it returns -ECHILD, which these callers answer by walking again in ref-walk mode
 * (where no step returns -ECHILD). The errno is dropped on the paths below them, and kept on others.
 */
export const RETRIED: Readonly<Record<string, Wrapper>> = {
  do_filp_open: { errors: ['ECHILD'], why: 'fs/namei.c: an RCU-walk failure is retried in ref-walk mode' },
  do_file_open_root: { errors: ['ECHILD'], why: 'fs/namei.c: an RCU-walk failure is retried in ref-walk mode' },
  filename_lookup: { errors: ['ECHILD'], why: 'fs/namei.c: an RCU-walk failure is retried in ref-walk mode' },
  filename_parentat: { errors: ['ECHILD'], why: 'fs/namei.c: an RCU-walk failure is retried in ref-walk mode' },
};
