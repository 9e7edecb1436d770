// SPDX-License-Identifier: GPL-2.0
/*
 * Test fixture for kapi: mistakes in the RFC v2 networking vocabulary.
 *
 * A connect() spec in the socket() spec's macro form, with one mistake on
 * each marked line.  What is right around them is still read.  The
 * descriptions are written for this fixture.
 */

#include <linux/socket.h>
#include <linux/syscalls.h>
#include <linux/kernel_api_spec.h>

DEFINE_KERNEL_API_SPEC(sys_connect)
	KAPI_DESCRIPTION("Connect a socket to an address")
	KAPI_CONTEXT(KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE)

	KAPI_PARAM(0, "fd", "int", "The socket")
		KAPI_PARAM_TYPE(KAPI_TYPE_FD)
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
	KAPI_PARAM_END

	KAPI_PARAM(1, "uservaddr", "struct sockaddr __user *", "The peer's address")
		KAPI_PARAM_TYPE(KAPI_TYPE_USER_PTR)
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN | KAPI_PARAM_USER)
	KAPI_PARAM_END

	KAPI_PARAM(2, "addrlen", "int", "Length of the address")
		KAPI_PARAM_TYPE(KAPI_TYPE_INT)
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
	KAPI_PARAM_END

	KAPI_PARAM_COUNT(3)

	KAPI_ERROR(0, -EISCONN, "EISCONN", "Already connected", "A stream socket has a peer already")

	KAPI_ERROR_COUNT(1)

	/* A state kapi does not know, and one listed twice */
	KAPI_SOCKET_STATE_REQ(KAPI_SOCK_STATE_OPEN, KAPI_SOCK_STATE_HALF_OPEN, /* expect: unknown-token */
			      KAPI_SOCK_STATE_BOUND, KAPI_SOCK_STATE_OPEN) /* expect: duplicate-entry */
	KAPI_SOCKET_STATE_FORBID(KAPI_SOCK_STATE_LISTEN)
	KAPI_SOCKET_STATE_RESULT(KAPI_SOCK_STATE_SYN_SENT)
	KAPI_SOCKET_STATE_PROTOS(KAPI_PROTO_TCP | (1 << 12)) /* expect: unknown-token */
	KAPI_SOCKET_STATE_END

	KAPI_PROTOCOL_BEHAVIOR(0, KAPI_PROTO_TCP, "Starts the three-way handshake")
	KAPI_PROTOCOL_BEHAVIOR_END

	/* Set after its group has ended */
	KAPI_PROTOCOL_FLAGS(0, "No flags") /* expect: bad-syntax */

	KAPI_PROTOCOL_BEHAVIOR_COUNT(2) /* expect: count-mismatch */

	KAPI_ASYNC_SPEC(KAPI_ASYNC_NONBLOCK, -EINPROGRES) /* expect: unknown-errno */
		KAPI_ASYNC_POLL(POLLOUT, POLLOUT)
	KAPI_ASYNC_END

	KAPI_ADDR_FAMILY(0, AF_INET, "AF_INET", sizeof(struct sockaddr_in), 16, 16)
		KAPI_ADDR_FEATURES(false, false, "no") /* expect: bad-value */
		KAPI_ADDR_PORTS(1, 65535)
	KAPI_ADDR_FAMILY_END

	KAPI_ADDR_FAMILY_COUNT(1)

	KAPI_NET_CONNECTION_ORIENTED
KAPI_END_SPEC;

SYSCALL_DEFINE3(connect, int, fd, struct sockaddr __user *, uservaddr, int, addrlen)
{
	return __sys_connect(fd, uservaddr, addrlen);
}
