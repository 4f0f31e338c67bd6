package cn.lianxin.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * A closed loop: {@code clients} threads each repeat one unit of work (a lifecycle, an intake) without
 * pause, first through a warm-up, then through the measured window. A unit counts when it started
 * and ended inside the window; its latency is from its first request to its last answer. Throughput,
 * database activity and CPU are taken over the window alone.
 */
final class Load {

    /** Fewer JIT compilations than this in 5 s: the server's JIT has settled. */
    static final long SETTLED = 25;

    /** One unit of work by client {@code client}; throws when anything in it did not answer as expected. */
    interface Work {
        void run(int client, long sequence) throws Exception;
    }

    /** What is measured around the window: the database's counters and the processes' CPU. */
    interface Probe {
        Map<String, Object> before();

        Map<String, Object> after(Map<String, Object> before, long units, double seconds);
    }

    private Load() {}

    static Measurement run(
            String scenario,
            String variant,
            int clients,
            Duration warmUp,
            Duration maxWarmUp,
            LongSupplier jit,
            Duration window,
            Work work,
            Probe probe) {
        AtomicLong sequence = new AtomicLong();
        AtomicLong done = new AtomicLong();
        AtomicLong measuredUnits = new AtomicLong();
        AtomicLong measuredErrors = new AtomicLong();
        AtomicLong warmUpErrors = new AtomicLong();
        ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
        ConcurrentHistogram latency = Latency.histogram();
        long[] bounds = new long[2]; // the window's start and end (nanoTime)
        Phase flags = new Phase();

        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(
                    () -> {
                        while (!flags.stop) {
                            long start = System.nanoTime();
                            boolean measured = flags.measuring;
                            try {
                                work.run(client, sequence.incrementAndGet());
                                long end = System.nanoTime();
                                done.incrementAndGet();
                                if (measured && !flags.ended) {
                                    measuredUnits.incrementAndGet();
                                    latency.recordValue(Math.max(1, (end - start) / 1000));
                                }
                            } catch (Exception | AssertionError e) {
                                (measured ? measuredErrors : warmUpErrors).incrementAndGet();
                                if (errorSamples.size() < 10) {
                                    errorSamples.add(String.valueOf(e.getMessage()));
                                }
                            }
                        }
                    },
                    scenario + "-" + variant + "-" + client);
            threads.add(t);
            t.start();
        }

        // warm-up: at least warmUp; then, when a JIT counter is given, on until the server's JIT has
        // settled (fewer than SETTLED compilations in each of two 5 s in a row) or maxWarmUp has passed. Throughput and
        // compilations every 5 s are kept: they show how long the JIT takes to settle.
        List<Double> warmUpSeries = new ArrayList<>();
        List<Long> jitSeries = new ArrayList<>();
        long warmUpStart = System.nanoTime();
        long minEnd = warmUpStart + warmUp.toNanos();
        long maxEnd = warmUpStart + Math.max(warmUp.toNanos(), maxWarmUp.toNanos());
        long lastDone = 0;
        long lastAt = warmUpStart;
        long lastJit = jit == null ? -1 : jit.getAsLong();
        while (true) {
            long now = System.nanoTime();
            // two quiet 5 s in a row: one alone may be the compiler threads starved by other work
            int n = jitSeries.size();
            boolean settled = jit == null || (n >= 2 && jitSeries.get(n - 1) < SETTLED && jitSeries.get(n - 2) < SETTLED);
            if (now >= maxEnd || (now >= minEnd && settled)) {
                break;
            }
            sleep(Math.min(5000, Math.max(1, ((now < minEnd ? minEnd : maxEnd) - now) / 1_000_000)));
            now = System.nanoTime();
            long d = done.get();
            warmUpSeries.add(Math.round((d - lastDone) / ((now - lastAt) / 1e9) * 10) / 10.0);
            if (jit != null) {
                long j = jit.getAsLong();
                jitSeries.add(j - lastJit);
                lastJit = j;
            }
            lastDone = d;
            lastAt = now;
        }
        double warmUpSeconds = Math.round((System.nanoTime() - warmUpStart) / 1e8) / 10.0;

        Map<String, Object> before = probe.before();
        bounds[0] = System.nanoTime();
        flags.measuring = true;
        sleep(window.toMillis());
        flags.ended = true;
        bounds[1] = System.nanoTime();
        double seconds = (bounds[1] - bounds[0]) / 1e9;
        long units = measuredUnits.get();
        Map<String, Object> around = probe.after(before, units, seconds);
        flags.stop = true;
        for (Thread t : threads) {
            try {
                t.join(Duration.ofMinutes(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return new Measurement(
                scenario,
                variant,
                clients,
                Math.round(seconds * 10) / 10.0,
                units,
                measuredErrors.get(),
                warmUpErrors.get(),
                Math.round(units / seconds * 100) / 100.0,
                Latency.of(latency),
                around,
                warmUpSeconds,
                warmUpSeries,
                jitSeries,
                List.copyOf(errorSamples));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The phase flags the client threads read. */
    private static final class Phase {
        volatile boolean measuring;
        volatile boolean ended;
        volatile boolean stop;
    }
}
