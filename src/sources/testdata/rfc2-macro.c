// SPDX-License-Identifier: GPL-2.0
/*
 * Test fixture for kapi: RFC v2 C-macro specifications.
 *
 * Three excerpts, one per spec kind the second posting supported: a system
 * call (remap_file_pages() from mm/mmap.c), a sysfs attribute
 * (max_sectors_kb from block/blk-sysfs.c) and an ioctl command
 * (BINDER_WRITE_READ from drivers/android/binder.c).  The descriptions are
 * written for this fixture.
 */

#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/syscalls.h>
#include <linux/blkdev.h>
#include <linux/blk-mq.h>
#include <linux/uaccess.h>
#include <linux/kernel_api_spec.h>

#include <uapi/linux/android/binder.h>

/* ------------------------------------------------------------------ */
/* mm/mmap.c                                                           */
/* ------------------------------------------------------------------ */

/* The only value remap_file_pages() still accepts for prot. */
static const s64 remap_file_pages_prot_values[] = { 0 };

DEFINE_KERNEL_API_SPEC(sys_remap_file_pages)
	KAPI_DESCRIPTION("Rearrange the pages of a shared file mapping")
	KAPI_LONG_DESC("Makes the range [start, start + size) of an existing shared "
		       "file mapping show the file starting at page pgoff instead of "
		       "its original offset.  The kernel no longer keeps nonlinear "
		       "mappings; the request is carried out by creating a new "
		       "linear mapping over the range.")
	KAPI_CONTEXT(KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE)

	KAPI_PARAM(0, "start", "unsigned long", "Start of the range to rearrange")
		KAPI_PARAM_TYPE(KAPI_TYPE_UINT)
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
		KAPI_PARAM_SIZE_PARAM_IDX(1)
		KAPI_PARAM_CONSTRAINT("Must lie inside one VM_SHARED file mapping")
	KAPI_PARAM_END

	KAPI_PARAM(1, "size", "unsigned long", "Length of the range in bytes")
		KAPI_PARAM_TYPE(KAPI_TYPE_UINT)
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
		KAPI_PARAM_CONSTRAINT_TYPE(KAPI_CONSTRAINT_RANGE)
		KAPI_PARAM_RANGE(PAGE_SIZE, LONG_MAX)
		KAPI_PARAM_CONSTRAINT("Rounded down to whole pages, and must not end up zero")
	KAPI_PARAM_END

	KAPI_PARAM(2, "prot", "unsigned long", "Historic protection argument")
		KAPI_PARAM_TYPE(KAPI_TYPE_UINT)
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
		KAPI_PARAM_CONSTRAINT_TYPE(KAPI_CONSTRAINT_ENUM)
		KAPI_PARAM_ENUM_VALUES(remap_file_pages_prot_values)
		KAPI_PARAM_CONSTRAINT("Kept for ABI compatibility; must be zero")
	KAPI_PARAM_END

	KAPI_PARAM(3, "pgoff", "unsigned long", "File offset, in pages, to show at start")
		KAPI_PARAM_TYPE(KAPI_TYPE_UINT)
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
	KAPI_PARAM_END

	KAPI_PARAM(4, "flags", "unsigned long", "Mapping flags")
		KAPI_PARAM_TYPE(KAPI_TYPE_UINT)
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
		KAPI_PARAM_CONSTRAINT_TYPE(KAPI_CONSTRAINT_MASK)
		KAPI_PARAM_VALID_MASK(MAP_NONBLOCK)
		KAPI_PARAM_CONSTRAINT("Only MAP_NONBLOCK is recognised")
	KAPI_PARAM_END

	KAPI_PARAM_COUNT(5)

	KAPI_RETURN("long", "Zero on success, a negative error code on failure")
		KAPI_RETURN_TYPE(KAPI_TYPE_INT)
		KAPI_RETURN_CHECK_TYPE(KAPI_RETURN_ERROR_CHECK)
		KAPI_RETURN_SUCCESS_RANGE(0, INT_MAX)
	KAPI_RETURN_END

	KAPI_ERROR(0, -EINVAL, "EINVAL", "Bad arguments",
		   "prot is not zero, flags has unknown bits, the range wraps, or it "
		   "is not covered by a single shared file mapping")
	KAPI_ERROR(1, -EINTR, "EINTR", "Killed while waiting",
		   "A fatal signal arrived while waiting for mmap_lock")
	KAPI_ERROR(2, -ENOMEM, "ENOMEM", "Out of memory",
		   "The replacement mapping could not be set up")
	KAPI_ERROR(3, -EAGAIN, "EAGAIN", "Lock limit reached",
		   "The range is locked and re-locking it would exceed RLIMIT_MEMLOCK")

	KAPI_ERROR_COUNT(4)

	KAPI_LOCK(0, "mmap_lock", KAPI_LOCK_RWLOCK)
		KAPI_LOCK_ACQUIRED
		KAPI_LOCK_RELEASED
		KAPI_LOCK_DESC("Read-held while the mapping is inspected, then the "
			       "emulated mmap takes it for writing")
	KAPI_LOCK_END

	KAPI_LOCK_COUNT(1)

	KAPI_SIGNAL(0, SIGKILL, "SIGKILL", KAPI_SIGNAL_RECEIVE, KAPI_SIGNAL_ACTION_RETURN)
		KAPI_SIGNAL_CONDITION("Fatal signal pending while waiting for mmap_lock")
		KAPI_SIGNAL_DESC("The killable lock wait is abandoned and -EINTR returned")
		KAPI_SIGNAL_TIMING(KAPI_SIGNAL_TIME_DURING)
		KAPI_SIGNAL_ERROR(-EINTR)
		KAPI_SIGNAL_INTERRUPTIBLE
		KAPI_SIGNAL_PRIORITY(1)
	KAPI_SIGNAL_END

	KAPI_SIGNAL_COUNT(1)

	KAPI_CAPABILITY(0, CAP_IPC_LOCK, "CAP_IPC_LOCK", KAPI_CAP_BYPASS_CHECK)
		KAPI_CAP_ALLOWS("Re-locking an mlock()ed range regardless of RLIMIT_MEMLOCK")
		KAPI_CAP_WITHOUT("The emulated mmap fails with -EAGAIN once the limit is hit")
		KAPI_CAP_CONDITION("The target mapping has VM_LOCKED set")
		KAPI_CAP_PRIORITY(0)
	KAPI_CAPABILITY_END

	KAPI_CAPABILITY_COUNT(1)

	KAPI_SIDE_EFFECT(0, KAPI_EFFECT_MODIFY_STATE | KAPI_EFFECT_ALLOC_MEMORY,
			 "process address space",
			 "The range is replaced by a fresh mapping of the file at pgoff")
	KAPI_SIDE_EFFECT_END

	.side_effect_count = 1,

	KAPI_EXAMPLES("remap_file_pages(addr, 4 * page_size, 0, 16, 0);")
	KAPI_NOTES("Emulated since Linux 3.16: every call creates separate VMAs, "
		   "so it no longer saves anything over plain mmap().")
	KAPI_SINCE_VERSION("2.5.46")
	KAPI_DEPRECATED
	KAPI_REPLACEMENT("mmap")
