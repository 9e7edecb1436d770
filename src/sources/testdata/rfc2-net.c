// SPDX-License-Identifier: GPL-2.0
/*
 * Test fixture for kapi: the RFC v2 networking vocabulary.
 *
 * Three calls from net/socket.c.  socket() is written with the networking
 * macros in the order the posted RFC v2 socket() spec uses them (socket
 * state, protocol behaviours, buffer, async, address families, then the
 * operation properties as raw initializers).  recvfrom() uses the macros the
 * socket() spec leaves out (KAPI_SOCKET_STATE_FORBID, the buffer and async
 * details, KAPI_NET_*) and a counted signal mask.  listen() says the same
 * kind of things with raw designated initializers only.  The descriptions
 * are written for this fixture.
 */

#include <linux/socket.h>
#include <linux/net.h>
#include <linux/poll.h>
#include <linux/syscalls.h>
#include <linux/kernel_api_spec.h>
#include <linux/syscall_api_spec.h>

DEFINE_KERNEL_API_SPEC(sys_socket)
	KAPI_DESCRIPTION("Create an endpoint for communication")
	KAPI_LONG_DESC("Creates a socket of the given family, type and protocol and "
		       "returns a file descriptor referring to it.  The socket is "
		       "neither bound nor connected yet.  When no built-in code "
		       "handles the family, its module is loaded on demand.")
	KAPI_CONTEXT(KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE)

	KAPI_PARAM(0, "family", "int", "Protocol family, one of the AF_* constants")
		KAPI_PARAM_TYPE(KAPI_TYPE_INT)
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
		KAPI_PARAM_CONSTRAINT_TYPE(KAPI_CONSTRAINT_RANGE)
		KAPI_PARAM_RANGE(AF_UNSPEC, AF_MAX - 1)
		KAPI_PARAM_CONSTRAINT("Families without an implementation fail with EAFNOSUPPORT")
	KAPI_PARAM_END

	KAPI_PARAM(1, "type", "int", "Socket type, possibly ORed with SOCK_NONBLOCK and SOCK_CLOEXEC")
		KAPI_PARAM_TYPE(KAPI_TYPE_INT)
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
		KAPI_PARAM_CONSTRAINT("The low four bits choose the type; the other bits are creation flags")
	KAPI_PARAM_END

	KAPI_PARAM(2, "protocol", "int", "Protocol of the family, or 0 for the type's default")
		KAPI_PARAM_TYPE(KAPI_TYPE_INT)
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
	KAPI_PARAM_END

	KAPI_PARAM_COUNT(3)

	KAPI_RETURN("long", "A new file descriptor, or a negative error code")
		KAPI_RETURN_TYPE(KAPI_TYPE_FD)
		KAPI_RETURN_CHECK_TYPE(KAPI_RETURN_FD)
	KAPI_RETURN_END

	KAPI_ERROR(0, -EAFNOSUPPORT, "EAFNOSUPPORT", "Family not available",
		   "family is out of range, or no built-in code or module implements it")
	KAPI_ERROR(1, -EINVAL, "EINVAL", "Bad type flags",
		   "type has bits set besides the type, SOCK_NONBLOCK and SOCK_CLOEXEC")
	KAPI_ERROR(2, -EPROTONOSUPPORT, "EPROTONOSUPPORT", "Protocol not available",
		   "The family has no such protocol for the requested type")
	KAPI_ERROR(3, -EMFILE, "EMFILE", "Descriptor limit",
		   "The process already has RLIMIT_NOFILE descriptors open")
	KAPI_ERROR(4, -EPERM, "EPERM", "Not permitted",
		   "A raw or packet socket was requested without CAP_NET_RAW")

	KAPI_ERROR_COUNT(5)

	KAPI_SIGNAL(0, 0, "ANY", KAPI_SIGNAL_RECEIVE, KAPI_SIGNAL_ACTION_RETURN)
		KAPI_SIGNAL_CONDITION("A signal arrives while the family's module is being loaded")
		KAPI_SIGNAL_DESC("The module request is abandoned and the family stays unavailable")
		KAPI_SIGNAL_TIMING(KAPI_SIGNAL_TIME_DURING)
		KAPI_SIGNAL_INTERRUPTIBLE
	KAPI_SIGNAL_END

	KAPI_SIGNAL_COUNT(1)

	KAPI_SIDE_EFFECT(0, KAPI_EFFECT_ALLOC_MEMORY | KAPI_EFFECT_RESOURCE_CREATE,
			 "socket and descriptor",
			 "Allocates the socket with its protocol state and installs a descriptor")
		KAPI_EFFECT_REVERSIBLE
	KAPI_SIDE_EFFECT_END

	KAPI_SIDE_EFFECT_COUNT(1)

	KAPI_STATE_TRANS(0, "file descriptor table", "slot free", "slot holds the socket",
			 "The lowest free descriptor is used")
	KAPI_STATE_TRANS_END

	KAPI_STATE_TRANS_COUNT(1)

	/* Socket state */
	KAPI_SOCKET_STATE_REQ(KAPI_SOCK_STATE_UNSPEC)
	KAPI_SOCKET_STATE_RESULT(KAPI_SOCK_STATE_OPEN)
	KAPI_SOCKET_STATE_COND("The socket is new: it starts open, unbound and unconnected")
	KAPI_SOCKET_STATE_PROTOS(KAPI_PROTO_ALL)
	KAPI_SOCKET_STATE_END

	/* Protocol behaviours */
	KAPI_PROTOCOL_BEHAVIOR(0, KAPI_PROTO_TCP,
		"A stream socket: reliable, ordered bytes once connected, "
		"with no message boundaries")
		KAPI_PROTOCOL_FLAGS(0, "Options at the SOL_TCP level")
	KAPI_PROTOCOL_BEHAVIOR_END

	KAPI_PROTOCOL_BEHAVIOR(1, KAPI_PROTO_UDP,
		"A datagram socket: each send is one message, delivery is not guaranteed")
		KAPI_PROTOCOL_FLAGS(0, "Options at the SOL_UDP level")
	KAPI_PROTOCOL_BEHAVIOR_END

	KAPI_PROTOCOL_BEHAVIOR(2, KAPI_PROTO_UNIX,
		"A local socket: no network involved; it can pass descriptors and credentials")
	KAPI_PROTOCOL_BEHAVIOR_END

	KAPI_PROTOCOL_BEHAVIOR(3, KAPI_PROTO_RAW | KAPI_PROTO_PACKET,
		"Raw network or link layer access, for CAP_NET_RAW holders only")
		KAPI_PROTOCOL_FLAGS(0, "Options at the SOL_RAW and SOL_PACKET levels")
	KAPI_PROTOCOL_BEHAVIOR_END

	KAPI_PROTOCOL_BEHAVIOR_COUNT(4)

	/* Creating a socket moves no data */
	KAPI_BUFFER_SPEC(0)
	KAPI_BUFFER_SIZE(0, 0, 0)
	KAPI_BUFFER_END

	KAPI_ASYNC_SPEC(KAPI_ASYNC_BLOCK, 0)
	KAPI_ASYNC_END

	/* Address families */
	KAPI_ADDR_FAMILY(0, AF_UNIX, "AF_UNIX/AF_LOCAL", sizeof(struct sockaddr_un), 2, 110)
		KAPI_ADDR_FORMAT("struct sockaddr_un: the family, then a path of up to 108 bytes")
		KAPI_ADDR_FEATURES(false, false, false)
		KAPI_ADDR_SPECIAL("A path starting with a NUL byte names the abstract namespace")
		KAPI_ADDR_PORTS(0, 0)
	KAPI_ADDR_FAMILY_END

	KAPI_ADDR_FAMILY(1, AF_INET, "AF_INET", sizeof(struct sockaddr_in), 16, 16)
		KAPI_ADDR_FORMAT("struct sockaddr_in: the family, a port and an IPv4 address")
		KAPI_ADDR_FEATURES(true, true, true)
		KAPI_ADDR_SPECIAL("INADDR_ANY is the wildcard, 127.0.0.0/8 the loopback net")
		KAPI_ADDR_PORTS(0, 65535)
	KAPI_ADDR_FAMILY_END

	KAPI_ADDR_FAMILY(2, AF_INET6, "AF_INET6", sizeof(struct sockaddr_in6), 24, 28)
		KAPI_ADDR_FORMAT("struct sockaddr_in6: the family, a port, flow info, an IPv6 address and a scope")
		KAPI_ADDR_FEATURES(true, true, false)
		KAPI_ADDR_SPECIAL("in6addr_any is the wildcard; IPv6 has no broadcast")
		KAPI_ADDR_PORTS(0, 65535)
	KAPI_ADDR_FAMILY_END

	KAPI_ADDR_FAMILY_COUNT(3)

	KAPI_CAPABILITY(0, CAP_NET_RAW, "CAP_NET_RAW", KAPI_CAP_GRANT_PERMISSION)
		KAPI_CAP_ALLOWS("Creating raw and packet sockets")
		KAPI_CAP_WITHOUT("Such requests fail with EPERM")
		KAPI_CAP_CONDITION("type is SOCK_RAW, or family is AF_PACKET")
	KAPI_CAPABILITY_END

	KAPI_CAPABILITY_COUNT(1)

	/* Operation properties */
	.is_connection_oriented = false,
	.is_message_oriented = false,
	.supports_oob_data = false,
	.supports_peek = false,
	.supports_select_poll = false,
	.is_reentrant = true,

	KAPI_NET_DATA_TRANSFER("None: socket() only creates the endpoint")

	KAPI_CONSTRAINT(0, "Valid combinations",
			"Not every family, type and protocol combination exists; "
			"AF_INET with SOCK_STREAM and protocol 0 means TCP")
	KAPI_CONSTRAINT_END

	KAPI_CONSTRAINT_COUNT(1)
