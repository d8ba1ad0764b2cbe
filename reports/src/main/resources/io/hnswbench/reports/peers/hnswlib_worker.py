"""hnswlib (the C++ library, through its Python binding) as a worker process for HNSW Workbench.

HnswlibWorker.java starts this script with /usr/bin/python3 and speaks the protocol below over
stdin/stdout; anything printed goes to stderr, which the Java side keeps for its error messages.

Every message is one ASCII header line, ``VERB key=value ...\n``, followed by exactly ``bytes``
bytes of payload when the header has a ``bytes`` key. Numbers in payloads are little-endian:
float32 vectors row after row, int32 ids, int64 nanoseconds.

On start the worker writes ``READY python=... hnswlib=... numpy=...``, or
``UNAVAILABLE module=NAME`` and exits with status 3 when numpy or hnswlib cannot be imported.

Requests and their replies:

  BUILD space= dim= rows= m= ef_construction= threads= seed= chunk= bytes=
        payload: the UTF-8 path of a raw float32 file holding rows x dim base vectors.
        replies: PROGRESS done= total= (after each chunk of add_items), then
                 BUILT count= build_nanos= heap_bytes=  (what malloc handed out for the index and kept:
                 its growth over the build, or -1 where glibc's mallinfo2 is missing)
  SEARCH k= ef= bytes=              payload: one float32 query
        reply: RESULT count= bytes=    payload: count int32 ids, then count float32 distances
  QUERIES rows= bytes=              payload: rows float32 queries, kept for SEARCH_ALL
        reply: STORED rows=
  SEARCH_ALL k= ef=                 searches every stored query once, one at a time, one thread
        reply: RESULTS rows= k= wall_nanos= bytes=
               payload: rows*k int32 ids, rows*k float32 distances, rows int64 latencies
  SAVED_SIZE                        reply: SAVED_SIZE file_bytes=  (size of what save_index writes)
  QUIT                              no reply; the worker exits with status 0

A request that fails is answered ``ERROR bytes=`` with the Python traceback as payload; the worker
then serves the next request.
"""

import ctypes
import gc
import os
import sys
import tempfile
import time
import traceback

# Stray prints (ours or a library's) must never corrupt the binary protocol on stdout.
PROTOCOL_OUT = sys.stdout.buffer
PROTOCOL_IN = sys.stdin.buffer
sys.stdout = sys.stderr


def send(verb, payload=b"", **fields):
    if payload:
        fields["bytes"] = len(payload)
    header = " ".join([verb] + ["%s=%s" % (key, value) for key, value in fields.items()]) + "\n"
    PROTOCOL_OUT.write(header.encode("ascii"))
    if payload:
        PROTOCOL_OUT.write(payload)
    PROTOCOL_OUT.flush()


def receive():
    """The next request as (verb, fields, payload), or None at the end of input."""
    line = PROTOCOL_IN.readline()
    if not line:
        return None
    words = line.decode("ascii").split()
    fields = dict(word.split("=", 1) for word in words[1:])
    length = int(fields.get("bytes", "0"))
    payload = bytearray()
    while len(payload) < length:
        block = PROTOCOL_IN.read(length - len(payload))
        if not block:
            raise EOFError("input ended inside a payload of %d bytes" % length)
        payload += block
    return words[0], fields, bytes(payload)


try:
    import numpy as np
except ImportError:
    send("UNAVAILABLE", module="numpy")
    sys.exit(3)
try:
    import hnswlib
except ImportError:
    send("UNAVAILABLE", module="hnswlib")
    sys.exit(3)


def hnswlib_version():
    try:
        from importlib.metadata import version
        return version("hnswlib")
    except Exception:
        return getattr(hnswlib, "__version__", "unknown")


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in
                ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks",
                 "keepcost")]


def _mallinfo2():
    try:
        function = ctypes.CDLL(None).mallinfo2
    except (OSError, AttributeError):
        return None
    function.restype = _MallInfo2
    function.argtypes = []
    return function


MALLINFO2 = _mallinfo2()


def allocated_bytes():
    """Bytes malloc has handed out and not yet taken back: small chunks of the main arena plus
    mmapped large ones (hnswlib's level-0 block is one). Allocations made by other threads into
    their own arenas are not seen, so a build on several threads is undercounted, never
    overcounted. None without glibc's mallinfo2 (glibc 2.33+)."""
    if MALLINFO2 is None:
        return None
    info = MALLINFO2()
    return info.uordblks + info.hblkhd


