"""An HTTP server with a listen backlog and a bounded pool of handler threads.

The standard ``ThreadingHTTPServer`` starts a thread per connection with no
bound and listens with a backlog of 5: under load, connections beyond the
backlog wait for the client's SYN retry (1 s, 3 s, 7 s ...), which made
latencies of 20-58 s.  Here the kernel queues up to ``backlog`` connections,
at most ``workers`` are handled at once (each hands its query to a query
process, :mod:`newsgraph.queries.sparql.lanes`), and the others wait their
turn in accept order.  A client that stops sending is
dropped after ``IO_TIMEOUT`` seconds, and a client that hangs up or times out
leaves no traceback in the log.

>>> from http.server import BaseHTTPRequestHandler
>>> server = PoolServer(("127.0.0.1", 0), BaseHTTPRequestHandler, workers=2, backlog=16)
>>> server.socket.getsockname()[0], server.workers
('127.0.0.1', 2)
>>> server.server_close()
"""
from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor
from http.server import HTTPServer

IO_TIMEOUT = 20.0
WORKERS = 64
BACKLOG = 128


class PoolServer(HTTPServer):
    """HTTPServer handling requests on ``workers`` threads, listening with ``backlog`` queued connections."""

    daemon_threads = True
    queries = None  # the query processes (a QueryPool), closed with the server

    def __init__(self, address, handler, workers: int = WORKERS, backlog: int = BACKLOG):
        self.request_queue_size = backlog
        self.workers = workers
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="sparql-worker")
        super().__init__(address, handler)

    def process_request(self, request, client_address):
        request.settimeout(IO_TIMEOUT)
        self.pool.submit(self._handle, request, client_address)

    def _handle(self, request, client_address):
        try:
            self.finish_request(request, client_address)
        except Exception:  # noqa: BLE001 - reported by handle_error like socketserver does
            self.handle_error(request, client_address)
        finally:
            self.shutdown_request(request)

    def handle_error(self, request, client_address):
        """Quiet for a client that hung up or stalled (OSError); the usual report for anything else."""
        if not isinstance(sys.exc_info()[1], OSError):
            super().handle_error(request, client_address)

    def server_close(self):
        super().server_close()
        self.pool.shutdown(wait=False, cancel_futures=True)
        if self.queries is not None:
            self.queries.close()