KAPI_END_SPEC;

SYSCALL_DEFINE5(remap_file_pages, unsigned long, start, unsigned long, size,
		unsigned long, prot, unsigned long, pgoff, unsigned long, flags)
{
	pr_warn_once("%s[%d]: remap_file_pages() is deprecated, use mmap()\n",
		     current->comm, current->pid);

	if (prot)
		return -EINVAL;
	if (flags & ~MAP_NONBLOCK)
		return -EINVAL;

	start &= PAGE_MASK;
	size &= PAGE_MASK;
	if (start + size <= start)
		return -EINVAL;

	return remap_file_pages_emulate(start, size, pgoff, flags);
}

/* ------------------------------------------------------------------ */
/* block/blk-sysfs.c                                                   */
/* ------------------------------------------------------------------ */

DEFINE_SYSFS_API_SPEC(queue_max_sectors_kb)
	KAPI_DESCRIPTION("Upper bound on the size of one request, in KiB")
	KAPI_LONG_DESC("Soft limit the block layer applies when building requests "
		       "for this queue.  It may be lowered freely but never raised "
		       "above max_hw_sectors_kb.")
	KAPI_SUBSYSTEM("block")

	KAPI_PARAM(0, "max_sectors_kb", "unsigned int", "Request size limit")
		KAPI_PARAM_TYPE(KAPI_TYPE_UINT)
		KAPI_PARAM_FLAGS(KAPI_PARAM_SYSFS_RW)
		KAPI_PATH("/sys/block/<disk>/queue/max_sectors_kb")
		KAPI_PERMISSIONS(0644)
		KAPI_UNITS("KiB")
		KAPI_DEFAULT("1280")
		KAPI_STEP(4)
		KAPI_PARAM_CONSTRAINT_TYPE(KAPI_CONSTRAINT_RANGE)
		KAPI_PARAM_RANGE(PAGE_SIZE >> 10, UINT_MAX)
		KAPI_PARAM_CONSTRAINT("At least one page and at most max_hw_sectors_kb")
	KAPI_PARAM_END

	KAPI_PARAM_COUNT(1)

	KAPI_ERROR(0, -EINVAL, "EINVAL", "Rejected value",
		   "Not a decimal number, smaller than a page, or above max_hw_sectors_kb")

	KAPI_ERROR_COUNT(1)
KAPI_END_SPEC;

