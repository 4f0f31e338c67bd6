package cn.lianxin.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JVM the driver starts (the platform, the bare engine): its output goes to a log file, it is
 * ready when a URL answers 200, and it is stopped with SIGTERM (a graceful Spring shutdown).
 */
final class Child implements AutoCloseable {

    final String name;
    final int port;
    final Process process;
    final Duration startUp;

    private Child(String name, int port, Process process, Duration startUp) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.startUp = startUp;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Starts {@code java <jvmArgs> <args>} and waits until {@code readyPath} answers 200. */
    static Child start(
            String name, List<String> jvmAndArgs, Map<String, String> environment, Path log, int port, String readyPath)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmAndArgs);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        long t0 = System.nanoTime();
        Process process = builder.start();
        Http http = new Http("http://localhost:" + port);
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting; see " + log);
            }
            try {
                if (http.get(readyPath, null).is(200)) {
                    break;
                }
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " was not ready within 5 minutes; see " + log);
            }
            Load.sleep(250);
        }
        Duration startUp = Duration.ofNanos(System.nanoTime() - t0);
        System.out.printf("  %s ready on port %d in %.1f s (pid %d)%n", name, port, startUp.toMillis() / 1000.0, process.pid());
        return new Child(name, port, process, startUp);
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
