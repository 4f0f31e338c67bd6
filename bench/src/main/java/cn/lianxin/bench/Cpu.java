package cn.lianxin.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time from /proc: a process's utime+stime, a process tree's (the PostgreSQL server: the
 * postmaster, its live children, and the children that already exited through the postmaster's
 * cutime+cstime), and the whole machine's busy time from /proc/stat. Clock ticks are 1/100 s on Linux.
 */
final class Cpu {

    static final double TICKS_PER_SECOND = 100.0;

    private Cpu() {}

    /** CPU seconds used so far, per named group; "machine" is every CPU's busy time, "other" is filled by {@link #split}. */
    static Map<String, Double> sample(Map<String, Long> processes, long postmaster) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        processes.forEach((name, pid) -> seconds.put(name, own(pid) / TICKS_PER_SECOND));
        if (postmaster > 0) {
            seconds.put("postgres", tree(postmaster) / TICKS_PER_SECOND);
        }
        seconds.put("machine", machineBusy() / TICKS_PER_SECOND);
        return seconds;
    }

    /**
     * CPU seconds between two samples, per group, plus "other" (the rest of the machine's busy time:
     * processes outside the benchmark, such as other people's builds on a shared machine).
     */
    static Map<String, Double> split(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> delta = new LinkedHashMap<>();
        double ours = 0;
        for (var e : after.entrySet()) {
            double d = e.getValue() - before.getOrDefault(e.getKey(), 0.0);
            delta.put(e.getKey(), round(d));
            if (!e.getKey().equals("machine")) {
                ours += d;
            }
        }
        delta.put("other", round(Math.max(0, delta.get("machine") - ours)));
        return delta;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** utime+stime of one process (0 when it is gone). */
    static long own(long pid) {
        long[] f = stat(pid);
        return f == null ? 0 : f[0] + f[1];
    }

    /** The process and its descendants, living and already reaped by it. */
    static long tree(long root) {
        long[] f = stat(root);
        if (f == null) {
            return 0;
        }
        long total = f[0] + f[1] + f[2] + f[3];
        for (long child : childrenOf(root)) {
            long[] c = stat(child);
            if (c != null) {
                total += c[0] + c[1] + c[2] + c[3];
            }
        }
        return total;
    }

    private static List<Long> childrenOf(long parent) {
        List<Long> children = new java.util.ArrayList<>();
        try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path p : proc) {
                long pid = Long.parseLong(p.getFileName().toString());
                long[] f = stat(pid);
                if (f != null && f[4] == parent) {
                    children.add(pid);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return children;
    }

    /** utime, stime, cutime, cstime, ppid of /proc/pid/stat; null when the process is gone. */
    private static long[] stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) may hold spaces: count fields after its closing parenthesis
            String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
            // f[0] is field 3 (state): ppid is field 4, utime 14, stime 15, cutime 16, cstime 17
            return new long[] {
                Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14]),
                Long.parseLong(f[1])
            };
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Busy ticks of all CPUs: user, nice, system, irq, softirq (steal is the hypervisor's, not this machine's work). */
    static long machineBusy() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            return Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
