"""A minimal Lambda Runtime API for bench/canary-cycle.sh: hands out one invocation per GET .../next (up to N),
records when each response or error arrives, prints one JSON line per invocation when done. Loopback only."""
import json, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

count = int(sys.argv[1])
served, results, done = [0], [], threading.Event()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path.endswith("/invocation/next") and served[0] < count:
            served[0] += 1
            body = b'{"source":"aws.events"}'
            self.send_response(200)
            self.send_header("Lambda-Runtime-Aws-Request-Id", f"req-{served[0]}")
            self.send_header("Lambda-Runtime-Deadline-Ms", str(int((time.time() + 60) * 1000)))
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            results.append({"id": served[0], "handed": time.time()})
        else:
            # No more invocations: hold the request until the bench stops the process.
            done.wait(60)
            self.send_response(500)
            self.end_headers()

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        body = self.rfile.read(length).decode()
        results[-1].update({"answered": time.time(), "kind": self.path.rsplit("/", 1)[-1], "body": body})
        self.send_response(202)
        self.end_headers()
        if len([r for r in results if "answered" in r]) == count:
            done.set()


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
threading.Thread(target=server.serve_forever, daemon=True).start()
done.wait(300)
for r in results:
    print(json.dumps(r), flush=True)
server.shutdown()
