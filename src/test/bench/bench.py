#!/usr/bin/env python3
"""Whole-process benchmarks of weft: what a user waits for, measured from outside the JVM.

  src/test/bench/bench.py start   [--runs N]           launch -> first frame of a new session (tmux, 200x50)
  src/test/bench/bench.py startcpu [--runs N]          the same, and the CPU time of the whole process, quit (q) at the first frame
  src/test/bench/bench.py version [--runs N]           weft --version, wall time
  src/test/bench/bench.py open FILE [--runs N]         launch -> first frame of an existing session
  src/test/bench/bench.py tree FILE [--runs N]         weft tree FILE > /dev/null: wall time, process CPU, peak RSS
  src/test/bench/bench.py keys [FILE] [--keys N]       key -> frame latency in the read and tree views, less as baseline
                       [--settle S] [--rounds N]       (keys from S s after the view is set up; N runs per build, alternating;
                       [--views tree] [--socket NAME]   FILE is copied for each run, never opened itself;
                       [--gclog]                        --gclog: the collections during the timed keys, from -Xlog:gc)

Every figure is min / median / max over N runs; each run of weft alternates with a hello-world
JVM (the floor no Java program goes below) and the load average is printed with it, because the
machine may be shared: compare ratios measured side by side, not absolute times across runs.
Options: --weft LABEL=CMD, repeatable (default: weft=./weft of this repository); with several, the
runs alternate between them, e.g. --weft new=./weft --weft old='java -jar /tmp/old.jar' for a
side-by-side comparison. Results are appended to target/bench/results.txt.

Key latency: a tmux control-mode client (its own server, -L weftbench) sends one key at a time
with a random gap (seeded) and times from send-keys to the first %output of the pane (the frame
weft writes in answer). less on a long text file is measured the same way as the baseline.
"""
import argparse
import datetime
import os
import random
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))  # src/test/bench -> the repository
OUT = os.path.join(REPO, "target", "bench")
SOCKET = "weftbench"


def load():
    return "load %.1f %.1f %.1f" % os.getloadavg()


def spread(values, unit="s", scale=1.0):
    v = sorted(x * scale for x in values)
    fmt = "%.3f" if unit == "s" else "%.1f"
    return ("min " + fmt + " / median " + fmt + " / max " + fmt + " %s (n=%d)") % (
        v[0], statistics.median(v), v[-1], unit, len(v))


def percentile(values, p):
    v = sorted(values)
    return v[min(len(v) - 1, int(round(p / 100.0 * (len(v) - 1))))]


def report(line):
    print(line, flush=True)
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "results.txt"), "a") as f:
        f.write(time.strftime("%Y-%m-%dT%H:%M:%SZ ", time.gmtime()) + line + "\n")


def hello_jvm():
    """A hello-world class, compiled once: the JVM's own start and exit."""
    d = os.path.join(OUT, "hello")
    if not os.path.exists(os.path.join(d, "Hello.class")):
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "Hello.java"), "w") as f:
            f.write('public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n')
        subprocess.run(["javac", "-d", d, os.path.join(d, "Hello.java")], check=True)
    return ["java", "-cp", d, "Hello"]


def timed(cmd, **kw):
    t0 = time.monotonic()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)
    return time.monotonic() - t0