class Worker:

    def __init__(self):
        self.index = None
        self.dim = 0
        self.count = 0
        self.ef = None
        self.queries = None

    def set_ef(self, ef):
        if ef != self.ef:
            self.index.set_ef(ef)
            self.ef = ef

    def built_index(self):
        if self.index is None:
            raise RuntimeError("no index: send BUILD first")
        return self.index

    def build(self, fields, payload):
        dim = int(fields["dim"])
        rows = int(fields["rows"])
        threads = int(fields["threads"])
        chunk = max(1, int(fields["chunk"]))
        path = payload.decode("utf-8")
        base = np.fromfile(path, dtype="<f4")
        if base.size != rows * dim:
            raise ValueError("%s holds %d floats, expected %d x %d" % (path, base.size, rows, dim))
        base = base.reshape(rows, dim)
        self.index = None
        gc.collect()
        heap_before = allocated_bytes()
        start = time.perf_counter_ns()
        index = hnswlib.Index(space=fields["space"], dim=dim)
        index.init_index(max_elements=max(1, rows), M=int(fields["m"]),
                         ef_construction=int(fields["ef_construction"]), random_seed=int(fields["seed"]))
        # In chunks, so the Java side sees progress (and knows the worker is alive) during a long build.
        for first in range(0, rows, chunk):
            last = min(rows, first + chunk)
            index.add_items(base[first:last], np.arange(first, last, dtype=np.int64), num_threads=threads)
            send("PROGRESS", done=last, total=rows)
        build_nanos = time.perf_counter_ns() - start
        gc.collect()
        heap_after = allocated_bytes()
        heap_bytes = -1 if heap_before is None or heap_after is None else max(0, heap_after - heap_before)
        self.index, self.dim, self.count, self.ef = index, dim, rows, None
        send("BUILT", count=rows, build_nanos=build_nanos, heap_bytes=heap_bytes)

    def search(self, fields, payload):
        index = self.built_index()
        query = np.frombuffer(payload, dtype="<f4").reshape(1, self.dim)
        k = min(int(fields["k"]), self.count)
        self.set_ef(int(fields["ef"]))
        labels, distances = index.knn_query(query, k=k, num_threads=1)
        send("RESULT", labels[0].astype("<i4").tobytes() + distances[0].astype("<f4").tobytes(), count=k)

    def store_queries(self, fields, payload):
        rows = int(fields["rows"])
        self.queries = np.frombuffer(payload, dtype="<f4").reshape(rows, self.dim).copy()
        send("STORED", rows=rows)

    def search_all(self, fields):
        index = self.built_index()
        if self.queries is None:
            raise RuntimeError("no queries: send QUERIES first")
        k = min(int(fields["k"]), self.count)
        self.set_ef(int(fields["ef"]))
        rows = self.queries.shape[0]
        # Views made before the clock starts; only knn_query runs between the two clock reads.
        views = [self.queries[i:i + 1] for i in range(rows)]
        latencies = np.empty(rows, dtype="<i8")
        found = [None] * rows
        knn_query = index.knn_query
        clock = time.perf_counter_ns
        # Python's cycle collector would otherwise run at random points of the timed loop.
        gc_was_enabled = gc.isenabled()
        gc.disable()
        try:
            pass_start = clock()
            for i in range(rows):
                begin = clock()
                result = knn_query(views[i], k=k, num_threads=1)
                latencies[i] = clock() - begin
                found[i] = result
            wall_nanos = clock() - pass_start
        finally:
            if gc_was_enabled:
                gc.enable()
        ids = np.empty((rows, k), dtype="<i4")
        distances = np.empty((rows, k), dtype="<f4")
        for i, (labels, dists) in enumerate(found):
            ids[i] = labels[0]
            distances[i] = dists[0]
        send("RESULTS", ids.tobytes() + distances.tobytes() + latencies.tobytes(), rows=rows, k=k,
             wall_nanos=wall_nanos)

    def saved_size(self):
        index = self.built_index()
        with tempfile.TemporaryDirectory(prefix="hnswlib-size-") as folder:
            path = os.path.join(folder, "index.bin")
            index.save_index(path)
            send("SAVED_SIZE", file_bytes=os.path.getsize(path))


def main():
    send("READY", python="%d.%d.%d" % sys.version_info[:3], hnswlib=hnswlib_version(), numpy=np.__version__)
    worker = Worker()
    while True:
        request = receive()
        if request is None or request[0] == "QUIT":
            return
        verb, fields, payload = request
        try:
            if verb == "BUILD":
                worker.build(fields, payload)
            elif verb == "SEARCH":
                worker.search(fields, payload)
            elif verb == "QUERIES":
                worker.store_queries(fields, payload)
            elif verb == "SEARCH_ALL":
                worker.search_all(fields)
            elif verb == "SAVED_SIZE":
                worker.saved_size()
            else:
                raise ValueError("unknown request " + verb)
        except Exception:
            send("ERROR", traceback.format_exc().encode("utf-8"))


if __name__ == "__main__":
    main()