static ssize_t queue_max_sectors_show(struct gendisk *disk, char *page)
{
	return sysfs_emit(page, "%u\n", queue_max_sectors(disk->queue) >> 1);
}

static ssize_t queue_max_sectors_store(struct gendisk *disk, const char *page,
				       size_t count, struct queue_limits *lim)
{
	unsigned long kb;
	int err;

	err = kstrtoul(page, 10, &kb);
	if (err || kb > UINT_MAX)
		return -EINVAL;

	lim->max_user_sectors = kb << 1;
	return count;
}

/* ------------------------------------------------------------------ */
/* drivers/android/binder.c                                            */
/* ------------------------------------------------------------------ */

DEFINE_KAPI_IOCTL_SPEC(binder_write_read)
	KAPI_DESCRIPTION("Submit commands to binder and collect returned work")
	KAPI_LONG_DESC("Consumes commands from the write buffer, then fills the read "
		       "buffer with return codes and transactions addressed to the "
		       "calling thread, blocking until work arrives unless the file "
		       "is non-blocking.")
	KAPI_CONTEXT(KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE)

	KAPI_IOCTL_CMD(BINDER_WRITE_READ)
	KAPI_IOCTL_CMD_NAME("BINDER_WRITE_READ")
	KAPI_IOCTL_INPUT_SIZE(sizeof(struct binder_write_read))
	KAPI_IOCTL_OUTPUT_SIZE(sizeof(struct binder_write_read))
	KAPI_IOCTL_FILE_OPS_NAME("binder_fops")

	KAPI_PARAM(0, "write_size", "binder_size_t", "Bytes available in write_buffer")
		KAPI_PARAM_TYPE(KAPI_TYPE_UINT)
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
	KAPI_PARAM_END

	KAPI_PARAM(1, "write_consumed", "binder_size_t", "Bytes of write_buffer processed")
		KAPI_PARAM_TYPE(KAPI_TYPE_UINT)
		KAPI_PARAM_FLAGS(KAPI_PARAM_INOUT)
		KAPI_PARAM_CONSTRAINT("Must not exceed write_size")
	KAPI_PARAM_END

	KAPI_PARAM(2, "write_buffer", "binder_uintptr_t", "Commands for the driver")
		KAPI_PARAM_TYPE(KAPI_TYPE_USER_PTR)
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN | KAPI_PARAM_USER)
		KAPI_PARAM_SIZE_PARAM_IDX(0)
	KAPI_PARAM_END

	KAPI_PARAM(3, "read_size", "binder_size_t", "Bytes available in read_buffer")
		KAPI_PARAM_TYPE(KAPI_TYPE_UINT)
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
	KAPI_PARAM_END

	KAPI_PARAM(4, "read_consumed", "binder_size_t", "Bytes of read_buffer filled")
		KAPI_PARAM_TYPE(KAPI_TYPE_UINT)
		KAPI_PARAM_FLAGS(KAPI_PARAM_INOUT)
		KAPI_PARAM_CONSTRAINT("Must not exceed read_size")
	KAPI_PARAM_END

	KAPI_PARAM(5, "read_buffer", "binder_uintptr_t", "Destination for return codes")
		KAPI_PARAM_TYPE(KAPI_TYPE_USER_PTR)
		KAPI_PARAM_FLAGS(KAPI_PARAM_OUT | KAPI_PARAM_USER)
		KAPI_PARAM_SIZE_PARAM_IDX(3)
	KAPI_PARAM_END

	KAPI_PARAM_COUNT(6)

	KAPI_RETURN("long", "Zero on success, a negative error code on failure")
		KAPI_RETURN_TYPE(KAPI_TYPE_INT)
		KAPI_RETURN_CHECK_TYPE(KAPI_RETURN_EXACT)
	KAPI_RETURN_END

	KAPI_ERROR(0, -EFAULT, "EFAULT", "Bad user memory",
		   "The structure or one of its buffers could not be accessed")
	KAPI_ERROR(1, -EINVAL, "EINVAL", "Bad request",
		   "The argument size does not match struct binder_write_read")
	KAPI_ERROR(2, -EAGAIN, "EAGAIN", "No work",
		   "The file is non-blocking and nothing is queued for the thread")

	KAPI_ERROR_COUNT(3)
KAPI_END_SPEC;

static int binder_ioctl_write_read(struct file *filp, unsigned long arg,
				   struct binder_thread *thread)
{
	void __user *ubuf = (void __user *)arg;
	struct binder_write_read bwr;
	int ret;

	if (copy_from_user(&bwr, ubuf, sizeof(bwr)))
		return -EFAULT;

	ret = binder_exchange(filp->private_data, thread, &bwr,
			      filp->f_flags & O_NONBLOCK);

	if (copy_to_user(ubuf, &bwr, sizeof(bwr)))
		return -EFAULT;

	return ret;
}
