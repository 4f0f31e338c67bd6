package cn.lianxin.system;

import cn.lianxin.testing.AppealFixtures;
import cn.lianxin.testing.PlatformNode;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A steady load on the cluster, bounded and on loopback: a few clients that each take a request
 * (intake with an Idempotency-Key) and, every third time, the grid worker's triage of one of their
 * accepted cases. A client that gets no answer or a 5xx tries the same thing again on the other node,
 * as a citizen's app or a load balancer does, with the same key; what was acknowledged is recorded.
 */
final class ClusterLoad implements AutoCloseable {

    /** A request the platform acknowledged: the client's key and the case's number. */
    record Accepted(String idempotencyKey, String trackingNo) {}

    final Map<String, Accepted> accepted = new ConcurrentHashMap<>();
    /** Task ids whose completion was answered 204. */
    final ConcurrentLinkedQueue<String> completed = new ConcurrentLinkedQueue<>();
    /** Answers that were not an acknowledgement (no answer, 5xx), each followed by a retry. */
    final AtomicInteger failedAttempts = new AtomicInteger();
    /** The longest time a client went from its first failed attempt to the acknowledgement (ms). */
    final AtomicLong longestRecoveryMillis = new AtomicLong();

    private final Supplier<List<PlatformNode>> nodes;
    private final List<Thread> clients;
    private volatile boolean stopped;
    private final AtomicReference<Throwable> unexpected = new AtomicReference<>();

    ClusterLoad(Supplier<List<PlatformNode>> nodes, int clientCount) {
        this.nodes = nodes;
        this.clients = java.util.stream.IntStream.range(0, clientCount)
                .mapToObj(i -> new Thread(() -> run(i), "cluster-client-" + i))
                .toList();
        clients.forEach(Thread::start);
    }

    int acceptedCount() {
        return accepted.size();
    }

    private void run(int client) {
        int turn = client;
        String lastCase = null;
        try {
            while (!stopped) {
                turn++;
                String key = UUID.randomUUID().toString();
                PlatformNode.Answer intake = untilAcknowledged(
                        turn,
                        node -> node.post(
                                "/api/appeals",
                                null,
                                AppealFixtures.intake("policy", "NORMAL", "HOUSEHOLD", "v0101"),
                                Map.of("Idempotency-Key", key)));
                if (intake == null) {
                    return;
                }
                String trackingNo = intake.body().path("trackingNo").asText();
                accepted.put(key, new Accepted(key, trackingNo));
                if (turn % 3 == 0 && lastCase != null) {
                    String theCase = lastCase;
                    PlatformNode.Answer found = untilAcknowledged(
                            turn,
                            node -> node.get(
                                    "/engine-rest/task?processInstanceBusinessKey=" + theCase
                                            + "&taskDefinitionKey=triage",
                                    "gw-v0101"));
                    if (found != null && found.body().size() == 1) {
                        String task = found.body().get(0).path("id").asText();
                        PlatformNode.Answer done = untilAcknowledged(
                                turn,
                                node -> node.post(
                                        "/api/tasks/" + task + "/completion",
                                        "gw-v0101",
                                        Map.of("path", "IMMEDIATE"),
                                        Map.of()));
                        if (done != null && done.status() == 204) {
                            completed.add(task);
                        }
                    }
                }
                lastCase = trackingNo;
            }
        } catch (RuntimeException | Error e) {
            unexpected.compareAndSet(null, e);
        }
    }

    /**
     * The request, on this turn's node and then the other, until the platform answers it (not 5xx,
     * not without an answer); {@code null} when the load stopped first.
     */
    private PlatformNode.Answer untilAcknowledged(
            int turn, java.util.function.Function<PlatformNode, PlatformNode.Answer> request) {
        long firstFailure = 0;
        for (int attempt = 0; !stopped; attempt++) {
            List<PlatformNode> cluster = nodes.get();
            PlatformNode node = cluster.get((turn + attempt) % cluster.size());
            PlatformNode.Answer answer;
            try {
                answer = request.apply(node);
            } catch (UncheckedIOException | IllegalStateException noAnswer) {
                answer = null;
            }
            if (answer != null && answer.status() < 500) {
                if (firstFailure != 0) {
                    long took = System.currentTimeMillis() - firstFailure;
                    longestRecoveryMillis.accumulateAndGet(took, Math::max);
                }
                if (answer.status() >= 400 && answer.status() != 404) {
                    throw new AssertionError("the platform refused a well-formed request: " + answer.text());
                }
                return answer;
            }
            failedAttempts.incrementAndGet();
            if (firstFailure == 0) {
                firstFailure = System.currentTimeMillis();
            }
            // the node is down or cannot reach the database: the next attempt goes to the other node,
            // whose answer (or its wait for a database connection) paces the retries
        }
        return null;
    }

    /** Stops the clients after their current request and rethrows anything unexpected they met. */
    @Override
    public void close() throws InterruptedException {
        stopped = true;
        for (Thread client : clients) {
            client.join(120_000);
        }
        if (unexpected.get() != null) {
            throw new AssertionError("a client met an unexpected failure", unexpected.get());
        }
    }
}