KAPI_END_SPEC;

SYSCALL_DEFINE3(socket, int, family, int, type, int, protocol)
{
	return __sys_socket(family, type, protocol);
}

DEFINE_KERNEL_API_SPEC(sys_recvfrom)
	KAPI_DESCRIPTION("Receive a message from a socket")
	KAPI_LONG_DESC("Reads data that arrived on the socket into ubuf and, when "
		       "addr is not NULL, stores the sender's address there.")
	KAPI_CONTEXT(KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE)

	KAPI_PARAM(0, "fd", "int", "The socket")
		KAPI_PARAM_TYPE(KAPI_TYPE_FD)
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
	KAPI_PARAM_END

	KAPI_PARAM(1, "ubuf", "void __user *", "Where the data goes")
		KAPI_PARAM_TYPE(KAPI_TYPE_USER_PTR)
		KAPI_PARAM_FLAGS(KAPI_PARAM_OUT | KAPI_PARAM_USER)
		KAPI_PARAM_SIZE_PARAM_IDX(2)
	KAPI_PARAM_END

	KAPI_PARAM(2, "size", "size_t", "Room in ubuf, in bytes")
		KAPI_PARAM_TYPE(KAPI_TYPE_UINT)
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
	KAPI_PARAM_END

	KAPI_PARAM(3, "flags", "unsigned int", "MSG_* flags")
		KAPI_PARAM_TYPE(KAPI_TYPE_UINT)
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
	KAPI_PARAM_END

	KAPI_PARAM(4, "addr", "struct sockaddr __user *", "Where the sender's address goes, or NULL")
		KAPI_PARAM_TYPE(KAPI_TYPE_USER_PTR)
		KAPI_PARAM_FLAGS(KAPI_PARAM_OUT | KAPI_PARAM_USER | KAPI_PARAM_OPTIONAL)
	KAPI_PARAM_END

	KAPI_PARAM(5, "addr_len", "int __user *", "Size of addr on entry, of the address on return")
		KAPI_PARAM_TYPE(KAPI_TYPE_USER_PTR)
		KAPI_PARAM_FLAGS(KAPI_PARAM_INOUT | KAPI_PARAM_USER | KAPI_PARAM_OPTIONAL)
	KAPI_PARAM_END

	KAPI_PARAM_COUNT(6)

	KAPI_RETURN("long", "Bytes received, 0 at the end of a stream, or a negative error code")
		KAPI_RETURN_TYPE(KAPI_TYPE_INT)
		KAPI_RETURN_CHECK_TYPE(KAPI_RETURN_RANGE)
		KAPI_RETURN_SUCCESS_RANGE(0, INT_MAX)
	KAPI_RETURN_END

	KAPI_ERROR(0, -EAGAIN, "EAGAIN", "Nothing to read",
		   "The socket is non-blocking, or the receive timeout passed, with no data")
	KAPI_ERROR(1, -EBADF, "EBADF", "Bad descriptor", "fd is not open")
	KAPI_ERROR(2, -ENOTSOCK, "ENOTSOCK", "Not a socket", "fd refers to something else")
	KAPI_ERROR(3, -ENOTCONN, "ENOTCONN", "Not connected",
		   "A connection-oriented socket has no peer")
	KAPI_ERROR(4, -EINTR, "EINTR", "Interrupted", "A signal arrived before any data")

	KAPI_ERROR_COUNT(5)

	KAPI_SIGNAL(0, 0, "ANY", KAPI_SIGNAL_RECEIVE, KAPI_SIGNAL_ACTION_RETURN)
		KAPI_SIGNAL_CONDITION("A caught signal arrives while the call waits for data")
		KAPI_SIGNAL_ERROR(-EINTR)
		KAPI_SIGNAL_TIMING(KAPI_SIGNAL_TIME_BLOCKING)
		KAPI_SIGNAL_RESTARTABLE
	KAPI_SIGNAL_END

	KAPI_SIGNAL_COUNT(1)

	KAPI_SIGNAL_MASK(0, "unchanged", "The call leaves the signal mask as it is while it waits")
	KAPI_SIGNAL_MASK_END

	KAPI_SIGNAL_MASK_COUNT(1)

	/* Receiving does not change the state, so there is no KAPI_SOCKET_STATE_RESULT */
	KAPI_SOCKET_STATE_REQ(KAPI_SOCK_STATE_CONNECTED, KAPI_SOCK_STATE_ESTABLISHED)
	KAPI_SOCKET_STATE_FORBID(KAPI_SOCK_STATE_LISTEN, KAPI_SOCK_STATE_CLOSED)
	KAPI_SOCKET_STATE_COND("Connection-oriented sockets only; a datagram socket receives in any state")
	KAPI_SOCKET_STATE_PROTOS(KAPI_PROTO_TCP | KAPI_PROTO_SCTP | KAPI_PROTO_UNIX)
	KAPI_SOCKET_STATE_END

	KAPI_PROTOCOL_BEHAVIOR(0, KAPI_PROTO_TCP,
		"Returns what has arrived, up to size bytes, with no message boundaries")
		KAPI_PROTOCOL_FLAGS(MSG_OOB, "MSG_OOB reads the urgent byte instead")
	KAPI_PROTOCOL_BEHAVIOR_END

	KAPI_PROTOCOL_BEHAVIOR(1, KAPI_PROTO_UDP | KAPI_PROTO_RAW,
		"Returns one datagram; the part that does not fit is dropped")
		KAPI_PROTOCOL_FLAGS(MSG_TRUNC, "MSG_TRUNC returns the datagram's full length")
	KAPI_PROTOCOL_BEHAVIOR_END

	KAPI_PROTOCOL_BEHAVIOR_COUNT(2)

	KAPI_BUFFER_SPEC(KAPI_BUF_PEEK | KAPI_BUF_TRUNCATE)
	KAPI_BUFFER_SIZE(0, INT_MAX, 65536)
	KAPI_BUFFER_PARTIAL(true, "A stream socket may return fewer bytes than there is room for")
	KAPI_BUFFER_FRAGMENT("A datagram is never split across two calls")
	KAPI_BUFFER_END

	KAPI_ASYNC_SPEC(KAPI_ASYNC_NONBLOCK | KAPI_ASYNC_POLL_READY | KAPI_ASYNC_EPOLL, -EAGAIN)
	KAPI_ASYNC_POLL(POLLIN | POLLRDNORM, 0)
	KAPI_ASYNC_COMPLETION("Data, an error or the end of the stream is there to read")
	KAPI_ASYNC_TIMEOUT(true, "SO_RCVTIMEO bounds the wait; when it passes the call returns -EAGAIN")
	KAPI_ASYNC_END

	KAPI_ADDR_FAMILY(0, AF_INET, "AF_INET", sizeof(struct sockaddr_in), 16, 16)
		KAPI_ADDR_FORMAT("struct sockaddr_in of the sender")
		KAPI_ADDR_FEATURES(false, false, false)
		KAPI_ADDR_PORTS(1, 65535)
	KAPI_ADDR_FAMILY_END

	KAPI_ADDR_FAMILY_COUNT(1)

	KAPI_NET_SUPPORTS_OOB
	KAPI_NET_SUPPORTS_PEEK
	KAPI_NET_REENTRANT
	.supports_select_poll = true,
	KAPI_NET_CONN_ESTABLISH("Not done here: a stream socket must be connected already")
	KAPI_NET_CONN_TERMINATE("An orderly shutdown by the peer reads as a return of 0")
	KAPI_NET_DATA_TRANSFER("Copies received data to ubuf, and the sender's address to addr")
