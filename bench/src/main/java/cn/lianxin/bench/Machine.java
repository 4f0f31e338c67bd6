package cn.lianxin.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The machine a run was measured on, and how busy it was: results mean little without it. */
final class Machine {

    private Machine() {}

    static Map<String, Object> describe(Path workDirectory) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("host", hostname());
        m.put("nproc", Runtime.getRuntime().availableProcessors());
        m.put("cpuModel", sh("lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1"));
        m.put("memory", sh("free -h | awk '/^Mem:/ {print $2}'"));
        m.put("disk", sh("df -h " + workDirectory + " | awk 'NR==2 {print $1\" \"$2\" (\"$5\" used)\"}'") + ", rotational="
                + sh("cat /sys/block/$(lsblk -no pkname $(df --output=source " + workDirectory
                        + " | tail -1) 2>/dev/null | head -1)/queue/rotational 2>/dev/null || echo unknown"));
        m.put("kernel", sh("uname -r"));
        m.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("loadAverageAtStart", loadAverage());
        return m;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    static String hostname() {
        String h = sh("hostname");
        return h.isBlank() ? "unknown-host" : h;
    }

    static String sh(String command) {
        try {
            Process p = new ProcessBuilder(List.of("bash", "-c", command)).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            return out;
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
