// SPDX-License-Identifier: GPL-2.0
/*
 * Test fixture for kapi: broken specifications next to good ones.
 *
 * Excerpt modelled on fs/timerfd.c.  The three kernel-doc specifications
 * use the PATCH v4 form; the middle one has mistakes, each marked at the
 * end of its line with the diagnostic it must produce.  The file ends
 * inside a macro specification that is never closed.
 */

#include <linux/alarmtimer.h>
#include <linux/file.h>
#include <linux/hrtimer.h>
#include <linux/syscalls.h>
#include <linux/time_namespace.h>
#include <linux/timerfd.h>
#include <linux/kernel_api_spec.h>

static bool timerfd_clock_supported(int clockid)
{
	switch (clockid) {
	case CLOCK_REALTIME:
	case CLOCK_MONOTONIC:
	case CLOCK_BOOTTIME:
	case CLOCK_REALTIME_ALARM:
	case CLOCK_BOOTTIME_ALARM:
		return true;
	default:
		return false;
	}
}

/**
 * sys_timerfd_create - create a timer that reports expirations through a descriptor
 * @clockid: clock the timer runs on
 * @flags: TFD_CLOEXEC and/or TFD_NONBLOCK
 *
 * contexts: process, sleepable
 *
 * param: clockid
 *   type: int, input
 *   constraint-type: enum(CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_BOOTTIME, CLOCK_REALTIME_ALARM, CLOCK_BOOTTIME_ALARM)
 *
 * param: flags
 *   type: int, input
 *   constraint-type: mask(TFD_CLOEXEC | TFD_NONBLOCK)
 *
 * return:
 *   type: int
 *   check-type: fd
 *   success-range: 0, INT_MAX
 *
 * error: EINVAL, unknown clock or unknown flag bits
 *
 * error: EMFILE, the per-process descriptor limit was reached
 *
 * error: ENOMEM, the timer context could not be allocated
 *
 * error: EPERM, an alarm clock was requested without CAP_WAKE_ALARM
 *
 * capability: CAP_WAKE_ALARM
 *   type: grant_permission
 *   allows: creating timers on CLOCK_REALTIME_ALARM and CLOCK_BOOTTIME_ALARM
 *   without: such requests fail with EPERM
 *
 * Return: a new descriptor, or a negative error code.
 */
SYSCALL_DEFINE2(timerfd_create, int, clockid, int, flags)
{
	if (!timerfd_clock_supported(clockid))
		return -EINVAL;
	if (flags & ~(TFD_CLOEXEC | TFD_NONBLOCK))
		return -EINVAL;
	if (alarm_clock(clockid) && !capable(CAP_WAKE_ALARM))
		return -EPERM;

	return timerfd_new(clockid, flags);
}

/**
 * sys_timerfd_settime - arm or disarm a timerfd
 * @ufd: timerfd descriptor
 * @flags: TFD_TIMER_ABSTIME and/or TFD_TIMER_CANCEL_ON_SET
 * @utmr: new expiration and interval
 * @otmr: receives the previous setting; may be NULL
 *
 * contexts: process, sleepy [expect: unknown-context]
 *
 * param: ufd
 *   type: fd, input
 *   constraint-type: range(1 [expect: bad-constraint]
 *
 * param: flags
 *   type: int, input
 *   constraint-type: mask(TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET)
 *
 * param: new_value [expect: unknown-param]
 *   type: user_ptr, input
 *   desc: New expiration and interval.
 *
 * param: otmr
 *   type: user_ptr, output, optional
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *
 * error: EBADF, ufd is not an open descriptor
 *
 * error: EINVAL, ufd is not a timerfd, or a time value is out of range
 *
 * error: ENOTANERRNO, x [expect: unknown-errno]
 *
 * Return: 0 on success, a negative error code on failure.
 */
SYSCALL_DEFINE4(timerfd_settime, int, ufd, int, flags,
		const struct __kernel_itimerspec __user *, utmr,
		struct __kernel_itimerspec __user *, otmr)
{
	struct itimerspec64 new, old;
	int ret;

	if (get_itimerspec64(&new, utmr))
		return -EFAULT;

	ret = timerfd_apply(ufd, flags, &new, &old);
	if (!ret && otmr && put_itimerspec64(&old, otmr))
		return -EFAULT;

	return ret;
}

/**
 * sys_timerfd_gettime - read the current setting of a timerfd
 * @ufd: timerfd descriptor
 * @otmr: receives the time left and the interval
 *
 * contexts: process, sleepable
 *
 * param: ufd
 *   type: fd, input
 *   constraint-type: range(0, INT_MAX)
 *
 * param: otmr
 *   type: user_ptr, output
 *   size: sizeof(struct __kernel_itimerspec)
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *
 * error: EBADF, ufd is not an open descriptor
 *
 * error: EFAULT, otmr is not writable
 *
 * error: EINVAL, ufd is not a timerfd
 *
 * Return: 0 on success, a negative error code on failure.
 */
SYSCALL_DEFINE2(timerfd_gettime, int, ufd, struct __kernel_itimerspec __user *, otmr)
{
	struct itimerspec64 cur;
	int ret;

	ret = timerfd_read_setting(ufd, &cur);
	if (ret)
		return ret;

	return put_itimerspec64(&cur, otmr) ? -EFAULT : 0;
}

/* Older macro-form specification, conversion still in progress. */
DEFINE_KERNEL_API_SPEC(sys_broken)	/* expect: unterminated-spec */
	KAPI_DESCRIPTION("Half-converted specification")
	KAPI_CONTEXT(KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE)

	KAPI_PARAM(0, "arg", "int", "Unused argument")
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
		.type = KAPI_TYPE_INT,
	KAPI_PARAM_END

	.param_count = 1,