KAPI_END_SPEC;

SYSCALL_DEFINE6(recvfrom, int, fd, void __user *, ubuf, size_t, size,
		unsigned int, flags, struct sockaddr __user *, addr,
		int __user *, addr_len)
{
	return __sys_recvfrom(fd, ubuf, size, flags, addr, addr_len);
}

DEFINE_KERNEL_API_SPEC(sys_listen)
	KAPI_DESCRIPTION("Make a socket accept connections")
	KAPI_CONTEXT(KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE)

	KAPI_PARAM(0, "fd", "int", "A bound stream socket")
		KAPI_PARAM_TYPE(KAPI_TYPE_FD)
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
	KAPI_PARAM_END

	KAPI_PARAM(1, "backlog", "int", "Length of the queue of connections not yet accepted")
		KAPI_PARAM_TYPE(KAPI_TYPE_INT)
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
		KAPI_PARAM_CONSTRAINT("Larger values are lowered to net.core.somaxconn")
	KAPI_PARAM_END

	.param_count = 2,

	KAPI_RETURN("long", "Zero, or a negative error code")
		KAPI_RETURN_TYPE(KAPI_TYPE_INT)
		KAPI_RETURN_CHECK_TYPE(KAPI_RETURN_EXACT)
		KAPI_RETURN_SUCCESS(0)
	KAPI_RETURN_END

	KAPI_ERROR(0, -EBADF, "EBADF", "Bad descriptor", "fd is not open")
	KAPI_ERROR(1, -ENOTSOCK, "ENOTSOCK", "Not a socket", "fd refers to something else")
	KAPI_ERROR(2, -EOPNOTSUPP, "EOPNOTSUPP", "Cannot listen", "The socket type has no listen operation")
	KAPI_ERROR(3, -EADDRINUSE, "EADDRINUSE", "Port taken",
		   "Binding an unbound socket to an ephemeral port found none free")

	.error_count = 4,

	.socket_state = {
		.required_states = { KAPI_SOCK_STATE_BOUND, KAPI_SOCK_STATE_LISTEN },
		.required_state_count = 2,
		.forbidden_states = { KAPI_SOCK_STATE_CONNECTED },
		.forbidden_state_count = 1,
		.resulting_state = KAPI_SOCK_STATE_LISTEN,
		.state_condition = "Listening again only changes the backlog",
		.applicable_protocols = KAPI_PROTO_TCP | KAPI_PROTO_SCTP | KAPI_PROTO_UNIX,
	},

	.protocol_behaviors[0] = {
		.applicable_protocols = KAPI_PROTO_UDP | KAPI_PROTO_RAW,
		.behavior = "Datagram and raw sockets cannot listen and get EOPNOTSUPP",
		.protocol_flags = 0,
	},
	.protocol_behavior_count = 1,

	.buffer_spec = { .buffer_behaviors = 0 },

	.async_spec = {
		.supported_modes = KAPI_ASYNC_BLOCK,
		.nonblock_errno = 0,
		.supports_timeout = false,
	},

	.addr_families[0] = {
		.family = AF_INET6,
		.family_name = "AF_INET6",
		.addr_struct_size = sizeof(struct sockaddr_in6),
		.min_addr_len = 24,
		.max_addr_len = 28,
		.supports_wildcard = true,
		.supports_multicast = false,
		.port_range_min = 1,
		.port_range_max = 65535,
	},
	.addr_family_count = 1,

	.is_connection_oriented = true,
	.is_message_oriented = false,
	.is_reentrant = true,
	.connection_establishment = "Connections complete in the kernel and wait in the queue for accept()",
KAPI_END_SPEC;

SYSCALL_DEFINE2(listen, int, fd, int, backlog)
{
	return __sys_listen(fd, backlog);
}