class ControlClient:
    """A tmux control-mode client on its own server: one pane running cmd, its output timestamped."""

    def __init__(self, cmd, cols=200, rows=50, cwd=None):
        subprocess.run(["tmux", "-L", SOCKET, "kill-server"], stderr=subprocess.DEVNULL)
        self.outputs = []  # (time, data)
        self.cond = threading.Condition()
        self.started = time.monotonic()
        self.proc = subprocess.Popen(
            ["tmux", "-L", SOCKET, "-C", "new-session", "-x", str(cols), "-y", str(rows), "-c", cwd or os.getcwd(),
             "env TERM=tmux-256color COLORTERM=truecolor " + cmd],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for raw in self.proc.stdout:
            now = time.monotonic()
            line = raw.decode("utf-8", "replace")
            if line.startswith("%output "):
                data = line.split(" ", 2)[2] if line.count(" ") >= 2 else ""
                with self.cond:
                    self.outputs.append((now, data))
                    self.cond.notify_all()

    def command(self, line):
        self.proc.stdin.write((line + "\n").encode())
        self.proc.stdin.flush()

    def wait_for(self, text, since=0, timeout=120):
        """The time of the first output after index `since` whose accumulated text holds `text`."""
        deadline = time.monotonic() + timeout
        with self.cond:
            seen = ""
            i = since
            while True:
                while i < len(self.outputs):
                    seen += self.outputs[i][1]
                    if text in seen:
                        return self.outputs[i][0]
                    i += 1
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError("no %r on the screen after %d s" % (text, timeout))
                self.cond.wait(left)

    def next_output(self, since, timeout=10):
        deadline = time.monotonic() + timeout
        with self.cond:
            while len(self.outputs) <= since:
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self.cond.wait(left)
            return self.outputs[since][0]

    def close(self):
        subprocess.run(["tmux", "-L", SOCKET, "kill-server"], stderr=subprocess.DEVNULL)
        self.proc.wait(timeout=10)


def first_frame(weft, args, marker="READ"):
    """Launch to the first frame: the time until the status bar (drawn with the rest) is on screen."""
    c = ControlClient(weft + " " + args)
    try:
        t = c.wait_for(marker)
        return t - c.started
    finally:
        c.close()


def cmd_start(a):
    hello = hello_jvm()
    frames, floor = {l: [] for l, _ in a.wefts}, []
    with tempfile.TemporaryDirectory() as d:
        for i in range(a.runs):
            floor.append(timed(hello))
            for label, weft in a.wefts:
                frames[label].append(first_frame(weft, shlex.quote(os.path.join(d, "%s%d.json" % (label, i)))))
    for label, _ in a.wefts:
        report("%s: new session, launch -> first frame: %s; hello-world JVM %s; %s" % (
            label, spread(frames[label]), spread(floor), load()))


def first_frame_cpu(weft, session):
    """Launch to the first frame, then q: the frame's wall time and the process's CPU time (user + sys)."""
    out = os.path.join(OUT, "startcpu.time")
    if os.path.exists(out):
        os.remove(out)
    c = ControlClient("/usr/bin/time -o %s -f '%%U %%S' %s %s" % (shlex.quote(out), weft, session))
    try:
        t = c.wait_for("READ") - c.started
        c.command("send-keys -t %0 q")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not (os.path.exists(out) and open(out).read().strip()):
            time.sleep(0.05)
    finally:
        c.close()
    user, system = open(out).read().split()[-2:]
    return t, float(user) + float(system)


def cmd_startcpu(a):
    hello = hello_jvm()
    frames, cpus, floor = {l: [] for l, _ in a.wefts}, {l: [] for l, _ in a.wefts}, []
    with tempfile.TemporaryDirectory() as d:
        for i in range(a.runs):
            floor.append(timed(hello))
            for label, weft in a.wefts:
                t, cpu = first_frame_cpu(weft, shlex.quote(os.path.join(d, "%s%d.json" % (label, i))))
                frames[label].append(t)
                cpus[label].append(cpu)
    for label, _ in a.wefts:
        report("%s: new session, launch -> first frame: %s; process CPU to quit at it: %s; hello-world JVM %s; %s" % (
            label, spread(frames[label]), spread(cpus[label]), spread(floor), load()))


def cmd_open(a):
    hello = hello_jvm()
    frames, floor = {l: [] for l, _ in a.wefts}, []
    for i in range(a.runs):
        floor.append(timed(hello))
        for label, weft in a.wefts:
            f = a.files.get(label, a.file)
            frames[label].append(first_frame(weft, shlex.quote(os.path.abspath(f))))
    for label, _ in a.wefts:
        f = a.files.get(label, a.file)
        report("%s: open %s (%d bytes), launch -> first frame: %s; hello-world JVM %s; %s" % (
            label, os.path.basename(f), os.path.getsize(f), spread(frames[label]), spread(floor), load()))


def cmd_version(a):
    hello = hello_jvm()
    runs, floor = {l: [] for l, _ in a.wefts}, []
    for _ in range(a.runs):
        floor.append(timed(hello))
        for label, weft in a.wefts:
            runs[label].append(timed(shlex.split(weft) + ["--version"]))
    for label, _ in a.wefts:
        report("%s: weft --version: %s; hello-world JVM %s; %s" % (label, spread(runs[label]), spread(floor), load()))


def cmd_tree(a):
    hello = hello_jvm()
    walls, rss, cpus, floor = {l: [] for l, _ in a.wefts}, {l: [] for l, _ in a.wefts}, {l: [] for l, _ in a.wefts}, []
    for _ in range(a.runs):
        floor.append(timed(hello))
        for label, weft in a.wefts:
            f = a.files.get(label, a.file)
            r = subprocess.run(["/usr/bin/time", "-f", "%e %M %U %S"] + shlex.split(weft) + ["tree", f],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            wall, kb, user, system = r.stderr.strip().splitlines()[-1].split()
            walls[label].append(float(wall))
            rss[label].append(int(kb) / 1024.0)
            cpus[label].append(float(user) + float(system))
    for label, _ in a.wefts:
        report("%s: weft tree %s: wall %s; process CPU %s; peak RSS %s; hello-world JVM %s; %s" % (
            label, os.path.basename(a.files.get(label, a.file)), spread(walls[label]), spread(cpus[label]),
            spread(rss[label], "MB"), spread(floor), load()))


def key_latencies(cmd, setup, keys, n, marker, rng, settle=1.0, window=None):
    """Milliseconds from each key to the pane's next output; `window` gets the wall-clock start and end of the keys."""
    window = [] if window is None else window
    c = ControlClient(cmd)
    try:
        c.wait_for(marker, timeout=300)
        for k in setup:
            c.command("send-keys -t %0 " + k)
            time.sleep(1.0)
        time.sleep(settle)
        out = []
        window[:] = [time.time()]
        for i in range(n):
            time.sleep(rng.uniform(0.03, 0.25))
            since = len(c.outputs)
            t0 = time.monotonic()
            c.command("send-keys -t %0 " + keys[i % len(keys)])
            t = c.next_output(since)
            if t is not None:
                out.append((t - t0) * 1000)
        window.append(time.time())
        return out
    finally:
        c.close()


def collections(log):
    """The collections in a -Xlog:gc*:file=LOG:time,tags log: when each ended (wall clock), its pause, CPU and
    what the young generation kept (MB copied to the survivor space)."""
    found = {}
    for line in open(log, errors="replace"):
        m = re.match(r"\[([^\]]+)\]\[([^\]]+)\]\s*GC\((\d+)\) (.*)", line)
        if not m:
            continue
        stamp, tags, n, rest = m.groups()
        c = found.setdefault(n, {})
        pause = re.match(r"Pause .* ([\d.]+)ms$", rest.strip())
        if tags.strip() == "gc" and pause:
            c["pause"] = float(pause.group(1))
            c["end"] = datetime.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%f%z").timestamp()
        cpu = re.match(r"User=([\d.]+)s Sys=([\d.]+)s", rest)
        if cpu:
            c["cpu"] = float(cpu.group(1)) + float(cpu.group(2))
        young = re.match(r"DefNew: \d+K\(\d+K\)->(\d+)K", rest)
        if young:
            c["kept"] = int(young.group(1)) // 1024
    return [c for c in found.values() if "end" in c]


def cmd_keys(a):
    rng = random.Random(42)
    text = os.path.join(OUT, "less.txt")
    os.makedirs(OUT, exist_ok=True)
    with open(text, "w") as f:
        for i in range(20000):
            f.write("line %d of a long text file, scrolled one line per key by less\n" % i)
    with tempfile.TemporaryDirectory() as d:
        session = shlex.quote(os.path.abspath(a.file) if a.file else os.path.join(d, "keys.json"))
        cases = [("less", [("less", "less -S " + shlex.quote(text))], [], ["j", "k"], "line 0")]
        views = [("read view", [] if a.file else ["i", "-l 'The cat sat on the mat and'", "Escape", "g", "g", "g"],
                  ["l", "l", "l", "h"]),
                 ("tree view", ["t"] if a.file else ["i", "-l 'The cat sat'", "Escape", "g", "g", "g", "g", "t"], ["j", "k"])]
        for view, setup, keys in views:
            if a.views and view.split()[0] not in a.views:
                continue
            cases.append((view, [(label, weft + " " + session) for label, weft in a.wefts], setup, keys, "READ"))
        for name, runs, setup, keys, marker in cases:
            for r in range(1 if name == "less" else a.rounds):
                for label, cmd in runs:  # several builds: alternating, each on a fresh copy of the file
                    if a.file and name != "less":
                        copy = os.path.join(d, "keys-" + os.path.basename(a.file))
                        shutil.copyfile(a.file, copy)
                        for old in (copy + ".journal",):
                            if os.path.exists(old):
                                os.remove(old)
                        cmd = cmd.replace(session, shlex.quote(copy))
                    log = os.path.join(OUT, "keys-gc-%s.log" % label)
                    if a.gclog and name != "less":
                        if os.path.exists(log):
                            os.remove(log)
                        cmd = "env JDK_JAVA_OPTIONS=%s %s" % (shlex.quote("-Xlog:gc*:file=%s:time,tags" % log), cmd)
                    window = []
                    lat = key_latencies(cmd, setup, keys, a.keys, marker, rng, a.settle, window)
                    if a.gclog and name != "less":
                        time.sleep(0.5)
                        g = [c for c in collections(log) if window[0] <= c["end"] <= window[1]]
                        report("%s: keys %s: %d collections while the keys were typed: pauses %s ms, GC CPU %.2f s, young"
                               " generation kept %s MB (-Xlog:gc in %s)" % (
                                   label, name, len(g), " ".join("%.1f" % c["pause"] for c in g) or "-",
                                   sum(c.get("cpu", 0) for c in g), " ".join(str(c.get("kept", "?")) for c in g) or "-", log))
                    report("%s: keys %s: p50 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d answered of %d, keys from %.0f s after the"
                           " first frame); %s" % (label, name, percentile(lat, 50), percentile(lat, 99), max(lat), len(lat),
                                                  a.keys, len(setup) + a.settle, load()))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("what", choices=["start", "startcpu", "version", "open", "tree", "keys"])
    p.add_argument("file", nargs="?")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--keys", type=int, default=200)
    p.add_argument("--settle", type=float, default=1.0,
                   help="keys: seconds to wait after the setup keys before timing (a big session reads on behind its first frame)")
    p.add_argument("--gclog", action="store_true",
                   help="keys: log weft's collections (-Xlog:gc) and report those during the timed keys")
    p.add_argument("--rounds", type=int, default=1, help="keys: runs of each view per build")
    p.add_argument("--views", default="", help="keys: read,tree (default both)")
    p.add_argument("--socket", default=SOCKET, help="the tmux server's name (-L): one per person sharing a machine")
    p.add_argument("--weft", action="append", default=[],
                   help="LABEL=CMD (repeatable); default weft=" + os.path.join(REPO, "weft"))
    p.add_argument("--file", dest="other_files", action="append", default=[], help="LABEL=FILE: that weft opens this file instead")
    a = p.parse_args()
    a.wefts = [tuple(w.split("=", 1)) for w in a.weft] or [("weft", os.path.join(REPO, "weft"))]
    a.files = dict(f.split("=", 1) for f in a.other_files)
    a.label, a.weft = a.wefts[0]
    a.views = [v for v in a.views.split(",") if v]
    globals()["SOCKET"] = a.socket
    if a.what in ("open", "tree") and not a.file:
        p.error(a.what + " needs a session FILE")
    {"start": cmd_start, "startcpu": cmd_startcpu, "version": cmd_version, "open": cmd_open, "tree": cmd_tree, "keys": cmd_keys}[a.what](a)


if __name__ == "__main__":
    sys.exit(main())
